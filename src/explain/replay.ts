import type { DecisionEvent, PolicyName } from '../scheduler/index.ts';
import { whyChosen, type Choice, type ParkedTask } from './why-chosen.ts';

/** How a step ended: what the task did at the `yield` (or return) that closed it. */
export type StepEnding =
  | { readonly kind: 'yield' | 'wait' | 'unfinished' }
  | { readonly kind: 'sleep'; readonly wakeAt: number }
  | { readonly kind: 'join'; readonly target: string }
  | { readonly kind: 'finish'; readonly outcome: 'done' | 'failed' | 'cancelled' };

/** One step of a run, as the recorded decisions tell it. */
export interface ExplainedStep {
  /** 1 for the first step. */
  readonly index: number;
  /** When the task was taken from the ready queue, ms from the start of the run. */
  readonly at: number;
  readonly task: string;
  /** The part the task was in at the end of the step. */
  readonly label: string;
  /** The label the step printed: set when the task entered a new part in this step. */
  readonly printed: string | undefined;
  /** The ready queue once the task was taken from it, head first. */
  readonly ready: readonly string[];
  /** The parked tasks at that moment. */
  readonly parked: readonly ParkedTask[];
  /** What happened between the previous step and this one (timers fired, tasks woken). */
  readonly happened: readonly string[];
  /** Why the policy chose this task, in plain words. */
  readonly why: string;
  readonly ending: StepEnding;
  /** When the step ended, ms from the start of the run. */
  readonly endAt: number;
}

/** A time of the replay, ms from the start of its run, to one decimal: "12.3 ms". */
export const ms = (value: number): string => `${value.toFixed(1)} ms`;

/**
 * Replays a run's decisions into steps: the ready queue, the parked tasks, what woke whom and why
 * each task ran. The queue is rebuilt from the events alone (spawned, yielded or woken tasks join
 * its back; a take removes the task), so a policy's choice can be checked against it.
 */
export function replaySteps(policy: PolicyName, tasks: readonly string[], events: readonly DecisionEvent[]): ExplainedStep[] {
  const ready: string[] = [];
  const parked = new Map<string, ParkedTask>();
  const label = new Map<string, string>();
  const ended = new Set<string>();
  const steps: ExplainedStep[] = [];
  let happened: string[] = [];
  let woken = new Set<string>();
  let idleBefore = false;
  let previous: string | undefined;
  let open: { step: Omit<ExplainedStep, 'label' | 'printed' | 'ending' | 'endAt'>; labelBefore: string | undefined } | undefined;
  const close = (task: string, endLabel: string, ending: StepEnding, endAt: number): void => {
    if (open === undefined || open.step.task !== task) return;
    steps.push({ ...open.step, label: endLabel, printed: endLabel !== open.labelBefore ? endLabel : undefined, ending, endAt });
    label.set(task, endLabel);
    previous = task;
    open = undefined;
  };
  /** Ends the task's step as it parks, and marks it parked on what it waits for. */
  const park = (e: { readonly task: string; readonly label: string; readonly at: number }, ending: StepEnding, on: ParkedTask): void => {
    close(e.task, e.label, ending, e.at);
    parked.set(e.task, on);
  };
  for (const e of events) {
    switch (e.kind) {
      case 'spawn':
        ready.push(e.task);
        break;
      case 'take': {
        const choice: Choice = { policy, task: e.task, ready: [...ready], unfinished: tasks.filter((t) => !ended.has(t)), parked, previous, woken: woken.has(e.task), idleBefore };
        const at = ready.indexOf(e.task);
        if (at >= 0) ready.splice(at, 1);
        open = {
          step: { index: steps.length + 1, at: e.at, task: e.task, ready: [...ready], parked: [...parked.values()], happened, why: whyChosen(choice) },
          labelBefore: label.get(e.task),
        };
        happened = [];
        woken = new Set();
        break;
      }
      case 'yield':
        close(e.task, e.label, { kind: 'yield' }, e.at);
        ready.push(e.task);
        break;
      case 'sleep':
        park(e, { kind: 'sleep', wakeAt: e.wakeAt }, { task: e.task, on: 'timer', wakeAt: e.wakeAt });
        break;
      case 'wait':
        park(e, { kind: 'wait' }, { task: e.task, on: 'promise' });
        break;
      case 'join':
        park(e, { kind: 'join', target: e.target }, { task: e.task, on: 'join', target: e.target });
        break;
      case 'finish':
        close(e.task, e.label, { kind: 'finish', outcome: e.outcome }, e.at);
        ended.add(e.task);
        break;
      case 'fire':
      case 'wake':
        parked.delete(e.task);
        ready.push(e.task);
        woken.add(e.task);
        happened.push(e.kind === 'fire' ? `${e.task}'s timer (due at ${ms(e.deadline)}) fired at ${ms(e.at)}: ${e.task} is ready` : `${e.task} woke at ${ms(e.at)} (${wakeWords[e.cause]}): it is ready`);
        break;
    }
    if (e.kind !== 'take' && e.kind !== 'fire' && e.kind !== 'wake' && e.kind !== 'spawn') idleBefore = ready.length === 0;
  }
  if (open !== undefined) steps.push({ ...open.step, label: open.labelBefore ?? open.step.task, printed: undefined, ending: { kind: 'unfinished' }, endAt: events[events.length - 1]?.at ?? open.step.at });
  return steps;
}

const wakeWords = { promise: 'its promise settled', join: 'the task it joined ended', cancel: 'it was cancelled' } as const;

/** The labels the steps printed, in order: the article's printout. */
export function printedLabels(steps: readonly ExplainedStep[]): string[] {
  return steps.flatMap((s) => (s.printed === undefined ? [] : [s.printed]));
}
