import { availableParallelism } from 'node:os';
import { AUTO_MIN_ROUNDS } from '../../measure/auto-repeats.ts';
import { machineInfo } from '../../measure/machine.ts';
import type { ExperimentResult } from '../../report/experiment-result.ts';
import { progressLine } from '../../report/progress.ts';
import { renderJson } from '../../report/render-json.ts';
import { renderText } from '../../report/render-text.ts';
import { renderTimelines } from '../../report/render-timelines.ts';
import { writeFileAtomic } from '../../report/atomic-write.ts';
import { chromeTrace } from '../../trace/index.ts';
import { DEFAULT_RESULTS_DIR, saveResult } from '../../report/results-store.ts';
import type { LabArgs } from '../args.ts';
import type { Experiment, ExperimentContext } from '../experiment.ts';
import type { CliStreams } from '../streams.ts';

export const DEFAULT_SEED = 1;

/** Said under every result of a `--no-steps` run. */
export const UNTRACED_NOTE = 'Recorded without steps (--no-steps): the runs carry no timelines, and their times exclude the cost of recording steps.';

/**
 * Runs the experiments one after the other: prints each result (tables, or JSON), then saves
 * it unless `--no-save`. A failed or interrupted experiment saves nothing and ends the command.
 */
export async function runExperiments(
  experiments: readonly Experiment[],
  args: LabArgs,
  argv: readonly string[],
  streams: CliStreams,
  signal: AbortSignal,
): Promise<void> {
  const results: ExperimentResult[] = [];
  for (const experiment of experiments) {
    const progress = progressLine(streams.stderr, experiment.name, !args.json);
    let result: ExperimentResult;
    try {
      result = await experiment.run(contextFor(experiment, args, signal, progress.update));
    } finally {
      progress.done();
    }
    signal.throwIfAborted();
    if (!args.steps) result = { ...result, notes: [...result.notes, UNTRACED_NOTE] };
    results.push(result);
    const saved = args.save ? await saveResult(result, args.out ?? DEFAULT_RESULTS_DIR, argv) : undefined;
    if (!args.json) {
      streams.stdout.write(renderText(result));
      if (args.timeline ?? experiment.timelineByDefault === true) streams.stdout.write(renderTimelines(result, timelineWidth(streams)));
      if (saved) streams.stdout.write(`saved: ${saved.json} (with .md${saved.pictures.length > 0 ? ` and ${saved.pictures.length} SVG pictures` : ''})\n\n`);
    }
  }
  if (args.trace !== undefined) {
    await writeFileAtomic(args.trace, `${JSON.stringify(chromeTrace(results.flatMap((r) => (r.runs ?? []).map((run) => ({ ...run, name: `${r.experiment}: ${run.name}` })))))}\n`);
    if (!args.json) streams.stdout.write(`trace: ${args.trace} (open it in https://ui.perfetto.dev or chrome://tracing)\n`);
  }
  if (args.json) streams.stdout.write(results.length === 1 ? renderJson(results[0]!) : `[\n${results.map((r) => renderJson(r).trimEnd()).join(',\n')}\n]\n`);
}

/** Terminal width for timelines: the terminal's own, else a width that fits most screens. */
function timelineWidth(streams: CliStreams): number {
  const columns = (streams.stdout as { columns?: number }).columns;
  return Math.max(40, Math.min(columns ?? 100, 160));
}

function contextFor(experiment: Experiment, args: LabArgs, signal: AbortSignal, onProgress: ExperimentContext['onProgress']): ExperimentContext {
  return {
    quick: args.quick,
    repeats: args.autoRepeats !== undefined ? AUTO_MIN_ROUNDS : (args.repeats ?? (args.quick ? experiment.defaults.quickRepeats : experiment.defaults.repeats)),
    ...(args.autoRepeats !== undefined && { auto: { deadlineMs: performance.now() + args.autoRepeats.budgetSeconds * 1000 } }),
    warmups: args.warmups ?? 1,
    steps: args.steps,
    threads: args.threads ?? availableParallelism(),
    seed: args.seed ?? DEFAULT_SEED,
    ...(args.timeoutMs !== undefined && { timeoutMs: args.timeoutMs }),
    machine: machineInfo(),
    signal,
    onProgress,
  };
}
