import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseLadder, countByWorker, distributed, interpretLadder, type LadderSize } from '../experiments/distributed.ts';
import type { ModeFigures } from '../src/experiment/mode-rows.ts';
import { samplesOf } from '../src/measure/samples.ts';
import type { ModeName } from '../src/modes/index.ts';
import { compareResults } from '../src/report/compare-results.ts';
import { readResult, saveResult } from '../src/report/results-store.ts';
import { tinyContext } from './helpers/context.ts';
import { lab } from './helpers/lab-in-process.ts';
import { needsService } from './helpers/services.ts';

const redisServer = needsService('redis-server');

function row(mode: ModeName, medianMs: number): ModeFigures {
  return { workload: 'split', mode, threads: mode === 'sequential' ? 1 : 2, medianMs, minMs: medianMs, maxMs: medianMs, speedup: 100 / medianMs, checksumOk: true };
}

/** Sequential 100 ms; on 2 workers the ideal is 50 ms, plus 0.02 ms a task on threads, 0.1 on processes, 0.5 through the queue. */
function size(unitsPerTask: number, tasks: number): LadderSize {
  return { unitsPerTask, tasks, rows: [row('sequential', 100), row('piscina', 50 + 0.02 * tasks), row('processes', 50 + 0.1 * tasks), row('distributed', 50 + 0.5 * tasks)] };
}

const sweep = [size(4, 1024), size(16, 256), size(64, 64), size(256, 16)];

describe('distributed experiment: the ladder', () => {
  it('fits each rung as granularity fits the plain pool, and finds where each pays', () => {
    const a = analyseLadder(sweep, { switchNs: 30, awaitHopNs: 40 }, 2, 2);
    const cost = Object.fromEntries(a.rungs.map((r) => [r.rung, r.dispatchUs]));
    expect(cost.thread).toBeCloseTo(20, 9);
    expect(cost.process).toBeCloseTo(100, 9);
    expect(cost.queue).toBeCloseTo(500, 9);
    // Threads: 100 / 70.48 at 1024 tasks, already faster; processes: 100/152.4 at 4 units, 100/75.6 at 16; queue: 100/178 at 16 units, 100/82 at 64.
    expect(a.rungs[0]!.crossover).toEqual({ state: 'always-faster', smallest: 4 });
    expect(a.rungs[1]!.crossover).toMatchObject({ state: 'crossed', below: 4, above: 16 });
    expect(a.rungs[2]!.crossover).toMatchObject({ state: 'crossed', below: 16, above: 64 });
    // 100 ms over 16 tasks of 256 units: 24.4 µs a unit.
    expect(a.usPerUnit).toBeCloseTo(100_000 / 16 / 256, 9);
    expect(a.rungs[2]!.crossoverUs).toBeCloseTo(a.rungs[2]!.crossover.state === 'crossed' ? a.rungs[2]!.crossover.size * a.usPerUnit : Number.NaN, 9);
    const notes = interpretLadder(a, 2, 2).join('\n');
    expect(notes).toContain('a task to a worker thread 20.0 µs, to a process 100 µs, a job through the queue 500 µs');
    expect(notes).toContain('A process costs 5.00x a thread, the queue 5.00x a process and 16,667x a switch');
    expect(notes).toMatch(/a worker thread paid at every measured size/);
  });

  it('leaves out of the fit, as granularity does, a point whose speedup beats the ideal beyond its interval', () => {
    // At 4 units the plain pool took 40 ms, 2.50x (interval from 2.30x) where 2 workers allow 2.00x: a negative overhead.
    const beyond = sweep.map((s, i) =>
      i === 0 ? { ...s, rows: s.rows.map((r) => (r.mode === 'piscina' ? { ...row('piscina', 40), speedupLow: 2.3, samples: samplesOf([40, 40, 40, 40, 40]) } : r)) } : s,
    );
    const a = analyseLadder(beyond, { switchNs: 30, awaitHopNs: 40 }, 2, 2);
    expect(a.rungs[0]!.leftOut).toEqual([4]);
    expect(a.rungs[0]!.dispatchUs).toBeCloseTo(20, 9);
    expect(a.rungs[1]!.leftOut).toEqual([]);
    expect(interpretLadder(a, 2, 2)).toContain('The fitted costs leave the impossible points out (not clamped to zero), as granularity\'s do: piscina left out 4 units/task.');
  });

  it('says so when the rungs come out of order, rather than claiming the ladder', () => {
    const swapped = sweep.map((s) => ({ ...s, rows: s.rows.map((r) => (r.mode === 'piscina' ? row('piscina', 50 + 0.3 * s.tasks) : r)) }));
    const notes = interpretLadder(analyseLadder(swapped, { switchNs: 30, awaitHopNs: 40 }, 2, 2), 2, 2).join('\n');
    expect(notes).toMatch(/^The rungs did not come out in order in this run/);
    expect(interpretLadder(analyseLadder(sweep, { switchNs: 30, awaitHopNs: 40 }, 2, 2), 2, 2)[0]).toMatch(/^Each rung costs more than the one before/);
  });

  it('counts the queue jobs per worker process, a second attempt apart', () => {
    const tasks = [
      { name: 'a', checksum: 1, startMs: 0, endMs: 1, ranOn: 'h pid 2', attempts: 1 },
      { name: 'b', checksum: 1, startMs: 0, endMs: 1, ranOn: 'h pid 1', attempts: 2 },
      { name: 'c', checksum: 1, startMs: 0, endMs: 1, ranOn: 'h pid 2', attempts: 1 },
    ];
    expect(countByWorker(tasks)).toEqual([
      { worker: 'h pid 1', jobs: 1, retried: 1 },
      { worker: 'h pid 2', jobs: 2, retried: 0 },
    ]);
  });
});

describe.skipIf(redisServer.skip)(redisServer.title('distributed experiment, a real run'), () => {
  it('measures every rung in one run with identical checksums; its rows sit beside the others in compare and the report', async () => {
    const result = await distributed.run(tinyContext({ threads: 2, workers: 2 }));
    expect(new Set(result.rows.map((r) => r.mode))).toEqual(new Set(['sequential', 'piscina', 'processes', 'distributed']));
    for (const r of result.rows) expect(r.checksumOk).toBe(true);
    const f = result.facts;
    for (const key of ['switchNs', 'awaitHopNs', 'threadDispatchUs', 'processDispatchUs', 'queueDispatchUs'] as const) expect(Number.isFinite(f[key])).toBe(true);
    expect(f.switchNs).toBeGreaterThan(0);
    // A job through Redis and back costs far more than a switch on one thread (thousands of times here; 10x is the margin).
    expect(f.queueDispatchUs * 1000).toBeGreaterThan(10 * f.switchNs);
    expect(f.queueWorkerProcesses).toBe(2);
    expect(result.settings.redis).toBe('a private redis-server (unix socket in a temporary directory)');

    const dir = await mkdtemp(join(tmpdir(), 'lab-distributed-'));
    const first = await saveResult(result, dir, ['distributed'], new Date('2026-01-01T00:00:00Z'));
    await saveResult(result, dir, ['distributed'], new Date('2026-01-02T00:00:00Z'));
    const compared = compareResults([await readResult(first.json), await readResult(first.json)]);
    expect(compared.rows.some((r) => r.experiment === 'distributed' && r.mode === 'distributed')).toBe(true);
    const compare = await lab('compare', dir);
    expect(compare.code).toBe(0);
    expect(compare.stdout).toMatch(/ distributed /);
    const report = await lab('report', dir, '--out', dir);
    expect(report.code).toBe(0);
    const html = await readFile(join(dir, 'index.html'), 'utf8');
    expect(html).toContain('<h2>distributed</h2>');
    expect(html).toContain('a job through the queue (BullMQ on Redis)');
  });
});
