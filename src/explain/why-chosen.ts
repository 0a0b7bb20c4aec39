import type { PolicyName } from '../scheduler/index.ts';

/** A task parked at the moment of a step: on what, and until when (a timer). */
export interface ParkedTask {
  readonly task: string;
  readonly on: 'timer' | 'promise' | 'join';
  /** For a timer: when it is due, ms from the start of the run. */
  readonly wakeAt?: number;
  /** For a join: the task it waits for. */
  readonly target?: string;
}

/** What the replay knew when a task was taken: enough to say why the policy chose it. */
export interface Choice {
  readonly policy: PolicyName;
  readonly task: string;
  /** The ready queue just before the take, head first. */
  readonly ready: readonly string[];
  /** Tasks not yet ended, in the order they were added. */
  readonly unfinished: readonly string[];
  readonly parked: ReadonlyMap<string, ParkedTask>;
  /** The task of the step before, if any. */
  readonly previous: string | undefined;
  /** The task was woken (timer, promise, join, cancel) since the step before. */
  readonly woken: boolean;
  /** Nothing was ready when the step before ended: the thread waited. */
  readonly idleBefore: boolean;
}

const list = (names: readonly string[]): string => names.join(', ');

/** Why the policy took this task, in plain words. */
export function whyChosen(choice: Choice): string {
  return choice.policy === 'fifo' ? whyFifo(choice) : whyRoundRobin(choice);
}

function whyRoundRobin({ task, ready, woken, idleBefore, parked }: Choice): string {
  const head = ready[0] === task;
  if (idleBefore && woken) {
    return ready.length === 1 ? `nothing was ready, so the thread slept until ${task} woke; it was the only ready task` : `nothing was ready, so the thread slept until timers fired; ${task} woke first, so it heads the queue`;
  }
  if (ready.length === 1 && head) return `${task} was the only ready task${parked.size > 0 ? ` (${list([...parked.keys()])} parked)` : ''}`;
  if (head) return `${task} was at the head of the ready queue: round-robin runs the task that has waited longest`;
  return `${task} was taken although ${ready[0] ?? 'no task'} was at the head of the queue`;
}

function whyFifo({ task, ready, unfinished, parked, previous, woken }: Choice): string {
  const oldest = unfinished[0];
  const others = ready.filter((t) => t !== task);
  const waiting = others.length > 0 ? `; ${list(others)} ${others.length === 1 ? 'waits' : 'wait'} although ready` : '';
  if (oldest !== task) {
    const joined = oldest === undefined ? undefined : parked.get(oldest);
    return joined?.on === 'join' ? `${oldest}, the oldest unfinished task, joins ${joined.target}: fifo hands the thread on, like a call` : `${task} runs because ${oldest ?? 'no task'} cannot`;
  }
  if (woken) return `${task}, the oldest unfinished task, was parked: fifo kept the thread waiting until it woke${waiting}`;
  if (previous === task) return `${task} is still the oldest unfinished task: fifo runs it again until it ends${waiting}`;
  return `${task} is the oldest unfinished task: fifo runs each task to its end, in the order they were added`;
}
