import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { needsService } from './services.ts';

/**
 * Debian's Chromium (`apt-get install chromium`; `.ci/run` installs it), declared for the test file
 * that imports this helper: its browser tests skip where it is missing, except under CI=true.
 */
export const browser = needsService('chromium');
export const chromiumPath = browser.path;

/** Flags that keep headless Chromium off the network and quiet on a closed machine, as root. */
const quietFlags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Runs headless Chromium with the given flags on a URL; resolves to its stdout. */
export function chromium(args: readonly string[], url: string): Promise<string> {
  if (chromiumPath === undefined) throw new Error('no Chromium installed');
  return new Promise((resolve, reject) => {
    const child = spawn(chromiumPath, [...quietFlags, `--user-data-dir=${mkdtempSync(join(tmpdir(), 'lab-chromium-'))}`, ...args, url], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`chromium exited with ${code}`));
    });
  });
}
