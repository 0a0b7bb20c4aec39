import type { Progress } from '../measure/alternate.ts';
import { estimateLeftMs, formatTimeLeft } from './time-left.ts';

/** Something progress can be drawn on: a terminal stream, usually stderr. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/** Runs shorter than this show no progress at all: a flash of text helps nobody. */
export const PROGRESS_DELAY_MS = 2_000;

/**
 * One self-overwriting status line ("headline: cpu-bound parallel, repeat 3/7, about 12 s left")
 * on a terminal, the time left estimated from the rounds done in this block,
 * from about two seconds into the run; nothing at all when the stream is not a terminal or
 * progress is disabled (`--json`), so JSON and logs stay clean.
 */
export function progressLine(
  stream: ProgressStream,
  experiment: string,
  enabled: boolean,
  clock: () => number = () => performance.now(),
): { update(p: Progress): void; done(): void } {
  const active = enabled && stream.isTTY === true;
  const started = clock();
  // When each label's first timed repeat began: modes take turns, so repeat r of a label starts r - 1 whole rounds later.
  const firstTimed = new Map<string, number>();
  let shown = false;
  return {
    update(p) {
      if (!active) return;
      const now = clock();
      if (p.phase === 'measure' && p.repeat === 1) firstTimed.set(p.label, now);
      if (now - started < PROGRESS_DELAY_MS) return;
      const phase = p.phase === 'warm-up' ? 'warm-up' : 'repeat';
      const since = firstTimed.get(p.label);
      const left = p.phase === 'measure' && since !== undefined ? estimateLeftMs(now - since, p.repeat, p.of) : undefined;
      stream.write(`\r\x1b[2K${experiment}: ${p.label}, ${phase} ${p.repeat}/${p.of}${left === undefined ? '' : `, ${formatTimeLeft(left)}`}`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
