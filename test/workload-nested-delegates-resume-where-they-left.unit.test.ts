import { describe, expect, it } from 'vitest';
import { Scheduler } from '../src/scheduler/index.ts';
import { buildTask, buildTaskOf, type TaskOutput } from '../src/workload/build.ts';
import type { WorkloadSpec } from '../src/workload/spec.ts';

const nested: WorkloadSpec = {
  name: 'nested',
  tasks: [
    { name: 'leaf', parts: [{ kind: 'cpu', units: 1 }, { kind: 'wait', ms: 1 }] },
    { name: 'middle', parts: [{ kind: 'wait', ms: 2, label: 'm-before' }, { kind: 'delegate', task: 'leaf' }, { kind: 'cpu', units: 1, label: 'm-after' }] },
    { name: 'top', parts: [{ kind: 'delegate', task: 'middle' }, { kind: 'delegate', task: 'leaf' }, { kind: 'wait', ms: 1, label: 'top-own' }] },
  ],
};

async function labelsAndChecksum(build: () => ReturnType<typeof buildTask>): Promise<{ labels: string[]; checksum: number }> {
  const s = new Scheduler({ trace: true });
  const handle = s.spawn('top', build());
  const { trace } = await s.run();
  const labels = Array.from({ length: trace!.count }, (_, i) => trace!.labels[trace!.label[i]!]!);
  return { labels: labels.filter((l, i) => l !== labels[i - 1]), checksum: (handle.outcome as { value: TaskOutput }).value.checksum };
}

describe('a task built from its spec', () => {
  it('walks nested delegates and comes back to the part after each, by spec or by name alike', async () => {
    const bySpec = await labelsAndChecksum(() => buildTaskOf(nested, nested.tasks[2]!));
    const byName = await labelsAndChecksum(() => buildTask(nested, 'top'));
    expect(bySpec.labels).toEqual(['m-before', 'leaf.1', 'leaf.2', 'm-after', 'leaf.1', 'leaf.2', 'top-own']);
    expect(byName).toEqual(bySpec);
  });
});
