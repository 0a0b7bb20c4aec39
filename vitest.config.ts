import { defineConfig } from 'vitest/config';

// Tiers are chosen by file name, not folder, so that tests can sit next to the code they test:
//   *.unit.test.ts         pure code; a setup file makes threads, processes and sockets throw
//   *.integration.test.ts  real pools and processes, tiny real runs, the CLI in-process
//   *.e2e.test.ts          the spawned CLI, Chromium, tmux, Redis, npm ci
// Every tier loads the service guard: starting redis-server, Chromium, tmux or hyperfine fails
// unless the test file declared it with needsService(), which skips it where it is missing.
const GUARD = 'test/setup/guard-services.ts';
const TIERS = ['unit', 'integration', 'e2e'] as const;
const tierOf = (name: (typeof TIERS)[number]): string[] => [`test/**/*.${name}.test.ts`, `experiments/**/*.${name}.test.ts`, `src/**/*.${name}.test.ts`];

export default defineConfig({
  test: {
    // The tiers run one after another (groupOrder), cheapest first, so a broken unit fails fast.
    // No test asserts an absolute time, and those that compare durations compare them to each
    // other with a wide margin, so files may share the machine. Real pools and processes run
    // 2 threads each: on a 2-core machine 2 files at once keep both cores busy without piling
    // up. Pure unit files are light, so they take 3 at once. Workers are forks, so that a test
    // which starts threads or children is cleaned up with its process.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', sequence: { groupOrder: 0 }, include: tierOf('unit'), setupFiles: [GUARD, 'test/setup/unit-tier-has-no-io.ts'], maxWorkers: 3, testTimeout: 20_000 } },
      { extends: true, test: { name: 'integration', sequence: { groupOrder: 1 }, include: tierOf('integration'), setupFiles: [GUARD], maxWorkers: 3 } },
      { extends: true, test: { name: 'e2e', sequence: { groupOrder: 1 }, include: tierOf('e2e'), setupFiles: [GUARD], maxWorkers: 3 } },
    ],
  },
});
