import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import LongestFilesFirst from './test/setup/longest-files-first.ts';

// Tiers are chosen by file name, not folder, so that tests can sit next to the code they test:
//   *.unit.test.ts         pure code; a setup file makes threads, processes and sockets throw
//   *.integration.test.ts  real pools and processes, tiny real runs, the CLI in-process
//   *.e2e.test.ts          the spawned CLI, Chromium, tmux, Redis, npm ci
// Every tier loads the service guard: starting redis-server, Chromium, tmux or hyperfine fails
// unless the test file declared it with needsService(), which skips it where it is missing.
// Every tier also removes, when a test file ends, the temporary directories made while it ran.
const EVERY_TIER = ['test/setup/guard-services.ts', 'test/setup/temp-dirs-end-with-the-file.ts'];
const TIERS = ['unit', 'integration', 'e2e'] as const;
const UNIT_SETUP = [...EVERY_TIER, 'test/setup/unit-tier-has-no-io.ts'];
/** Files that replace a module (vi.mock) and so need a module graph of their own. */
const MOCKING_UNIT_FILES = ['test/measure-switch-cost-and-idle-cpu-count-their-work.unit.test.ts', 'test/usl-fit-hands-levenberg-marquardt-the-law-and-its-jacobian.unit.test.ts'];
/**
 * Integration files with a module graph of their own: the one that replaces a module, and the two
 * that hold code on this thread against the same code elsewhere (the scheduler's switch against a
 * setImmediate hop; the kernel's cost per unit here against worker threads, within 10x). Other
 * files' tasks make that code megamorphic in a shared graph: an earlier stop measured the scheduler
 * and the kernel 3 to 16 times slower there, and the kernel's ratio read 11.7 once.
 */
const OWN_GRAPH_INTEGRATION_FILES = [
  'test/measure-modes-and-machine-in-process.integration.test.ts',
  'experiments/scheduler-overhead/scheduler-overhead.integration.test.ts',
  'test/kernel-cost-per-unit-is-calibrated-in-every-mode.integration.test.ts',
];
const tierOf = (name: (typeof TIERS)[number]): string[] => [`test/**/*.${name}.test.ts`, `experiments/**/*.${name}.test.ts`, `src/**/*.${name}.test.ts`];

export default defineConfig({
  test: {
    // The unit tier runs first (groupOrder 0), so a broken unit fails fast, 3 files at once on 2
    // cores; then integration and e2e together, 4 at once, because those files spend much of their
    // time waiting on children, queues and browsers (measured on the shared-module suite, back to
    // back: 3 at once 127-135 s, 4 at once 121 s, 5 at once 134 s and more CPU). No test asserts an
    // absolute time: tests that overlap waits prove it by the order of trace events, and the few
    // that compare two durations leave a wide margin (the scheduler's switch against a setImmediate
    // hop takes the least of each one's samples over half a second). Workers are forks, so that a
    // test which starts threads or children is cleaned up with its process.
    testTimeout: 60_000,
    // Longest files first across the integration and e2e tiers (Vitest's own order runs one tier after the other).
    sequence: { sequencer: LongestFilesFirst },
    // Transformed modules are kept on disk between runs (node_modules/.experimental-vitest-cache, keyed
    // by each file's content): a rerun transforms only what changed (the unit tier: 22 s cold, 20 s warm).
    experimental: { fsModuleCache: true },
    hookTimeout: 60_000,
    // The lab is compiled once per run (a few seconds), and the threads and processes it starts under
    // test load the compiled entries, as the lab command does, instead of compiling TypeScript each.
    globalSetup: ['test/setup/build-the-lab.ts', 'test/setup/no-test-temp-dir-outlives-the-run.ts'],
    env: { LAB_COMPILED_ROOT: fileURLToPath(new URL('dist', import.meta.url)) },
    projects: [
      // Unit files share their modules within a worker (isolate: false): a fresh module graph per file
      // cost more than most of them (the unit tier took 24 s isolated, 12-13 s shared). Files that
      // replace a module with vi.mock get one of their own.
      { extends: true, test: { name: 'unit', isolate: false, sequence: { groupOrder: 0 }, include: tierOf('unit'), exclude: MOCKING_UNIT_FILES, setupFiles: UNIT_SETUP, maxWorkers: 3, testTimeout: 20_000 } },
      { extends: true, test: { name: 'unit-with-mocks', sequence: { groupOrder: 0 }, include: MOCKING_UNIT_FILES, setupFiles: UNIT_SETUP, maxWorkers: 3, testTimeout: 20_000 } },
      // Integration and e2e files share their worker's modules too. A process and a module graph of
      // their own cost each file about a third of a second of CPU before its first test: 27 s of the
      // suite's 272 s, on 2 cores (measured: 150 s isolated, 139 s shared). The setup files still
      // run for each file (its temporary directory, its declared services), and a test that counts
      // the processes it started counts from its own start (test/helpers/processes.ts).
      { extends: true, test: { name: 'integration', isolate: false, sequence: { groupOrder: 1 }, include: tierOf('integration'), exclude: OWN_GRAPH_INTEGRATION_FILES, setupFiles: EVERY_TIER, maxWorkers: 4 } },
      { extends: true, test: { name: 'integration-own-graph', sequence: { groupOrder: 1 }, include: OWN_GRAPH_INTEGRATION_FILES, setupFiles: EVERY_TIER, maxWorkers: 4 } },
      { extends: true, test: { name: 'e2e', isolate: false, sequence: { groupOrder: 1 }, include: tierOf('e2e'), setupFiles: EVERY_TIER, maxWorkers: 4 } },
    ],
  },
});
