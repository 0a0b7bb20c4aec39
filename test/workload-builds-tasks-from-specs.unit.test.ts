import { describe, expect, it } from 'vitest';
import { Scheduler } from '../src/scheduler/index.ts';
import { buildTask, type TaskOutput } from '../src/workload/build.ts';
import { cpuKernel } from '../src/workload/cpu-kernel.ts';
import { createRandom } from '../src/workload/random.ts';
import type { WorkloadSpec } from '../src/workload/spec.ts';
import { runSequential } from '../src/modes/index.ts';

const article: WorkloadSpec = {
  name: 'article',
  tasks: [
    { name: 'task1_part1', parts: [{ kind: 'cpu', units: 2, label: 'task1_part1.1' }, { kind: 'wait', ms: 1, label: 'task1_part1.2' }] },
    { name: 'task1_part4', parts: [{ kind: 'delegate', task: 'task1_part1' }] },
  ],
};

async function runAlone(workload: WorkloadSpec, task: string): Promise<TaskOutput> {
  const scheduler = new Scheduler({ policy: 'fifo' });
  const handle = scheduler.spawn(task, buildTask(workload, task));
  await scheduler.run();
  if (handle.outcome?.state !== 'done') throw new Error(`task ${task} ended ${handle.outcome?.state}`);
  return handle.outcome.value;
}

describe('workload tasks', () => {
  it('delegate with yield*: task1_part4 runs task1_part1 steps under task1_part1 labels', async () => {
    const result = await runSequential(article);
    const delegated = result.trace.filter((e) => e.task === 'task1_part4').map((e) => e.part);
    const own = result.trace.filter((e) => e.task === 'task1_part1').map((e) => e.part);
    expect(delegated).toEqual(own);
    expect(new Set(delegated)).toEqual(new Set(['task1_part1.1', 'task1_part1.2']));
  });

  it('keep their local state across every suspend and resume: the checksum does not depend on slicing', async () => {
    const sliced = (sliceUnits: number): WorkloadSpec => ({ name: 's', tasks: [{ name: 't', parts: [{ kind: 'cpu', units: 60, sliceUnits }] }] });
    const whole = await runAlone(sliced(60), 't');
    expect(await runAlone(sliced(7), 't')).toEqual(whole);
    expect(await runAlone(sliced(1), 't')).toEqual(whole);
  });

  it('fold every part into the checksum: changing a wait changes it', async () => {
    const withWait = (ms: number): WorkloadSpec => ({ name: 'w', tasks: [{ name: 't', parts: [{ kind: 'wait', ms }] }] });
    expect(await runAlone(withWait(1), 't')).not.toEqual(await runAlone(withWait(2), 't'));
  });

  it('name the task that is missing', () => {
    expect(() => buildTask(article, 'nope')).toThrow('workload "article" has no task "nope"');
  });
});

describe('cpu kernel and seeded random', () => {
  it('the kernel is deterministic and chains: kernel(a+b) = kernel(b, kernel(a))', () => {
    expect(cpuKernel(5, 42)).toBe(cpuKernel(5, 42));
    expect(cpuKernel(5, 42)).not.toBe(cpuKernel(5, 43));
    expect(cpuKernel(3, cpuKernel(2, 42))).toBe(cpuKernel(5, 42));
  });

  it('the same seed gives the same sequence, a different seed a different one', () => {
    const take = (seed: number): number[] => {
      const r = createRandom(seed);
      return Array.from({ length: 8 }, () => r.int(10, 40));
    };
    expect(take(1)).toEqual(take(1));
    expect(take(1)).not.toEqual(take(2));
    expect(take(3).every((x) => x >= 10 && x <= 40 && Number.isInteger(x))).toBe(true);
  });
});
