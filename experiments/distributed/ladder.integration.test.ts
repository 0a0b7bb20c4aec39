import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseLadder, countByWorker, distributed, interpretLadder, type LadderSize } from './index.ts';
import type { ModeFigures } from '../../src/experiment/mode-rows.ts';
import { samplesOf } from '../../src/measure/samples.ts';
import type { Verdict } from '../../src/measure/verdict.ts';
import type { ModeName } from '../../src/modes/index.ts';
import { experiments } from '../catalogue.ts';
import { comparableIn } from '../../src/experiment/context.ts';
import { compareResults } from '../../src/report/compare-results.ts';
import { readResult, saveResult } from '../../src/report/results-store.ts';
import { untestedClaims } from '../../test/helpers/claims.ts';
import { tinyContext } from '../../test/helpers/context.ts';
import { lab } from '../../test/helpers/lab-in-process.ts';
import { needsService } from '../../test/helpers/services.ts';

const redisServer = needsService('redis-server');

/**
 * A row whose paired test against sequential (100 ms) found it faster or slower, as its median says, with six rounds
 * spread by `spread` (a fraction) around that median, the rounds' offsets differing by mode; `rounds: false` keeps none.
 */
function row(mode: ModeName, medianMs: number, spread = 0.003, rounds = true): ModeFigures & { verdict: Verdict } {
  const verdict: Verdict = { state: medianMs < 100 ? 'faster' : 'slower', n: 6, p: 0.031 };
  const offsets = { sequential: [-3, 1, -1, 3, 2, -2], piscina: [2, -3, 3, -1, 1, -2], processes: [-1, 2, -3, 1, 3, -2], distributed: [3, -2, 1, -3, -1, 2] }[mode as 'sequential'] ?? [-3, -2, -1, 1, 2, 3];
  const samples = samplesOf(offsets.map((d) => medianMs * (1 + (spread * d) / 3)));
  return { workload: 'split', mode, threads: mode === 'sequential' ? 1 : 2, medianMs, minMs: medianMs, maxMs: medianMs, speedup: 100 / medianMs, checksumOk: true, verdict, ...(rounds && { samples }) };
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
    expect(a.rungs[0]!.crossover).toMatchObject({ state: 'always-faster', smallest: 4 });
    expect(a.rungs[1]!.crossover).toMatchObject({ state: 'crossed', below: 4, above: 16 });
    expect(a.rungs[2]!.crossover).toMatchObject({ state: 'crossed', below: 16, above: 64 });
    // 100 ms over 16 tasks of 256 units: 24.4 µs a unit.
    expect(a.usPerUnit).toBeCloseTo(100_000 / 16 / 256, 9);
    expect(a.rungs[2]!.crossoverUs).toBeCloseTo(a.rungs[2]!.crossover.state === 'crossed' ? a.rungs[2]!.crossover.size * a.usPerUnit : Number.NaN, 9);
    expect(a.fittedOn).toEqual([4, 16, 64, 256]);
    for (const rung of ['thread', 'process', 'queue'] as const) expect(a.estimates[rung].value).toBeCloseTo(cost[rung]!, 9);
    const notes = interpretLadder(a, 2, 2).join('\n');
    expect(notes).toMatch(/^Each rung from the worker thread up costs measurably more than the one before: a switch on one thread 30 ns and an await hop 40 ns \(medians of their rounds\); fitted per task over every size, 2 workers on 2 cores, with 95% intervals from a seeded bootstrap over rounds: /);
    expect(notes).toMatch(/a task to a worker thread 20\.0 µs \(95% interval [\d.]+ µs to [\d.]+ µs\), to a process 100 µs \(95% interval [\d.]+ µs to [\d.]+ µs\), a job through the queue 500 µs \(95% interval [\d.]+ µs to [\d.]+ µs\)\./);
    // Each ratio of fitted costs with its interval, and "more" only where the interval lies above 1.
    expect(notes).toMatch(
      /Step by step, in ratios of fitted costs: a task to a worker thread costs 500x \(95% interval [\d,]+x to [\d,]+x\) an await hop, measurably more; a task to a process costs 5\.00x \(95% interval \d\.\d\dx to \d\.\d\dx\) one to a thread, measurably more; a job through the queue costs 5\.00x \(95% interval \d\.\d\dx to \d\.\d\dx\) a task to a process, measurably more\./,
    );
    expect(notes).toMatch(/A job through the queue costs 16,667x \(95% interval [\d,]+x to [\d,]+x\) a switch \(the queue's interval over the switch's median\)\./);
    expect(a.estimates.processVsThread.low).toBeGreaterThan(1);
    expect(notes).toMatch(/a worker thread paid at every measured size/);
    expect(untestedClaims({ notes: interpretLadder(a, 2, 2), tables: [] })).toEqual([]);
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
    // Every rung is fitted on the sizes possible for all of them, so that their ratios compare the same work.
    expect(a.fittedOn).toEqual([16, 64, 256]);
    expect(a.rungs.map((r) => r.fittedOn)).toEqual([[16, 64, 256], [16, 64, 256], [16, 64, 256]]);
    expect(a.rungs[1]!.dispatchUs).toBeCloseTo(100, 9);
    const notes = interpretLadder(a, 2, 2);
    expect(notes[0]).toContain('fitted per task over 16, 64, 256 units/task (the sizes every rung could use), 2 workers on 2 cores');
    expect(notes).toContain(
      "The fitted costs leave the impossible points out (not clamped to zero), as granularity's do: piscina left out 4 units/task. Every rung is fitted on the same sizes, those possible for all (16, 64, 256 units/task), so that their costs compare the same work.",
    );
  });

  it('says so when the rungs come out of order, or not measurably in order, or without rounds to tell, rather than claiming the ladder', () => {
    const ladder = (sizes: readonly LadderSize[]): string => interpretLadder(analyseLadder(sizes, { switchNs: 30, awaitHopNs: 40 }, 2, 2), 2, 2)[0]!;
    const swapped = sweep.map((s) => ({ ...s, rows: s.rows.map((r) => (r.mode === 'piscina' ? row('piscina', 50 + 0.3 * s.tasks) : r)) }));
    expect(ladder(swapped)).toMatch(/^The rungs did not come out in order in this run/);
    expect(ladder(swapped)).toMatch(/a task to a process costs 0\.33x \(95% interval (?:[\d.]+x to [\d.]+x|0\.33x at both ends, as rounded)\) one to a thread, measurably less;/);
    expect(ladder(sweep)).toMatch(/^Each rung from the worker thread up costs measurably more than the one before/);
    // Processes only a little dearer than threads, in noisy rounds: in order by the medians, but the interval reaches 1.
    const close = (spread: number): LadderSize[] => sweep.map((s) => ({ ...s, rows: s.rows.map((r) => row(r.mode, r.mode === 'processes' ? 50 + 0.021 * s.tasks : r.medianMs, spread)) }));
    expect(ladder(close(0.03))).toMatch(/^The rungs came out in order, but not every step measurably so/);
    expect(ladder(close(0.03))).toMatch(/a task to a process costs 1\.05x \(95% interval 0\.\d\dx to 1\.\d\dx\) one to a thread, not measurably more \(the interval reaches 1\)/);
    // Noisier still: the thread's cost reaches zero in some resamples, so the ratio over it has no bounded interval.
    expect(ladder(close(0.3))).toMatch(/^The rungs came out in order, but not every step measurably so/);
    expect(ladder(close(0.3))).toContain('a task to a process costs 1.05x one to a thread, not measurably more (no bounded interval: the cost of one to a thread reached zero in some bootstrap resamples)');
    // No rounds kept: no intervals, and no claim.
    const bare = sweep.map((s) => ({ ...s, rows: s.rows.map((r) => row(r.mode, r.medianMs, 0, false)) }));
    expect(ladder(bare)).toMatch(/^Too few rounds to tell whether each rung costs more than the one before: /);
    expect(ladder(bare)).toContain('a task to a process costs 5.00x one to a thread, too few rounds for an interval');
    expect(ladder(bare)).toContain('A job through the queue costs 16,667x a switch, too few rounds for an interval.');
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
    const compared = compareResults([await readResult(first.json), await readResult(first.json)], comparableIn(experiments));
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
