import { DocsBlockError, fillBlocks, generatedBlocks } from './docs-blocks.ts';
import { catalogueBlock, questionBlock, type CatalogueEntry } from './docs-catalogue.ts';
import { flagsBlock, type FlagEntry } from './docs-flags.ts';
import { pageDirectory } from './docs-links.ts';
import { pictureBlock, referenceBlock, type ReferenceResult } from './docs-reference.ts';
import { tryCostBlock } from './docs-try-cost.ts';

/** Everything the generated blocks are made from: the reference set (newest result per experiment), the catalogue and the flag table. */
export interface DocsSources {
  readonly references: ReadonlyMap<string, ReferenceResult>;
  readonly catalogue: readonly CatalogueEntry[];
  readonly flags: Readonly<Record<string, FlagEntry>>;
}

/** The keys a block may have, for the message that refuses an unknown one. */
const KNOWN = '"reference NAME", "picture NAME SUFFIX", "try-cost NAME", "question NAME", "catalogue" or "flags"';

/**
 * What goes in one block of `page` (named from the repository root, which places its links), by its key:
 * `reference NAME` what the newest reference run of NAME showed, `picture NAME SUFFIX` one of its
 * pictures shown inline, `try-cost NAME` what that `try` run cost against one loop over its inputs,
 * `question NAME` its question from the catalogue, `catalogue` a line per
 * experiment, `flags` every flag of the table.
 */
export function generatedBlock(key: string, page: string, sources: DocsSources): string {
  const [kind, name, suffix, ...rest] = key.split(' ');
  const fail = (fault: string): never => {
    throw new DocsBlockError(`${page}: the generated block "${key}" ${fault}`);
  };
  const reference = (): ReferenceResult => sources.references.get(name!) ?? fail(`names no experiment with a reference result under results/reference/ (found: ${[...sources.references.keys()].join(', ')})`);
  const dir = pageDirectory(page);
  if (rest.length > 0) fail(`has too many words; a key is ${KNOWN}`);
  if (kind === 'catalogue' && name === undefined) return catalogueBlock(sources.catalogue, dir);
  if (kind === 'flags' && name === undefined) return flagsBlock(sources.flags);
  // An experiment of the catalogue whose reference run is not saved yet says so, and how to save one; any other name fails.
  const awaiting = name !== undefined && !sources.references.has(name) && sources.catalogue.some((e) => e.name === name);
  if (kind === 'reference' && name !== undefined && suffix === undefined) return awaiting ? noReferenceYet(name) : referenceBlock(reference(), dir);
  if (kind === 'picture' && name !== undefined && suffix !== undefined) {
    if (awaiting) return `(This picture appears once a reference run of \`${name}\` is saved.)`;
    return pictureBlock(reference(), suffix, dir) ?? fail(`names no picture of that reference run (its pictures: ${reference().result.pictures.map((p) => p.file).join(', ') || 'none'})`);
  }
  if (kind === 'try-cost' && name !== undefined && suffix === undefined) return tryCostBlock(reference(), dir) ?? fail('names a reference run that is not a try run with its cost (runMs, runLoops, warmupRounds)');
  if (kind === 'question' && name !== undefined && suffix === undefined) {
    const entry = sources.catalogue.find((e) => e.name === name) ?? fail('names no experiment of the catalogue');
    return questionBlock(entry);
  }
  return fail(`is not one the generator knows; a key is ${KNOWN}`);
}

/** The block of an experiment of the catalogue with no reference run saved yet: what to run to save one. */
export function noReferenceYet(name: string): string {
  return `No reference run of \`${name}\` is saved yet: on an idle machine, run \`npm run lab -- ${name} --out results/reference\`, then \`npm run docs\`.`;
}

/** The page as the generator makes it: every block filled from the sources, the hand-written text as it was. */
export function generatePage(page: string, text: string, sources: DocsSources): string {
  return fillBlocks(text, (key) => generatedBlock(key, page, sources), page);
}

/** The keys of the blocks of a page that differ from what the generator makes of the sources: empty when the page is up to date. */
export function staleBlocks(page: string, text: string, sources: DocsSources): string[] {
  return generatedBlocks(text, page)
    .filter((block) => block.body !== generatedBlock(block.key, page, sources))
    .map((block) => `${page}:${block.line} ${block.key}`);
}
