/** Answers one expensive request with the kernel's checksum. */
export type Respond = (checksum: number) => void;

/** How the server does the expensive route's work: `handle` starts it, `respond` gets the checksum. */
export interface ExpensiveWay {
  handle(respond: Respond): void;
  /** Tasks handed to the pool so far (0 for the main-thread ways). */
  readonly poolTasks: number;
  /** Ends whatever the way keeps running (a scheduler, a batch timer); the pool is not its own. */
  close(): Promise<void>;
}
