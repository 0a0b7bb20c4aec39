/** A terminal's input, as far as waiting for one key press needs it. */
export interface KeyInput {
  readonly isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
  once(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  removeListener(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  resume(): unknown;
  pause(): unknown;
}

/** Ctrl-C in raw mode arrives as this byte instead of a SIGINT. */
const CTRL_C = '\u0003';

/**
 * Resolves with the next key pressed (raw mode: no Enter needed), or `undefined` when `signal`
 * aborts first. Ctrl-C resolves as `'\u0003'` so the caller can stop as an interrupt would.
 */
export function nextKey(input: KeyInput, signal: AbortSignal): Promise<string | undefined> {
  return new Promise((resolve) => {
    const done = (key: string | undefined): void => {
      input.removeListener('data', onData);
      signal.removeEventListener('abort', onAbort);
      input.setRawMode?.(false);
      input.pause();
      resolve(key);
    };
    const onData = (chunk: Buffer | string): void => done(chunk.toString());
    const onAbort = (): void => done(undefined);
    if (signal.aborted) return resolve(undefined);
    input.setRawMode?.(true);
    input.resume();
    input.once('data', onData);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** True for the keys that stop stepping: q, Escape, Ctrl-C. */
export function isQuitKey(key: string | undefined): boolean {
  return key === undefined || key === 'q' || key === 'Q' || key === '\u001b' || key === CTRL_C;
}
