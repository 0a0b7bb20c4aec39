/**
 * Time left in a block of rounds, from the rounds done so far: the rounds since the first timed
 * one took `elapsedMs`, so each took elapsedMs / done, and `of - done` remain. Undefined before a
 * round has finished, when there is nothing to go by.
 */
export function estimateLeftMs(elapsedMs: number, repeat: number, of: number): number | undefined {
  const done = repeat - 1;
  if (done < 1) return undefined;
  return (elapsedMs / done) * (of - done);
}

/** "about 12 s left", "about 2 min 5 s left"; "under 1 s left" below a second. */
export function formatTimeLeft(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 1) return 'under 1 s left';
  if (seconds < 60) return `about ${seconds} s left`;
  return `about ${Math.floor(seconds / 60)} min ${seconds % 60} s left`;
}
