import { describe, expect, it } from 'vitest';
import { part, Scheduler, stepEndNames, sleep, type Task } from '../src/scheduler/index.ts';

// The step trace starts with `traceCapacity` rows and doubles its typed-array columns when full
// (step-record.ts grow). Every column must keep every row across growth, in step order.
describe('the step trace', () => {
  it('keeps every step, in order, in every column, when it grows from a capacity of 1', async () => {
    function* worker(name: string): Task<string> {
      yield part(`${name}-one`);
      yield;
      yield part(`${name}-two`);
      yield sleep(1);
      return name;
    }
    let tick = 0;
    const clock = (): number => tick++;
    const s = new Scheduler({ trace: true, traceCapacity: 1, clock });
    s.spawn('a', worker('a'));
    s.spawn('b', worker('b'));
    const report = await s.run();
    const trace = report.trace;
    const rows = Array.from({ length: trace.count }, (_, i) => ({
      task: trace.tasks[trace.task[i]!],
      label: trace.labels[trace.label[i]!],
      endedBy: stepEndNames[trace.endedBy[i]!],
    }));
    expect(rows).toEqual([
      { task: 'a', label: 'a-one', endedBy: 'yield' },
      { task: 'b', label: 'b-one', endedBy: 'yield' },
      { task: 'a', label: 'a-two', endedBy: 'sleep' },
      { task: 'b', label: 'b-two', endedBy: 'sleep' },
      { task: 'a', label: 'a-two', endedBy: 'done' },
      { task: 'b', label: 'b-two', endedBy: 'done' },
    ]);
    expect([trace.task.length, trace.label.length, trace.start.length, trace.end.length, trace.endedBy.length]).toEqual([6, 6, 6, 6, 6]);
    // The injected clock only goes up: every step starts where the one before ended, or later.
    for (let i = 0; i < trace.count; i++) {
      expect(trace.end[i]!).toBeGreaterThan(trace.start[i]!);
      if (i > 0) expect(trace.start[i]!).toBeGreaterThanOrEqual(trace.end[i - 1]!);
    }
    expect(report.steps).toBe(6);
  });
});
