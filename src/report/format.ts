/** Milliseconds with precision that suits their size. */
export function formatMs(ms: number): string {
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  return ms.toFixed(2);
}

export function formatRatio(ratio: number): string {
  return `${ratio.toFixed(2)}x`;
}

/** A fraction as a percentage; one decimal below 10% so that small shares do not round to 0%. */
export function formatPercent(fraction: number): string {
  const percent = fraction * 100;
  return `${Math.abs(percent) < 10 ? percent.toFixed(1) : percent.toFixed(0)}%`;
}

/** A 32-bit checksum as 8 hex digits. */
export function formatChecksum(checksum: number): string {
  return (checksum >>> 0).toString(16).padStart(8, '0');
}

const BYTE_STEPS = {
  binary: { step: 1024, units: ['B', 'KB', 'MB', 'GB', 'TB'] },
  decimal: { step: 1000, units: ['B', 'kB', 'MB', 'GB', 'TB'] },
} as const;

/**
 * Bytes with at most three significant figures. Binary steps (1 KB = 1024 B) suit sizes chosen as powers of two,
 * such as payloads; decimal steps (1 kB = 1000 B) suit measured memory, as RSS and heap deltas are read.
 */
export function formatBytes(bytes: number, steps: keyof typeof BYTE_STEPS): string {
  if (!Number.isFinite(bytes)) return '-';
  const { step, units } = BYTE_STEPS[steps];
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= step && unit < units.length - 1) {
    value /= step;
    unit++;
  }
  return `${unit === 0 ? Math.round(value) : Number(value.toPrecision(3))} ${units[unit]}`;
}

/** "1 core", "2 cores": a count with its noun agreeing. */
export function formatCount(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** A range of figures, "4.0% to 15%"; one figure when both ends print alike, never "4.0% to 4.0%". */
export function formatRange(low: number, high: number, format: (value: number) => string): string {
  const [from, to] = [format(low), format(high)];
  return from === to ? from : `${from} to ${to}`;
}

/** A confidence interval's ends, "18.1 µs to 22.3 µs"; when they print alike, "18.1 µs at both ends, as rounded" rather than "18.1 µs to 18.1 µs" (the interval is narrower than the rounding, not a single point). */
export function formatIntervalEnds(low: number, high: number, format: (value: number) => string): string {
  const [from, to] = [format(low), format(high)];
  return from === to ? `${from} at both ends, as rounded` : `${from} to ${to}`;
}
