import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { join, Scheduler, sleep, spawn, StepEnd, type PolicyName, type RecordedSteps, type Task, type TaskHandle } from '../src/scheduler/index.ts';

/** What one task does at each of its steps. */
type Step = { kind: 'yield' } | { kind: 'sleep'; ms: number } | { kind: 'child'; yields: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.constant({ kind: 'yield' } as const) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 3 }).map((ms) => ({ kind: 'sleep', ms }) as const) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 3 }).map((yields) => ({ kind: 'child', yields }) as const) },
);
const taskSetArb = fc.array(fc.array(stepArb, { maxLength: 8 }), { minLength: 1, maxLength: 6 });
const yieldOnlySetArb = fc.array(fc.array(fc.constant({ kind: 'yield' } as const), { maxLength: 8 }), { minLength: 1, maxLength: 6 });

function* child(seed: number, yields: number): Task<number> {
  let acc = seed;
  for (let i = 0; i < yields; i++) {
    acc = Math.imul(acc ^ i, 0x9e3779b1) | 0;
    yield;
  }
  return acc;
}

/** A task whose result depends on its local state across every resume, including values joined from children. */
function* scripted(id: number, steps: readonly Step[], completions: number[]): Task<number> {
  let acc = id * 7919;
  for (const [i, step] of steps.entries()) {
    acc = (Math.imul(acc, 31) + i) | 0;
    if (step.kind === 'yield') yield;
    else if (step.kind === 'sleep') yield sleep(step.ms);
    else acc ^= yield* join(yield* spawn(`child-${id}-${i}`, child(acc, step.yields)));
  }
  completions[id] = (completions[id] ?? 0) + 1;
  return acc;
}

async function runSet(policy: PolicyName, set: readonly (readonly Step[])[]) {
  const completions: number[] = [];
  const s = new Scheduler({ policy, trace: true });
  const handles: TaskHandle<number>[] = set.map((steps, id) => s.spawn(`t${id}`, scripted(id, steps, completions)));
  const report = await s.run();
  return { handles, completions, trace: report.trace, failures: report.failures };
}

/**
 * When tasks became ready, from the trace alone: root tasks before the first step, a child at
 * the step where its parent spawned it (and at once joined it), any task right after a bare yield.
 * Wake-ups by timers are left out: the trace does not say when a timer fired.
 */
function readyMoments(trace: RecordedSteps): { task: number; readyAfter: number }[] {
  const moments: { task: number; readyAfter: number }[] = [];
  const firstStep = new Map<number, number>();
  for (let i = 0; i < trace.count; i++) if (!firstStep.has(trace.task[i]!)) firstStep.set(trace.task[i]!, i);
  const childrenOf = new Map<string, number[]>();
  trace.tasks.forEach((name, id) => {
    const parent = /^child-(\d+)-/.exec(name)?.[1];
    if (parent === undefined) moments.push({ task: id, readyAfter: -1 });
    else childrenOf.set(`t${parent}`, [...(childrenOf.get(`t${parent}`) ?? []), id]);
  });
  const joinsSeen = new Map<number, number>();
  for (let i = 0; i < trace.count; i++) {
    const task = trace.task[i]!;
    if (trace.endedBy[i] === StepEnd.yield) moments.push({ task, readyAfter: i });
    if (trace.endedBy[i] === StepEnd.join) {
      const k = joinsSeen.get(task) ?? 0;
      joinsSeen.set(task, k + 1);
      const childId = childrenOf.get(trace.tasks[task]!)?.[k];
      if (childId !== undefined && firstStep.get(childId)! > i) moments.push({ task: childId, readyAfter: i });
    }
  }
  return moments;
}

/** Tasks other than `task` that had not ended by step `at` (children spawned later count too: a looser bound). */
function unfinishedOthers(trace: RecordedSteps, task: number, at: number): number {
  const endedBy = new Set<number>();
  for (let i = 0; i <= at; i++) if (trace.endedBy[i]! >= StepEnd.done) endedBy.add(trace.task[i]!);
  return trace.tasks.length - 1 - [...endedBy].filter((id) => id !== task).length;
}

const valuesOf = (handles: readonly TaskHandle<number>[]): unknown[] => handles.map((h) => h.outcome);

describe('scheduler properties over random task sets', () => {
  for (const policy of ['round-robin', 'fifo'] as const) {
    it(`${policy}: every task completes exactly once, and its trace ends with exactly one 'done' step`, async () => {
      await fc.assert(
        fc.asyncProperty(taskSetArb, async (set) => {
          const { handles, completions, trace, failures } = await runSet(policy, set);
          expect(failures).toEqual([]);
          expect(completions).toEqual(set.map(() => 1));
          expect(handles.every((h) => h.outcome?.state === 'done')).toBe(true);
          const doneSteps = new Map<string, number>();
          for (let i = 0; i < trace.count; i++) {
            if (trace.endedBy[i] === StepEnd.done) doneSteps.set(trace.tasks[trace.task[i]!]!, (doneSteps.get(trace.tasks[trace.task[i]!]!) ?? 0) + 1);
          }
          expect([...doneSteps.values()].every((n) => n === 1)).toBe(true);
          expect(doneSteps.size).toBe(trace.tasks.length);
        }),
        { numRuns: 60 },
      );
    });
  }

  it('round-robin: once ready (spawned, or after a bare yield), a task runs within (unfinished tasks - 1) steps', async () => {
    await fc.assert(
      fc.asyncProperty(taskSetArb, async (set) => {
        const { trace } = await runSet('round-robin', set);
        for (const { task, readyAfter } of readyMoments(trace)) {
          let next = readyAfter + 1;
          while (trace.task[next] !== task) next++;
          expect(next - readyAfter - 1).toBeLessThanOrEqual(unfinishedOthers(trace, task, readyAfter));
        }
      }),
      { numRuns: 80 },
    );
  });

  it('fifo: tasks without waits finish in spawn order, each before the next starts', async () => {
    await fc.assert(
      fc.asyncProperty(yieldOnlySetArb, async (set) => {
        const { trace } = await runSet('fifo', set);
        const order = Array.from(trace.task.slice(0, trace.count));
        expect(order).toEqual([...order].sort((a, b) => a - b));
      }),
      { numRuns: 60 },
    );
  });

  it('return values under round-robin equal those of a sequential (fifo) run', async () => {
    await fc.assert(
      fc.asyncProperty(taskSetArb, async (set) => {
        const interleaved = await runSet('round-robin', set);
        const sequential = await runSet('fifo', set);
        expect(valuesOf(interleaved.handles)).toEqual(valuesOf(sequential.handles));
      }),
      { numRuns: 60 },
    );
  });

  it('return values equal those of driving each generator by hand, as the seed article does', async () => {
    await fc.assert(
      fc.asyncProperty(yieldOnlySetArb, async (set) => {
        const byHand = set.map((steps, id) => {
          const gen = scripted(id, steps, []);
          let result = gen.next();
          while (result.done !== true) result = gen.next();
          return { state: 'done', value: result.value };
        });
        expect(valuesOf((await runSet('round-robin', set)).handles)).toEqual(byHand);
      }),
      { numRuns: 60 },
    );
  });
});
