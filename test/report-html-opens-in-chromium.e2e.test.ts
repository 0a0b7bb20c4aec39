import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportCommand } from '../src/cli/commands/report.ts';
import { parseLabArgs } from '../src/cli/args.ts';
import { machineInfo } from '../src/measure/machine.ts';
import { runInterleaved, runParallel, runSequential, withStartedPool } from '../src/modes/index.ts';
import type { ExperimentResult } from '../src/report/experiment-result.ts';
import { saveResult } from '../src/report/results-store.ts';
import { cpuBoundWorkload } from '../src/workload/presets.ts';
import { chromium, needsChromium } from './helpers/chromium.ts';
import { Capture } from './helpers/streams.ts';

const browser = needsChromium();

let page: string;
let screenshot: string;
const expected = { tables: 3, svgs: 4 };

beforeAll(async () => {
  const workload = cpuBoundWorkload({ tasks: 2, unitsPerTask: 40, sliceUnits: 10 });
  const runs = [
    { name: 'cpu / sequential', run: await runSequential(workload) },
    { name: 'cpu / interleaved', run: await runInterleaved(workload) },
    { name: 'cpu / parallel', run: await withStartedPool({ threads: 2 }, (pool) => runParallel(workload, { pool })) },
  ];
  const base = { machine: machineInfo(), settings: { repeats: 1 }, rows: [], facts: {}, notes: ['A note & <escaped> text.'] };
  const one: ExperimentResult = {
    ...base,
    experiment: 'first',
    question: 'Does the page show tables?',
    tables: [
      { title: 'table one', head: ['mode', 'ms'], rows: [['sequential', '1.0']] },
      { title: 'table two', head: ['mode', 'ms'], rows: [['parallel', '0.5']], warnings: ['noisy: a warning'] },
    ],
    runs,
  };
  const two: ExperimentResult = {
    ...base,
    experiment: 'second',
    question: 'And charts?',
    tables: [{ title: 'table three', head: ['threads', 'speedup'], rows: [['2', '1.9x']] }],
    speedupCharts: [{ title: 'speedup', points: [{ threads: 1, speedup: 1 }, { threads: 2, speedup: 1.9 }], cores: 2, serialFraction: 0.05 }],
  };
  const dir = await mkdtemp(join(tmpdir(), 'lab-report-'));
  await saveResult(one, join(dir, 'runs'), []);
  await saveResult(two, join(dir, 'runs'), []);
  const out = new Capture();
  await reportCommand([join(dir, 'runs')], parseLabArgs(['report', '--out', dir]), { stdout: out, stderr: new Capture() }, new AbortController().signal, ['second', 'first']);
  expect(out.text).toBe(`report: ${join(dir, 'index.html')} (2 experiments, 4 pictures)\n`);
  page = join(dir, 'index.html');
  screenshot = join(dir, 'report.png');
});

describe('npm run report', () => {
  it('writes one self-contained page: no external scripts, styles, fonts or images', async () => {
    const html = await readFile(page, 'utf8');
    expect(html).not.toMatch(/<script|<link|@import|url\(|src="http/i);
    expect(html.match(/<table>/g)).toHaveLength(expected.tables);
    expect(html.match(/<svg[\s>]/g)).toHaveLength(expected.svgs);
    expect(html).toContain('A note &amp; &lt;escaped&gt; text.');
    // In the given (catalogue) order, not by name.
    expect(html.indexOf('<h2>second</h2>')).toBeLessThan(html.indexOf('<h2>first</h2>'));
    for (const svg of html.match(/<svg[\s\S]*?<\/svg>/g) ?? []) expect(XMLValidator.validate(svg)).toBe(true);
  });

  describe.skipIf(browser.skip)(browser.title('in headless Chromium'), () => {
    it('renders its tables and SVGs, and a screenshot can be taken', async () => {
      const dom = await chromium(browser, ['--dump-dom'], pathToFileURL(page).href);
      expect(dom.match(/<table>/g)).toHaveLength(expected.tables);
      expect(dom.match(/<svg[\s>]/g)).toHaveLength(expected.svgs);
      expect(dom).toContain('Concurrency vs parallelism lab: results');
      await chromium(browser, [`--screenshot=${screenshot}`, '--window-size=1200,1800', '--hide-scrollbars'], pathToFileURL(page).href);
      expect(existsSync(screenshot)).toBe(true);
      expect(statSync(screenshot).size).toBeGreaterThan(10_000);
      console.info(`report screenshot: ${screenshot}`);
    });
  });
});
