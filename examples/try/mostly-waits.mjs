// An async function that mostly waits, as a call to a database or a web service does: a short
// wait, then a little work on the answer. Interleaving the calls on one thread overlaps the waits.
import { setTimeout as wait } from 'node:timers/promises';
import { createHash } from 'node:crypto';

export default async function lookUp({ id, latencyMs }) {
  await wait(latencyMs);
  return createHash('sha256').update(`record ${id}`).digest('hex');
}

export function inputs() {
  return Array.from({ length: 16 }, (_, id) => ({ id, latencyMs: 10 + (id % 4) * 5 }));
}
