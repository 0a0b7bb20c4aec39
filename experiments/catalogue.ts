import type { Experiment } from '../src/experiment/context.ts';
import { asyncIsGenerators } from './async-is-generators/index.ts';
import { cpuBound } from './cpu-bound/index.ts';
import { dataTransfer } from './data-transfer/index.ts';
import { distributed } from './distributed/index.ts';
import { echoServer } from './echo-server/index.ts';
import { eventLoopDelay } from './event-loop-delay/index.ts';
import { granularity } from './granularity/index.ts';
import { handOff } from './hand-off/index.ts';
import { headline } from './headline/index.ts';
import { ioBound } from './io-bound/index.ts';
import { manyTasks } from './many-tasks/index.ts';
import { mixed } from './mixed/index.ts';
import { scaling } from './scaling/index.ts';
import { schedulerOverhead } from './scheduler-overhead/index.ts';
import { seedRunner } from './seed-runner/index.ts';
import { threadsVsProcesses } from './threads-vs-processes/index.ts';

/** Every experiment the lab can run, in the order `list` and `--help` show them. */
export const experiments: readonly Experiment[] = [headline, schedulerOverhead, seedRunner, asyncIsGenerators, echoServer, cpuBound, ioBound, mixed, scaling, granularity, handOff, eventLoopDelay, dataTransfer, manyTasks, threadsVsProcesses, distributed];

