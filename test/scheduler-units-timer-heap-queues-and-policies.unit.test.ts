import { describe, expect, it } from 'vitest';
import { cancel, join, part, sharedNow, sleep, spawn, StepEnd, StepRecorder, toSharedMs, waitFor, type Task } from '../src/scheduler/index.ts';
import { createPolicy } from '../src/scheduler/policies/index.ts';
import { FifoPolicy } from '../src/scheduler/policies/fifo.ts';
import { RoundRobinPolicy } from '../src/scheduler/policies/round-robin.ts';
import { RingQueue } from '../src/scheduler/ring-queue.ts';
import { TaskRecord } from '../src/scheduler/task-record.ts';
import { TaskTable } from '../src/scheduler/task-table.ts';
import { TimerHeap } from '../src/scheduler/timer-heap.ts';

// The scheduler's data structures on their own, no run: a mutant in one of them fails an assertion
// here instead of hanging a whole run (mutation/vitest.config.mjs runs these files first). Loops
// over a structure are bounded, so that a mutant that never empties it fails instead of hanging.
// Each test names the mutants (from `npm run mutate`) that it kills.

/** Pops until empty, or at most `limit` times: a heap that never empties fails the test, it does not hang it. */
function popAll<T>(heap: TimerHeap<T>, limit = 20): T[] {
  const out: T[] = [];
  for (let entry = heap.pop(); entry !== undefined && out.length < limit; entry = heap.pop()) out.push(entry.target);
  return out;
}

/** Shifts until empty, or at most `limit` times. */
function drain<T>(q: RingQueue<T>, limit = 200): T[] {
  const out: T[] = [];
  for (let x = q.shift(); x !== undefined && out.length < limit; x = q.shift()) out.push(x);
  return out;
}

describe('the timer heap (timer-heap.ts)', () => {
  it('pops every order of five deadlines earliest first (mutants in the sift-down after removing the earliest timer)', () => {
    const deadlines = [50, 10, 40, 20, 30];
    // Every permutation of the insertion order must come out sorted.
    const permutations = (xs: number[]): number[][] =>
      xs.length <= 1 ? [xs] : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]));
    for (const order of permutations(deadlines)) {
      const heap = new TimerHeap<number>();
      for (const d of order) heap.push(d, d, 0);
      expect(heap.size).toBe(5);
      expect(popAll(heap)).toEqual([10, 20, 30, 40, 50]);
      expect(heap.size).toBe(0);
    }
  });

  it('fires timers due at the same moment in the order they were set (mutant: deadline < -> <=, seq order ignored)', () => {
    const heap = new TimerHeap<string>();
    for (const name of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) heap.push(7, name, 0);
    heap.push(3, 'early', 0);
    expect(heap.peekDeadline()).toBe(3);
    expect(popAll(heap)).toEqual(['early', 'a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });

  it('keeps each entry\'s token, and is empty (undefined) when nothing is left', () => {
    const heap = new TimerHeap<string>();
    expect(heap.pop()).toBeUndefined();
    expect(heap.peekDeadline()).toBeUndefined();
    heap.push(5, 'x', 42);
    expect(heap.pop()).toMatchObject({ deadline: 5, target: 'x', token: 42 });
    expect(heap.pop()).toBeUndefined();
  });
});

describe('the ready queue (ring-queue.ts)', () => {
  it('holds one item as one: it grows only when full (mutants: tail === head -> true, !==)', () => {
    const q = new RingQueue<number>();
    q.push(1);
    expect(q.size).toBe(1);
    q.push(2);
    expect(q.size).toBe(2);
    expect(drain(q)).toEqual([1, 2]);
    expect(q.size).toBe(0);
  });

  it('keeps first-in first-out order past its initial 16 slots (mutants in grow())', () => {
    const q = new RingQueue<number>();
    for (let i = 0; i < 40; i++) q.push(i);
    expect(q.size).toBe(40);
    expect(q.peek()).toBe(0);
    expect(drain(q)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(q.size).toBe(0);
    expect(q.peek()).toBeUndefined();
  });

  it('grows correctly when its contents wrap around the end of the buffer', () => {
    const q = new RingQueue<number>();
    for (let i = 0; i < 10; i++) q.push(i);
    for (let i = 0; i < 10; i++) expect(q.shift()).toBe(i);
    // head and tail now sit at slot 10: the next 16 pushes wrap, the 16th fills the ring and grows it.
    for (let i = 100; i < 130; i++) q.push(i);
    expect(q.size).toBe(30);
    expect(drain(q)).toEqual(Array.from({ length: 30 }, (_, i) => 100 + i));
  });

  it('sees nothing once drained after growing: no stale copy past the old end (mutant: grow\'s i < capacity -> <=)', () => {
    const q = new RingQueue<number>();
    for (let i = 0; i < 16; i++) q.push(i);
    expect(drain(q)).toEqual(Array.from({ length: 16 }, (_, i) => i));
    expect(q.peek()).toBeUndefined();
  });

  it('counts its size across the wrap-around (mutants in size: & mask)', () => {
    const q = new RingQueue<number>();
    for (let i = 0; i < 12; i++) q.push(i);
    for (let i = 0; i < 12; i++) q.shift();
    for (let i = 0; i < 7; i++) q.push(i);
    expect(q.size).toBe(7);
  });
});

/** The policies' tests share one owner and one idle task body; a record is a task in the state the test sets. */
const owner = {};
function* idle(): Task<void> {}
const record = (id: number): TaskRecord => new TaskRecord(id, `t${id}`, idle(), owner, 0);

describe('the fifo policy (policies/fifo.ts)', () => {
  it('runs nothing while its head task sleeps, not even the next task (mutant: head?.state === "ready" -> true)', () => {
    const fifo = new FifoPolicy();
    const head = record(0);
    const next = record(1);
    fifo.admit(head);
    fifo.admit(next);
    expect(fifo.next()).toBe(head);
    head.state = 'parked';
    expect(fifo.next()).toBeUndefined();
    head.state = 'ready';
    expect(fifo.next()).toBe(head);
  });

  it('moves past ended tasks, and hands the thread to the task its head joins', () => {
    const fifo = new FifoPolicy();
    const [a, b, c] = [record(0), record(1), record(2)];
    for (const t of [a, b, c]) fifo.admit(t);
    a.state = 'ended';
    expect(fifo.next()).toBe(b);
    b.state = 'parked';
    b.joining = c;
    expect(fifo.next()).toBe(c);
    c.state = 'parked';
    expect(fifo.next()).toBeUndefined();
  });
});

describe('the round-robin policy (policies/round-robin.ts)', () => {
  it('hands out tasks in the order they were admitted or became ready again (mutants: admit/ready/next {})', () => {
    const rr = new RoundRobinPolicy();
    const [a, b] = [record(0), record(1)];
    rr.admit(a);
    rr.admit(b);
    expect(rr.next()).toBe(a);
    rr.ready(a);
    expect(rr.next()).toBe(b);
    expect(rr.next()).toBe(a);
    expect(rr.next()).toBeUndefined();
  });

  it('createPolicy makes the policy of the name it is given (mutants: name "fifo"/"round-robin" -> "")', () => {
    expect(createPolicy('fifo')).toBeInstanceOf(FifoPolicy);
    expect(createPolicy('fifo').name).toBe('fifo');
    expect(createPolicy('round-robin')).toBeInstanceOf(RoundRobinPolicy);
    expect(createPolicy('round-robin').name).toBe('round-robin');
  });
});

describe('the task table (task-table.ts)', () => {
  function* idle(): Task<void> {}

  it('numbers tasks in order and, while steps are recorded, labels each with its name (mutant: add {})', () => {
    const table = new TaskTable({}, true);
    const a = table.add('a', idle());
    const b = table.add('b', idle());
    expect([a.id, b.id]).toEqual([0, 1]);
    expect([a.name, b.name]).toEqual(['a', 'b']);
    expect([table.labels[a.label], table.labels[b.label]]).toEqual(['a', 'b']);
    expect([a.part, b.part]).toEqual(['a', 'b']);
    expect(table.tasks).toEqual([a, b]);
  });

  it('interns each label once: the same text gets the same number (mutants: labels = [] -> ["Stryker was here"], id === undefined -> true)', () => {
    const table = new TaskTable({}, true);
    expect(table.intern('x')).toBe(0);
    expect(table.intern('y')).toBe(1);
    expect(table.intern('x')).toBe(0);
    expect(table.labels).toEqual(['x', 'y']);
  });

  it('unended() lists exactly the tasks that have not ended (mutants in unended)', () => {
    const table = new TaskTable({}, true);
    const [a, b, c] = [table.add('a', idle()), table.add('b', idle()), table.add('c', idle())];
    b.state = 'ended';
    c.state = 'parked';
    expect(table.unended()).toEqual([a, c]);
  });

  it('finds only the handles it made', () => {
    const table = new TaskTable({}, true);
    const a = table.add('a', idle());
    expect(table.find(a)).toBe(a);
    expect(new TaskTable({}, true).find(a)).toBeUndefined();
  });
});

describe('effects (effects.ts)', () => {
  function* idle(): Task<number> {
    return 1;
  }
  it('each carries the kind the scheduler dispatches on (mutants: kind -> "")', () => {
    const handle = new TaskRecord(0, 'h', idle(), {}, 0);
    const kinds = [sleep(1), waitFor(Promise.resolve(1)), spawn('s', idle()), join(handle), cancel(handle), part('p')].map((e) => e.kind);
    expect(kinds).toEqual(['sleep', 'wait', 'spawn', 'join', 'cancel', 'part']);
  });
});

describe('the shared clock (clock.ts)', () => {
  it('reads the process-wide monotonic clock in milliseconds, the one process.hrtime reads (mutants: sharedNow {}, the offset)', () => {
    const before = Number(process.hrtime.bigint()) / 1e6;
    const now = sharedNow();
    const after = Number(process.hrtime.bigint()) / 1e6;
    // Equal up to the rounding of two clock reads of the same counter.
    expect(now).toBeGreaterThanOrEqual(before - 0.5);
    expect(now).toBeLessThanOrEqual(after + 0.5);
  });

  it('puts a performance.now() reading of this thread on the same clock (mutants in toSharedMs)', () => {
    const before = sharedNow();
    const shared = toSharedMs(performance.now());
    const after = sharedNow();
    expect(shared).toBeGreaterThanOrEqual(before);
    expect(shared).toBeLessThanOrEqual(after);
  });
});

describe('the step recorder (step-trace.ts)', () => {
  it('doubles its columns only when they are full (mutants: i === capacity -> true, !==)', () => {
    const capacities: number[] = [];
    const recorder = new StepRecorder(2, (capacity) => {
      capacities.push(capacity);
      if (capacities.length > 10) throw new Error('allocated more than 10 times');
      return { task: new Int32Array(capacity), label: new Int32Array(capacity), start: new Float64Array(capacity), end: new Float64Array(capacity), endedBy: new Uint8Array(capacity) };
    });
    for (let i = 0; i < 5; i++) recorder.record(i, 10 + i, i, i + 0.5, StepEnd.yield);
    expect(capacities).toEqual([2, 4, 8]);
    const trace = recorder.finish(['t'], ['l']);
    expect(trace.count).toBe(5);
    expect([...trace.task]).toEqual([0, 1, 2, 3, 4]);
    expect([...trace.label]).toEqual([10, 11, 12, 13, 14]);
    expect([...trace.end]).toEqual([0.5, 1.5, 2.5, 3.5, 4.5]);
  });
});
