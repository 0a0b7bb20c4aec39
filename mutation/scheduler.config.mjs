import { mutationConfig } from './stryker.base.mjs';

// The scheduler's own tests: every file named test/scheduler-*.test.ts, and the fifo/article runner one.
export default mutationConfig('scheduler', ['test/scheduler-*.test.ts', 'test/fifo-policy-*.test.ts']);
