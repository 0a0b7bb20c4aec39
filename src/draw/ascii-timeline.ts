import type { GcMark } from '../runtime/gc-marks.ts';
import type { RunResult } from '../runtime/run-result.ts';
import { laneBuckets, type BucketContent } from './lane-buckets.ts';
import { laneNamesOf, runSpanMs, taskNamesOf } from './task-order.ts';
import { axisTicks, formatTick } from './ticks.ts';
import { isUntraced, UNTRACED, untracedText } from './untraced.ts';
import { waitIntervals } from './waits.ts';
import { zoomLabel, zoomRow } from './zoom-row.ts';

/** How to draw the terminal timeline. */
export interface AsciiTimelineOptions {
  /** Columns of the whole picture, lane names included; at least 20. */
  readonly width: number;
  /** Print the glyph legend under the axis. Default true. */
  readonly legend?: boolean;
}

/** One glyph per task, in task order; tasks past the last glyph share `overflowGlyph`. */
export const taskGlyphs = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** Shared by every task past the 62nd; the legend counts them. */
export const overflowGlyph = '*';
/** A bucket in which no task ran but at least one task on the lane was parked (sleep, wait, join). */
export const waitingGlyph = '~';
/** A bucket in which the thread ran nothing and no task on it was parked. */
export const idleGlyph = '.';
/** On the `gc` row under a lane: a garbage-collection pause fell in this bucket. */
export const gcGlyph = '#';

/**
 * The run as a terminal picture: one row per lane (thread), one column per time bucket showing
 * the glyph of the task that ran longest in it, `~` where tasks only waited, `.` where the thread
 * was idle, then a time axis in ms and a legend. Plain ASCII, exactly `width` columns wide.
 *
 * ```text
 * main |AABBAABBAA~~~~~~BBBB|
 *      +----------+---------+
 *   ms 0          10       20
 * A cpu1  B cpu2  ~ waiting
 * . idle
 * ```
 * When steps are shorter than a column, each column still shows one task, the one that ran
 * longest in it: the letters then switch in no visible pattern, which says "finer than this".
 * A run that recorded no steps (`piscina`, `--no-steps`) gets one `untraced` row with no glyphs,
 * not idle lanes: when its tasks ran is unknown.
 */
export function asciiTimeline(run: RunResult, options: AsciiTimelineOptions): string {
  const { width } = options;
  if (!Number.isInteger(width) || width < 20) throw new RangeError(`options.width must be an integer of at least 20; got ${String(width)}`);
  if (isUntraced(run)) return untracedTimeline(run, options);
  const tasks = taskNamesOf(run);
  const glyphOf = new Map(tasks.map((name, i) => [name, taskGlyphs[i] ?? overflowGlyph]));
  const lanes = laneNamesOf(run);
  const gutter = Math.max(2, Math.min(Math.max(0, ...lanes.map((name) => name.length)), Math.floor(width / 4)));
  const columns = width - gutter - 3;
  const span = runSpanMs(run);
  const buckets = laneBuckets(run.trace, waitIntervals(run.trace, span), lanes.length, span, columns);

  const glyph = (content: BucketContent): string =>
    content.kind === 'ran' ? glyphOf.get(content.task)! : content.kind === 'waiting' ? waitingGlyph : idleGlyph;
  const gc = run.gc ?? [];
  const lines: string[] = [];
  let zoomed = 0;
  lanes.forEach((name, lane) => {
    lines.push(`${name.slice(0, gutter).padEnd(gutter)} |${buckets[lane]!.map(glyph).join('')}|`);
    const pauses = gc.filter((m) => m.lane === lane);
    if (pauses.length > 0) lines.push(`${'gc'.padEnd(gutter)} |${gcRow(pauses, span, columns)}|`);
    const zoom = zoomRow(run.trace, lane, span, columns, (task) => glyphOf.get(task) ?? overflowGlyph);
    if (zoom !== undefined) {
      lines.push(`${zoomLabel.slice(0, gutter).padEnd(gutter)} :${zoom}:`);
      zoomed = Math.max(zoomed, Math.min(columns, run.trace.filter((e) => e.lane === lane).length));
    }
  });
  lines.push(...timeAxis(span, gutter, columns));
  if (options.legend !== false) lines.push(...legend(tasks, width, gc.length > 0, zoomed));
  return `${lines.join('\n')}\n`;
}

/** An untraced run: one row saying so (blank, no task glyphs), the time axis of its wall time, and the reason. */
function untracedTimeline(run: RunResult, options: AsciiTimelineOptions): string {
  const { width } = options;
  const gutter = Math.max(2, Math.min(UNTRACED.length, width - 13));
  const columns = width - gutter - 3;
  const inside = ' no steps recorded ';
  const text = inside.length <= columns ? inside : inside.slice(0, columns);
  const left = Math.floor((columns - text.length) / 2);
  const lines = [`${UNTRACED.slice(0, gutter).padEnd(gutter)} |${' '.repeat(left)}${text}${' '.repeat(columns - left - text.length)}|`];
  lines.push(...timeAxis(runSpanMs(run), gutter, columns));
  if (options.legend !== false) lines.push(...wrapWords(untracedText(run), width));
  return `${lines.join('\n')}\n`;
}

/** Words wrapped to `width` columns (a word longer than a line is cut). */
function wrapWords(text: string, width: number): string[] {
  return packLines(text.split(' ').map((word) => (word.length > width ? word.slice(0, width) : word)), width, ' ');
}

/** Pieces laid on lines of at most `width` columns, `gap` between two pieces on one line. */
function packLines(pieces: readonly string[], width: number, gap: string): string[] {
  const lines: string[] = [];
  let current = '';
  for (const piece of pieces) {
    if (current !== '' && current.length + gap.length + piece.length > width) {
      lines.push(current);
      current = '';
    }
    current = current === '' ? piece : `${current}${gap}${piece}`;
  }
  if (current !== '') lines.push(current);
  return lines;
}

/**
 * The axis line and the tick labels in ms under it. The two corners stand for 0 and the end of
 * the run, so a tick can be up to one column off the bucket it names: good enough to read a
 * terminal picture by, and it keeps the first and last tick on the frame.
 */
function timeAxis(span: number, gutter: number, columns: number): string[] {
  const line = `${' '.repeat(gutter)} +${'-'.repeat(columns)}+`.split('');
  const labels = new Array<string>(line.length).fill(' ');
  labels.splice(gutter - 2, 2, 'm', 's');
  const ticks = axisTicks(span, Math.max(2, Math.floor(columns / 10)));
  let freeFrom = gutter + 1;
  for (const value of ticks.values) {
    const position = gutter + 1 + (span > 0 ? Math.round((value / span) * (columns + 1)) : 0);
    line[position] = '+';
    // A label starts at its tick, or ends at the right edge if it would run off it; crowded labels are skipped.
    const text = formatTick(value, ticks.decimals);
    const start = Math.min(position, labels.length - text.length);
    if (start < freeFrom) continue;
    labels.splice(start, text.length, ...text);
    freeFrom = start + text.length + 1;
  }
  return [line.join(''), labels.join('').trimEnd()];
}

/** A row of `columns` buckets: `#` where a pause overlaps the bucket, blank elsewhere. */
function gcRow(pauses: readonly GcMark[], span: number, columns: number): string {
  const row = new Array<string>(columns).fill(' ');
  const bucketMs = span / columns;
  for (const m of pauses) {
    const first = Math.max(0, Math.floor(m.start / bucketMs));
    const last = Math.min(columns - 1, Math.floor(m.end / bucketMs));
    for (let c = first; c <= last; c++) row[c] = gcGlyph;
  }
  return row.join('');
}

/** "A cpu1  B cpu2 ..." wrapped to the width, then the marks for waiting, idle and garbage collection. */
function legend(tasks: readonly string[], width: number, hasGc = false, zoomed = 0): string[] {
  const entries = tasks.slice(0, taskGlyphs.length).map((name, i) => `${taskGlyphs[i]!} ${name}`);
  if (tasks.length > taskGlyphs.length) entries.push(`${overflowGlyph} ${tasks.length - taskGlyphs.length} more tasks`);
  entries.push(`${waitingGlyph} waiting`, `${idleGlyph} idle`);
  if (hasGc) entries.push(`${gcGlyph} garbage collection (gc row)`);
  if (zoomed > 0) entries.push(`${zoomLabel}: first ${zoomed} steps zoomed, 1 letter each`);
  return packLines(entries.map((entry) => (entry.length > width ? `${entry.slice(0, width - 1)}~` : entry)), width, '  ');
}
