import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/cli.ts';
import { installDir } from './helpers/files.ts';

const run = promisify(execFile);

// What a new user does with the package: `npm pack` in the repository, then, from an empty
// directory, `npx ./THE.tgz ...`, which installs the tarball and its runtime dependencies (from the
// npm registry, into an npm cache of this test's own, removed with the directory) and runs `lab`.
// The build is the one the test run's global setup just made, so the pack skips `prepack` rather
// than rebuild dist/ under the other test files. The environment is the user's: no LAB_COMPILED_ROOT
// (that would point the packaged lab's workers back at this checkout) and none of `npm test`'s npm_*.
const userEnv = (cache: string): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(npm_|LAB_|INIT_CWD$)/i.test(name)));
  return { ...env, npm_config_cache: cache, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
};

const EXAMPLE =
  "import { sleep } from 'concurrency-parallelism-lab/effects';\n" +
  '// A generator that mostly waits, written against the effects the lab runs it with.\n' +
  'export default function* halve(n) {\n  yield sleep(2);\n  return n / 2;\n}\n' +
  'export const inputs = [2, 4, 6, 8, 10, 12];\n';

describe('the packed tarball, run with npx from an empty directory', () => {
  it('prints the version, runs try on a module that imports the effects, and says in one line what needs a package it leaves out', async () => {
    const root = await installDir('lab-tarball-');
    const user = join(root, 'empty');
    await mkdir(user);
    const { stdout: packed } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', user], { cwd: repoRoot });
    const [{ filename }] = JSON.parse(packed) as [{ filename: string }];
    expect(await readdir(user)).toEqual([filename]);
    const { version } = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    const cache = join(root, 'npm-cache');
    const npx = (...args: string[]): Promise<{ stdout: string; stderr: string }> =>
      run('npx', ['--yes', `./${filename}`, ...args], { cwd: user, env: userEnv(cache), timeout: 240_000 });

    const shown = await npx('--version');
    expect(shown.stdout.trim()).toBe(version);
    expect(shown.stderr).toBe('');

    await writeFile(join(user, 'example.mjs'), EXAMPLE);
    const tried = await npx('try', 'example.mjs', '--quick', '--no-save');
    expect(tried.stdout).toMatch(/^- Verdict: \S/m);
    expect(tried.stdout).toContain(`Node ${process.version} `);
    expect(tried.stdout).toContain('lab not a git checkout');
    expect((await readdir(user)).sort()).toEqual([filename, 'example.mjs'].sort());

    // The refusals run the `lab` that npx installed, from where it installed it: the same files,
    // without npm resolving the tarball again for each command (2.4 s of CPU a call).
    const [installed, ...more] = await readdir(join(cache, '_npx'));
    expect(more).toEqual([]);
    const installedLab = join(cache, '_npx', installed!, 'node_modules', '.bin', 'lab');

    // autocannon, BullMQ and ioredis are development dependencies: what needs them says so in one line.
    const refusal = (...args: string[]): Promise<{ code: number; stdout: string; stderr: string } | undefined> =>
      run(installedLab, args, { cwd: user, env: userEnv(cache), timeout: 240_000 }).then(
        () => undefined,
        (error: { code: number; stdout: string; stderr: string }) => error,
      );
    const withoutLoad = await refusal('event-loop-delay', '--quick', '--no-save');
    expect(withoutLoad?.code).toBe(2);
    expect(withoutLoad?.stderr).toMatch(/^lab: event-loop-delay needs the load generator autocannon, .* npx -p autocannon@\d+ -p \.\/concurrency-parallelism-lab-[\d.]+\.tgz lab event-loop-delay\n$/);
    const withoutQueue = await refusal('distributed', '--quick', '--no-save');
    expect(withoutQueue?.code).toBe(2);
    expect(withoutQueue?.stderr).toMatch(/^lab: the distributed mode needs BullMQ and ioredis, .* npx -p bullmq@\d+ -p ioredis@\d+ -p \.\/concurrency-parallelism-lab-[\d.]+\.tgz lab distributed\n$/);
  }, 300_000);
});
