import { describe, expect, it } from 'vitest';
import { cancel, Decision, DecisionLog, join, part, Scheduler, sleep, spawn, waitFor, type DecisionEvent, type Task } from '../src/scheduler/index.ts';

/** A clock that moves 1 ms at every read: every decision gets its own moment, timers come due quickly. */
function tickingClock(): () => number {
  let now = 100;
  return () => now++;
}

async function explained(setUp: (s: Scheduler) => void, policy: 'fifo' | 'round-robin' = 'round-robin'): Promise<readonly DecisionEvent[]> {
  const log = new DecisionLog();
  const clock = tickingClock();
  const s = new Scheduler({ policy, decisions: log, clock });
  setUp(s);
  const report = await s.run();
  const events = report.decisions ?? [];
  expect(log.count).toBe(events.length);
  return events;
}

const brief = (events: readonly DecisionEvent[]): string[] => events.map((e) => `${e.kind} ${e.task}`);

function* yields(n: number): Task<void> {
  for (let i = 0; i < n; i++) yield;
}

describe('the scheduler explains its decisions', () => {
  it('records spawn, take, yield and finish, one per decision, in run order (round-robin)', async () => {
    const events = await explained((s) => {
      s.spawn('a', yields(2));
      s.spawn('b', yields(1));
    });
    expect(brief(events)).toEqual([
      'spawn a', 'spawn b',
      'take a', 'yield a',
      'take b', 'yield b',
      'take a', 'yield a',
      'take b', 'finish b',
      'take a', 'finish a',
    ]);
    for (let i = 1; i < events.length; i++) expect(events[i]!.at).toBeGreaterThan(events[i - 1]!.at);
    expect(events.filter((e) => e.kind === 'finish').map((e) => (e as { outcome: string }).outcome)).toEqual(['done', 'done']);
  });

  it('under fifo, takes the oldest task again after its yield', async () => {
    const events = await explained((s) => {
      s.spawn('a', yields(1));
      s.spawn('b', yields(1));
    }, 'fifo');
    expect(brief(events).filter((e) => e.startsWith('take'))).toEqual(['take a', 'take a', 'take b', 'take b']);
  });

  it('records a sleep with its wake time, the timer that fired with its deadline, and the step label', async () => {
    function* sleeper(): Task<void> {
      yield part('sleeper.1');
      yield sleep(5);
    }
    const log = new DecisionLog();
    const s = new Scheduler({ decisions: log, clock: tickingClock() });
    s.spawn('sleeper', sleeper());
    const report = await s.run();
    const events = report.decisions ?? [];
    expect(report.steps).toBe(2);
    expect(events.map((e) => e.kind)).toEqual(['spawn', 'take', 'sleep', 'fire', 'take', 'finish']);
    const slept = events[2] as Extract<DecisionEvent, { kind: 'sleep' }>;
    const fired = events[3] as Extract<DecisionEvent, { kind: 'fire' }>;
    expect(slept.label).toBe('sleeper.1');
    expect(slept.wakeAt).toBe(slept.at + 5);
    expect(fired.deadline).toBe(slept.wakeAt);
    expect(fired.at).toBeGreaterThanOrEqual(fired.deadline);
    expect(events[5]).toMatchObject({ kind: 'finish', label: 'sleeper.1', outcome: 'done' });
  });

  it('records a wait on a promise and the wake when it settles', async () => {
    const events = await explained((s) => {
      s.spawn('waiter', (function* (): Task<void> {
        yield waitFor(Promise.resolve(1));
      })());
    });
    expect(events.map((e) => e.kind)).toEqual(['spawn', 'take', 'wait', 'wake', 'take', 'finish']);
    expect(events[3]).toMatchObject({ kind: 'wake', task: 'waiter', cause: 'promise' });
  });

  it('records a join with its target, a spawn from inside a task, and the joiner woken by the end of the joined task', async () => {
    const events = await explained((s) => {
      s.spawn('parent', (function* (): Task<void> {
        const child = yield* spawn('child', yields(1));
        yield* join(child);
      })());
    });
    expect(brief(events)).toEqual([
      'spawn parent', 'take parent', 'spawn child', 'join parent',
      'take child', 'yield child', 'take child', 'finish child', 'wake parent',
      'take parent', 'finish parent',
    ]);
    expect(events[3]).toMatchObject({ kind: 'join', target: 'child' });
    expect(events[8]).toMatchObject({ kind: 'wake', cause: 'join' });
  });

  it('records a failure and a cancellation, with the parked task woken by its cancel', async () => {
    const events = await explained((s) => {
      const sleeper = s.spawn('sleeper', (function* (): Task<void> {
        yield sleep(1_000_000);
      })());
      s.spawn('canceller', (function* (): Task<void> {
        yield;
        yield* cancel(sleeper);
        throw new Error('boom');
      })());
    });
    expect(brief(events)).toEqual([
      'spawn sleeper', 'spawn canceller', 'take sleeper', 'sleep sleeper',
      'take canceller', 'yield canceller', 'take canceller', 'wake sleeper', 'finish canceller',
      'take sleeper', 'finish sleeper',
    ]);
    expect(events[7]).toMatchObject({ cause: 'cancel' });
    expect(events.filter((e) => e.kind === 'finish').map((e) => (e as { outcome: string }).outcome)).toEqual(['failed', 'cancelled']);
  });

  it('records nothing, and reads the clock no more often, without a log', async () => {
    let reads = 0;
    const counted = (): number => reads++;
    const s = new Scheduler({ clock: counted });
    s.spawn('a', yields(3));
    const report = await s.run();
    expect(report.decisions).toBeUndefined();
    const untracedReads = reads;
    reads = 0;
    const withLog = new Scheduler({ clock: counted, decisions: new DecisionLog() });
    withLog.spawn('a', yields(3));
    await withLog.run();
    // spawn, 4 takes, 3 yields, 1 finish: one read each, on top of the run's own.
    expect(reads).toBe(untracedReads + 9);
  });

  it('names every decision code it turns into an event', () => {
    const log = new DecisionLog();
    for (const code of Object.values(Decision)) log.record(code, code, 0, 1, 0);
    const events = log.finish(['t'], ['t', 't.1']);
    expect(events.map((e) => e.kind)).toEqual(['spawn', 'take', 'yield', 'sleep', 'wait', 'join', 'fire', 'wake', 'finish']);
    expect(events.map((e) => e.at)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(events[2]).toMatchObject({ label: 't.1' });
    expect(events[5]).toMatchObject({ target: 't' });
  });
});
