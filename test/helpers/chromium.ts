import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { needsService, type ServiceNeed } from './services.ts';

/**
 * Debian's Chromium (`apt-get install chromium`; `.ci/run` installs it), declared by the test file
 * that calls this at its top: its browser tests skip where it is missing, except under CI=true. A call,
 * not a constant of this module: test files may share their modules, and each must declare its own need.
 */
export const needsChromium = (): ServiceNeed => needsService('chromium');

/** Flags that keep headless Chromium off the network and quiet on a closed machine, as root. */
const quietFlags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Runs headless Chromium with the given flags on a URL; resolves to its stdout. */
export function chromium(browser: ServiceNeed, args: readonly string[], url: string): Promise<string> {
  const chromiumPath = browser.path;
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
