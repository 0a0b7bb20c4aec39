import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCommand, repoRoot } from './helpers/cli.ts';
import { tempDirForTests } from './helpers/files.ts';

const temp = tempDirForTests('lab-loaded-modules-');
const recorder = pathToFileURL(join(repoRoot, 'test/fixtures/record-loaded-modules.mjs')).href;

/** The lab's own files and the packages the `lab` command loaded for these arguments, relative to the repository. */
async function loadedFor(args: readonly string[], tag: string): Promise<{ readonly code: number | null; readonly files: string[] }> {
  const file = join(temp.dir, `${tag}.txt`);
  const { code } = await runCommand(process.execPath, ['--import', recorder, 'bin/lab.mjs', ...args], { LOADED_MODULES_FILE: file });
  const urls = (await readFile(file, 'utf8')).trim().split('\n');
  const root = pathToFileURL(repoRoot).href;
  return { code, files: urls.map((url) => (url.startsWith(root) ? url.slice(root.length) : url)) };
}

// The answers that print and leave (`--help`, `--version`, `list`, a refused flag or name) start in a
// fraction of the time a run needs only if they load none of what a run loads: no experiment, no
// mode, no package. The catalogue and mode lines stand in for them (kept equal by a unit test).
describe('the lab command answers without loading what runs', () => {
  const heavy = (file: string): boolean =>
    file.includes('node_modules/') || /^dist\/experiments\/[^/]+\//.test(file) || (file.startsWith('dist/src/modes/') && file !== 'dist/src/modes/names.js') || /^dist\/src\/(scheduler|measure|report\/(?!file-fault\.js)|draw|runtime\/(pool|process)|explain\/explained-run)/.test(file);

  it.each([
    { args: ['--help'], code: 0 },
    { args: ['--version'], code: 0 },
    { args: ['list'], code: 0 },
    { args: ['--repeats', 'many'], code: 2 },
    { args: ['--modes', 'nonsense', 'run'], code: 2 },
    { args: ['no-such-experiment'], code: 2 },
  ])('$args loads the catalogue lines and nothing heavy', async ({ args, code }) => {
    const loaded = await loadedFor(args, args.join('_').replace(/\W/g, ''));
    expect(loaded.code).toBe(code);
    expect(loaded.files).toContain('dist/experiments/catalogue-lines.js');
    expect(loaded.files.filter(heavy)).toEqual([]);
  });

  it('an experiment that runs is loaded, and only it (the check above can see a load)', async () => {
    const loaded = await loadedFor(['seed-runner', '--explain', '--quick'], 'seed-runner');
    expect(loaded.code).toBe(0);
    const experimentFolders = new Set(loaded.files.flatMap((file) => /^dist\/experiments\/([^/]+)\//.exec(file)?.[1] ?? []));
    expect([...experimentFolders]).toEqual(['seed-runner']);
  });
});
