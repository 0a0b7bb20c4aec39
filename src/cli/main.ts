import { availableParallelism } from 'node:os';
import { WorkloadError } from '../workload/validate.ts';
import { progressLine, type ProgressStream } from '../report/progress.ts';
import { renderJson } from '../report/render-json.ts';
import { renderText } from '../report/render-text.ts';
import { parseLabArgs, type LabArgs } from './args.ts';
import type { Experiment, ExperimentContext } from './experiment.ts';
import { helpText } from './help.ts';
import { nearest } from './suggest.ts';
import { UsageError } from './usage-error.ts';

export interface CliStreams {
  readonly stdout: ProgressStream;
  readonly stderr: ProgressStream;
}

export const DEFAULT_EXPERIMENT = 'headline';
export const DEFAULT_SEED = 1;

/** Runs the lab's command line; resolves to the process exit code (0 done, 1 run failed, 2 bad input). */
export async function runLab(argv: readonly string[], experiments: readonly Experiment[], streams: CliStreams): Promise<number> {
  try {
    const args = parseLabArgs(argv);
    if (args.help) {
      streams.stdout.write(helpText(experiments));
      return 0;
    }
    const [command = DEFAULT_EXPERIMENT, ...extra] = args.positionals;
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"; give one experiment name (see --help)`);
    if (command === 'list') {
      const width = Math.max(...experiments.map((e) => e.name.length));
      streams.stdout.write(experiments.map((e) => `${e.name.padEnd(width)}  ${e.question}\n`).join(''));
      return 0;
    }
    const experiment = findExperiment(command, experiments);
    const progress = progressLine(streams.stderr, experiment.name, !args.json);
    try {
      const result = await experiment.run(contextFor(experiment, args, new AbortController().signal, progress.update));
      progress.done();
      streams.stdout.write(args.json ? renderJson(result) : renderText(result));
    } finally {
      progress.done();
    }
    return 0;
  } catch (error) {
    const badInput = error instanceof UsageError || error instanceof WorkloadError;
    streams.stderr.write(`lab: ${error instanceof Error ? error.message : String(error)}\n`);
    if (!badInput && process.env.LAB_DEBUG === '1' && error instanceof Error) streams.stderr.write(`${error.stack}\n`);
    return badInput ? 2 : 1;
  }
}

/** The entry point of the `lab` npm script: runs the command line and sets the exit code. */
export async function main(experiments: readonly Experiment[]): Promise<void> {
  process.exitCode = await runLab(process.argv.slice(2), experiments, { stdout: process.stdout, stderr: process.stderr });
}

function findExperiment(name: string, experiments: readonly Experiment[]): Experiment {
  const found = experiments.find((e) => e.name === name);
  if (found !== undefined) return found;
  const names = experiments.map((e) => e.name);
  const guess = nearest(name, [...names, 'list']);
  throw new UsageError(`unknown experiment "${name}"${guess ? ` (did you mean ${guess}?)` : ''}; experiments: ${names.join(', ')}; commands: list`);
}

function contextFor(experiment: Experiment, args: LabArgs, signal: AbortSignal, onProgress: ExperimentContext['onProgress']): ExperimentContext {
  return {
    quick: args.quick,
    repeats: args.repeats ?? (args.quick ? experiment.defaults.quickRepeats : experiment.defaults.repeats),
    warmups: args.warmups ?? 1,
    threads: args.threads ?? availableParallelism(),
    seed: args.seed ?? DEFAULT_SEED,
    ...(args.timeoutMs !== undefined && { timeoutMs: args.timeoutMs }),
    signal,
    onProgress,
  };
}
