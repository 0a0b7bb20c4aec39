import { describe, expect, it } from 'vitest';
import { interpretThreadsVsProcesses, threadsVsProcessesFacts, threadsVsProcessesTable } from './analysis.ts';
import type { ModeComparison } from '../../src/measure/compare-modes.ts';
import { cpuRows, sevenFrom, threadsVsProcessesFigures as figures } from '../../test/helpers/analysis-threads-vs-processes-figures.ts';
import { resultTable } from '../../test/helpers/result-table.ts';

describe('threads-vs-processes: facts, the start-up table and what processes cost', () => {
  it('takes every fact from the medians, the paired tests and the crash', () => {
    const facts = threadsVsProcessesFacts(figures());
    expect({ ...facts, roundTripP: 'checked below' }).toEqual({
      threadStartMs: 103,
      processStartMs: 403,
      threadBareStartMs: 43,
      threadTsxStartMs: 73,
      processBareStartMs: 103,
      processTsxStartMs: 303,
      // The lab's start-up over bare Node's, round by round (100 + d over 40 + d): the median ratio of
      // seven lies between the least and the most of them (98% coverage).
      threadStartOverBare: 103 / 43,
      threadStartOverBareLow: 106 / 46,
      threadStartOverBareHigh: 100 / 40,
      processStartOverBare: 403 / 103,
      processStartOverBareLow: 406 / 106,
      processStartOverBareHigh: 400 / 100,
      tsxShareOfThreadStart: 30 / 103,
      tsxShareOfProcessStart: 200 / 403,
      processStartOverThread: 403 / 103,
      processesStartSlower: 1,
      // Seven rounds, every one slower: the exact Wilcoxon p is 2 / 2^7.
      startUpP: 2 / 128,
      threadRoundTripUs: 22,
      processRoundTripUs: 82,
      processRoundTripOverThread: 82 / 22,
      roundTripP: 'checked below',
      parallelSpeedup: 2,
      processesSpeedup: 100 / 55,
      processesOverParallel: 1.1,
      processesOverParallelLow: 1.06,
      processesOverParallelHigh: 1.14,
      processesOverParallelP: 2 / 128,
      crashEndedProcesses: 1,
      crashSurvivingProcesses: 1,
      crashReplaceMs: 420,
    });
    expect(facts.roundTripP).toBeGreaterThan(0);
    expect(facts.roundTripP).toBeLessThan(1e-10);
  });

  it('has no interval or p without two paired rounds, and no p below six', () => {
    // Rows rebuilt from a saved summary keep no rounds.
    const bare = cpuRows([50], [55]).map(({ samples: _, ...r }) => r as ModeComparison);
    const none = threadsVsProcessesFacts(figures({ rows: bare }));
    expect([none.processesOverParallelLow, none.processesOverParallelHigh, none.processesOverParallelP]).toEqual([Number.NaN, Number.NaN, Number.NaN]);
    const one = threadsVsProcessesFacts(figures({ rows: cpuRows([50], [55]) }));
    expect([one.processesOverParallelLow, one.processesOverParallelHigh, one.processesOverParallelP]).toEqual([Number.NaN, Number.NaN, Number.NaN]);
    const three = threadsVsProcessesFacts(figures({ rows: cpuRows([50, 50, 50], [55, 56, 54]) }));
    expect([three.processesOverParallelLow, three.processesOverParallelHigh, three.processesOverParallelP]).toEqual([1.08, 1.12, Number.NaN]);
    const fewStarts = threadsVsProcessesFacts(figures({ startUps: { thread: { bare: [40], tsx: [70], lab: [100] }, process: { bare: [100], tsx: [300], lab: [50] } } }));
    expect([fewStarts.startUpP, fewStarts.processesStartSlower]).toEqual([Number.NaN, 0]);
    expect(threadsVsProcessesFacts(figures({ startUps: { thread: { bare: [40], tsx: [70], lab: [100] }, process: { bare: [100], tsx: [300], lab: [100] } } })).processesStartSlower).toBe(0);
  });

  it('tabulates start-up by kind of Node and the round trip, counting threads and processes started', () => {
    expect(threadsVsProcessesTable(figures())).toEqual(resultTable('start-up (ms, median and range over 7 starts, all of a pool at once, until the last is ready) and round trip of one task (µs, median of 40)', `
      started | bare Node | Node + tsx loader | the lab's worker | round trip
      2 threads | 43.0 (40.0-46.0) | 73.0 (70.0-76.0) | 103 (100-106) | 22 µs
      2 processes | 103 (100-106) | 303 (300-306) | 403 (400-406) | 82 µs
    `));
    const lone = threadsVsProcessesTable(figures({ startedPerRound: 1, roundTripUs: { thread: [9.44, 9.46], process: [12] } }));
    expect(lone.rows.map((r) => [r[0], r[4]])).toEqual([
      ['1 thread', '9.4 µs'],
      ['1 process', '12 µs'],
    ]);
    expect(lone.title).toMatch(/median of 2\)$/);
  });

  it('says every cost with its test, and that one crash ended one process', () => {
    expect(interpretThreadsVsProcesses(figures())).toEqual([
      'Start-up: processes started measurably slower than threads (p = 0.016, Wilcoxon signed-rank over 7 paired rounds): 403 ms for 2 forked processes against 103 ms for 2 worker threads ' +
        '(3.91x, p = 0.016, Wilcoxon signed-rank over 7 paired rounds). Against bare Node, a one-line file that says it is up, started the same way in the same rounds: ' +
        "the lab's process took 3.91x the 103 ms of a bare one ([3.83-4.00], p = 0.016, Wilcoxon signed-rank over 7 paired rounds), " +
        "and the lab's thread took 2.40x the 43.0 ms of a bare one ([2.30-2.50], p = 0.016, Wilcoxon signed-rank over 7 paired rounds); the difference is the lab's own modules. " +
        "The tsx loader alone adds 200 ms to a process and 30.0 ms to a thread, which a worker pays only when it loads TypeScript (the lab run from its sources, a user's .ts module); a warm pool pays its start-up once.",
      'Round trip of one tiny task: 82 µs to a process against 22 µs to a thread (medians; 3.73x, p < 0.001, Mann-Whitney U over 40 and 40 round trips): ' +
        'a message to a process is serialised, written to a pipe and read by another event loop; to a thread it is cloned within one process (and the lab sends only a task number).',
      'cpu-bound work, 2 at a time: processes were 1.82x the speed of sequential, too few repeats for a verdict (n = 7) and threads 2.00x the speed of sequential, too few repeats for a verdict (n = 7); ' +
        "the processes took 1.10x [1.06-1.14] the threads' time, 10% slower (p = 0.016, Wilcoxon signed-rank over 7 paired rounds), 5.00 ms more; " +
        "60 µs more per task for the hand-over, 0.48 ms over the run's 8 tasks explains 9.6% of it; nothing else this experiment measured explains the rest.",
      'Isolation: a task that ran the exit fault ended 1 of the 2 processes; 1 lived on, and the lab with them. The run failed with "task "crash" ended its process"; ' +
        'the pool had forked a replacement and was warm again 420 ms later.',
      'What processes buy: each has its own heap and its own runtime, so what kills a runtime outright (an abort, a fatal out-of-memory error without resource limits, a faulty native addon) ' +
        "ends one process and not the lab; in a worker thread the same crash ends every thread of the lab's process. (process.exit in a worker thread ends only that thread: Node contains that much.) " +
        'What they cost, measured here: the start-up (3.91x, p = 0.016, Wilcoxon signed-rank over 7 paired rounds), the round trip (3.73x, p < 0.001, Mann-Whitney U over 40 and 40 round trips), ' +
        'and a whole Node runtime of memory each.',
    ]);
  });

  it('says processes started faster, or no differently, when the paired test says so', () => {
    const threadLab = (lab: number[], processLab: number[]) => figures({ startUps: { thread: { bare: sevenFrom(40), tsx: sevenFrom(70), lab }, process: { bare: sevenFrom(100), tsx: sevenFrom(300), lab: processLab } } });
    expect(interpretThreadsVsProcesses(threadLab(sevenFrom(400), sevenFrom(100)))[0]).toMatch(
      /^Start-up: processes started measurably faster than threads in this run \(p = 0\.016, Wilcoxon signed-rank over 7 paired rounds\): 103 ms for 2 forked processes against 403 ms for 2 worker threads \(0\.26x, p = 0\.016, /,
    );
    expect(interpretThreadsVsProcesses(threadLab(sevenFrom(100), sevenFrom(100)))[0]).toMatch(
      /^Start-up: no measurable difference between the start-up of processes and of threads in this run \(p = 1\.000, Wilcoxon signed-rank over 7 paired rounds\): 103 ms for 2 forked processes against 103 ms for 2 worker threads \(1\.00x: no measurable difference, p = 1\.000, /,
    );
  });

  it('counts one process and one thread in the singular, and says when the crash was not one of many', () => {
    const one = figures({ startedPerRound: 1, startUps: { thread: { bare: [40], tsx: [70], lab: [100] }, process: { bare: [100], tsx: [300], lab: [400] } }, crash: { processes: 3, ended: 1, survived: 1, message: 'boom', replaceMs: 12.5 } });
    const notes = interpretThreadsVsProcesses(one);
    expect(notes[0]).toMatch(/^Start-up: too few rounds to tell whether processes start slower than threads \(n = 1; a paired test needs 6\): 400 ms for 1 forked process against 100 ms for 1 worker thread \(4\.00x, too few repeats for a verdict \(n = 1\)\)\./);
    expect(notes[3]).toBe(
      'Isolation: a task that ran the exit fault ended 1 of the 3 processes; 1 lived on, and the lab with them (not the one-of-many this run expected: read the error below). ' +
        'The run failed with "boom"; the pool had forked a replacement and was warm again 12.5 ms later.',
    );
    const two = interpretThreadsVsProcesses(figures({ crash: { processes: 3, ended: 2, survived: 2, message: 'boom', replaceMs: 1 } }))[3];
    expect(two).toContain('ended 2 of the 3 processes; 2 lived on, and the lab with them (not the one-of-many this run expected');
  });

  it('puts a checksum warning first', () => {
    const rows = cpuRows([50, 50, 50], [55, 56, 54]).map((r) => (r.mode === 'processes' ? { ...r, checksumOk: false } : r));
    const notes = interpretThreadsVsProcesses(figures({ rows }));
    expect(notes).toHaveLength(6);
    expect(notes[0]).toBe('CHECKSUMS DIFFER in cpu/processes: these rows did different work, and their times mean nothing.');
  });
});
