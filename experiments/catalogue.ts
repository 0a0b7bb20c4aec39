import type { Experiment } from '../src/experiment/context.ts';
import { asyncIsGenerators } from './async-is-generators.ts';
import { cpuBound } from './cpu-bound.ts';
import { dataTransfer } from './data-transfer.ts';
import { distributed } from './distributed.ts';
import { echoServer } from './echo-server.ts';
import { eventLoopDelay } from './event-loop-delay.ts';
import { granularity } from './granularity.ts';
import { headline } from './headline.ts';
import { ioBound } from './io-bound.ts';
import { manyTasks } from './many-tasks.ts';
import { mixed } from './mixed.ts';
import { scaling } from './scaling.ts';
import { schedulerOverhead } from './scheduler-overhead.ts';
import { seedRunner } from './seed-runner.ts';
import { threadsVsProcesses } from './threads-vs-processes.ts';

/** Every experiment the lab can run, in the order `list` and `--help` show them. */
export const experiments: readonly Experiment[] = [headline, schedulerOverhead, seedRunner, asyncIsGenerators, echoServer, cpuBound, ioBound, mixed, scaling, granularity, eventLoopDelay, dataTransfer, manyTasks, threadsVsProcesses, distributed];
