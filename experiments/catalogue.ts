import type { Experiment } from '../src/experiment/context.ts';
import { async_is_generators } from './async-is-generators.ts';
import { cpuBound } from './cpu-bound.ts';
import { echo_server } from './echo-server.ts';
import { granularity } from './granularity.ts';
import { headline } from './headline.ts';
import { io_bound } from './io-bound.ts';
import { mixed } from './mixed.ts';
import { scaling } from './scaling.ts';
import { scheduler_overhead } from './scheduler-overhead.ts';
import { seed_runner } from './seed-runner.ts';
import { threadsVsProcesses } from './threads-vs-processes.ts';

/** Every experiment the lab can run, in the order `list` and `--help` show them. */
export const experiments: readonly Experiment[] = [headline, scheduler_overhead, seed_runner, async_is_generators, echo_server, cpuBound, io_bound, mixed, scaling, granularity, threadsVsProcesses];
