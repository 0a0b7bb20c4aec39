import type { LabArgs } from '../args.ts';
import type { CliStreams } from '../streams.ts';
import { UsageError } from '../../errors/usage-error.ts';
import { workloadExperiment } from '../../experiment/workload-experiment.ts';
import { modeNames, modeOf } from '../../modes/index.ts';
import { readWorkloadFile } from '../read-workload.ts';
import { runExperiments } from './run-experiments.ts';

/** `run --workload FILE`: the user's own workload, measured in the named modes, or explained step by step. */
export async function runWorkloadCommand(rest: readonly string[], args: LabArgs, argv: readonly string[], streams: CliStreams, signal: AbortSignal): Promise<void> {
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"; run takes --workload FILE`);
  if (args.workload === undefined) throw new UsageError('run needs --workload FILE (a JSON workload; see experiments/example-workload.json)');
  // Only the distributed mode uses a Redis, and it runs only when --modes names it: without it, --redis and --redis-timeout would be ignored.
  for (const [flag, given] of [['--redis', args.redis], ['--redis-timeout', args.redisTimeoutMs]] as const) {
    if (given !== undefined && args.modes?.includes('distributed') !== true) {
      throw new UsageError(`${flag} applies where a Redis is used: with run, only with --modes naming distributed (give --modes ...,distributed, or drop ${flag})`);
    }
  }
  const workload = await readWorkloadFile(args.workload, args.maxWork);
  if (args.explain || args.html !== undefined) {
    // Loaded only when asked for: a run that explains nothing starts sooner.
    const { explainCommand, workloadExplained } = await import('./explain.ts');
    await explainCommand(`workload "${workload.name}"`, workloadExplained(workload), args, streams, signal);
    return;
  }
  for (const mode of args.modes ?? []) {
    const unfit = modeOf(mode).cannotRun?.(workload);
    if (unfit !== undefined) throw new UsageError(`--modes ${mode} ${unfit.why} (drop ${mode} from --modes, or ${unfit.instead})`);
  }
  await runExperiments([workloadExperiment(workload, args.modes ?? modeNames)], args, argv, streams, signal);
}
