import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/cli.ts';
import { filesUnder, tempDirForTests } from './helpers/files.ts';
import { lab } from './helpers/lab-in-process.ts';

/**
 * The lab's choice: control characters are refused where input is validated (workload text,
 * path flags, results files), and every error line escapes whatever it echoes and is capped.
 * Run in-process; that the real terminal streams of a spawned lab get none either is
 * cli-keeps-control-characters-off-the-terminal.e2e.test.ts.
 */
const hostile = ['\u001b[2J', '\u001b]0;owned\u0007', 'a\rb', 'line\nbreak', '\u009b31m', 'right\u202eleft', '\u0000'];
const anyControl = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/;

const temp = tempDirForTests('lab-raw-');

async function fileWith(name: string, content: string): Promise<string> {
  const file = join(temp.dir, name);
  await writeFile(file, content);
  return file;
}

async function refusedWithoutRawBytes(args: string[]): Promise<string> {
  const { code, stdout, stderr } = await lab(...args);
  expect(stdout).toBe('');
  expect(stderr).not.toMatch(anyControl);
  expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
  expect(code).toBe(2);
  return stderr;
}

const workload = (patch: (w: { name: string; description?: string; tasks: { name: string; parts: Record<string, unknown>[] }[] }) => void): string => {
  const w = { name: 'w', tasks: [{ name: 'a', parts: [{ kind: 'cpu', units: 10 }] as Record<string, unknown>[] }] };
  patch(w);
  return JSON.stringify(w);
};

describe('workload text with control characters is refused at validation, naming the place', () => {
  const places: [string, (w: Parameters<Parameters<typeof workload>[0]>[0], bad: string) => void, string][] = [
    ['workload.name', (w, bad) => (w.name = bad), 'workload.name'],
    ['workload.description', (w, bad) => (w.description = bad), 'workload.description'],
    ['a task name', (w, bad) => (w.tasks[0]!.name = bad), 'workload.tasks[0].name'],
    ['a part label', (w, bad) => (w.tasks[0]!.parts[0]!.label = bad), 'workload.tasks[0].parts[0].label'],
    ['a fault message', (w, bad) => w.tasks[0]!.parts.push({ kind: 'fault', fault: 'throw', message: bad }), 'workload.tasks[0].parts[1].message'],
  ];
  for (const [what, patch, path] of places) {
    it(what, async () => {
      for (const bad of hostile) {
        const file = await fileWith('w.json', workload((w) => patch(w, `x${bad}`)));
        const line = await refusedWithoutRawBytes(['run', '--workload', file, '--out', temp.out]);
        expect(line).toMatch(new RegExp(`: ${path.replace(/[[\].]/g, '\\$&')} contains a control character \\(U\\+[0-9A-F]{4} at character \\d+\\); names, labels and descriptions must be printable text\\n$`));
      }
      expect(await filesUnder(temp.out)).toEqual([]);
    });
  }
});

describe('error lines escape what they echo', () => {
  it('the bytes of a file that is not JSON', async () => {
    const file = await fileWith('raw.json', '\u001b[2J\u001b]0;owned\u0007 not json');
    expect(await refusedWithoutRawBytes(['run', '--workload', file])).toBe(`lab: ${file}:1:1: JSON syntax error: a character JSON does not allow here (NaN, Infinity, a bare word, a stray character?) (U+001B)\n`);
  });

  it('an unknown experiment name, a flag value, a path flag', async () => {
    expect(await refusedWithoutRawBytes(['\u001b[2Jheadline'])).toMatch(/^lab: unknown experiment "\\u001b\[2Jheadline"/);
    expect(await refusedWithoutRawBytes(['--repeats', '\u001b[2J'])).toBe('lab: --repeats must be an integer from 1 to 1000 or auto; got "\\u001b[2J"\n');
    expect(await refusedWithoutRawBytes(['--out', `${temp.dir}/\u001b[2J`])).toBe('lab: --out contains a control character (U+001B at character ' + (temp.dir.length + 2) + '); give a printable path\n');
    expect(await refusedWithoutRawBytes(['compare', `${temp.dir}/\u001b]0;x\u0007`])).toMatch(/^lab: .*\\u001b\]0;x\\u0007: no such file or directory\n$/);
  });

  it('a huge unknown experiment name is cut to one short line', async () => {
    const line = await refusedWithoutRawBytes(['y'.repeat(100_000)]);
    expect(line.length).toBeLessThan(1100);
  });
});

interface Saved {
  machine: { id: string; cpuModel: string };
  question: string;
}

describe('compare and report refuse results files whose text would reach the terminal raw', () => {
  for (const [field, set] of [
    ['machine.id', (r: Saved, bad: string) => (r.machine.id = bad)],
    ['machine.cpuModel', (r: Saved, bad: string) => (r.machine.cpuModel = bad)],
    ['question', (r: Saved, bad: string) => (r.question = bad)],
  ] as const) {
    it(field, async () => {
      const result = JSON.parse(await readFile(join(repoRoot, 'test/fixtures/results/small-2c.json'), 'utf8')) as Saved;
      set(result, '\u001b]0;owned\u0007small');
      const file = await fileWith(`bad-${field}.json`, JSON.stringify(result));
      for (const command of ['compare', 'report']) {
        const line = await refusedWithoutRawBytes([command, file, ...(command === 'report' ? ['--out', temp.out] : [])]);
        expect(line).toBe(`lab: ${file}: ${field} contains a control character (U+001B at character 1); a results file holds only printable text\n`);
      }
      expect(await filesUnder(temp.out)).toEqual([]);
    });
  }
});
