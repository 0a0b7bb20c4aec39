import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { experiments } from '../experiments/catalogue.ts';
import { docsPages } from '../scripts/docs.ts';
import { experimentPage } from '../src/report/docs-catalogue.ts';
import { noReferenceYet } from '../src/report/docs-generate.ts';
import { repoRoot } from './helpers/cli.ts';
import { localLinks } from './helpers/docs-links.ts';

const scripts = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const names = experiments.map((e) => e.name);

/** Every link of a page (named from the repository root) whose target is no file or folder of the checkout. */
function brokenLinks(page: string, text: string, exists: (path: string) => boolean): string[] {
  return localLinks(text)
    .filter(({ target }) => !exists(join(dirname(page), decodeURIComponent(target))))
    .map(({ line, target }) => `${page}:${line} ${target}`);
}

const inCheckout = (path: string): boolean => existsSync(join(repoRoot, path));

describe('every experiment of the catalogue', () => {
  // `exec`: npm runs a script through `sh -c`, and dash forks for it; with the shell left in between,
  // a terminal's Ctrl-C to the group kills the shell, npm returns, and the lab runs on orphaned.
  it.each(names)('%s has its npm script exp:NAME, which runs it through the lab with no shell left between npm and it', (name) => {
    expect(scripts[`exp:${name}`]).toBe(`exec node bin/lab.mjs ${name}`);
  });

  it('the lab, compare and report scripts start the lab the same way', () => {
    expect([scripts.lab, scripts.compare, scripts.report]).toEqual(['exec node bin/lab.mjs', 'exec node bin/lab.mjs compare', 'exec node bin/lab.mjs report']);
  });

  it.each(names)('%s has its page experiments/NAME/README.md', (name) => {
    expect(existsSync(join(repoRoot, experimentPage(name)))).toBe(true);
  });

  // A new experiment waits for its first reference run on an idle machine; until then its page says how to save one.
  it.each(names)('%s has a reference result results/reference/NAME/*.json, or its page says none is saved yet', (name) => {
    const dir = join(repoRoot, 'results/reference', name);
    const saved = existsSync(dir) && statSync(dir).isDirectory() ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
    if (saved.length === 0) expect(readFileSync(join(repoRoot, experimentPage(name)), 'utf8')).toContain(noReferenceYet(name));
    else expect(readFileSync(join(repoRoot, experimentPage(name)), 'utf8')).not.toContain(noReferenceYet(name));
  });

  it('has no page folder or reference folder that the catalogue has lost', () => {
    const pageFolders = readdirSync(join(repoRoot, 'experiments')).filter((d) => existsSync(join(repoRoot, 'experiments', d, 'README.md')));
    expect(pageFolders.sort()).toEqual([...names].sort());
    // Besides the catalogue's, the reference set holds `try` runs (of the examples, for the pages that quote what a run costs): try-<identity>.
    expect(readdirSync(join(repoRoot, 'results/reference')).filter((d) => !names.includes(d) && !/^try-[a-z0-9-]+$/.test(d))).toEqual([]);
  });
});

describe('links on the pages', () => {
  let pages: string[] = [];
  beforeAll(async () => {
    pages = await docsPages();
  });

  it('reads the README, the docs and every experiment page', () => {
    expect(pages).toContain('README.md');
    expect(pages).toContain('docs/architecture.md');
    for (const name of names) expect(pages).toContain(experimentPage(name));
  });

  it('every link to a local file, on every page, points to a file that exists', () => {
    const broken = pages.flatMap((page) => brokenLinks(page, readFileSync(join(repoRoot, page), 'utf8'), inCheckout));
    expect(broken).toEqual([]);
  });

  it('finds a link to a missing file, relative to its page, and leaves web addresses, anchors and code alone', () => {
    const page = [
      'See [the flags](flags.md), [a lost page](lost.md#top) and ![a picture](../results/reference/headline/gone.svg).',
      '[the web](https://example.org/x.md), [an anchor](#commands), `[in code](nowhere.md)`',
      '```md',
      '[in a fence](nowhere-either.md)',
      '```',
      '[escaped \\[brackets\\]](missing-too.md "with a title")',
    ].join('\n');
    const exists = (path: string): boolean => path === join('docs', 'flags.md');
    expect(brokenLinks('docs/page.md', page, exists)).toEqual(['docs/page.md:1 lost.md', 'docs/page.md:1 ../results/reference/headline/gone.svg', 'docs/page.md:6 missing-too.md']);
  });
});
