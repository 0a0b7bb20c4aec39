import type { Progress } from '../measure/alternate.ts';
import { estimateLeftMs, formatTimeLeft } from './time-left.ts';

/** Something progress can be drawn on: a terminal stream, usually stderr. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/** Runs shorter than this show no progress at all: a flash of text helps nobody. */
export const PROGRESS_DELAY_MS = 2_000;
/** Where the stream is not a terminal (CI, a log file), one line this often, the first after as long. */
export const PROGRESS_LINE_EVERY_MS = 10_000;

/**
 * One self-overwriting status line ("headline: cpu-bound parallel, repeat 3/7, about 12 s left")
 * on a terminal, from about two seconds into the run; the time left is the experiment's estimate for
 * the whole run when it gives one, else estimated from the rounds done in this block. When the
 * stream is not a terminal, a plain line every ten seconds instead, so a log shows the run is alive.
 * Nothing at all when progress is disabled (`--json`), so JSON stays clean.
 */
export function progressLine(
  stream: ProgressStream,
  experiment: string,
  enabled: boolean,
  clock: () => number = () => performance.now(),
): { update(p: Progress): void; done(): void } {
  const terminal = stream.isTTY === true;
  const started = clock();
  // When each label's first timed repeat began: modes take turns, so repeat r of a label starts r - 1 whole rounds later.
  const firstTimed = new Map<string, number>();
  let shown = false;
  let lastLine = started;
  return {
    update(p) {
      if (!enabled) return;
      const now = clock();
      if (p.phase === 'measure' && p.repeat === 1) firstTimed.set(p.label, now);
      if (terminal ? now - started < PROGRESS_DELAY_MS : now - lastLine < PROGRESS_LINE_EVERY_MS) return;
      const text = `${experiment}: ${p.label}, ${where(p)}${timeLeft(p, now, firstTimed.get(p.label))}`;
      if (terminal) {
        stream.write(`\r\x1b[2K${text}`);
        shown = true;
      } else {
        stream.write(`${text}\n`);
        lastLine = now;
      }
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}

function where(p: Progress): string {
  if (p.phase === 'start') return 'starting the pools';
  const phase = { 'warm-up': 'warm-up', measure: 'repeat', check: 'checking', costs: 'timing transfers' }[p.phase];
  return `${phase} ${p.repeat}/${p.of}`;
}

function timeLeft(p: Progress, now: number, firstTimed: number | undefined): string {
  if (p.runLeftMs !== undefined) return `, ${formatTimeLeft(p.runLeftMs)} in all`;
  const left = p.phase === 'measure' && firstTimed !== undefined ? estimateLeftMs(now - firstTimed, p.repeat, p.of) : undefined;
  return left === undefined ? '' : `, ${formatTimeLeft(left)}`;
}
