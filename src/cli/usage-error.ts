/** The user asked for something the lab cannot do; the message names the fault and what is accepted. Exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
