/** A link on a page to a file of the repository: its 1-based line and its target as written. */
export interface LocalLink {
  readonly line: number;
  readonly target: string;
}

/** Fenced code blocks and inline code hold examples, not links: blanked (line numbers kept) before links are read. */
function withoutCode(markdown: string): string {
  let fenced = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) {
        fenced = !fenced;
        return '';
      }
      return fenced ? '' : line.replace(/`[^`]*`/g, '``');
    })
    .join('\n');
}

/** `[text](target)` and `![alt](target)`, the text allowed to hold escaped brackets; a target ends at a space (a title may follow). */
const LINK = /!?\[(?:\\.|[^\]\\])*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g;

/**
 * Every link of a markdown page to a local file, outside code: not to a web address (`https:`,
 * `mailto:`, ...) and not to an anchor of the same page; an anchor after a file is dropped.
 */
export function localLinks(markdown: string): LocalLink[] {
  const links: LocalLink[] = [];
  withoutCode(markdown)
    .split('\n')
    .forEach((text, i) => {
      for (const match of text.matchAll(LINK)) {
        const target = match[1]!.split('#')[0]!;
        if (target === '' || /^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
        links.push({ line: i + 1, target });
      }
    });
  return links;
}
