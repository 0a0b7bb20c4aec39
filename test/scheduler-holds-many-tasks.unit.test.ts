import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { part, Scheduler, sleep, type Task } from '../src/scheduler/index.ts';
import { RingQueue } from '../src/scheduler/ring-queue.ts';
import { TimerHeap } from '../src/scheduler/timer-heap.ts';

const heapOps = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 6 }).map((deadline) => ({ kind: 'push', deadline }) as const) },
    { weight: 2, arbitrary: fc.constant({ kind: 'pop' } as const) },
  ),
  { maxLength: 120 },
);

describe('the timer heap on typed columns (timer-heap.ts)', () => {
  it('pops exactly what a sorted list would, by deadline then set order, through growth past 16 and every interleaving of pushes and pops', () => {
    fc.assert(
      fc.property(heapOps, (ops) => {
        const heap = new TimerHeap<number>();
        // The model: entries in set order; the next due is the earliest deadline, first set among equals.
        const model: { deadline: number; id: number; token: number }[] = [];
        let id = 0;
        for (const op of ops) {
          if (op.kind === 'push') {
            heap.push(op.deadline, id, id * 10);
            model.push({ deadline: op.deadline, id, token: id * 10 });
            id++;
          } else {
            let best = -1;
            model.forEach((e, i) => {
              if (best < 0 || e.deadline < model[best]!.deadline) best = i;
            });
            const expected = best < 0 ? undefined : model.splice(best, 1)[0]!;
            const got = heap.pop();
            expect(got === undefined ? undefined : { deadline: got.deadline, id: got.target, token: got.token }).toEqual(expected);
          }
          expect(heap.size).toBe(model.length);
          expect(heap.peekDeadline()).toBe(model.length === 0 ? undefined : Math.min(...model.map((e) => e.deadline)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives each popped entry a later set number than any entry set before it at the same deadline', () => {
    const heap = new TimerHeap<string>();
    for (let i = 0; i < 40; i++) heap.push(i % 4, `t${i}`, 0);
    const seqs: number[] = [];
    for (let e = heap.pop(); e !== undefined; e = heap.pop()) if (e.deadline === 2) seqs.push(e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(seqs).toHaveLength(10);
  });
});

describe('the ready queue under many tasks (ring-queue.ts)', () => {
  it('keeps first-in first-out order through any mix of pushes and shifts, growing past several doublings', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 30 }), (bursts) => {
        const q = new RingQueue<number>();
        const model: number[] = [];
        let n = 0;
        for (const [i, burst] of bursts.entries()) {
          // Even entries push a burst, odd ones shift one: the ring wraps and grows at every offset.
          if (i % 2 === 0) for (let k = 0; k < burst; k++) (q.push(n), model.push(n++));
          else expect(q.shift()).toBe(model.shift());
          expect(q.size).toBe(model.length);
          expect(q.peek()).toBe(model[0]);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('many tasks on one scheduler', () => {
  it('parks and wakes 3,000 sleepers, each exactly once, in deadline order, in 2 steps each', async () => {
    const woke: number[] = [];
    function* sleeper(id: number): Task<number> {
      yield sleep(id % 7);
      woke.push(id);
      return id;
    }
    const s = new Scheduler({ trace: false });
    const handles = Array.from({ length: 3000 }, (_, id) => s.spawn(`t${id}`, sleeper(id)));
    const report = await s.run();
    expect(report.steps).toBe(6000);
    expect(new Set(woke).size).toBe(3000);
    expect(handles.map((h) => h.outcome)).toEqual(handles.map((_, id) => ({ state: 'done', value: id })));
    // Within one sleep length, tasks wake in the order they fell asleep; shorter sleeps are never after longer ones that slept at the same time.
    for (let ms = 0; ms < 7; ms++) {
      const group = woke.filter((id) => id % 7 === ms);
      expect(group).toEqual([...group].sort((a, b) => a - b));
    }
  });

  it('names the failing part in the error whether or not steps are recorded, and the task itself before any part', async () => {
    function* failsIn(label: string | undefined): Task<void> {
      if (label !== undefined) yield part(label);
      yield;
      throw new Error('boom');
    }
    for (const trace of [false, true]) {
      const s = new Scheduler({ trace });
      s.spawn('named', failsIn('flush'));
      s.spawn('plain', failsIn(undefined));
      const report = await s.run();
      expect(report.failures.map((f) => [f.task, f.part])).toEqual([
        ['named', 'flush'],
        ['plain', 'plain'],
      ]);
      expect(report.trace === undefined).toBe(!trace);
    }
  });

  it('records part labels by number when traced, and the task name as the label of its steps before any part', async () => {
    function* labelled(): Task<void> {
      yield;
      yield part('second');
      yield;
    }
    const s = new Scheduler({ trace: true });
    s.spawn('a', labelled());
    s.spawn('b', labelled());
    const { trace } = await s.run();
    const rows = Array.from({ length: trace!.count }, (_, i) => `${trace!.tasks[trace!.task[i]!]}:${trace!.labels[trace!.label[i]!]}`);
    expect(rows).toEqual(['a:a', 'b:b', 'a:second', 'b:second', 'a:second', 'b:second']);
    expect(trace!.labels).toEqual(['a', 'b', 'second']);
  });
});
