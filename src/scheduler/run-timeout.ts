/**
 * Calls `expire` once `elapsedMs()` reaches `timeoutMs`, and returns what cancels it. Node's timers
 * count from the event loop's cached time, so one can fire a little before the run's own clock says
 * the time is up: it is re-armed for what is left, so a run is never cut before its timeout.
 */
export function armRunTimeout(timeoutMs: number, elapsedMs: () => number, expire: () => void): () => void {
  let timer: NodeJS.Timeout;
  const check = (): void => {
    const leftMs = timeoutMs - elapsedMs();
    if (leftMs > 0) timer = setTimeout(check, leftMs);
    else expire();
  };
  timer = setTimeout(check, timeoutMs);
  return () => clearTimeout(timer);
}
