import { readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alive, testTempOwner } from './test-temp-dirs.ts';

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
      const owned = readdirSync(machineTmp).flatMap((entry) => {
        const owner = testTempOwner(entry);
        return owner === undefined ? [] : [{ dir: join(machineTmp, entry), pid: owner }];
      });
      for (const { dir, pid } of owned) if (!alive(pid)) rmSync(dir, { recursive: true, force: true });
      if (owned.every(({ pid }) => !alive(pid)) || Date.now() > deadline) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
}
