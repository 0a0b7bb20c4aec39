import { machineLine } from './machine-line.ts';
import { markdownTable } from './render-markdown.ts';
import type { SavedResult } from './saved-result.ts';
import { relativeLink } from './docs-links.ts';

/** A reference result as the generator found it: the saved result, its folder from the repository root (`results/reference/NAME`) and its JSON file's name. */
export interface ReferenceResult {
  readonly result: SavedResult;
  readonly dir: string;
  readonly file: string;
}

/** The newest of an experiment's reference results, by the time it was saved (then by file name), or undefined for none. */
export function newestReference(found: readonly ReferenceResult[]): ReferenceResult | undefined {
  const order = (a: ReferenceResult, b: ReferenceResult): number => a.result.savedAt.localeCompare(b.result.savedAt) || a.file.localeCompare(b.file);
  return [...found].sort(order).at(-1);
}

/** What a reference run showed, for a page in `pageDir`: its files, machine line, settings, tables, notes and pictures, every link relative to the page. */
export function referenceBlock(ref: ReferenceResult, pageDir: string): string {
  const { result } = ref;
  const link = (file: string): string => relativeLink(pageDir, `${ref.dir}/${file}`);
  const base = ref.file.replace(/\.json$/, '');
  const settings = Object.entries(result.settings)
    .map(([key, value]) => `${key} ${value}`)
    .join(', ');
  return [
    `The reference run of \`${result.experiment}\` (\`${ref.dir}/\`: [the result](${link(ref.file)}), [as markdown](${link(`${base}.md`)})):`,
    '',
    machineLine(result.machine, result.foreignCpuCores),
    '',
    `settings: ${settings}`,
    '',
    ...result.tables.flatMap((table) => [markdownTable(table), '']),
    ...result.notes.map((note) => `- ${note}`),
    ...(result.pictures.length === 0 ? [] : ['', 'Its pictures:', '', ...result.pictures.map((p) => `- [${escapeLinkText(p.title)}](${link(p.file)})`)]),
  ].join('\n');
}

/**
 * One picture of a reference run shown on the page, chosen by the start of its suffix
 * (`timeline-5` for `<result>.timeline-5-wait-bound-interleaved.svg`), or undefined when it has none such.
 */
export function pictureBlock(ref: ReferenceResult, suffix: string, pageDir: string): string | undefined {
  const base = ref.file.replace(/\.json$/, '');
  const picture = ref.result.pictures.find(({ file }) => {
    const own = file.startsWith(`${base}.`) ? file.slice(base.length + 1) : file;
    return own === `${suffix}.svg` || own.startsWith(`${suffix}-`);
  });
  if (picture === undefined) return undefined;
  return `![${escapeLinkText(picture.title)}](${relativeLink(pageDir, `${ref.dir}/${picture.file}`)})`;
}

function escapeLinkText(text: string): string {
  return text.replace(/[[\]]/g, '\\$&');
}
