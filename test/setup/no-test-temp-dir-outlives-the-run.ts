import { tmpdir } from 'node:os';
import { processExists } from '../../src/runtime/process-exists.ts';
import { removeTestTempDirs } from './test-temp-dirs.ts';

/**
 * Once per test run, at its end: each test file's temporary directory (`lab-test-PID-*`, see
 * temp-dirs-end-with-the-file.ts) is removed by the file, or by the next file in its worker. A file
 * that failed as it loaded (a service missing under CI=true), last in its worker, is left to this:
 * Vitest ends its workers with SIGTERM, which runs no exit hook. Workers still exiting get a moment.
 */
export default function setup(): () => Promise<void> {
  const machineTmp = process.env['TMPDIR'] ?? tmpdir();
  return async () => {
    const deadline = Date.now() + 3_000;
    for (;;) {
      const running = removeTestTempDirs(machineTmp, (owner) => !processExists(owner));
      if (running.length === 0 || Date.now() > deadline) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
}
