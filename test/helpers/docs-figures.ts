/**
 * The rule of "no hand-copied figures": a measured figure is a number with a unit of time, size,
 * rate or ratio. A figure typed by hand on a page is a copy that drifts from the next run, so it
 * belongs in a generated block; hand-written text may still give settings the user types
 * (`--threads 4`, `--timeout 30000`), counts ("250 lines", "2 cores") and confidence levels.
 */

/** Units a measured figure carries; whole words only, so "3 steps" or "1 hop" are not "3 s" or "1 h". */
const WORD_UNITS = ['ns', 'µs', 'μs', 'us', 'ms', 's', 'sec', 'secs', 'seconds?', 'min', 'mins', 'minutes?', 'h', 'hours?', 'B', 'bytes?', 'kB', 'KB', 'MB', 'GB', 'TB', 'KiB', 'MiB', 'GiB', 'TiB', 'Hz', 'kHz', 'MHz', 'GHz', '%'];

/**
 * A number not inside a word or another number (so not `v8`, `p99`, `ES2015`, `0x1F` or `5_000`),
 * with thousands separators and decimals, then: a ratio `x` or `×` written onto it (`1.94x`; with a
 * space, `8 x 4 waits` is a product of settings), a word unit after at most one space, or a rate
 * (`200/s`, `3 ops/s`, `12 messages/s`).
 */
const FIGURE = new RegExp(
  String.raw`(?<![\w.,])(\d+(?:[,_]\d{3})*(?:\.\d+)?)` +
    String.raw`(?:[x×](?![\w])|[  ]?(?:${WORD_UNITS.join('|')})(?![\w])|[  ]?(?:[A-Za-z]+[  ]?)?/s(?![\w]))`,
  'g',
);

/** Right before a number, a flag the user types: `--threads 4`, `--budget=60`. */
const TYPED_SETTING = /--[a-z][\w-]*[ =]$/;
/** Right after a percentage, what makes it a confidence level rather than a measurement: `95% CI`, `95% interval`. */
const CONFIDENCE_LEVEL = /^[  ]?(?:CI|confidence|intervals?|coverage|level)\b/;

/** One figure found: the 1-based line, and the figure as it stands. */
export interface HandCopiedFigure {
  readonly line: number;
  readonly figure: string;
}

/** Every measured figure in a text, by the rule above; settings typed after a flag and confidence levels are left out. */
export function handCopiedFigures(text: string): HandCopiedFigure[] {
  const found: HandCopiedFigure[] = [];
  text.split('\n').forEach((line, i) => {
    for (const match of line.matchAll(FIGURE)) {
      const before = line.slice(0, match.index);
      const after = line.slice(match.index + match[0].length);
      if (TYPED_SETTING.test(before)) continue;
      if (match[0].endsWith('%') && CONFIDENCE_LEVEL.test(after)) continue;
      found.push({ line: i + 1, figure: match[0] });
    }
  });
  return found;
}
