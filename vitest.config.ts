import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Worker pools start real threads and experiments run real workloads: give them room on a 2-core CI box.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
