import { join, part, Scheduler, sleep, spawn, waitFor, type Task } from '../src/scheduler/index.ts';

/** Stands for any I/O: a promise that settles later (user 2's look-up is the slow one). */
const lookUpName = (id: number): Promise<string> => new Promise((resolve) => setTimeout(() => resolve(`user${id}`), 40 * id));

function* fetchUser(id: number): Task<{ id: number; name: string }> {
  yield part('request'); // labels the following steps in the trace
  const name = yield* waitFor(lookUpName(id)); // parks until the promise settles; others run
  yield sleep(10); // a timer: the thread is free meanwhile
  return { id, name };
}

function* main(): Task<string> {
  const a = yield* spawn('user 1', fetchUser(1)); // a typed handle: TaskHandle<{ id; name }>
  const b = yield* spawn('user 2', fetchUser(2));
  const first = yield* join(a); // the task's return value, or its error thrown here
  const second = yield* join(b);
  return `${first.name} and ${second.name}`;
}

const scheduler = new Scheduler({ policy: 'round-robin', trace: true, timeoutMs: 5_000 });
const handle = scheduler.spawn('main', main());
const report = await scheduler.run(); // { startMs, endMs, steps, failures, aborted, trace }
console.log(handle.outcome, `${report.steps} steps`); // { state: 'done', value: 'user1 and user2' } 9 steps
