// Every tier: a temporary directory made while a test file runs, by the test or by the lab in the
// same process, is removed when the file ends. Tests made them in 30 places, and most never removed
// them: thousands of lab-* folders piled up in /tmp. Recording them at the one call that makes them
// catches every place, the helpers and Chromium's profile included, without a cleanup line in each.
// The processes a test starts make theirs elsewhere, and a lab a test ends with SIGKILL cannot remove
// its own: so each file gets a TMPDIR of its own, which every process it starts inherits, removed
// whole when the file ends.
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { processExists } from '../../src/runtime/process-exists.ts';
import { removeTestTempDirs, testTempPrefix } from './test-temp-dirs.ts';

const require = createRequire(import.meta.url);
const fs = require('node:fs') as Record<string, unknown> & { promises: Record<string, unknown> };
const marker = Symbol.for('lab.recordedTempDirs');
const holder = fs as Record<symbol, Set<string> | undefined>;

/** The directories made by mkdtemp since this test file began, in this process. */
function made(): Set<string> {
  let dirs = holder[marker];
  if (dirs === undefined) {
    dirs = new Set<string>();
    holder[marker] = dirs;
    type Async = (prefix: string, ...rest: unknown[]) => Promise<string>;
    type Sync = (prefix: string, ...rest: unknown[]) => string;
    type Callback = (prefix: string, ...rest: unknown[]) => void;
    const promised = fs.promises['mkdtemp'] as Async;
    const sync = fs['mkdtempSync'] as Sync;
    const callback = fs['mkdtemp'] as Callback;
    const record = dirs;
    fs.promises['mkdtemp'] = async (prefix: string, ...rest: unknown[]): Promise<string> => {
      const dir = await promised(prefix, ...rest);
      record.add(dir);
      return dir;
    };
    fs['mkdtempSync'] = (prefix: string, ...rest: unknown[]): string => {
      const dir = sync(prefix, ...rest);
      record.add(dir);
      return dir;
    };
    fs['mkdtemp'] = (prefix: string, ...rest: unknown[]): void => {
      const done = rest.pop() as (error: Error | null, dir?: string) => void;
      callback(prefix, ...rest, (error: Error | null, dir?: string) => {
        if (dir !== undefined) record.add(dir);
        done(error, dir);
      });
    };
    syncBuiltinESMExports();
  }
  return dirs;
}

/** The machine's temporary directory, as the runner found it before any file set its own. */
const machineTmp = (process.env['LAB_TEST_MACHINE_TMPDIR'] ??= process.env['TMPDIR'] ?? '/tmp');
// A test worker killed mid-file (a mutation run's timeout, a Ctrl-C) never reaches afterAll: the
// directory carries its worker's pid, and the next file removes those whose worker is gone. Nor
// does a file that failed as it loaded (a service missing under CI=true): a worker runs one file at
// a time, so the next file in the same worker removes its own earlier ones, and the run's global
// teardown the last (no-test-temp-dir-outlives-the-run.ts: Vitest ends workers with SIGTERM, which
// runs no exit hook).
removeTestTempDirs(machineTmp, (owner) => owner === process.pid || !processExists(owner));
const fileTmp = mkdtempSync(join(machineTmp, testTempPrefix(process.pid)));
// As /tmp is: a test that runs the lab as the unprivileged user nobody needs to write here too.
chmodSync(fileTmp, 0o1777);
process.env['TMPDIR'] = fileTmp;

made().clear();
afterAll(() => {
  const dirs = made();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  dirs.clear();
  process.env['TMPDIR'] = machineTmp;
  rmSync(fileTmp, { recursive: true, force: true, maxRetries: 3 });
});
