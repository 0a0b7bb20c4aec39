import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCommand } from './helpers/cli.ts';
import { survivors } from './helpers/processes.ts';

const ownChildren = pathToFileURL(join(process.env.LAB_COMPILED_ROOT!, 'src/runtime/own-children.js')).href;

// At its deadline the lab leaves whatever is still closing: it finds what it started in the process
// table and kills it, with the group of a child that leads its own (and so what that one started).
// A process of its own does it here, so that the test runner's children are left alone.
const script = `
import { spawn } from 'node:child_process';
import { killOwnChildren, ownChildren } from '${ownChildren}';
const plain = spawn('sleep', ['300'], { stdio: 'ignore' });
const leader = spawn('sh', ['-c', 'sleep 300 & wait'], { stdio: 'ignore', detached: true });
await new Promise((resolve) => setTimeout(resolve, 300));
const found = ownChildren();
const grandchildren = ownChildren(leader.pid).map((p) => p.pid);
console.log(JSON.stringify({ started: [plain.pid, leader.pid], found, grandchildren, killed: killOwnChildren() }));
`;

describe('the processes the lab started', () => {
  it('are found by their parent, and killed with the group of one that leads its own', async () => {
    const { code, stdout, stderr } = await runCommand(process.execPath, ['--input-type=module', '-e', script]);
    expect([code, stderr]).toEqual([0, '']);
    const { started, found, grandchildren, killed } = JSON.parse(stdout) as { started: number[]; found: { pid: number; pgid: number }[]; grandchildren: number[]; killed: number };
    expect(found.map((p) => p.pid).sort()).toEqual([...started].sort());
    expect(found.find((p) => p.pid === started[1])?.pgid).toBe(started[1]);
    expect(grandchildren).toHaveLength(1);
    expect(killed).toBe(2);
    expect(await survivors([...started, ...grandchildren])).toEqual([]);
  });
});
