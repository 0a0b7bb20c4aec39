import { describe, expect, it } from 'vitest';
import { runLabCli } from './helpers/cli.ts';

/**
 * The one case spawned as a user runs it: what reaches the process's real stdout and stderr, not
 * only what `runLab` writes. Every other case is in-process, in
 * cli-keeps-control-characters-off-the-terminal.unit.test.ts.
 */
const anyControl = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/;

describe('the real terminal streams', () => {
  it('a hostile experiment name reaches stderr escaped, on one line, and nothing reaches stdout', async () => {
    const { code, stdout, stderr } = await runLabCli(['\u001b]0;owned\u0007\u001b[2J\u009b31mhead\rline\u202e']);
    expect(stdout).toBe('');
    expect(stderr).not.toMatch(anyControl);
    expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(stderr).toMatch(/^lab: unknown experiment "\\u001b\]0;owned\\u0007\\u001b\[2J\\u009b31mhead\\u000dline\\u202e"/);
    expect(code).toBe(2);
  });
});
