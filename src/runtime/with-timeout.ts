/** What `withTimeout` rejects with when the time runs out (other rejections are the promise's own). */
export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

/**
 * `promise`, or a rejection (a `TimeoutError`) once `ms` pass. The timer is a live handle while it
 * waits, so a promise whose only producers are unref'd threads cannot let Node end the process
 * with the await unsettled (exit code 13).
 */
export async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
