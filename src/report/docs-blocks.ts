import { ExitCode, LabError } from '../errors/lab-error.ts';

/**
 * A page's generated blocks sit between two HTML comments, invisible on GitHub:
 * `<!-- generated: KEY (npm run docs writes this block; do not edit) -->` and `<!-- end generated -->`.
 * The key says what goes in (`reference headline`, `catalogue`, `flags`, ...); everything outside
 * the blocks is hand-written and kept as it is.
 */
const START = /^<!-- generated: (.+?) \(npm run docs writes this block; do not edit\) -->$/;
const END = '<!-- end generated -->';

/** The comment that opens a block of that key, as a page holds it. */
export function blockStart(key: string): string {
  return `<!-- generated: ${key} (npm run docs writes this block; do not edit) -->`;
}

/** A page whose markers do not pair up: the message names the page and the line. */
export class DocsBlockError extends LabError {
  override name = 'DocsBlockError';
  override readonly exitCode: number = ExitCode.badInput;
}

/** One generated block: its key, its body (the lines between the markers) and the line of its opening marker (1-based). */
export interface GeneratedBlock {
  readonly key: string;
  readonly body: string;
  readonly line: number;
}

/** Every generated block of a page, in order; markers that do not pair up are a `DocsBlockError` naming `name` and the line. */
export function generatedBlocks(page: string, name = 'the page'): GeneratedBlock[] {
  const blocks: GeneratedBlock[] = [];
  let open: { key: string; line: number; body: string[] } | undefined;
  page.split('\n').forEach((line, i) => {
    const start = START.exec(line);
    if (start !== null) {
      if (open !== undefined) throw new DocsBlockError(`${name}:${i + 1}: a generated block opens inside the block "${open.key}" of line ${open.line}`);
      open = { key: start[1]!, line: i + 1, body: [] };
    } else if (line === END) {
      if (open === undefined) throw new DocsBlockError(`${name}:${i + 1}: "${END}" with no block to end`);
      blocks.push({ key: open.key, body: open.body.join('\n'), line: open.line });
      open = undefined;
    } else {
      open?.body.push(line);
    }
  });
  if (open !== undefined) throw new DocsBlockError(`${name}:${open.line}: the block "${open.key}" is never ended with "${END}"`);
  return blocks;
}

/** The page with each block's body replaced by what `make` returns for its key; the hand-written text and the markers stay as they are. */
export function fillBlocks(page: string, make: (key: string) => string, name = 'the page'): string {
  const blocks = generatedBlocks(page, name);
  const out: string[] = [];
  let inside = false;
  let next = 0;
  for (const line of page.split('\n')) {
    if (START.test(line)) {
      out.push(line, ...make(blocks[next++]!.key).split('\n'));
      inside = true;
    } else if (line === END) {
      out.push(line);
      inside = false;
    } else if (!inside) {
      out.push(line);
    }
  }
  return out.join('\n');
}

/**
 * The hand-written text only: every line of a block, its markers included, becomes an empty line, so
 * that line numbers still match the page.
 */
export function handWrittenText(page: string, name = 'the page'): string {
  generatedBlocks(page, name); // markers that do not pair up are an error, not text
  let inside = false;
  return page
    .split('\n')
    .map((line) => {
      if (START.test(line)) inside = true;
      const kept = inside ? '' : line;
      if (line === END) inside = false;
      return kept;
    })
    .join('\n');
}
