import type { CatalogueLine } from '../experiment/catalogue-line.ts';
import { flags } from './flags.ts';

/** `--help`: every command, every flag with its accepted values, every experiment. */
export function helpText(experiments: readonly Pick<CatalogueLine, 'name' | 'question'>[]): string {
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
    'usage: npm run lab -- [experiment] [flags]   run one experiment (default: headline)',
    '       npm run lab -- all [flags]            run every experiment, one after the other',
    '       npm run lab -- list                   the experiments and their questions',
    '       npm run lab -- run --workload FILE [--modes LIST]   your own workload (JSON)',
    '       npm run lab -- try FILE [--max-threads N] [--batches LIST] [--inputs FILE.json]',
    '                                             will worker threads pay off for your own function?',
    '       npm run lab -- seed-runner --explain [--step]   the scheduler\'s decisions step by step (--html FILE: an interactive page)',
    '       npm run lab -- worker --redis URL [--queue NAME] [--workers N] [--redis-timeout SECONDS]',
    '                                             serve the distributed mode from this machine',
    '       npm run compare -- OLD NEW [--fail-on-slower PCT] [--strict] [--format FORMAT]',
    '                                             NEW against OLD: results of the lab, hyperfine, tinybench',
    '                                             or mitata; exit 1 on a regression (docs/ci-gate.md)',
    '       npm run compare -- <files or dirs> [--machines]   one table across machines from saved results',
    '       npm run report [-- files or dirs]     results/index.html: the latest result of every experiment',
    '',
    'results: every run is saved as results/runs/<experiment>/<machine>-<time>.json and .md',
    '(--out DIR to save elsewhere, --no-save not to save).',
    '',
    'experiments (default: headline):',
    ...experiments.map((e) => `  ${e.name.padEnd(width)}  ${e.question}`),
    '',
    'flags:',
    ...flagLines,
    '',
    'exit codes: 0 done, 1 a run failed, 2 bad input, 130 interrupted (Ctrl-C), 143 terminated (SIGTERM)',
    '',
  ].join('\n');
}
