import type { Progress } from '../measure/alternate.ts';

/** Something progress can be drawn on: a terminal stream, usually stderr. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/** Runs shorter than this show no progress at all: a flash of text helps nobody. */
export const PROGRESS_DELAY_MS = 2_000;

/**
 * One self-overwriting status line ("headline: cpu-bound parallel, repeat 2/5") on a terminal,
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
  let shown = false;
  return {
    update(p) {
      if (!active || clock() - started < PROGRESS_DELAY_MS) return;
      const phase = p.phase === 'warm-up' ? 'warm-up' : 'repeat';
      stream.write(`\r\x1b[2K${experiment}: ${p.label}, ${phase} ${p.repeat}/${p.of}`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
