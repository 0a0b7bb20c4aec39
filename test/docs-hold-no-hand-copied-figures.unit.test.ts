import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { docsPages } from '../scripts/docs.ts';
import { blockStart, handWrittenText } from '../src/report/docs-blocks.ts';
import { repoRoot } from './helpers/cli.ts';
import { handCopiedFigures } from './helpers/docs-figures.ts';

const figuresIn = (text: string): string[] => handCopiedFigures(text).map((f) => f.figure);

describe('the rule: a measured figure is a number with a unit of time, size, rate or ratio', () => {
  it.each([
    ['1.94x faster', '1.94x'],
    ['took 142 ms', '142 ms'],
    ['about 45 s on 2 cores', '45 s'],
    ['30 ns a switch and 41.0 µs a task, or 41 us', '30 ns'],
    ['748 B a task, 15.4 MB a thread, 23.5 GiB of memory', '748 B'],
    ['at 200/s on 4 connections', '200/s'],
    ['11192 messages/s', '11192 messages/s'],
    ['3.2 ops/s', '3.2 ops/s'],
    ['0.1% of a core', '0.1%'],
    ['within +-2%', '2%'],
    ['1,406 min to start', '1,406 min'],
    ['waits of 20-80 ms', '80 ms'],
    ['(12.49x)', '12.49x'],
    ['`npm test` takes 2 minutes', '2 minutes'],
    ['a 64 KB payload', '64 KB'],
  ])('finds the figure in %j', (text, first) => {
    expect(figuresIn(text)[0]).toBe(first);
  });

  it('finds every figure of a line, and says on which line', () => {
    expect(handCopiedFigures('no figure here\n30 ns a switch and 41.0 µs a task, or 41 us')).toEqual([
      { line: 2, figure: '30 ns' },
      { line: 2, figure: '41.0 µs' },
      { line: 2, figure: '41 us' },
    ]);
  });

  it.each([
    '--threads 4',
    '--timeout 30000',
    'npm run exp:scaling -- --max-threads 16 --budget=60 s',
    'at most 250 lines',
    'on 2 cores, Node 20, vitest 4, ES2015, sha256, utf8, p99, v8.serialize, x64',
    'a hex 0x1F, a product 8 x 4 waits, a range 1-4 threads, 1/64 of a slice',
    'timeoutMs: 5_000 and 10_000 iterations',
    'a 95% CI, the 95% interval, 95% intervals, 95% confidence, the 95% level',
    '3 steps, 1 hop, 4 sizes, 12 bytecodes, 2 outliers',
    'tens of µs, min(threads, cores)x, about two minutes',
    'StrykerJS 9.x, exp:io-bound, redis://REDIS-HOST:6379, 127.0.0.1',
  ])('leaves settings, counts, versions and names alone: %j', (text) => {
    expect(figuresIn(text)).toEqual([]);
  });
});

describe('the pages hold no hand-copied figures outside their generated blocks', () => {
  let pages: string[] = [];
  beforeAll(async () => {
    pages = await docsPages();
  });

  it('reads a page for every part of the documentation', () => {
    expect(pages).toEqual(expect.arrayContaining(['README.md', 'docs/flags.md', 'docs/scheduler.md', 'experiments/headline/README.md']));
  });

  it('no page has a measured figure in its hand-written text, code blocks and inline code included', () => {
    const found = pages.flatMap((page) => handCopiedFigures(handWrittenText(readFileSync(join(repoRoot, page), 'utf8'), page)).map(({ line, figure }) => `${page}:${line} ${figure}`));
    expect(found).toEqual([]);
  });

  it('reads figures inside a generated block as generated, and one just outside as hand-copied', () => {
    const page = ['# a page', blockStart('reference headline'), 'parallel 1.94x', '<!-- end generated -->', 'parallel was 1.94x faster'].join('\n');
    expect(handCopiedFigures(handWrittenText(page))).toEqual([{ line: 5, figure: '1.94x' }]);
  });
});
