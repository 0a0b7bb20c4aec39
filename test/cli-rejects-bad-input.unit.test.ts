import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lab } from './helpers/lab-in-process.ts';

describe('bad input gets one line, naming the fault and what is accepted, and exit code 2', () => {
  const cases: [string[], RegExp][] = [
    [['--threads', '0'], /^lab: --threads must be an integer from 1 to 256; got "0"\n$/],
    [['--threads', '-1'], /^lab: --threads must be an integer from 1 to 256; got "-1"\n$/],
    [['--threads', 'abc'], /^lab: --threads must be an integer from 1 to 256; got "abc"\n$/],
    [['--threads', '1e9'], /^lab: --threads must be an integer from 1 to 256; got "1e9"\n$/],
    [['--threads', '2.5'], /^lab: --threads must be an integer/],
    [['--threads'], /^lab: --threads needs a value: --threads N\n$/],
    [['--repeats', '0'], /^lab: --repeats must be an integer from 1 to 1000 or auto; got "0"\n$/],
    [['--warmups', '-3'], /^lab: --warmups must be an integer from 0 to 100; got "-3"\n$/],
    [['--seed', 'x'], /^lab: --seed must be an integer from 0 to 4294967295; got "x"\n$/],
    [['--timeout', '-5'], /^lab: --timeout must be an integer from 1 to 3600000; got "-5"\n$/],
    [['distributed', '--redis-timeout', '0'], /^lab: --redis-timeout must be a number of seconds from 0.1 to 3600 \(fractions allowed, e\.g\. 1\.5\); got "0"\n$/],
    [['distributed', '--redis-timeout', '-1'], /^lab: --redis-timeout must be a number of seconds from 0.1 to 3600 \(fractions allowed, e\.g\. 1\.5\); got "-1"\n$/],
    [['distributed', '--redis-timeout', '0.05'], /^lab: --redis-timeout must be a number of seconds from 0.1 to 3600 [^\n]*; got "0.05"\n$/],
    [['distributed', '--redis-timeout', '3601'], /^lab: --redis-timeout must be a number of seconds from 0.1 to 3600 [^\n]*; got "3601"\n$/],
    [['distributed', '--redis-timeout', '1e3'], /^lab: --redis-timeout must be a number of seconds [^\n]*; got "1e3"\n$/],
    [['distributed', '--redis-timeout', 'soon'], /^lab: --redis-timeout must be a number of seconds [^\n]*; got "soon"\n$/],
    [['distributed', '--redis-timeout'], /^lab: --redis-timeout needs a value: --redis-timeout SECONDS\n$/],
    [['--quick=yes'], /^lab: --quick takes no value\n$/],
    [['--thread', '2'], /^lab: unknown flag --thread \(did you mean --threads\?\); accepted flags: --quick, --repeats/],
    [['--frobnicate'], /^lab: unknown flag --frobnicate; accepted flags: /],
    [['headlnie'], /^lab: unknown experiment "headlnie" \(did you mean headline\?\); experiments: headline, scheduler-overhead[^;]*; commands: list, all, compare, run, report, try, worker\n$/],
    [['scheduler-overheat'], /^lab: unknown experiment "scheduler-overheat" \(did you mean scheduler-overhead\?\)/],
    [['nothing-like-it'], /^lab: unknown experiment "nothing-like-it"; experiments: headline, scheduler-overhead\b.*; commands: list, all, compare, run, report, try, worker\n$/],
    [['alll'], /^lab: unknown experiment "alll" \(did you mean all\?\)/],
    [['--out', ''], /^lab: --out needs a non-empty value\n$/],
    [['headline', 'extra'], /^lab: unexpected argument "extra"; give one experiment name/],
  ];
  // In-process, each with its own output directory that must stay absent; the spawned command
  // line (exit code and stderr as the shell sees them) is cli-rejects-bad-input.e2e.test.ts.
  for (const [argv, message] of cases) {
    it(`lab ${argv.join(' ')}`, async () => {
      const out = join(await mkdtemp(join(tmpdir(), 'lab-bad-')), 'results');
      const result = await lab(...(argv.includes('--out') ? argv : ['--out', out, ...argv]));
      expect(result.stderr).toMatch(message);
      expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
      expect(result.stdout).toBe('');
      expect(result.code).toBe(2);
      expect(existsSync(out)).toBe(false);
    });
  }
});

describe('the command line as a user runs it', () => {
  it('lists the experiments with their questions', async () => {
    const { code, stdout } = await lab('list');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^headline +What do interleaving/);
    expect(stdout).toMatch(/\nscheduler-overhead +What does one task switch/);
  });
});
