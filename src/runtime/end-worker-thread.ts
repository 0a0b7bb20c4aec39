import { FAULT_EXIT_CODE, type EndThread } from '../workload/fault.ts';

/**
 * How a worker thread of the pool ends itself when a fault part asks it to: `process.exit`
 * (which in a worker ends only that thread), or allocating until its resource limits end it.
 * The lab's deliberate way to show what the pool does when a worker dies.
 */
export const endWorkerThread: EndThread = (how) => {
  if (how === 'exit') process.exit(FAULT_EXIT_CODE);
  const kept: number[][] = [];
  for (;;) kept.push(new Array<number>(1 << 20).fill(kept.length + 0.5));
};
