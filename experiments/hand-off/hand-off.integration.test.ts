import { readdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { tinyContext } from '../../test/helpers/context.ts';
import { handOff } from './index.ts';

// A whole run takes most of half a minute even under --quick; the ways are run for real in
// ways.integration.test.ts and the analysis is fed figures by hand in analysis-notes.unit.test.ts.
// Here: an interrupted run leaves no thread behind, whatever it had opened.

const threadCount = (): number => readdirSync('/proc/self/task').length;

describe('hand-off experiment', () => {
  it('interrupted in its first timed round, rejects with the reason and closes every way and pool it opened', async () => {
    const before = threadCount();
    const controller = new AbortController();
    const reason = new Error('interrupted');
    const labels: string[] = [];
    const run = handOff.run(
      tinyContext({
        signal: controller.signal,
        onProgress: (p) => {
          labels.push(p.label);
          if (p.phase === 'measure' && labels.length > 14) controller.abort(reason);
        },
      }),
    );
    await expect(run).rejects.toBe(reason);
    // Every way had started (the first round ran each), so every one of them had to be closed.
    expect(new Set(labels.map((l) => l.split(' ')[1]))).toEqual(new Set(['one-thread', 'ring-spin', 'ring-wake', 'post-message-one', 'post-message-many', 'piscina', 'tinypool', 'workerpool', 'poolifier', 'lab-parallel', 'lab-parallel-untraced', 'lab-hybrid']));
    for (let i = 0; i < 100 && threadCount() > before; i++) await sleep(50);
    expect(threadCount()).toBe(before);
  });
});
