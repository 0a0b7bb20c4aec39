import { DecisionLog, Scheduler, sharedNow, type DecisionEvent, type PolicyName } from '../scheduler/index.ts';
import { EXPLAIN_TIMEOUT_MS } from './explain-timeout.ts';
import { buildTask } from '../workload/build.ts';
import type { WorkloadSpec } from '../workload/spec.ts';

/** What to run: a workload, the policy, the title of its column. */
export interface ExplainedRunSpec {
  /** The column's title, e.g. "round-robin, timer waits". */
  readonly title: string;
  readonly policy: PolicyName;
  readonly workload: WorkloadSpec;
}

/** One run of a workload under one policy with its decisions recorded: what `--explain` and the page replay. */
export interface ExplainedRun extends ExplainedRunSpec {
  /** Task names in spawn order. */
  readonly tasks: readonly string[];
  /** The scheduler's decisions, with every time in ms from the start of the run. */
  readonly events: readonly DecisionEvent[];
  readonly wallMs: number;
}

export { EXPLAIN_TIMEOUT_MS } from './explain-timeout.ts';

/** Runs the workload once on this thread under the policy, recording every decision of the scheduler. */
export async function explainedRun(spec: ExplainedRunSpec, signal?: AbortSignal, timeoutMs: number = EXPLAIN_TIMEOUT_MS): Promise<ExplainedRun> {
  const { workload, policy, title } = spec;
  const scheduler = new Scheduler({ policy, decisions: new DecisionLog(), clock: sharedNow, timeoutMs, ...(signal !== undefined && { signal }) });
  for (const task of workload.tasks) scheduler.spawn(task.name, buildTask(workload, task.name));
  const report = await scheduler.run();
  signal?.throwIfAborted();
  // Spawns come before the run starts: the first of them is time 0.
  const origin = Math.min(report.startMs, report.decisions?.[0]?.at ?? report.startMs);
  const events = (report.decisions ?? []).map((e) => relativeTo(e, origin));
  return { title, policy, workload, tasks: workload.tasks.map((t) => t.name), events, wallMs: report.endMs - origin };
}

function relativeTo(event: DecisionEvent, origin: number): DecisionEvent {
  const at = event.at - origin;
  switch (event.kind) {
    case 'sleep':
      return { ...event, at, wakeAt: event.wakeAt - origin };
    case 'fire':
      return { ...event, at, deadline: event.deadline - origin };
    default:
      return { ...event, at };
  }
}
