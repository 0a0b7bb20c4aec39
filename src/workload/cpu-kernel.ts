/** Iterations of the integer mix in one work unit (a few microseconds on a current core). */
export const ITERATIONS_PER_UNIT = 4096;

/**
 * Deterministic integer work: a multiply-xorshift chain that no optimiser can skip,
 * because every iteration depends on the last and the result is returned.
 * Same `units` and `seed` give the same 32-bit result in every thread and mode.
 */
export function cpuKernel(units: number, seed: number): number {
  let h = seed | 0;
  for (let unit = 0; unit < units; unit++) {
    for (let i = 0; i < ITERATIONS_PER_UNIT; i++) {
      h = (Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) + i) | 0;
    }
  }
  return h >>> 0;
}

/** Folds a value into a running 32-bit checksum (FNV-1a style on the 32-bit word). */
export function foldChecksum(checksum: number, value: number): number {
  return Math.imul((checksum ^ (value >>> 0)) >>> 0, 0x01000193) >>> 0;
}

/** FNV-1a over the UTF-16 code units of `text`. */
export function checksumOfText(text: string): number {
  let checksum = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) checksum = foldChecksum(checksum, text.charCodeAt(i));
  return checksum;
}
