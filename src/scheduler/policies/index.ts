import { FifoPolicy } from './fifo.ts';
import type { Policy, PolicyName } from './policy.ts';
import { RoundRobinPolicy } from './round-robin.ts';

export { policyNames, type Policy, type PolicyName } from './policy.ts';

/** A fresh policy instance (policies hold per-run queues). */
export function createPolicy(name: PolicyName): Policy {
  return name === 'fifo' ? new FifoPolicy() : new RoundRobinPolicy();
}
