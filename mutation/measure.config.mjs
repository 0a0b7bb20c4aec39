import { mutationConfig } from './stryker.base.mjs';

// The statistics' and measurements' own in-process tests. New statistics files under src/measure/
// are mutated automatically; name their tests after one of these prefixes to have them counted.
export default mutationConfig('measure', [
  'test/measure-*.test.ts',
  'test/stats-*.test.ts',
  'test/amdahl-*.test.ts',
  'experiments/granularity/crossover-*.test.ts',
  'test/checksum-warning-*.test.ts',
  'test/usl-*.test.ts',
  'test/try-judges-*.test.ts',
  'test/foreign-cpu-*.test.ts',
  'test/try-warms-up-*.test.ts',
  'test/try-compares-the-best-pool-with-the-post-message-floor.unit.test.ts',
]);
