import { assertPackagesInstalled } from './optional-packages.ts';

/**
 * Throws `OptionalPackagesMissingError` where BullMQ and ioredis, development dependencies that only
 * the distributed mode and the `worker` command load, are not installed beside the lab. `command` is
 * what the line suggests after `npx ... lab`.
 */
export function assertQueuePackagesInstalled(command: string, resolve?: (name: string) => string): void {
  assertPackagesInstalled('the distributed mode needs BullMQ and ioredis', ['bullmq', 'ioredis'], command, resolve);
}
