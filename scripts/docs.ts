// `npm run docs`: writes the generated blocks of README.md, docs/*.md and experiments/*/README.md
// from the reference set (the newest results/reference/NAME/*.json), the catalogue and the flag
// table; the hand-written text around the blocks is kept as it is. `npm run docs -- --check` writes
// nothing and exits 1 when a page is stale. What goes in a block is decided by pure functions
// (src/report/docs-*.ts); this file only reads and writes, so that a test can ask the same
// functions whether a page is up to date.
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { experiments } from '../experiments/catalogue.ts';
import { flags } from '../src/cli/flags.ts';
import { LabError } from '../src/errors/lab-error.ts';
import { generatePage, staleBlocks, type DocsSources } from '../src/report/docs-generate.ts';
import { newestReference, type ReferenceResult } from '../src/report/docs-reference.ts';
import { readResult } from '../src/report/results-store.ts';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const REFERENCE_DIR = 'results/reference';

/** Every page that may hold generated blocks, named from the repository root: README.md, docs/*.md, experiments/*\/README.md. */
export async function docsPages(root: string = repoRoot): Promise<string[]> {
  const inFolder = async (dir: string, pick: (name: string) => string | undefined): Promise<string[]> =>
    existsSync(join(root, dir)) ? (await readdir(join(root, dir))).sort().flatMap((name) => pick(name) ?? []) : [];
  const docs = await inFolder('docs', (name) => (name.endsWith('.md') ? `docs/${name}` : undefined));
  const experimentPages = await inFolder('experiments', (name) => (existsSync(join(root, 'experiments', name, 'README.md')) ? `experiments/${name}/README.md` : undefined));
  return ['README.md', ...docs, ...experimentPages];
}

/** The reference set (the newest result in each folder of results/reference), the catalogue and the flag table. */
export async function docsSources(root: string = repoRoot): Promise<DocsSources> {
  const references = new Map<string, ReferenceResult>();
  for (const name of (await readdir(join(root, REFERENCE_DIR))).sort()) {
    const dir = `${REFERENCE_DIR}/${name}`;
    const files = (await readdir(join(root, dir))).filter((f) => f.endsWith('.json'));
    const found = await Promise.all(files.map(async (file) => ({ result: await readResult(join(root, dir, file)), dir, file })));
    const newest = newestReference(found);
    if (newest !== undefined) references.set(name, newest);
  }
  return { references, catalogue: experiments, flags };
}

/** Each page as it is and as the generator makes it. */
export async function pagesNowAndGenerated(root: string = repoRoot): Promise<{ page: string; text: string; generated: string; stale: string[] }[]> {
  const sources = await docsSources(root);
  return Promise.all(
    (await docsPages(root)).map(async (page) => {
      const text = await readFile(join(root, page), 'utf8');
      return { page, text, generated: generatePage(page, text, sources), stale: staleBlocks(page, text, sources) };
    }),
  );
}

async function main(args: readonly string[]): Promise<number> {
  const check = args.includes('--check');
  const unknown = args.filter((a) => a !== '--check');
  if (unknown.length > 0) throw new LabError(`unknown argument ${unknown[0]}; npm run docs takes only --check`);
  const pages = await pagesNowAndGenerated();
  const stale = pages.filter(({ text, generated }) => text !== generated);
  for (const { page, generated, stale: blocks } of stale) {
    if (!check) await writeFile(join(repoRoot, page), generated);
    process.stdout.write(`${check ? 'stale' : 'wrote'} ${page}${blocks.length > 0 ? ` (${blocks.map((b) => b.replace(/^[^ ]* /, '')).join('; ')})` : ''}\n`);
  }
  process.stdout.write(`docs: ${pages.length} pages, ${stale.length} ${check ? 'stale' : 'rewritten'}\n`);
  return check && stale.length > 0 ? 1 : 0;
}

// Run only as the entry point: the tests import the functions above.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof LabError)) throw error;
    process.stderr.write(`docs: ${error.message}\n`);
    process.exitCode = error.exitCode;
  }
}
