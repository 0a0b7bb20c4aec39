import { Scheduler, stepEndNames, waitFor, type StepEndName, type Task } from '../../src/scheduler/index.ts';

/** Stands for any I/O: a promise that settles a little later. */
function lookUp(n: number): Promise<number> {
  return new Promise((resolve) => setTimeout(() => resolve(n), 1));
}

/** The async original: awaits an async helper three times. */
export async function sumAsync(): Promise<number> {
  let sum = 0;
  for (const n of [1, 2, 3]) sum += await timesTenAsync(n);
  return sum;
}

async function timesTenAsync(n: number): Promise<number> {
  return (await lookUp(n)) * 10;
}

/** The same, as a lab task: `yield*` where the original says `await`, `waitFor` where it awaits a promise. */
export function* sumTask(): Task<number> {
  let sum = 0;
  for (const n of [1, 2, 3]) sum += yield* timesTenTask(n);
  return sum;
}

function* timesTenTask(n: number): Task<number> {
  return (yield* waitFor(lookUp(n))) * 10;
}

/** What the lab's scheduler made of the async-style task, next to what `await` made of the original. */
export interface AsyncStyleRun {
  readonly schedulerValue: number;
  readonly asyncValue: number;
  readonly steps: number;
  /** How each step ended: every `waitFor` parks the task until its promise settles. */
  readonly stepEnds: readonly StepEndName[];
}

/** Drives `sumTask` to completion on the lab's scheduler and runs `sumAsync` natively. */
export async function runAsyncStyleTask(options: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<AsyncStyleRun> {
  const scheduler = new Scheduler({ policy: 'round-robin', trace: true, timeoutMs: options.timeoutMs ?? 10_000, ...(options.signal && { signal: options.signal }) });
  const handle = scheduler.spawn('sumTask', sumTask());
  const report = await scheduler.run();
  if (report.aborted !== undefined) throw report.aborted.reason;
  const outcome = handle.outcome;
  if (outcome?.state !== 'done') throw outcome?.error ?? new Error('sumTask did not finish');
  const trace = report.trace;
  const stepEnds = Array.from(trace.endedBy, (code) => stepEndNames[code]!);
  return { schedulerValue: outcome.value, asyncValue: await sumAsync(), steps: report.steps, stepEnds };
}
