import { describe, expect, it } from 'vitest';
import { runInterleaved, runSequential } from '../src/modes/index.ts';
import type { WorkloadSpec } from '../src/workload/spec.ts';
import { cpuBoundWorkload } from '../src/workload/presets.ts';

const taskOrder = (trace: readonly { task: string }[]): string[] => trace.map((e) => e.task);

describe('interleaved mode', () => {
  it('switches tasks at every yield: steps of two cpu tasks alternate in the trace', async () => {
    const result = await runInterleaved(cpuBoundWorkload({ tasks: 2, unitsPerTask: 20, sliceUnits: 4 }));
    const order = taskOrder(result.trace);
    // Five slices each, then one final step each that returns: a b a b ... a b.
    expect(order).toEqual(Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? 'cpu1' : 'cpu2')));
  });

  it('lets the other tasks run while one waits on a timer', async () => {
    const workload: WorkloadSpec = {
      name: 'park',
      tasks: [
        { name: 'waiter', parts: [{ kind: 'wait', ms: 30 }, { kind: 'cpu', units: 1 }] },
        { name: 'worker', parts: [{ kind: 'cpu', units: 6, sliceUnits: 1 }] },
      ],
    };
    const result = await runInterleaved(workload);
    const order = taskOrder(result.trace);
    // The waiter parks at its first step; all of worker's steps run before the waiter's next one.
    expect(order[0]).toBe('waiter');
    expect(order.indexOf('waiter', 1)).toBeGreaterThan(order.lastIndexOf('worker'));
    expect(order.filter((t) => t === 'worker')).toHaveLength(7);
  });

  it('differs from sequential, which runs each task to completion in order', async () => {
    const workload = cpuBoundWorkload({ tasks: 3, unitsPerTask: 6, sliceUnits: 2 });
    const order = taskOrder((await runSequential(workload)).trace);
    expect(order).toEqual(['cpu1', 'cpu1', 'cpu1', 'cpu1', 'cpu2', 'cpu2', 'cpu2', 'cpu2', 'cpu3', 'cpu3', 'cpu3', 'cpu3']);
  });

  it('overlaps timer waits but not blocking waits (compared with each other, 3x margin)', async () => {
    const waits = (kind: 'wait' | 'block'): WorkloadSpec => ({
      name: kind,
      tasks: Array.from({ length: 4 }, (_, i) => ({ name: `t${i}`, parts: [{ kind, ms: 40 }] })),
    });
    const timers = await runInterleaved(waits('wait'));
    const blocking = await runInterleaved(waits('block'));
    // Four 40 ms waits: overlapped they take ~40 ms, blocking they take ~160 ms.
    expect(blocking.wallMs).toBeGreaterThan(timers.wallMs * 3);
  });
});
