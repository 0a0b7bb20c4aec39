import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { experiments } from '../experiments/catalogue.ts';
import { docsPages, docsSources } from '../scripts/docs.ts';
import { fillBlocks, generatedBlocks } from '../src/report/docs-blocks.ts';
import { experimentPage } from '../src/report/docs-catalogue.ts';
import { generatePage, noReferenceYet, staleBlocks, type DocsSources } from '../src/report/docs-generate.ts';
import { repoRoot } from './helpers/cli.ts';

let sources: DocsSources;
let pages: string[] = [];
const textOf = (page: string): string => readFileSync(join(repoRoot, page), 'utf8');
const keysOf = (page: string): string[] => generatedBlocks(textOf(page), page).map((b) => b.key);

beforeAll(async () => {
  [sources, pages] = await Promise.all([docsSources(), docsPages()]);
});

describe('the pages hold what npm run docs makes of the reference set, the catalogue and the flag table', () => {
  it('reads a reference result for every experiment of the catalogue, but those whose page says none is saved yet', () => {
    const awaiting = experiments.map((e) => e.name).filter((name) => textOf(experimentPage(name)).includes(noReferenceYet(name)));
    const ofTheCatalogue = [...sources.references.keys()].filter((name) => !name.startsWith('try-'));
    expect(ofTheCatalogue.sort()).toEqual(experiments.map((e) => e.name).filter((name) => !awaiting.includes(name)).sort());
    // The `try` run the README quotes for what a run costs.
    expect([...sources.references.keys()].filter((name) => name.startsWith('try-'))).toEqual([expect.stringMatching(/^try-examples-try-pbkdf2-mjs-[0-9a-f]{8}$/)]);
  });

  it('every page is up to date: run npm run docs when this fails', () => {
    const stale = pages.flatMap((page) => staleBlocks(page, textOf(page), sources));
    expect(stale).toEqual([]);
    for (const page of pages) expect(generatePage(page, textOf(page), sources), page).toBe(textOf(page));
  });

  it('the README shows the headline reference run, its picture and the catalogue; docs/flags.md the flag table', () => {
    expect(keysOf('README.md')).toEqual(expect.arrayContaining(['reference headline', 'catalogue']));
    expect(keysOf('README.md').some((key) => key.startsWith('picture headline '))).toBe(true);
    expect(keysOf('docs/flags.md')).toEqual(['flags']);
  });

  it.each(experiments.map((e) => e.name))('the page of %s holds its question and its reference run', (name) => {
    expect(keysOf(experimentPage(name))).toEqual(expect.arrayContaining([`question ${name}`, `reference ${name}`]));
  });

  it('reports a page whose figure was changed by hand as stale, names the block, and regenerates the figure', () => {
    const text = textOf('README.md');
    const block = generatedBlocks(text, 'README.md').find((b) => b.key === 'reference headline')!;
    const figure = /\d+\.\d+x/.exec(block.body)![0];
    const edited = text.replace(block.body, block.body.replace(figure, figure === '9.99x' ? '1.11x' : '9.99x'));
    expect(edited).not.toBe(text);
    expect(staleBlocks('README.md', edited, sources)).toEqual([`README.md:${block.line} reference headline`]);
    expect(generatePage('README.md', edited, sources)).toBe(text);
  });

  it('reports a page as stale when its reference run changes under it, and keeps the hand-written text', () => {
    const page = experimentPage('io-bound');
    const text = textOf(page);
    const reference = sources.references.get('io-bound')!;
    const notes = [...reference.result.notes, 'a later run: interleaved 0.50x the sequential time.'];
    const changed: DocsSources = { ...sources, references: new Map([...sources.references, ['io-bound', { ...reference, result: { ...reference.result, notes } }]]) };
    expect(staleBlocks(page, text, changed)).toEqual([expect.stringMatching(/ reference io-bound$/)]);
    const regenerated = generatePage(page, text, changed);
    expect(regenerated).toContain('- a later run: interleaved 0.50x the sequential time.');
    const emptied = (page: string): string => fillBlocks(page, () => '');
    expect(emptied(regenerated)).toBe(emptied(text));
  });
});
