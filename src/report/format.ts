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
