import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/cli.ts';
import { needsService } from './helpers/services.ts';

const run = promisify(execFile);
/** Debian's tmux (`apt-get install tmux`); `.ci/run` installs it. */
const terminal = needsService('tmux');
const tmuxPath = terminal.path;

/** A tmux server of this test's own (its own socket), so no other session is touched. */
const socket = `lab-explain-${process.pid}`;
const tmux = (...args: string[]): Promise<{ stdout: string }> => run(tmuxPath!, ['-L', socket, ...args]);
const screen = async (): Promise<string> => (await tmux('capture-pane', '-p', '-J', '-S', '-', '-t', 'lab')).stdout;

async function until(check: (text: string) => boolean, what: string): Promise<string> {
  const deadline = Date.now() + 45_000;
  let text = '';
  while (Date.now() < deadline) {
    text = await screen();
    if (check(text)) return text;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}; the screen:\n${text}`);
}

const stepsShown = (text: string): number => new Set(text.match(/step \d+ at/g) ?? []).size;

describe('--explain --step in a terminal', () => {
  it.skipIf(terminal.skip)(terminal.title('waits for a key before each step, and q stops it'), async () => {
    const command = `cd '${repoRoot}' && node_modules/.bin/tsx experiments/lab.ts seed-runner --explain --step --quick; echo "lab exited $?"; sleep 60`;
    await tmux('new-session', '-d', '-s', 'lab', '-x', '200', '-y', '60', command);
    try {
      let text = await until((t) => t.includes('any key for the next'), 'the first prompt');
      expect(text).toContain('step 1 at');
      expect(text).not.toContain('step 2 at');
      await tmux('send-keys', '-t', 'lab', 'Space');
      text = await until((t) => t.includes('step 2 at') && t.includes('step 2 of'), 'the second step');
      expect(text).not.toContain('step 3 at');
      await tmux('send-keys', '-t', 'lab', 'Enter');
      text = await until((t) => t.includes('step 3 of'), 'the third step');
      expect(stepsShown(text)).toBe(3);
      await tmux('send-keys', '-t', 'lab', 'q');
      text = await until((t) => t.includes('lab exited'), 'the lab to exit');
      expect(text).toContain('lab exited 0');
      expect(stepsShown(text)).toBe(3);
      expect(text).not.toContain('any key for the next');
    } finally {
      await tmux('kill-server').catch(() => undefined);
    }
  });
});
