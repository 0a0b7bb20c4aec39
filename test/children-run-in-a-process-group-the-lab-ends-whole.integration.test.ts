import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProcessSlot } from '../src/runtime/process-slot.ts';
import { runProcess } from '../src/runtime/run-process.ts';
import { LoadClient } from '../experiments/event-loop-delay/load-client.ts';
import { leftWithArgument } from './helpers/user-function-processes.ts';

// Every child the lab starts gets a process group of its own, and the lab ends the group, not the
// child alone: what the child started ends with it. (A process that calls setsid() leaves the group
// on purpose and is out of scope.)

/** The process group of `pid`, from /proc/PID/stat. */
function groupOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
}

/** The processes still in group `group` (as "pid"), waiting up to `ms` (a guard, not a timing claim). */
async function leftInGroup(group: number, ms = 5_000): Promise<number[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const members = readdirSync('/proc')
      .filter((e) => /^\d+$/.test(e))
      .filter((e) => {
        try {
          return groupOf(Number(e)) === group;
        } catch {
          return false;
        }
      })
      .map(Number);
    if (members.length === 0 || Date.now() > deadline) return members;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const marker = (): string => `${305 + Math.floor(Math.random() * 1e6) / 1e6 + 0.000001}`;

describe('children of the lab run in their own process group, ended whole', () => {
  it('runProcess past its timeout: the shell and the sleep it started both end', async () => {
    const mark = marker();
    await expect(runProcess('sh', ['-c', `sleep ${mark} & wait`], { timeoutMs: 300 })).rejects.toThrow(/was killed/);
    expect(await leftWithArgument(mark)).toEqual([]);
  });

  it('runProcess aborted: the same', async () => {
    const mark = marker();
    const controller = new AbortController();
    const run = runProcess('sh', ['-c', `sleep ${mark} & wait`], { signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    await expect(run).rejects.toThrow(/was killed/);
    expect(await leftWithArgument(mark)).toEqual([]);
  });

  it('a process of the processes mode leads its own group, and nothing of the group outlives kill()', async () => {
    const slot = new ProcessSlot(128, 30_000);
    await slot.ready;
    expect(groupOf(slot.pid)).toBe(slot.pid);
    await slot.kill();
    expect(await leftInGroup(slot.pid)).toEqual([]);
  }, 60_000);

  it("event-loop-delay's load process leads its own group, and nothing of it outlives close()", async () => {
    const client = await LoadClient.start();
    const pid = client.pid!;
    expect(groupOf(pid)).toBe(pid);
    client.close();
    expect(await leftInGroup(pid)).toEqual([]);
  }, 60_000);
});
