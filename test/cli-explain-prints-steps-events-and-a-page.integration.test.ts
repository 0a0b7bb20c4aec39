import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedRunner } from '../experiments/seed-runner/index.ts';
import { parseLabArgs } from '../src/cli/args.ts';
import { reportCommand } from '../src/cli/commands/report.ts';
import { EXPLAIN_TIMEOUT_MS } from '../src/explain/explained-run.ts';
import { machineInfo } from '../src/measure/machine.ts';
import { saveResult } from '../src/report/results-store.ts';
import type { DecisionEvent } from '../src/scheduler/index.ts';
import { lab } from './helpers/lab-in-process.ts';
import { Capture } from './helpers/streams.ts';

let dir: string;
async function file(name: string, content: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(content));
  return path;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lab-explain-'));
});

interface ExplainJson {
  experiment: string;
  explain: { title: string; policy: string; tasks: string[]; printed: string[]; events: DecisionEvent[] }[];
}

describe('seed-runner --explain', () => {
  it('in a pipe prints every step of the three policies side by side, even with --step, and measures nothing', async () => {
    const { code, stdout, stderr } = await lab('seed-runner', '--explain', '--step', '--quick');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    for (let step = 1; step <= 16; step++) expect(stdout.match(new RegExp(`step ${step} at`, 'g'))).toHaveLength(3);
    expect(stdout).not.toContain('any key');
    expect(stdout).not.toContain('saved:');
    expect(stdout.match(/printed \(12\)/g)).toHaveLength(3);
    expect(stdout).toContain('why:');
    expect(stdout).toMatch(/parked:  task1_part1 until \d+\.\d ms/);
  });

  it('with --json emits the recorded events of each policy instead of text', async () => {
    const { code, stdout } = await lab('seed-runner', '--explain', '--quick', '--json');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as ExplainJson;
    expect(doc.experiment).toBe('seed-runner');
    expect(doc.explain.map((r) => r.policy)).toEqual(['fifo', 'round-robin', 'round-robin']);
    for (const run of doc.explain) {
      expect(run.printed).toHaveLength(12);
      const count = (kind: string): number => run.events.filter((e) => e.kind === kind).length;
      expect(count('spawn')).toBe(4);
      expect(count('take')).toBe(16);
      expect(count('finish')).toBe(4);
      for (let i = 1; i < run.events.length; i++) expect(run.events[i]!.at).toBeGreaterThanOrEqual(run.events[i - 1]!.at);
    }
    const timers = doc.explain[2]!.events;
    expect(timers.filter((e) => e.kind === 'sleep')).toHaveLength(12);
    expect(timers.filter((e) => e.kind === 'fire')).toHaveLength(12);
  });

  it('--timeout cuts each explained run short instead of the default 30 s', async () => {
    const hangs = await file('hangs.json', { name: 'hangs', tasks: [{ name: 'ok', parts: [{ kind: 'cpu', units: 5 }] }, { name: 'bad', parts: [{ kind: 'cpu', units: 5 }, { kind: 'fault', fault: 'hang' }] }] });
    const { code, stdout } = await lab('run', '--workload', hangs, '--explain', '--json', '--timeout', '300');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as ExplainJson;
    expect(doc.explain.map((r) => r.policy)).toEqual(['fifo', 'round-robin']);
    for (const run of doc.explain) {
      const cancelled = run.events.find((e) => e.kind === 'wake' && e.task === 'bad');
      expect(cancelled).toMatchObject({ cause: 'cancel' });
      // Not before the 300 ms asked for, and before the default would have cancelled it.
      expect(cancelled!.at).toBeGreaterThanOrEqual(300);
      expect(cancelled!.at).toBeLessThan(EXPLAIN_TIMEOUT_MS);
    }
  });

  it('refuses, in one line with exit 2, what it cannot explain or what would mislead', async () => {
    const cases: [string[], RegExp][] = [
      [['headline', '--explain'], /^lab: --explain and --html apply to seed-runner and to run --workload FILE; headline has no step-by-step replay\n$/],
      [['all', '--explain'], /^lab: --explain and --html apply to seed-runner/],
      [['seed-runner', '--step'], /^lab: --step paces --explain; give --explain too\n$/],
      [['seed-runner', '--explain', '--step', '--json'], /^lab: --step paces the text of --explain/],
      [['seed-runner', '--explain', '--repeats', '3'], /^lab: --repeats does not apply with --explain, which runs each policy once and measures nothing; it takes /],
      [['seed-runner', '--html', 'x.html', '--trace', 't.json'], /^lab: --trace does not apply with --html/],
      [['seed-runner', '--explain', '--no-save'], /^lab: --no-save does not apply with --explain, which runs each policy once and measures nothing; it takes --quick, --seed, --timeout, --json, --explain, --step, --html, --help, --version\n$/],
      [['distributed', '--explain', '--redis', 'redis://127.0.0.1:6379'], /^lab: --redis does not apply with --explain/],
      [['run', '--workload', 'w.json', '--html', 'x.html', '--modes', 'fifo'], /^lab: --modes does not apply with --html, which runs each policy once and measures nothing; it takes --quick, --seed, --timeout, --workload, --json, --max-work, --explain, --step, --html, --help, --version\n$/],
      [['seed-runner', '--html', dirname()], /^lab: --html .*: is a directory/],
    ];
    for (const [argv, message] of cases) {
      const { code, stderr } = await lab(...argv);
      expect(stderr).toMatch(message);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(code).toBe(2);
    }
  });
});

function dirname(): string {
  return dir;
}

describe('run --workload --explain', () => {
  it('shows fifo and round-robin side by side for a small workload', async () => {
    const small = await file('small.json', { name: 'small', tasks: [{ name: 'a', parts: [{ kind: 'wait', ms: 1 }, { kind: 'block', ms: 1 }] }, { name: 'b', parts: [{ kind: 'cpu', units: 10 }] }] });
    const { code, stdout } = await lab('run', '--workload', small, '--explain');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^workload "small": each policy ran once/);
    expect(stdout.split('\n')[2]).toMatch(/^fifo +\| round-robin$/);
    expect(stdout).toContain('prints:  a.1');
  });

  it('refuses a workload of more than 50 steps in one line', async () => {
    const big = await file('big.json', { name: 'big', tasks: [{ name: 'a', parts: Array.from({ length: 30 }, () => ({ kind: 'wait', ms: 0 })) }, { name: 'b', parts: Array.from({ length: 30 }, () => ({ kind: 'wait', ms: 0 })) }] });
    const { code, stderr } = await lab('run', '--workload', big, '--explain');
    expect(stderr).toBe('lab: --explain and --html show at most 50 steps; workload "big" takes 62 steps (one per part and cpu slice, one per task\'s return): give a smaller workload\n');
    expect(code).toBe(2);
  });

  it('writes a page in which hostile names stay data: no markup or script from the file', async () => {
    const hostile = '</script><img src=x onerror=alert(1)>';
    const path = await file('hostile.json', { name: 'hostile', tasks: [{ name: 'a', parts: [{ kind: 'wait', ms: 1, label: hostile }] }] });
    const page = join(dir, 'hostile.html');
    const { code, stdout } = await lab('run', '--workload', path, '--html', page);
    expect(code).toBe(0);
    expect(stdout).toBe(`page: ${page} (offline; open it in a browser: step, back, play, or the arrow keys)\n`);
    const html = await readFile(page, 'utf8');
    expect(html).not.toContain('<img');
    expect(html).not.toContain(hostile);
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html).toContain('\\u003c/script\\u003e\\u003cimg src=x onerror=alert(1)\\u003e');
  });
});

describe('npm run report', () => {
  it('writes the seed-runner step-by-step page beside the index and links to it from the seed-runner section', async () => {
    const out = join(dir, 'report');
    const base = { machine: machineInfo(), rows: [], facts: {}, notes: [], tables: [] };
    await saveResult({ ...base, experiment: 'seed-runner', question: 'q', settings: { seed: 1, quick: true } }, join(out, 'runs'), []);
    await saveResult({ ...base, experiment: 'other', question: 'q', settings: {} }, join(out, 'runs'), []);
    const stdout = new Capture();
    await reportCommand([join(out, 'runs')], parseLabArgs(['report', '--out', out]), { stdout, stderr: new Capture() }, new AbortController().signal, ['seed-runner', 'other'], new Date(), [seedRunner]);
    expect(stdout.text).toBe(`report: ${join(out, 'index.html')} (2 experiments, 0 pictures); step-by-step page: ${join(out, 'seed-runner-steps.html')}\n`);
    const index = await readFile(join(out, 'index.html'), 'utf8');
    expect(index.match(/href="seed-runner-steps.html"/g)).toHaveLength(1);
    const page = await readFile(join(out, 'seed-runner-steps.html'), 'utf8');
    expect(page).toContain('id="lab-data"');
    expect(page).toContain('round-robin, timer waits');
  });
});
