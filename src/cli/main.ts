import { labVersion } from '../runtime/package-root.ts';
import { ExitCode, LabError } from '../errors/lab-error.ts';
import { capText, escapeControlCharacters } from '../workload/describe-value.ts';
import { parseLabArgs } from './args.ts';
import type { Experiment } from '../experiment/context.ts';
import { linesOf, type CatalogueLine } from '../experiment/catalogue-line.ts';
import { helpText } from './help.ts';
import { abortOnInterrupt, InterruptedError } from './interrupt.ts';
import { OutputClosedError, stopWhenOutputCloses, type CliStreams } from './streams.ts';
import { useOwnTempDir } from './temp-dir.ts';
import { nearest } from './suggest.ts';
import { UsageError } from '../errors/usage-error.ts';

export type { CliStreams } from './streams.ts';

export const DEFAULT_EXPERIMENT = 'headline';
const commands = ['list', 'all', 'compare', 'run', 'report', 'try', 'worker'] as const;

export { ExitCode } from '../errors/lab-error.ts';

/**
 * Runs the lab's command line and resolves to the exit code. `signal` aborts the work in
 * progress (the entry point wires it to Ctrl-C); nothing is saved for an aborted experiment.
 * `catalogue` is the experiments, as lines loaded when one runs (the entry point) or as loaded
 * definitions (tests). Every command is loaded when it runs, so that `--help`, `--version`, `list`
 * and a refused flag load none of them.
 */
export async function runLab(
  argv: readonly string[],
  catalogue: readonly CatalogueLine[] | readonly Experiment[],
  streams: CliStreams,
  signal: AbortSignal = new AbortController().signal,
): Promise<number> {
  const lines = catalogue.every((entry) => 'load' in entry) ? catalogue : linesOf(catalogue as readonly Experiment[]);
  try {
    const args = parseLabArgs(argv);
    if (args.help) {
      streams.stdout.write(helpText(lines));
      return ExitCode.ok;
    }
    if (args.version) {
      streams.stdout.write(`${labVersion()}\n`);
      return ExitCode.ok;
    }
    const [command = DEFAULT_EXPERIMENT, ...rest] = args.positionals;
    if (command === 'compare') {
      const [{ compareCommand }, { comparableIn }] = await Promise.all([import('./commands/compare.ts'), import('../experiment/context.ts')]);
      return await compareCommand(rest, args, streams, comparableIn(await loadAll(lines)));
    }
    if (command === 'worker') {
      const { workerCommand } = await import('./commands/worker.ts');
      await workerCommand(rest, args, streams, signal);
      return ExitCode.ok;
    }
    if (command === 'report') {
      const { reportCommand } = await import('./commands/report.ts');
      await reportCommand(rest, args, streams, signal, lines.map((e) => e.name), new Date(), await loadAll(lines));
      return ExitCode.ok;
    }
    if (command === 'try') {
      const { tryCommand } = await import('./commands/try.ts');
      await tryCommand(rest, args, argv, streams, signal);
      return ExitCode.ok;
    }
    if (command === 'run') {
      const { runWorkloadCommand } = await import('./commands/run-workload.ts');
      await runWorkloadCommand(rest, args, argv, streams, signal);
      return ExitCode.ok;
    }
    if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"; give one experiment name or command (see --help)`);
    if (command === 'list') {
      const width = Math.max(...lines.map((e) => e.name.length));
      const indent = ' '.repeat(width + 2);
      streams.stdout.write(lines.map((e) => `${e.name.padEnd(width)}  ${e.question}\n${e.about === undefined ? '' : `${indent}${e.about}\n`}`).join(''));
      return ExitCode.ok;
    }
    if (args.explain || args.html !== undefined) {
      const line = command === 'all' ? undefined : findExperiment(command, lines);
      const explainable = lines.filter((e) => e.explainable).map((e) => e.name);
      if (!line?.explainable) throw new UsageError(`--explain and --html apply to ${explainable.join(', ')} and to run --workload FILE; ${command} has no step-by-step replay`);
      const [experiment, { explainCommand, explainContext }] = await Promise.all([line.load(), import('./commands/explain.ts')]);
      if (experiment.explain === undefined) throw new Error(`the catalogue says ${experiment.name} has a step-by-step replay, and its definition has none`);
      await explainCommand(experiment.name, experiment.explain(explainContext(args, signal)), args, streams, signal);
      return ExitCode.ok;
    }
    const selected = command === 'all' ? lines : [findExperiment(command, lines)];
    const [{ runExperiments }, experiments] = await Promise.all([import('./commands/run-experiments.ts'), loadAll(selected)]);
    await runExperiments(experiments, args, argv, streams, signal);
    return ExitCode.ok;
  } catch (error) {
    return reportError(signal.aborted ? (signal.reason as unknown) : error, streams);
  }
}

function loadAll(lines: readonly CatalogueLine[]): Promise<Experiment[]> {
  return Promise.all(lines.map((line) => line.load()));
}

/**
 * The entry point of the `lab` command and the npm scripts: checks the temporary directory, runs
 * the command line, and sets the exit code. Ctrl-C or SIGTERM, or the output closing under it (a
 * pipe into `head`), stops the command.
 */
export async function main(catalogue: readonly CatalogueLine[]): Promise<void> {
  const controller = new AbortController();
  const interrupts = abortOnInterrupt(controller);
  stopWhenOutputCloses(process.stdout, process.stderr, interrupts.stop);
  // stdin only for --step: merely opening it can hold a terminal or a pipe.
  const argv = process.argv.slice(2);
  const streams: CliStreams = { stdout: process.stdout, stderr: process.stderr, ...(argv.includes('--step') && { stdin: process.stdin }) };
  try {
    useOwnTempDir();
    process.exitCode = await runLab(argv, catalogue, streams, controller.signal);
  } catch (error) {
    process.exitCode = reportError(error, streams);
  } finally {
    interrupts.finished();
  }
}

/** An error line longer than this is cut: one bad value must not make a megabyte "one-line" error. */
const MAX_ERROR_LENGTH = 1000;

function reportError(error: unknown, streams: CliStreams): number {
  // Nobody is left to read a line on an output that closed.
  if (error instanceof OutputClosedError) return error.exitCode;
  const message = error instanceof Error ? error.message : String(error);
  // Messages echo what the user gave (paths, values, bytes of a file): nothing raw reaches the terminal.
  streams.stderr.write(`lab: ${capText(escapeControlCharacters(message), MAX_ERROR_LENGTH)}\n`);
  if (error instanceof InterruptedError) error.reported = true;
  // A LabError says its own exit code; anything else is a run that failed in a way the lab did not foresee.
  const code = error instanceof LabError ? error.exitCode : ExitCode.failed;
  if (code === ExitCode.failed && process.env.LAB_DEBUG === '1' && error instanceof Error) streams.stderr.write(`${error.stack}\n`);
  return code;
}

function findExperiment(name: string, lines: readonly CatalogueLine[]): CatalogueLine {
  const found = lines.find((e) => e.name === name);
  if (found !== undefined) return found;
  const names = lines.map((e) => e.name);
  const guess = nearest(name, [...names, ...commands]);
  throw new UsageError(`unknown experiment "${name}"${guess ? ` (did you mean ${guess}?)` : ''}; experiments: ${names.join(', ')}; commands: ${commands.join(', ')}`);
}
