// The project's vitest settings, with one change for mutation runs: the order of the test files.
//
// Stryker stops a mutant's run at the first failing test (bail). Many scheduler mutants make a
// run hang; if a test that hangs on the mutant runs before one that fails an assertion on it, the
// mutant is reported as "Timeout" although a test does catch it. So the fast tests run first:
// unit tests of the scheduler's parts (no run at all), then runs on an injected clock that are
// checked step by step, then everything else (runs that sleep on Node's timers). Alphabetical
// within each group, so that every mutation run is ordered the same way.
import { fileURLToPath } from 'node:url';
import { mergeConfig } from 'vitest/config';
import { BaseSequencer } from 'vitest/node';
import project from '../vitest.config.ts';

/**
 * File name patterns, earliest first; files matching none run last. The timer heap's own tests
 * come before the other unit tests, whose sleeping tasks would hang on a heap that never empties.
 */
const runFirst = [/-units-timer-heap/, /-units-/, /-on-a-virtual-clock/];

const rank = (moduleId) => {
  const i = runFirst.findIndex((pattern) => pattern.test(moduleId));
  return i === -1 ? runFirst.length : i;
};

class FastTestsFirst extends BaseSequencer {
  async sort(files) {
    return [...files].sort((a, b) => rank(a.moduleId) - rank(b.moduleId) || (a.moduleId < b.moduleId ? -1 : a.moduleId > b.moduleId ? 1 : 0));
  }
}

// Stryker hands its own list of test files to one vitest run, so the tiers (projects) are folded
// into one: every tier's files, with the setup files that every tier loads.
// Mutants live in the sources, so no build: the in-process tests that kill them start no threads.
// Nor the on-disk module cache: the instrumented sources are the sandbox's, not the project's.
const { projects: _tiers, globalSetup: _build, env: _compiled, ...settings } = project.test;
export default mergeConfig(
  { test: settings },
  {
    root: fileURLToPath(new URL('..', import.meta.url)),
    test: { experimental: { fsModuleCache: false }, include: ['test/**/*.test.ts', 'experiments/**/*.test.ts'], setupFiles: ['test/setup/guard-services.ts', 'test/setup/temp-dirs-end-with-the-file.ts'], sequence: { sequencer: FastTestsFirst } },
  },
);
