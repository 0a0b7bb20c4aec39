import type { ExperimentContext } from '../../experiment/context.ts';
import { explainedStepCount, MAX_EXPLAINED_STEPS } from '../../explain/step-count.ts';
import type { WorkloadSpec } from '../../workload/spec.ts';
import { explainedRun, type ExplainedRun, type ExplainedRunSpec } from '../../explain/explained-run.ts';
import { explainPage } from '../../explain/html-page.ts';
import { explainText } from '../../explain/explain-text.ts';
import { printedLabels, replaySteps, type ExplainedStep } from '../../explain/replay.ts';
import { writeFileAtomic } from '../../report/atomic-write.ts';
import { checkOutputFile } from '../../report/output-paths.ts';
import type { LabArgs } from '../args.ts';
import { InterruptedError, whileSaving } from '../interrupt.ts';
import { isQuitKey, nextKey } from '../key-press.ts';
import type { CliStreams } from '../streams.ts';
import { UsageError } from '../../errors/usage-error.ts';
import { contextFor } from './run-experiments.ts';

/** Widest the side-by-side text gets; a pipe gets `PIPE_WIDTH`. */
const MAX_WIDTH = 200;
const PIPE_WIDTH = 120;

/**
 * `--explain` and `--html FILE`: runs each spec once with the scheduler's decisions recorded, then
 * prints them step by step side by side (or, with `--json`, the events), and writes the page.
 * With `--step` on a terminal a key press advances each step; in a pipe every step prints.
 */
export async function explainCommand(name: string, specs: readonly ExplainedRunSpec[], args: LabArgs, streams: CliStreams, signal: AbortSignal): Promise<void> {
  const input = streams.stdin;
  if (args.html !== undefined) await checkOutputFile('--html', args.html);
  const replayed = await replayedRuns(specs, signal, args.timeoutMs);
  const runs = replayed.map((r) => r.run);
  const columns = replayed.map(({ run, steps }) => ({ title: run.title, policy: run.policy, steps }));
  if (args.json) {
    const json = runs.map((r, i) => ({ title: r.title, policy: r.policy, workload: r.workload.name, tasks: r.tasks, wallMs: r.wallMs, printed: printedLabels(columns[i]!.steps), events: r.events }));
    streams.stdout.write(`${JSON.stringify({ experiment: name, explain: json }, null, 2)}\n`);
  } else if (args.explain) {
    const width = Math.min(MAX_WIDTH, Math.max(60, (streams.stdout as { columns?: number }).columns ?? PIPE_WIDTH));
    const text = explainText(columns, width);
    streams.stdout.write(`${name}: each policy ran once; its scheduler's decisions step by step (times in ms from the start of its run)\n\n${text.header}\n`);
    const paced = args.step && input?.isTTY === true && streams.stdout.isTTY === true;
    for (const [i, step] of text.steps.entries()) {
      streams.stdout.write(step);
      if (!paced || i === text.steps.length - 1) continue;
      streams.stdout.write(`-- step ${i + 1} of ${text.steps.length}: any key for the next, q to stop --`);
      const key = await nextKey(input, signal);
      streams.stdout.write('\r\u001b[2K');
      if (key === '\u0003') throw new InterruptedError('SIGINT');
      if (isQuitKey(key)) break;
    }
    signal.throwIfAborted();
    streams.stdout.write(text.footer);
  }
  if (args.html !== undefined) {
    const html = explainPage(name, runs, columns.map((c) => c.steps));
    await whileSaving(() => writeFileAtomic(args.html!, html));
    (args.json ? streams.stderr : streams.stdout).write(`page: ${args.html} (offline; open it in a browser: step, back, play, or the arrow keys)\n`);
  }
}

/** Runs the specs once each, one after the other, and replays each run's decisions into steps. */
export async function replayedRuns(specs: readonly ExplainedRunSpec[], signal: AbortSignal, timeoutMs?: number): Promise<{ run: ExplainedRun; steps: ExplainedStep[] }[]> {
  const replayed: { run: ExplainedRun; steps: ExplainedStep[] }[] = [];
  for (const spec of specs) {
    const run = await explainedRun(spec, signal, timeoutMs);
    replayed.push({ run, steps: replaySteps(run.policy, run.tasks, run.events) });
  }
  return replayed;
}

/** Runs the specs once each and returns the page that replays them (what `--html` writes, and `report` beside its index). */
export async function explainPageOf(name: string, specs: readonly ExplainedRunSpec[], signal: AbortSignal): Promise<string> {
  const replayed = await replayedRuns(specs, signal);
  return explainPage(name, replayed.map((r) => r.run), replayed.map((r) => r.steps));
}

/** The settings an experiment's `explain` reads (quick, seed); it measures nothing, so one repeat, no warm-up, and every step recorded. */
export function explainContext(args: Pick<LabArgs, 'quick' | 'seed'>, signal: AbortSignal): ExperimentContext {
  const once = { repeats: 1, quickRepeats: 1 };
  return contextFor({ defaults: once }, { quick: args.quick, seed: args.seed, repeats: 1, warmups: 0, steps: true }, signal, () => {});
}

/** A user's workload under fifo and round-robin, if it is small enough to follow step by step. */
export function workloadExplained(workload: WorkloadSpec): ExplainedRunSpec[] {
  const steps = explainedStepCount(workload);
  if (steps > MAX_EXPLAINED_STEPS) {
    const count = Number.isFinite(steps) && steps <= MAX_EXPLAINED_STEPS * 2 ? `${steps} steps` : `more than ${MAX_EXPLAINED_STEPS} steps`;
    throw new UsageError(`--explain and --html show at most ${MAX_EXPLAINED_STEPS} steps; workload "${workload.name}" takes ${count} (one per part and cpu slice, one per task's return): give a smaller workload`);
  }
  return [
    { title: 'fifo', policy: 'fifo', workload },
    { title: 'round-robin', policy: 'round-robin', workload },
  ];
}
