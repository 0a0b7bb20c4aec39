import type { Progress } from '../measure/alternate.ts';

/** Something progress can be drawn on: a terminal stream, usually stderr. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * One self-overwriting status line ("headline: cpu-bound parallel, repeat 2/5") on a
 * terminal; nothing at all when the stream is piped or disabled, so JSON and logs stay clean.
 */
export function progressLine(stream: ProgressStream, experiment: string, enabled: boolean): { update(p: Progress): void; done(): void } {
  const active = enabled && stream.isTTY === true;
  let shown = false;
  return {
    update(p) {
      if (!active) return;
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
