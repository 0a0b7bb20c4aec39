import { labVersion } from '../runtime/package-root.ts';
import { ExitCode, LabError } from '../errors/lab-error.ts';
import { capText, escapeControlCharacters } from '../workload/describe-value.ts';
import { parseLabArgs } from './args.ts';
import { compareCommand } from './commands/compare.ts';
import { reportCommand } from './commands/report.ts';
import { workerCommand } from './commands/worker.ts';
import { runExperiments } from './commands/run-experiments.ts';
import { workloadExperiment } from '../experiment/workload-experiment.ts';
import { readWorkloadFile } from './read-workload.ts';
import { modeNames, modeOf } from '../modes/index.ts';
import { comparableIn, type Experiment } from '../experiment/context.ts';
import { helpText } from './help.ts';
import { abortOnInterrupt, InterruptedError } from './interrupt.ts';
import type { CliStreams } from './streams.ts';
import { nearest } from './suggest.ts';
import { UsageError } from '../errors/usage-error.ts';

export type { CliStreams } from './streams.ts';

export const DEFAULT_EXPERIMENT = 'headline';
const commands = ['list', 'all', 'compare', 'run', 'report', 'try', 'worker'] as const;

export { ExitCode } from '../errors/lab-error.ts';

/**
 * Runs the lab's command line and resolves to the exit code. `signal` aborts the work in
 * progress (the entry point wires it to Ctrl-C); nothing is saved for an aborted experiment.
 */
export async function runLab(
  argv: readonly string[],
  experiments: readonly Experiment[],
  streams: CliStreams,
  signal: AbortSignal = new AbortController().signal,
): Promise<number> {
  try {
    const args = parseLabArgs(argv);
    if (args.help) {
      streams.stdout.write(helpText(experiments));
      return ExitCode.ok;
    }
    if (args.version) {
      streams.stdout.write(`${labVersion()}\n`);
      return ExitCode.ok;
    }
    const [command = DEFAULT_EXPERIMENT, ...rest] = args.positionals;
    if (command === 'compare') {
      return await compareCommand(rest, args, streams, comparableIn(experiments));
    }
    if (command === 'worker') {
      await workerCommand(rest, args, streams, signal);
      return ExitCode.ok;
    }
    if (command === 'report') {
      await reportCommand(rest, args, streams, signal, experiments.map((e) => e.name), new Date(), experiments);
      return ExitCode.ok;
    }
    if (command === 'try') {
      // Loaded on demand: esbuild and the child-process runner would slow every other command's start.
      const { tryCommand } = await import('./commands/try.ts');
      await tryCommand(rest, args, argv, streams, signal);
      return ExitCode.ok;
    }
    if (command === 'run') {
      if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"; run takes --workload FILE`);
      if (args.workload === undefined) throw new UsageError('run needs --workload FILE (a JSON workload; see experiments/example-workload.json)');
      const workload = await readWorkloadFile(args.workload, args.maxWork);
      if (args.explain || args.html !== undefined) {
        // Loaded only when asked for: a run that explains nothing starts (and installs its Ctrl-C handler) sooner.
        const { explainCommand, workloadExplained } = await import('./commands/explain.ts');
        await explainCommand(`workload "${workload.name}"`, workloadExplained(workload), args, streams, signal);
        return ExitCode.ok;
      }
      for (const mode of args.modes ?? []) {
        const unfit = modeOf(mode).cannotRun?.(workload);
        if (unfit !== undefined) throw new UsageError(`--modes ${mode} ${unfit.why} (drop ${mode} from --modes, or ${unfit.instead})`);
      }
      await runExperiments([workloadExperiment(workload, args.modes ?? modeNames)], args, argv, streams, signal);
      return ExitCode.ok;
    }
    if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"; give one experiment name or command (see --help)`);
    if (command === 'list') {
      const width = Math.max(...experiments.map((e) => e.name.length));
      const indent = ' '.repeat(width + 2);
      streams.stdout.write(experiments.map((e) => `${e.name.padEnd(width)}  ${e.question}\n${e.about === undefined ? '' : `${indent}${e.about}\n`}`).join(''));
      return ExitCode.ok;
    }
    if (args.explain || args.html !== undefined) {
      const experiment = command === 'all' ? undefined : findExperiment(command, experiments);
      const explainable = experiments.filter((e) => e.explain !== undefined).map((e) => e.name);
      if (experiment?.explain === undefined) throw new UsageError(`--explain and --html apply to ${explainable.join(', ')} and to run --workload FILE; ${command} has no step-by-step replay`);
      const { explainCommand, explainContext } = await import('./commands/explain.ts');
      await explainCommand(experiment.name, experiment.explain(explainContext(args, signal)), args, streams, signal);
      return ExitCode.ok;
    }
    const selected = command === 'all' ? experiments : [findExperiment(command, experiments)];
    await runExperiments(selected, args, argv, streams, signal);
    return ExitCode.ok;
  } catch (error) {
    return reportError(signal.aborted ? (signal.reason as unknown) : error, streams);
  }
}

/** The entry point of the npm scripts: runs the command line, Ctrl-C aborts it, sets the exit code. */
export async function main(experiments: readonly Experiment[]): Promise<void> {
  const controller = new AbortController();
  const uninstall = abortOnInterrupt(controller);
  try {
    // stdin only for --step: merely opening it can hold a terminal or a pipe.
    const argv = process.argv.slice(2);
    process.exitCode = await runLab(argv, experiments, { stdout: process.stdout, stderr: process.stderr, ...(argv.includes('--step') && { stdin: process.stdin }) }, controller.signal);
  } finally {
    uninstall();
  }
}

/** An error line longer than this is cut: one bad value must not make a megabyte "one-line" error. */
const MAX_ERROR_LENGTH = 1000;

function reportError(error: unknown, streams: CliStreams): number {
  const message = error instanceof Error ? error.message : String(error);
  // Messages echo what the user gave (paths, values, bytes of a file): nothing raw reaches the terminal.
  streams.stderr.write(`lab: ${capText(escapeControlCharacters(message), MAX_ERROR_LENGTH)}\n`);
  if (error instanceof InterruptedError) error.reported = true;
  // A LabError says its own exit code; anything else is a run that failed in a way the lab did not foresee.
  const code = error instanceof LabError ? error.exitCode : ExitCode.failed;
  if (code === ExitCode.failed && process.env.LAB_DEBUG === '1' && error instanceof Error) streams.stderr.write(`${error.stack}\n`);
  return code;
}

function findExperiment(name: string, experiments: readonly Experiment[]): Experiment {
  const found = experiments.find((e) => e.name === name);
  if (found !== undefined) return found;
  const names = experiments.map((e) => e.name);
  const guess = nearest(name, [...names, ...commands]);
  throw new UsageError(`unknown experiment "${name}"${guess ? ` (did you mean ${guess}?)` : ''}; experiments: ${names.join(', ')}; commands: ${commands.join(', ')}`);
}
