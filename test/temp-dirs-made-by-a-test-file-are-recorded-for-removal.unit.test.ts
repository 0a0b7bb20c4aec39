import { existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The setup file test/setup/temp-dirs-end-with-the-file.ts removes, when a file ends, every
// directory mkdtemp made while it ran. What it removes is the set it recorded: check the recording.
const recorded = (): Set<string> => (createRequire(import.meta.url)('node:fs') as Record<symbol, Set<string>>)[Symbol.for('lab.recordedTempDirs')]!;

describe('temporary directories made in a test file', () => {
  it('are recorded for removal, however they were made (sync, promise, callback)', async () => {
    const sync = mkdtempSync(join(tmpdir(), 'lab-recorded-'));
    const promised = await mkdtemp(join(tmpdir(), 'lab-recorded-'));
    const callback = await new Promise<string>((resolve, reject) => {
      (createRequire(import.meta.url)('node:fs') as typeof import('node:fs')).mkdtemp(join(tmpdir(), 'lab-recorded-'), (error, dir) => (error ? reject(error) : resolve(dir)));
    });
    for (const dir of [sync, promised, callback]) {
      expect(existsSync(dir)).toBe(true);
      expect(recorded().has(dir)).toBe(true);
    }
  });
});
