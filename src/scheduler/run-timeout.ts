/**
 * Calls `expire` once `timeoutMs` of real time have passed, and returns what cancels it. The bound is
 * wall time whatever clock the run reads (a virtual one included). Node's timers count from the event
 * loop's cached time, so one can fire a little before `now` says the time is up: it is re-armed for
 * what is left, so a run is never cut before its timeout. `now` is injected where a test needs it.
 */
export function armRunTimeout(timeoutMs: number, expire: () => void, now: () => number = () => performance.now()): () => void {
  const armedAt = now();
  let timer: NodeJS.Timeout;
  const check = (): void => {
    const leftMs = timeoutMs - (now() - armedAt);
    // Stryker disable next-line EqualityOperator: equivalent; at exactly 0 left a 0 ms timer expires it just the same.
    if (leftMs > 0) timer = setTimeout(check, leftMs);
    else expire();
  };
  timer = setTimeout(check, timeoutMs);
  return () => clearTimeout(timer);
}
