import { describe, expect, it } from 'vitest';
import { OptionalPackagesMissingError } from '../src/runtime/optional-packages.ts';
import { labVersion } from '../src/runtime/package-root.ts';
import { assertQueuePackagesInstalled } from '../src/runtime/queue-packages.ts';

const without = (...absent: string[]) => (name: string): string => {
  if (absent.includes(name)) throw Object.assign(new Error(`Cannot find module '${name}'`), { code: 'MODULE_NOT_FOUND' });
  return `/x/${name}/index.js`;
};

describe('BullMQ and ioredis, development dependencies, where a runtime install left them out', () => {
  it('names both, with their majors from package.json, and the command to run with them', () => {
    expect(() => assertQueuePackagesInstalled('distributed', without('bullmq', 'ioredis'))).toThrow(
      new OptionalPackagesMissingError('the distributed mode needs BullMQ and ioredis', ['bullmq', 'ioredis'], 'distributed'),
    );
    let message = '';
    try {
      assertQueuePackagesInstalled('worker --redis URL', without('bullmq', 'ioredis'));
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe(
      'the distributed mode needs BullMQ and ioredis, which this install of the lab leaves out (development dependencies): ' +
        `run npm install bullmq@6 ioredis@6 where the lab is installed, or from its tarball npx -p bullmq@6 -p ioredis@6 -p ./concurrency-parallelism-lab-${labVersion()}.tgz lab worker --redis URL`,
    );
  });

  it('names only the one that is missing', () => {
    expect(() => assertQueuePackagesInstalled('distributed', without('ioredis'))).toThrow(/\(a development dependency\): run npm install ioredis@6 where/);
    expect(() => assertQueuePackagesInstalled('distributed', without())).not.toThrow();
    expect(() => assertQueuePackagesInstalled('distributed')).not.toThrow();
  });
});
