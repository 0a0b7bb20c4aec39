import { describe, expect, it } from 'vitest';
import { FifoPolicy } from '../src/scheduler/policies/fifo.ts';
import { RingQueue } from '../src/scheduler/ring-queue.ts';
import { Scheduler, sleep, type Task } from '../src/scheduler/index.ts';
import { TaskRecord } from '../src/scheduler/task-record.ts';
import { TimerHeap } from '../src/scheduler/timer-heap.ts';

function popAll<T>(heap: TimerHeap<T>): T[] {
  const out: T[] = [];
  for (let entry = heap.pop(); entry !== undefined; entry = heap.pop()) out.push(entry.target);
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

  it('wakes five sleepers in deadline order, whatever order they fell asleep in', async () => {
    const woke: number[] = [];
    function* sleeper(ms: number): Task<void> {
      yield sleep(ms);
      woke.push(ms);
    }
    const s = new Scheduler();
    for (const ms of [50, 10, 40, 20, 30]) s.spawn(`sleep${ms}`, sleeper(ms));
    await s.run();
    expect(woke).toEqual([10, 20, 30, 40, 50]);
  });
});

describe('the ready queue (ring-queue.ts)', () => {
  it('keeps first-in first-out order past its initial 16 slots (mutants in grow())', () => {
    const q = new RingQueue<number>();
    for (let i = 0; i < 40; i++) q.push(i);
    expect(q.size).toBe(40);
    expect(q.peek()).toBe(0);
    const out: number[] = [];
    for (let x = q.shift(); x !== undefined; x = q.shift()) out.push(x);
    expect(out).toEqual(Array.from({ length: 40 }, (_, i) => i));
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
    const out: number[] = [];
    for (let x = q.shift(); x !== undefined; x = q.shift()) out.push(x);
    expect(out).toEqual(Array.from({ length: 30 }, (_, i) => 100 + i));
  });

  it('counts its size across the wrap-around (mutants in size: & mask)', () => {
    const q = new RingQueue<number>();
    for (let i = 0; i < 12; i++) q.push(i);
    for (let i = 0; i < 12; i++) q.shift();
    for (let i = 0; i < 7; i++) q.push(i);
    expect(q.size).toBe(7);
  });

  it('lets 40 ready tasks take turns in spawn order under round-robin', async () => {
    const log: string[] = [];
    function* twoSteps(i: number): Task<void> {
      log.push(`${i}a`);
      yield;
      log.push(`${i}b`);
    }
    const s = new Scheduler({ policy: 'round-robin' });
    for (let i = 0; i < 40; i++) s.spawn(`t${i}`, twoSteps(i));
    await s.run();
    const ids = Array.from({ length: 40 }, (_, i) => i);
    expect(log).toEqual([...ids.map((i) => `${i}a`), ...ids.map((i) => `${i}b`)]);
  });
});

describe('the fifo policy (policies/fifo.ts)', () => {
  const owner = {};
  function* idle(): Task<void> {}
  const record = (id: number): TaskRecord => new TaskRecord(id, `t${id}`, idle(), owner, 0);

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

  it('makes a sleeping head task sleep its full time: an outside timer set for sooner fires first', async () => {
    const log: string[] = [];
    function* sleepsThenLogs(): Task<void> {
      log.push('head sleeps');
      yield sleep(40);
      log.push('head woke');
    }
    function* second(): Task<void> {
      log.push('second ran');
    }
    setTimeout(() => log.push('outside timer (5 ms)'), 5);
    const s = new Scheduler({ policy: 'fifo' });
    s.spawn('head', sleepsThenLogs());
    s.spawn('second', second());
    await s.run();
    expect(log).toEqual(['head sleeps', 'outside timer (5 ms)', 'head woke', 'second ran']);
  });
});
