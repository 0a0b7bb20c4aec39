import { relativeLink } from './docs-links.ts';

/** What the pages read of a catalogue entry (the shape of an `Experiment`, without reaching up to it). */
export interface CatalogueEntry {
  readonly name: string;
  readonly question: string;
  readonly about?: string;
}

/** Where an experiment's page is, from the repository root. */
export function experimentPage(name: string): string {
  return `experiments/${name}/README.md`;
}

/** One line per experiment, in the catalogue's order: its page, its npm script and its question. */
export function catalogueBlock(entries: readonly CatalogueEntry[], pageDir: string): string {
  return entries.map((e) => `- [${e.name}](${relativeLink(pageDir, experimentPage(e.name))}) (\`npm run exp:${e.name}\`): ${e.question}`).join('\n');
}

/** An experiment's question and what it runs, as the catalogue states them. */
export function questionBlock(entry: CatalogueEntry): string {
  return [`> ${entry.question}`, ...(entry.about === undefined ? [] : ['', entry.about])].join('\n');
}
