/**
 * A link from a page to a file, both named from the repository root with `/` ('' is the root):
 * `relativeLink('experiments/headline', 'results/reference/headline/a.svg')` is
 * `../../results/reference/headline/a.svg`. Written out rather than with `path.posix.relative`,
 * which resolves against the working directory.
 */
export function relativeLink(fromDir: string, to: string): string {
  const from = fromDir.split('/').filter((s) => s !== '' && s !== '.');
  const target = to.split('/').filter((s) => s !== '' && s !== '.');
  let shared = 0;
  while (shared < from.length && shared < target.length - 1 && from[shared] === target[shared]) shared++;
  return [...from.slice(shared).map(() => '..'), ...target.slice(shared)].join('/');
}

/** The folder of a page named from the repository root: '' for `README.md`, `docs` for `docs/flags.md`. */
export function pageDirectory(page: string): string {
  const slash = page.lastIndexOf('/');
  return slash === -1 ? '' : page.slice(0, slash);
}
