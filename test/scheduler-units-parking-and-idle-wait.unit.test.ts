import { describe, expect, it } from 'vitest';
import { IdleWait, turnOfNodeEventLoop } from '../src/scheduler/idle-wait.ts';
import { Parking } from '../src/scheduler/parking.ts';
import { Resume, TaskRecord } from '../src/scheduler/task-record.ts';
import type { Task } from '../src/scheduler/index.ts';

// The scheduler's parts on their own, no run: a mutant in one of them fails an assertion here
// instead of hanging a whole run (mutation/vitest.config.mjs runs these files first).
// Each test names the mutants (from `npm run mutate`) that it kills.

function* idle(): Task<void> {}
const owner = {};
const record = (id: number): TaskRecord => new TaskRecord(id, `t${id}`, idle(), owner, id);

/** A Parking whose wake-ups are logged by task name, in order. */
function parkingLog(): { parking: Parking; woken: string[] } {
  const woken: string[] = [];
  return { parking: new Parking((task) => woken.push(task.name)), woken };
}

/** Lets pending promise callbacks (a waitFor's settle) run, without waiting on anything that may never come. */
const nextMacrotask = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('Parking: sleeping tasks (parking.ts sleepUntil, fireDue, hasTimers, nextDeadline)', () => {
  it('parks a sleeper, knows its deadline, and wakes it once the time has come, not before (mutants: sleepUntil/park/fireDue {}, park state "", hasTimers false/<=, <= now -> < now)', () => {
    const { parking, woken } = parkingLog();
    const a = record(0);
    expect(parking.hasTimers).toBe(false);
    expect(parking.msToNextTimer(() => 0)).toBeUndefined();
    const tokenBefore = a.wakeToken;
    parking.sleepUntil(a, 10);
    expect(a.state).toBe('parked');
    expect(a.wakeToken).toBe(tokenBefore + 1);
    expect(parking.hasTimers).toBe(true);
    expect(parking.msToNextTimer(() => 0)).toBe(10);
    parking.fireDue(9);
    expect(woken).toEqual([]);
    parking.fireDue(10);
    expect(woken).toEqual(['t0']);
    expect(parking.hasTimers).toBe(false);
  });

  it('wakes every due sleeper in deadline order and keeps the later ones (mutants in the fireDue loop condition)', () => {
    const { parking, woken } = parkingLog();
    const [a, b, c] = [record(0), record(1), record(2)];
    parking.sleepUntil(c, 30);
    parking.sleepUntil(a, 10);
    parking.sleepUntil(b, 20);
    parking.fireDue(25);
    expect(woken).toEqual(['t0', 't1']);
    expect(parking.msToNextTimer(() => 0)).toBe(30);
    parking.fireDue(30);
    expect(woken).toEqual(['t0', 't1', 't2']);
  });

  it('ignores the timer of a sleeper that was released, while another sleeper still wakes (mutants: entry.token === task.wakeToken -> false / !==)', () => {
    const { parking, woken } = parkingLog();
    const [a, b] = [record(0), record(1)];
    parking.sleepUntil(a, 10);
    parking.sleepUntil(b, 10);
    parking.release(a);
    parking.fireDue(10);
    expect(woken).toEqual(['t1']);
    expect(parking.hasTimers).toBe(false);
  });
});

describe('Parking: waiting on a promise (parking.ts waitFor, settle)', () => {
  it('wakes the task with the value it waited for (mutants: waitFor/settle {}, the fulfilled callback -> undefined, state !== "parked" -> ===, "")', async () => {
    const { parking, woken } = parkingLog();
    const a = record(0);
    parking.waitFor(a, Promise.resolve('the value'));
    expect(a.state).toBe('parked');
    expect(woken).toEqual([]);
    await nextMacrotask();
    expect(woken).toEqual(['t0']);
    expect(a.resumeMode).toBe(Resume.next);
    expect(a.resumeValue).toBe('the value');
  });

  it('wakes the task to have the rejection thrown in (mutant: the rejected callback -> undefined)', async () => {
    const { parking, woken } = parkingLog();
    const a = record(0);
    const error = new Error('refused');
    parking.waitFor(a, Promise.reject(error));
    await nextMacrotask();
    expect(woken).toEqual(['t0']);
    expect(a.resumeMode).toBe(Resume.throw);
    expect(a.resumeValue).toBe(error);
  });

  it('ignores a promise that settles after its task was released (mutant: wakeToken !== token -> false)', async () => {
    const { parking, woken } = parkingLog();
    const [a, b] = [record(0), record(1)];
    parking.waitFor(a, Promise.resolve('late'));
    parking.waitFor(b, Promise.resolve('on time'));
    parking.release(a);
    await nextMacrotask();
    expect(woken).toEqual(['t1']);
    expect(a.resumeValue).toBeUndefined();
  });
});

describe('Parking: joining (parking.ts join, release)', () => {
  it('parks the joiner on its target and release takes it off again (mutants: join {}, release {})', () => {
    const { parking, woken } = parkingLog();
    const [joiner, target] = [record(0), record(1)];
    parking.join(joiner, target);
    expect(joiner.state).toBe('parked');
    expect(joiner.joining).toBe(target);
    expect(target.joiners).toEqual([joiner]);
    const token = joiner.wakeToken;
    parking.release(joiner);
    expect(joiner.joining).toBeUndefined();
    expect(joiner.wakeToken).toBe(token + 1);
    expect(woken).toEqual([]);
  });
});

describe('TaskRecord (task-record.ts)', () => {
  it('starts ready, with the label it was given and its name as its part (mutants: state "ready" -> "", constructor {})', () => {
    const a = new TaskRecord(3, 'a', idle(), owner, 7);
    expect(a.state).toBe('ready');
    expect(a.label).toBe(7);
    expect(a.part).toBe('a');
  });

  it('waitsOn follows the chain of joins: itself, whom it joins, and whom they join; nobody else (mutants in waitsOn)', () => {
    const [a, b, c, d] = [record(0), record(1), record(2), record(3)];
    a.joining = b;
    b.joining = c;
    expect(a.waitsOn(a)).toBe(true);
    expect(a.waitsOn(b)).toBe(true);
    expect(a.waitsOn(c)).toBe(true);
    expect(c.waitsOn(a)).toBe(false);
    expect(a.waitsOn(d)).toBe(false);
  });
});

/** Starts `wait.until(undefined)`, checks it is still waiting after `turns` macrotasks, then that one wake() ends it. */
async function expectEndedOnlyByWake(wait: IdleWait, turns: number): Promise<void> {
  let ended = false;
  void wait.until(undefined).then(() => (ended = true));
  for (let turn = 0; turn < turns; turn++) await nextMacrotask();
  expect(ended).toBe(false);
  wait.wake();
  await nextMacrotask();
  expect(ended).toBe(true);
}

describe('IdleWait (idle-wait.ts)', () => {
  it('until(undefined) waits for wake(), however long (mutants: until/the promise executor/wake {}, resolve === undefined -> true)', async () => {
    const wait = new IdleWait();
    await expectEndedOnlyByWake(wait, 2);
  });

  it('until(ms) ends by itself, before a Node timer set later for longer (mutant: delayMs !== undefined -> false)', async () => {
    const wait = new IdleWait();
    const log: string[] = [];
    void wait.until(1).then(() => log.push('idle wait ended'));
    await new Promise((resolve) => setTimeout(resolve, 30));
    log.push('30 ms timer');
    expect(log).toEqual(['idle wait ended', '30 ms timer']);
  });

  it('wake() with no wait pending does nothing, and does not end the next wait early', async () => {
    const wait = new IdleWait();
    wait.wake();
    await expectEndedOnlyByWake(wait, 1);
  });

  it('turnOfNodeEventLoop lets callbacks already queued on Node run first, then ends (mutants: {}, setImmediate(() => undefined))', async () => {
    const log: string[] = [];
    setImmediate(() => log.push('queued before'));
    void turnOfNodeEventLoop().then(() => log.push('turn ended'));
    expect(log).toEqual([]);
    await nextMacrotask();
    await nextMacrotask();
    expect(log).toEqual(['queued before', 'turn ended']);
  });
});
