import { DEFAULTS } from '../defaults.ts';
import { usableCores } from '../../runtime/cores.ts';
import { AUTO_MIN_ROUNDS } from '../../measure/auto-repeats.ts';
import { join } from 'node:path';
import { machineInfo } from '../../measure/machine.ts';
import type { ExperimentResult } from '../../report/experiment-result.ts';
import { progressLine } from '../../report/progress.ts';
import { renderJson } from '../../report/render-json.ts';
import { renderText } from '../../report/render-text.ts';
import { renderTimelines } from '../../report/render-timelines.ts';
import { writeFileAtomic } from '../../report/atomic-write.ts';
import { checkOutputDir, checkOutputFile } from '../../report/output-paths.ts';
import { chromeTrace } from '../../draw/index.ts';
import { DEFAULT_RESULTS_DIR, saveResult } from '../../report/results-store.ts';
import type { LabArgs } from '../args.ts';
import type { Experiment, ExperimentContext } from '../../experiment/context.ts';
import { whileSaving } from '../interrupt.ts';
import { LabError } from '../../errors/lab-error.ts';
import type { CliStreams } from '../streams.ts';


/** Said under every result of a `--no-steps` run. */
export const UNTRACED_NOTE = 'Recorded without steps (--no-steps): the runs carry no timelines, and their times exclude the cost of recording steps.';

/**
 * Runs the experiments one after the other: prints each result (tables, or JSON), then saves it
 * unless `--no-save`. Output paths are checked before anything is measured. A failed or interrupted
 * experiment saves nothing and ends the command; a failed save removes that result's files.
 */
export async function runExperiments(
  experiments: readonly Experiment[],
  args: LabArgs,
  argv: readonly string[],
  streams: CliStreams,
  signal: AbortSignal,
): Promise<void> {
  const outDir = args.out ?? DEFAULT_RESULTS_DIR;
  if (args.save) {
    await checkOutputDir('--out', outDir);
    for (const experiment of experiments) await checkOutputDir('--out', join(outDir, experiment.name));
  }
  if (args.trace !== undefined) await checkOutputFile('--trace', args.trace);
  const cores = usableCores();
  if (args.threads !== undefined && args.threads > cores) {
    streams.stderr.write(`lab: note: --threads ${args.threads} is more than the ${cores} core${cores === 1 ? '' : 's'} this machine offers: the threads will take turns on them, and each costs start-up time and memory\n`);
  }
  const results: ExperimentResult[] = [];
  const printJson = (): void => {
    if (args.json) streams.stdout.write(results.length === 1 ? renderJson(results[0]!) : `[\n${results.map((r) => renderJson(r).trimEnd()).join(',\n')}\n]\n`);
  };
  for (const experiment of experiments) {
    const progress = progressLine(streams.stderr, experiment.name, !args.json);
    let result: ExperimentResult;
    try {
      const context = contextFor(experiment, args, signal, progress.update);
      result = await experiment.run(streams.readCpu === undefined ? context : { ...context, readCpu: streams.readCpu });
    } catch (error) {
      // Among several experiments (`all`), one that cannot run on this machine (no redis-server) is skipped with its one line.
      if (experiments.length > 1 && isSkippable(error) && !signal.aborted) {
        streams.stderr.write(`lab: skipped ${experiment.name}: ${error.message}\n`);
        continue;
      }
      throw error;
    } finally {
      progress.done();
    }
    signal.throwIfAborted();
    if (!args.steps) result = { ...result, notes: [...result.notes, UNTRACED_NOTE] };
    results.push(result);
    if (!args.json) {
      streams.stdout.write(renderText(result));
      if (args.timeline ?? experiment.timelineByDefault === true) streams.stdout.write(renderTimelines(result, timelineWidth(streams)));
    }
    if (!args.save) continue;
    try {
      const saved = await whileSaving(() => saveResult(result, outDir, argv, new Date(), signal));
      if (!args.json) streams.stdout.write(`saved: ${saved.json} (with .md${saved.pictures.length > 0 ? ` and ${saved.pictures.length} SVG pictures` : ''})\n\n`);
    } catch (error) {
      printJson();
      throw error;
    }
  }
  if (args.trace !== undefined) {
    const document = chromeTrace(results.flatMap((r) => (r.runs ?? []).map((run) => ({ ...run, name: `${r.experiment}: ${run.name}` }))));
    const trace = `${JSON.stringify(document)}\n`;
    await whileSaving(() => writeFileAtomic(args.trace!, trace));
    const sampled = document.otherData.runs.filter((r) => r.sample !== undefined).length;
    const sample = sampled === 0 ? '' : `; ${sampled} of its ${document.otherData.runs.length} runs as a sample of their tasks, to stay under about 1 MB`;
    if (!args.json) streams.stdout.write(`trace: ${args.trace} (open it in https://ui.perfetto.dev or chrome://tracing${sample})\n`);
  }
  printJson();
}

/** An error that says the experiment cannot run here (a tool is missing), not that it failed. */
function isSkippable(error: unknown): error is LabError & { readonly skippable: true } {
  return error instanceof LabError && 'skippable' in error && error.skippable === true;
}

/** Terminal width for timelines: the terminal's own, else a width that fits most screens. */
function timelineWidth(streams: CliStreams): number {
  const columns = (streams.stdout as { columns?: number }).columns;
  return Math.max(40, Math.min(columns ?? 100, 160));
}

/** What of the command line an experiment's context reads. */
type ContextArgs = Pick<LabArgs, 'quick' | 'steps' | 'repeats' | 'autoRepeats' | 'warmups' | 'threads' | 'processes' | 'redis' | 'redisTimeoutMs' | 'workers' | 'maxThreads' | 'predict' | 'aa' | 'seed' | 'timeoutMs'>;

/** The context an experiment runs under: the flags given, else the experiment's defaults and the lab's. */
export function contextFor(experiment: Pick<Experiment, 'defaults'>, args: ContextArgs, signal: AbortSignal, onProgress: ExperimentContext['onProgress']): ExperimentContext {
  const machine = machineInfo();
  return {
    quick: args.quick,
    repeats: args.autoRepeats !== undefined ? AUTO_MIN_ROUNDS : (args.repeats ?? (args.quick ? experiment.defaults.quickRepeats : experiment.defaults.repeats)),
    ...(args.autoRepeats !== undefined && { auto: { deadlineMs: performance.now() + args.autoRepeats.budgetSeconds * 1000 } }),
    warmups: args.warmups ?? DEFAULTS.warmups,
    steps: args.steps,
    threads: args.threads ?? machine.availableParallelism,
    ...(args.processes !== undefined && { processes: args.processes }),
    ...(args.redis !== undefined && { redis: args.redis }),
    ...(args.redisTimeoutMs !== undefined && { redisTimeoutMs: args.redisTimeoutMs }),
    ...(args.workers !== undefined && { workers: args.workers }),
    ...(args.maxThreads !== undefined && { maxThreads: args.maxThreads }),
    ...(args.predict !== undefined && { predict: args.predict }),
    ...(args.aa === true && { aa: true }),
    seed: args.seed ?? DEFAULTS.seed,
    ...(args.timeoutMs !== undefined && { timeoutMs: args.timeoutMs }),
    machine,
    signal,
    onProgress,
  };
}
