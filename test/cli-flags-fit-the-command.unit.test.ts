import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/cli.ts';
import { filesUnder } from './helpers/files.ts';
import { lab } from './helpers/lab-in-process.ts';

const example = join(repoRoot, 'experiments/example-workload.json');

describe('each command takes only its own flags, each once', () => {
  const cases: [string[], string][] = [
    [['list', '--repeats', '5'], 'lab: --repeats does not apply to the list command; it takes --help, --version\n'],
    [['list', '--json'], 'lab: --json does not apply to the list command; it takes --help, --version\n'],
    [['compare', 'results', '--modes', 'parallel'], 'lab: --modes does not apply to the compare command; it takes --json, --format, --fail-on-slower, --strict, --machines, --help, --version\n'],
    [['compare', 'results', '--no-save'], 'lab: --no-save does not apply to the compare command; it takes --json, --format, --fail-on-slower, --strict, --machines, --help, --version\n'],
    [['report', '--threads', '2'], 'lab: --threads does not apply to the report command; it takes --out, --help, --version\n'],
    [['headline', '--workload', example], 'lab: --workload does not apply to an experiment (headline); it takes --quick, --repeats, --budget, --warmups, --threads, --processes, --workers, --seed, --timeout, --timeline, --no-timeline, --trace, --no-steps, --json, --out, --explain, --step, --html, --no-save, --help, --version\n'],
    [['all', '--max-work', '2'], 'lab: --max-work does not apply to an experiment (all); it takes --quick, --repeats, --budget, --warmups, --threads, --processes, --workers, --redis, --redis-timeout, --max-threads, --predict, --seed, --timeout, --timeline, --no-timeline, --trace, --no-steps, --json, --out, --explain, --step, --html, --no-save, --help, --version\n'],
    [['--modes', 'parallel'], 'lab: --modes does not apply to an experiment (headline); it takes --quick, --repeats, --budget, --warmups, --threads, --processes, --workers, --seed, --timeout, --timeline, --no-timeline, --trace, --no-steps, --json, --out, --explain, --step, --html, --no-save, --help, --version\n'],
    [['headline', '--redis-timeout', '2'], 'lab: --redis-timeout does not apply to an experiment (headline); it takes --quick, --repeats, --budget, --warmups, --threads, --processes, --workers, --seed, --timeout, --timeline, --no-timeline, --trace, --no-steps, --json, --out, --explain, --step, --html, --no-save, --help, --version\n'],
    [['report', '--redis-timeout', '2'], 'lab: --redis-timeout does not apply to the report command; it takes --out, --help, --version\n'],
    [['headline', '--redis', 'redis://127.0.0.1:6379'], 'lab: --redis does not apply to an experiment (headline); it takes --quick, --repeats, --budget, --warmups, --threads, --processes, --workers, --seed, --timeout, --timeline, --no-timeline, --trace, --no-steps, --json, --out, --explain, --step, --html, --no-save, --help, --version\n'],
    [['run', '--workload', example, '--modes', 'sequential', '--redis', 'redis://127.0.0.1:6379'], 'lab: --redis applies where a Redis is used: with run, only with --modes naming distributed (give --modes ...,distributed, or drop --redis)\n'],
    [['run', '--workload', example, '--redis-timeout', '2'], 'lab: --redis-timeout applies where a Redis is used: with run, only with --modes naming distributed (give --modes ...,distributed, or drop --redis-timeout)\n'],
    [['run', '--workload', example, '--modes', 'sequential,parallel', '--redis-timeout', '2'], 'lab: --redis-timeout applies where a Redis is used: with run, only with --modes naming distributed (give --modes ...,distributed, or drop --redis-timeout)\n'],
    [['distributed', '--explain', '--redis-timeout', '2'], 'lab: --redis-timeout does not apply with --explain, which runs each policy once and measures nothing; it takes --quick, --seed, --timeout, --json, --explain, --step, --html, --help, --version\n'],
    [['--repeats', '1', '--repeats', '-1'], 'lab: --repeats must be an integer from 1 to 1000 or auto; got "-1"\n'],
    [['--repeats', '-1', '--repeats', '1'], 'lab: --repeats must be an integer from 1 to 1000 or auto; got "-1"\n'],
    [['--repeats', '1', '--repeats', '2'], 'lab: --repeats is given twice; give each flag once\n'],
    [['--quick', '--quick'], 'lab: --quick is given twice; give each flag once\n'],
    [['run', '--workload', example, '--workload', example], 'lab: --workload is given twice; give each flag once\n'],
    [['run', '--workload', example, '--max-work', '0'], 'lab: --max-work must be an integer from 1 to 1000000; got "0"\n'],
  ];
  for (const [argv, message] of cases) {
    it(`lab ${argv.join(' ').replace(repoRoot, '')}`, async () => {
      const out = join(await mkdtemp(join(tmpdir(), 'lab-flags-')), 'results');
      const withOut = argv[0] === 'list' || argv[0] === 'compare' ? argv : [...argv, '--out', out];
      const { code, stdout, stderr } = await lab(...withOut);
      expect(stderr).toBe(message);
      expect(stdout).toBe('');
      expect(code).toBe(2);
      expect(await filesUnder(out)).toEqual([]);
    });
  }

  it('--help is taken by every command', async () => {
    for (const command of ['list', 'compare', 'report', 'run', 'headline']) {
      const { code, stdout } = await lab(command, '--help');
      expect(code).toBe(0);
      expect(stdout).toContain('--max-work N');
    }
  });
});
