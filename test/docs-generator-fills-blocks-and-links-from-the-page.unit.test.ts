import { describe, expect, it } from 'vitest';
import { flags } from '../src/cli/flags.ts';
import { blockStart, DocsBlockError, fillBlocks, generatedBlocks, handWrittenText } from '../src/report/docs-blocks.ts';
import { catalogueBlock, questionBlock } from '../src/report/docs-catalogue.ts';
import { flagsBlock } from '../src/report/docs-flags.ts';
import { generatedBlock, type DocsSources } from '../src/report/docs-generate.ts';
import { pageDirectory, relativeLink } from '../src/report/docs-links.ts';
import { newestReference, pictureBlock, type ReferenceResult } from '../src/report/docs-reference.ts';
import type { SavedResult } from '../src/report/saved-result.ts';

const END = '<!-- end generated -->';

/** A reference result with only what the blocks read. */
function reference(savedAt: string, file: string): ReferenceResult {
  const result = { experiment: 'tiny', savedAt, pictures: [{ file: `${file.replace(/\.json$/, '')}.timeline-2-wait-bound-interleaved.svg`, title: 'tiny: a [picture]' }] } as unknown as SavedResult;
  return { result, dir: 'results/reference/tiny', file };
}

describe('generated blocks', () => {
  const page = ['# title', 'hand-written', blockStart('catalogue'), 'old', 'lines', END, 'more text', blockStart('flags'), END, 'the end'].join('\n');

  it('are found with their keys, bodies and lines', () => {
    expect(generatedBlocks(page)).toEqual([
      { key: 'catalogue', body: 'old\nlines', line: 3 },
      { key: 'flags', body: '', line: 8 },
    ]);
  });

  it('are filled by key, and the text around them is kept to the byte', () => {
    const filled = fillBlocks(page, (key) => `new ${key}`);
    expect(filled).toBe(['# title', 'hand-written', blockStart('catalogue'), 'new catalogue', END, 'more text', blockStart('flags'), 'new flags', END, 'the end'].join('\n'));
    expect(fillBlocks(filled, (key) => `new ${key}`)).toBe(filled);
    expect(fillBlocks('no blocks\n', () => 'x')).toBe('no blocks\n');
  });

  it('leave only the hand-written text, line for line, to the figure check', () => {
    expect(handWrittenText(page).split('\n')).toEqual(['# title', 'hand-written', '', '', '', '', 'more text', '', '', 'the end']);
  });

  it('that do not pair up are refused, naming the page and the line', () => {
    expect(() => generatedBlocks(`a\n${blockStart('flags')}\nb`, 'docs/x.md')).toThrow(new DocsBlockError('docs/x.md:2: the block "flags" is never ended with "<!-- end generated -->"'));
    expect(() => generatedBlocks(`${END}`, 'docs/x.md')).toThrow(/docs\/x\.md:1: .* with no block to end/);
    expect(() => generatedBlocks(`${blockStart('flags')}\n${blockStart('catalogue')}\n${END}`, 'README.md')).toThrow(/README\.md:2: a generated block opens inside the block "flags" of line 1/);
  });
});

describe('what goes in a block', () => {
  const sources: DocsSources = { references: new Map([['tiny', reference('2026-01-02T00:00:00.000Z', 'm-2.json')]]), catalogue: [{ name: 'tiny', question: 'Is it tiny?', about: 'Tiny tasks.' }], flags: {} };

  it('links are relative to the page that holds them', () => {
    expect(relativeLink('', 'experiments/tiny/README.md')).toBe('experiments/tiny/README.md');
    expect(relativeLink('docs', 'experiments/tiny/README.md')).toBe('../experiments/tiny/README.md');
    expect(relativeLink('experiments/tiny', 'results/reference/tiny/a.svg')).toBe('../../results/reference/tiny/a.svg');
    expect(relativeLink('experiments/tiny', 'experiments/tiny/b.md')).toBe('b.md');
    expect(pageDirectory('README.md')).toBe('');
    expect(pageDirectory('experiments/tiny/README.md')).toBe('experiments/tiny');
  });

  it('the catalogue is one line per experiment with its page, its script and its question; the question block quotes it', () => {
    expect(catalogueBlock(sources.catalogue, 'docs')).toBe('- [tiny](../experiments/tiny/README.md) (`npm run exp:tiny`): Is it tiny?');
    expect(questionBlock(sources.catalogue[0]!)).toBe('> Is it tiny?\n\nTiny tasks.');
  });

  it('the newest reference result is the one saved last', () => {
    const older = reference('2026-01-01T00:00:00.000Z', 'm-9.json');
    const newer = reference('2026-01-02T00:00:00.000Z', 'm-1.json');
    expect(newestReference([newer, older])).toBe(newer);
    expect(newestReference([])).toBeUndefined();
  });

  it('a picture is chosen by the start of its suffix and linked from the page, its title escaped', () => {
    expect(pictureBlock(sources.references.get('tiny')!, 'timeline-2', '')).toBe('![tiny: a \\[picture\\]](results/reference/tiny/m-2.timeline-2-wait-bound-interleaved.svg)');
    expect(pictureBlock(sources.references.get('tiny')!, 'timeline-20', '')).toBeUndefined();
  });

  it('the flags block has a row for every flag of the table, with its value and the commands that take it', () => {
    const block = flagsBlock(flags);
    for (const name of Object.keys(flags)) expect(block).toContain(`\`--${name}\``);
    expect(block.split('\n')).toHaveLength(Object.keys(flags).length + 2);
    expect(block).toContain('| `--repeats` | `N\\|auto` |');
    expect(block).toMatch(/\| `--max-threads` .* \| `scaling`, `many-tasks`, `all`, `try` \|$/m);
    expect(block).toMatch(/\| `--aa` .* \| `granularity` \|$/m);
    expect(block).toMatch(/\| `--seed` .* \| an experiment, `all`, `run`; also under `--explain` and `--html` \|$/m);
    expect(block).toMatch(/\| `-h`, `--help` \|/);
  });

  it('an unknown key, experiment or picture is refused, naming the page and the block', () => {
    expect(() => generatedBlock('figures tiny', 'README.md', sources)).toThrow(/README\.md: the generated block "figures tiny" is not one the generator knows/);
    expect(() => generatedBlock('reference huge', 'docs/x.md', sources)).toThrow(/docs\/x\.md: the generated block "reference huge" names no experiment with a reference result .*found: tiny/);
    expect(() => generatedBlock('picture tiny chart-1', 'README.md', sources)).toThrow(/names no picture of that reference run/);
    expect(() => generatedBlock('question other', 'README.md', sources)).toThrow(/names no experiment of the catalogue/);
    expect(() => generatedBlock('catalogue extra words here', 'README.md', sources)).toThrow(/too many words/);
  });
});

describe('the try-cost block', () => {
  const tryRun = (facts: Record<string, number>): ReferenceResult => ({
    result: { experiment: 'try-pbkdf2-mjs', savedAt: '2026-01-02T00:00:00.000Z', pictures: [], facts, settings: { module: 'pbkdf2.mjs', inputs: 32 }, rows: Array.from({ length: 10 }, () => ({ repeats: 9 })) } as unknown as SavedResult,
    dir: 'results/reference/try-pbkdf2-mjs',
    file: 'm.json',
  });

  it("says what a try run cost against one loop over its inputs, from the saved run's own facts", () => {
    const sources: DocsSources = { references: new Map([['try-pbkdf2-mjs', tryRun({ runMs: 74_300, runLoops: 69.6, warmupRounds: 3 })]]), catalogue: [], flags: {} };
    expect(generatedBlock('try-cost try-pbkdf2-mjs', 'README.md', sources)).toBe(
      'What a `try` run costs, from [the reference run of pbkdf2.mjs](results/reference/try-pbkdf2-mjs/m.json): 74.3 s, 70 times one plain loop over its 32 inputs. ' +
        'Its 10 settings ran once each to check their results, then 3 warm-up rounds and 9 timed rounds, then the empty call and the transfers were timed. `--quick` runs 3 timed rounds and one warm-up.',
    );
  });

  it('refuses a reference run that did not keep its cost', () => {
    const sources: DocsSources = { references: new Map([['try-old', tryRun({ bestSpeedup: 2 })]]), catalogue: [], flags: {} };
    expect(() => generatedBlock('try-cost try-old', 'README.md', sources)).toThrow('README.md: the generated block "try-cost try-old" names a reference run that is not a try run with its cost (runMs, runLoops, warmupRounds)');
  });
});
