import { describe, expect, it } from 'vitest';
import { readByTheBuild } from '../scripts/build.mjs';

describe('the build is stale only when a file it compiles or copies changed', () => {
  it.each([
    ['src/runtime/pool.ts', true],
    ['experiments/hand-off/raw-worker.ts', true],
    ['src/runtime/worker-bootstrap.cjs', true],
    ['src/runtime/lab-thread.mjs', true],
    ['experiments/scaling/reference.json', true],
    ['experiments/many-tasks/README.md', false],
    ['experiments/hand-off/ways.integration.test.ts', false],
    ['src/measure/stats.unit.test.ts', false],
    ['experiments/many-tasks/chart.svg', false],
  ])('%s: %s', (file, read) => {
    expect(readByTheBuild(file)).toBe(read);
  });
});
