import { format } from 'node:util';

/** What a script run as `node script.ts` leaves: its exit code, what it wrote to stdout, what reached stderr. */
export interface ScriptOutcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `body` in this process as `node` would run a script of it, for a test that used to spawn one:
 * the code is 0 when `body` resolves and 1 when it throws (its error goes to stderr, as Node prints an
 * uncaught one); stdout is the text `body` returns; stderr is everything written to `process.stderr`,
 * `console.error` or `console.warn` meanwhile, and every warning Node emitted (`node` prints those on
 * stderr: a TimeoutOverflowWarning, say). The streams are restored whatever happens.
 */
export async function scriptInProcess(body: () => Promise<string>): Promise<ScriptOutcome> {
  let stderr = '';
  const write = process.stderr.write;
  const { error, warn } = console;
  const onWarning = (warning: Error): void => {
    stderr += `(node) ${warning.name}: ${warning.message}\n`;
  };
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    stderr += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    return (write as (...args: unknown[]) => boolean).call(process.stderr, chunk, ...rest);
  }) as typeof process.stderr.write;
  console.error = (...args: unknown[]): void => {
    stderr += `${format(...args)}\n`;
  };
  console.warn = console.error;
  process.on('warning', onWarning);
  try {
    const stdout = await body();
    return { code: 0, stdout, stderr };
  } catch (thrown) {
    stderr += `${thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown)}\n`;
    return { code: 1, stdout: '', stderr };
  } finally {
    process.removeListener('warning', onWarning);
    process.stderr.write = write;
    console.error = error;
    console.warn = warn;
  }
}
