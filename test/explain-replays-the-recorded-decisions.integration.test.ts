import { describe, expect, it } from 'vitest';
import { executionOrder, seedRunnerExplained } from '../experiments/seed-runner/index.ts';
import { explainText, wrap } from '../src/explain/explain-text.ts';
import { explainedRun } from '../src/explain/explained-run.ts';
import { printedLabels, replaySteps } from '../src/explain/replay.ts';
import { explainedStepCount, MAX_EXPLAINED_STEPS } from '../src/explain/step-count.ts';
import { linesOfStep, taskSources } from '../src/explain/task-source.ts';
import { runOnScheduler } from '../src/modes/on-scheduler.ts';
import { DecisionLog, Scheduler, sharedNow, type DecisionEvent } from '../src/scheduler/index.ts';
import { stepEvents } from '../src/modes/step-events.ts';
import { buildTask } from '../src/workload/build.ts';
import type { WorkloadSpec } from '../src/workload/spec.ts';
import { tinyContext } from './helpers/context.ts';

const ROUND_ROBIN = [
  'task1_part1.1', 'task1_part2.0', 'task1_part3.1', 'task1_part1.1',
  'task1_part1.2', 'task1_part2.1', 'task1_part3.2', 'task1_part1.2',
  'task1_part2.2', 'task1_part3.3', 'task1_part3.4', 'task1_part3.5',
];

describe('the explained seed-runner runs', () => {
  it('replay the decisions of a run into exactly the labels that same run traced, under each policy', async () => {
    for (const spec of seedRunnerExplained(tinyContext())) {
      const scheduler = new Scheduler({ policy: spec.policy, decisions: new DecisionLog(), trace: true, clock: sharedNow });
      for (const task of spec.workload.tasks) scheduler.spawn(task.name, buildTask(spec.workload, task.name));
      const report = await scheduler.run();
      const steps = replaySteps(spec.policy, spec.workload.tasks.map((t) => t.name), report.decisions ?? []);
      expect(printedLabels(steps)).toEqual(executionOrder(stepEvents(report.trace, 0, report.startMs)).map((s) => s.label));
      expect(printedLabels(steps)).toHaveLength(12);
    }
  });

  it('print the 12 labels of each policy in the order a measured run of the same workload traces', async () => {
    for (const spec of seedRunnerExplained(tinyContext())) {
      const run = await explainedRun(spec);
      const steps = replaySteps(run.policy, run.tasks, run.events);
      // With timer waits the order is whichever timer fires first, so a second run may differ on a busy machine: compare it with its own trace above.
      if (spec.workload.tasks.every((t) => t.parts.every((p) => p.kind !== 'wait'))) {
        const traced = await runOnScheduler('interleaved', spec.policy, spec.workload);
        expect(printedLabels(steps)).toEqual(executionOrder(traced.trace).map((s) => s.label));
      }
      expect(printedLabels(steps)).toHaveLength(12);
      // Every task returns in a step of its own: 12 labelled steps and 4 returns.
      expect(steps).toHaveLength(16);
      expect(steps.filter((s) => s.ending.kind === 'finish')).toHaveLength(4);
      expect(steps.map((s) => s.index)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
      for (const s of steps) expect(s.endAt).toBeGreaterThanOrEqual(s.at);
    }
  });

  it('rebuild a round-robin queue whose head is the task taken at every step, and say so', async () => {
    const [, blocking, timers] = seedRunnerExplained(tinyContext());
    for (const spec of [blocking!, timers!]) {
      const run = await explainedRun(spec);
      const steps = replaySteps(run.policy, run.tasks, run.events);
      for (const s of steps) expect(s.why).not.toContain('although');
      if (spec.workload.tasks[0]!.parts[0]!.kind === 'block') {
        expect(printedLabels(steps)).toEqual(ROUND_ROBIN);
        expect(steps[0]!.ready).toEqual(['task1_part2', 'task1_part3', 'task1_part4']);
        expect(steps[1]!.ready).toEqual(['task1_part3', 'task1_part4', 'task1_part1']);
        expect(steps[0]!.why).toContain('head of the ready queue');
      } else {
        // Timer waits: the first round parks all four tasks, each until its own wake time.
        expect(steps[3]!.parked.map((p) => p.task)).toEqual(['task1_part1', 'task1_part2', 'task1_part3']);
        expect(steps[3]!.parked.every((p) => p.on === 'timer' && p.wakeAt! > 0)).toBe(true);
        expect(steps[4]!.happened.some((h) => h.includes('fired'))).toBe(true);
        expect(steps.some((s) => s.why.startsWith('nothing was ready'))).toBe(true);
      }
    }
  });

  it('under fifo, say that the oldest task runs again while the others wait', async () => {
    const [fifo] = seedRunnerExplained(tinyContext());
    const run = await explainedRun(fifo!);
    const steps = replaySteps(run.policy, run.tasks, run.events);
    expect(steps[0]!.why).toContain('oldest unfinished task');
    expect(steps[1]!.why).toContain('runs it again');
    expect(steps[1]!.why).toContain('task1_part2, task1_part3, task1_part4 wait although ready');
  });
});

describe('the replay of hand-made events', () => {
  const at = (n: number): { at: number } => ({ at: n });
  it('parks on promises and joins, wakes, and leaves an unfinished step open', () => {
    const events: DecisionEvent[] = [
      { kind: 'spawn', task: 'a', ...at(0) },
      { kind: 'spawn', task: 'b', ...at(0) },
      { kind: 'take', task: 'a', ...at(1) },
      { kind: 'join', task: 'a', label: 'a.1', target: 'b', ...at(2) },
      { kind: 'take', task: 'b', ...at(3) },
      { kind: 'wait', task: 'b', label: 'b.1', ...at(4) },
      { kind: 'wake', task: 'b', cause: 'promise', ...at(5) },
      { kind: 'take', task: 'b', ...at(6) },
      { kind: 'finish', task: 'b', label: 'b.1', outcome: 'failed', ...at(7) },
      { kind: 'wake', task: 'a', cause: 'join', ...at(7) },
      { kind: 'take', task: 'a', ...at(8) },
    ];
    const steps = replaySteps('round-robin', ['a', 'b'], events);
    expect(steps.map((s) => s.ending.kind)).toEqual(['join', 'wait', 'finish', 'unfinished']);
    expect(steps[1]!.parked).toEqual([{ task: 'a', on: 'join', target: 'b' }]);
    expect(steps[2]!.happened).toEqual(['b woke at 5.0 ms (its promise settled): it is ready']);
    expect(steps[2]!.why).toBe('nothing was ready, so the thread slept until b woke; it was the only ready task');
    expect(steps[2]!.printed).toBeUndefined();
    expect(steps[3]!.happened).toEqual(['a woke at 7.0 ms (the task it joined ended): it is ready']);
    expect(steps[3]!.endAt).toBe(8);
    const fifo = replaySteps('fifo', ['a', 'b'], events);
    expect(fifo[1]!.why).toBe('a, the oldest unfinished task, joins b: fifo hands the thread on, like a call');
  });
});

describe('the side-by-side text', () => {
  it('wraps long lines at spaces, indenting what follows', () => {
    expect(wrap('one two three four', 9)).toEqual(['one two', '    three', '    four']);
    expect(wrap('short', 9)).toEqual(['short']);
  });

  it('puts the columns side by side with every step, and the printed labels at the end', async () => {
    const columns = [];
    for (const spec of seedRunnerExplained(tinyContext())) {
      const run = await explainedRun(spec);
      columns.push({ title: run.title, policy: run.policy, steps: replaySteps(run.policy, run.tasks, run.events) });
    }
    const text = explainText(columns, 120);
    expect(text.header).toContain("fifo (the article's code)");
    expect(text.header).toContain('round-robin, timer waits');
    expect(text.steps).toHaveLength(16);
    for (const block of text.steps) for (const line of block.split('\n')) expect(line.length).toBeLessThanOrEqual(120);
    expect(text.steps[0]!.match(/step 1 at/g)).toHaveLength(3);
    expect(text.steps[0]).toContain('ready:   [task1_part2, task1_part3,');
    expect(text.footer.match(/printed \(12\)/g)).toHaveLength(3);
  });
});

describe('what a workload costs in steps, and its code', () => {
  const workload: WorkloadSpec = {
    name: 'w',
    tasks: [
      { name: 'a', parts: [{ kind: 'cpu', units: 300, sliceUnits: 100 }, { kind: 'wait', ms: 1, label: 'pause' }] },
      { name: 'b', parts: [{ kind: 'delegate', task: 'a' }, { kind: 'block', ms: 1 }] },
    ],
  };
  it('counts a step per part and cpu slice, delegation expanded, and one return per task', () => {
    expect(explainedStepCount(workload)).toBe(4 + 5 + 2);
    const big: WorkloadSpec = { name: 'big', tasks: [{ name: 'x', parts: [{ kind: 'cpu', units: 1_000_000_000, sliceUnits: 1 }] }] };
    expect(explainedStepCount(big)).toBe(MAX_EXPLAINED_STEPS + 1);
    const many: WorkloadSpec = { name: 'many', tasks: Array.from({ length: 60 }, (_, i) => ({ name: `t${i}`, parts: [] })) };
    expect(explainedStepCount(many)).toBe(60);
  });

  it('writes each task as a generator and finds the lines of a step, through yield*', () => {
    const sources = taskSources(workload);
    expect(sources[1]!.lines).toEqual(['function* b() {', '  yield* a();', "  yield part(\"b.2\");", '  blockThread(1); // blocks', '  yield;', '}']);
    const step = { index: 1, at: 0, endAt: 1, task: 'b', label: 'pause', printed: 'pause', ready: [], parked: [], happened: [], why: '', ending: { kind: 'sleep', wakeAt: 2 } } as const;
    expect(linesOfStep(sources, step)).toEqual([{ task: 'b', line: 1 }, { task: 'a', line: 6 }, { task: 'a', line: 7 }]);
    expect(linesOfStep(sources, { ...step, label: 'b.2', printed: undefined, ending: { kind: 'finish', outcome: 'done' } })).toEqual([{ task: 'b', line: 5 }]);
  });
});
