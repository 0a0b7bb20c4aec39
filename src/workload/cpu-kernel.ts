/** Iterations of the integer mix in one work unit (a few microseconds on a current core). */
export const ITERATIONS_PER_UNIT = 4096;

/**
 * Deterministic integer work: a multiply-xorshift chain that no optimiser can skip,
 * because every iteration depends on the last and the result is returned.
 * Same `units` and `seed` give the same 32-bit result in every thread and mode.
 */
export function cpuKernel(units: number, seed: number): number {
  let h = seed | 0;
  // A local, not the module constant, in the loop: once the optimiser had inlined this kernel into a
  // task's generator, the loop with the module constant ran 2x slower per unit on the lab's own
  // thread (8 x 12000 units sequential: 1330 ms, against 655 ms with the local and with no inlining).
  const iterations = ITERATIONS_PER_UNIT;
  for (let unit = 0; unit < units; unit++) {
    for (let i = 0; i < iterations; i++) {
      h = (Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) + i) | 0;
    }
  }
  return h >>> 0;
}

/**
 * Short calls, before anything calls the kernel for long. A thread whose first call is long gets
 * the kernel compiled on-stack, mid-loop, with no type feedback yet for the `h >>> 0` after the
 * loop; that optimised code then deoptimises at the end of every later call ("Insufficient type
 * feedback for binary operation", once per slice: 129 times in one sequential run of 8 x 2000
 * units, per --trace-deopt), on the lab's thread and in every worker alike. Calls that return
 * first give the whole function its feedback. Done once per thread, when this module loads.
 */
function primeKernel(): void {
  for (let i = 0; i < 64; i++) cpuKernel(1, i);
}
primeKernel();

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
