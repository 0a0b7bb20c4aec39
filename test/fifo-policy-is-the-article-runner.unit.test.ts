import { describe, expect, it } from 'vitest';
import { part, Scheduler, type Task } from '../src/scheduler/index.ts';

/** The seed article's tasks: each step logs its label, then yields; task1_part4 delegates to task1_part1. */
function articleTasks(log: string[]): [string, Task<void>][] {
  function* labelled(labels: string[]): Task<void> {
    for (const label of labels) {
      yield part(label);
      log.push(label);
      yield;
    }
  }
  function* task1Part4(): Task<void> {
    yield* labelled(['task1_part1.1', 'task1_part1.2']);
  }
  return [
    ['task1_part1', labelled(['task1_part1.1', 'task1_part1.2'])],
    ['task1_part2', labelled(['task1_part2.0', 'task1_part2.1', 'task1_part2.2'])],
    ['task1_part3', labelled(['task1_part3.1', 'task1_part3.2', 'task1_part3.3', 'task1_part3.4', 'task1_part3.5'])],
    ['task1_part4', task1Part4()],
  ];
}

/** The article's MyConcurrentRunner, transposed: pop a generator, call next() until it is exhausted, repeat. */
function articleRunner(tasks: Iterable<[string, Task<void>]>): void {
  const queue = [...tasks].map(([, gen]) => gen);
  while (queue.length > 0) {
    const next = queue.shift()!;
    while (next.next().done !== true);
  }
}

async function onScheduler(policy: 'fifo' | 'round-robin'): Promise<string[]> {
  const log: string[] = [];
  const scheduler = new Scheduler({ policy });
  for (const [name, task] of articleTasks(log)) scheduler.spawn(name, task);
  await scheduler.run();
  return log;
}

describe("the seed article's runner", () => {
  it('is the fifo policy: the same tasks print in the same order', async () => {
    const byArticle: string[] = [];
    articleRunner(articleTasks(byArticle));
    expect(await onScheduler('fifo')).toEqual(byArticle);
    expect(byArticle).toEqual([
      'task1_part1.1', 'task1_part1.2',
      'task1_part2.0', 'task1_part2.1', 'task1_part2.2',
      'task1_part3.1', 'task1_part3.2', 'task1_part3.3', 'task1_part3.4', 'task1_part3.5',
      'task1_part1.1', 'task1_part1.2',
    ]);
  });

  it('is not what its text describes: round-robin interleaves the same steps', async () => {
    expect(await onScheduler('round-robin')).toEqual([
      'task1_part1.1', 'task1_part2.0', 'task1_part3.1', 'task1_part1.1',
      'task1_part1.2', 'task1_part2.1', 'task1_part3.2', 'task1_part1.2',
      'task1_part2.2', 'task1_part3.3', 'task1_part3.4', 'task1_part3.5',
    ]);
  });
});
