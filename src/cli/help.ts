import type { Experiment } from './experiment.ts';
import { flags } from './flags.ts';

/** `--help`: every command, every flag with its accepted values, every experiment. */
export function helpText(experiments: readonly Experiment[]): string {
  const flagLines = Object.entries(flags).map(([name, spec]) => {
    const short = 'short' in spec ? `-${spec.short}, ` : '';
    const value = 'value' in spec ? ` ${spec.value}` : '';
    return `  ${`${short}--${name}${value}`.padEnd(18)} ${spec.help}`;
  });
  const width = Math.max(...experiments.map((e) => e.name.length));
  return [
    'concurrency-vs-parallelism lab: the same tasks run sequentially, interleaved on one thread',
    'by a generator scheduler, and in parallel on worker threads.',
    '',
    'usage: npm run lab -- [experiment] [flags]',
    '       npm run lab -- list',
    '',
    'experiments (default: headline):',
    ...experiments.map((e) => `  ${e.name.padEnd(width)}  ${e.question}`),
    '',
    'flags:',
    ...flagLines,
    '',
    'exit codes: 0 done, 1 a run failed, 2 bad input',
    '',
  ].join('\n');
}
