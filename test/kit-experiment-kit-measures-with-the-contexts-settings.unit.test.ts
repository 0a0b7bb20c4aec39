import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExperimentKit, measureWorkload } from '../src/experiment/kit.ts';
import { LabPool, ProcessPool, processPoolResource, resourcesOf } from '../src/modes/index.ts';
import { cpuBoundWorkload } from '../src/workload/presets.ts';
import { handMadeCompleteContext } from './helpers/kit-context.ts';
import { kitOnStandIns, standInPool, standInStarts } from './helpers/kit-fake-pools.ts';

// ExperimentKit.measure applies the context's settings to every measurement, hands each mode the pool
// it needs (the kit's own, started on first need, or one given for this measurement), compares the
// rows, and keeps the traced runs for drawing. The one-thread modes run here for real, in process; the
// pool modes reach a stand-in pool that names itself (helpers/kit-fake-pools.ts) and fail there.

afterEach(() => {
  vi.restoreAllMocks();
});

const workload = cpuBoundWorkload({ tasks: 2, unitsPerTask: 4 });

describe('ExperimentKit.measure: one-thread modes, in process', () => {
  it('runs the context\'s repeats, starts no pool, compares the rows and keeps the runs for drawing', async () => {
    const { kit, starts } = kitOnStandIns({ repeats: 2 });
    expect(kit.runs).toEqual([]);
    const measured = await kit.measure(workload, ['sequential', 'interleaved']);
    expect(measured.measurements.map((m) => [m.mode, m.wallMs.length])).toEqual([
      ['sequential', 2],
      ['interleaved', 2],
    ]);
    expect(measured.rows.map((r) => [r.mode, r.baseline, r.checksumOk])).toEqual([
      ['sequential', 'sequential', true],
      ['interleaved', 'sequential', true],
    ]);
    expect(measured.untraced).toEqual([]);
    expect(measured.aa).toEqual([]);
    expect(kit.runs.map((r) => r.name)).toEqual(['cpu-bound / sequential', 'cpu-bound / interleaved']);
    expect(kit.runs[0]!.run).toBe(measured.measurements[0]!.lastRun);
    expect([starts.threads, starts.processes, starts.queue].map((s) => s.mock.calls.length)).toEqual([0, 0, 0]);
  });

  it('takes the repeats of the measurement over the context\'s, and draws nothing when told not to', async () => {
    const kit = new ExperimentKit(handMadeCompleteContext({ repeats: 2 }));
    const measured = await kit.measure(workload, ['sequential'], { repeats: 3, draw: false });
    expect(measured.measurements[0]!.wallMs).toHaveLength(3);
    expect(measured.rows).toHaveLength(1);
    expect(kit.runs).toEqual([]);
  });

  it('keeps untraced runs apart, and A/A twins as rows of their own after the others', async () => {
    const kit = new ExperimentKit(handMadeCompleteContext({ repeats: 1 }));
    const measured = await kit.measure(workload, ['sequential', 'interleaved'], { untraced: ['interleaved'], aa: ['sequential'] });
    expect(measured.measurements.map((m) => m.mode)).toEqual(['sequential', 'interleaved']);
    expect(measured.untraced.map((m) => [m.mode, m.steps])).toEqual([['interleaved', false]]);
    expect(measured.rows.map((r) => r.mode)).toEqual(['sequential', 'interleaved']);
    expect(measured.aa!.map((r) => [r.mode, r.baseline])).toEqual([['sequential', 'sequential']]);
    // Only the traced runs of the modes themselves are drawn.
    expect(kit.runs.map((r) => r.name)).toEqual(['cpu-bound / sequential', 'cpu-bound / interleaved']);
  });

  it('an empty A/A list measures no twin', async () => {
    const kit = new ExperimentKit(handMadeCompleteContext({ repeats: 1 }));
    const measured = await kit.measure(workload, ['sequential'], { aa: [] });
    expect(measured.aa).toEqual([]);
    expect(measured.rows).toHaveLength(1);
  });

  it('draws nothing from runs without steps (--no-steps)', async () => {
    const kit = new ExperimentKit(handMadeCompleteContext({ repeats: 1, steps: false }));
    const measured = await kit.measure(workload, ['sequential']);
    expect(measured.rows.map((r) => r.mode)).toEqual(['sequential']);
    expect(measured.measurements[0]!.lastRun.trace).toEqual([]);
    expect(kit.runs).toEqual([]);
  });

  it('under --repeats auto says what ended the rounds; with a fixed number it says nothing', async () => {
    // A deadline already past: at the sixth round either every median is precise enough or the budget has run out.
    const auto = await new ExperimentKit(handMadeCompleteContext({ repeats: 6, auto: { deadlineMs: 0 } })).measure(workload, ['sequential'], { draw: false });
    expect(['precision', 'budget']).toContain(auto.rows[0]!.stoppedBy);
    expect(auto.measurements[0]!.wallMs).toHaveLength(6);
    const fixed = await new ExperimentKit(handMadeCompleteContext({ repeats: 6 })).measure(workload, ['sequential'], { draw: false });
    expect('stoppedBy' in fixed.rows[0]!).toBe(false);
  });

  it('reports progress through the context', async () => {
    const labels: string[] = [];
    await new ExperimentKit(handMadeCompleteContext({ repeats: 1, warmups: 1, onProgress: (p) => labels.push(`${p.label} ${p.phase}`) })).measure(workload, ['sequential'], { draw: false });
    expect(labels).toEqual(['cpu-bound sequential warm-up', 'cpu-bound sequential measure']);
  });
});

describe('ExperimentKit.measure: the pool each mode is handed', () => {
  it('hands a thread-pool mode the kit\'s own pool of --threads, woken before the run', async () => {
    const { kit, starts, closed } = kitOnStandIns({ threads: 3 });
    await expect(kit.measure(workload, ['parallel'])).rejects.toThrow('thread pool of 3 reached: wake');
    expect(starts.threads).toHaveBeenCalledTimes(1);
    await kit.close();
    expect(closed).toEqual(['thread pool of 3']);
  });

  it('hands every mode the pool given for the measurement instead, and starts none', async () => {
    const { kit, starts, closed } = kitOnStandIns({ threads: 3 });
    const given = standInPool<LabPool>('given pool', closed, LabPool);
    // A one-thread mode on a pool times a lone worker of it as its reference.
    await expect(kit.measure(workload, ['sequential'], { pool: given })).rejects.toThrow('given pool reached: loneWorkerUsPerUnit');
    // A thread-pool mode too: the given pool is the one woken, and the kit opens no pool of its own beside it.
    await expect(kit.measure(workload, ['parallel'], { pool: given })).rejects.toThrow('given pool reached: wake');
    const givenProcesses = standInPool<ProcessPool>('given process pool', closed, ProcessPool);
    await expect(kit.measure(workload, ['processes'], { resources: resourcesOf([processPoolResource, givenProcesses]) })).rejects.toThrow(/^given process pool reached/);
    expect([starts.threads, starts.processes, starts.queue].map((s) => s.mock.calls.length)).toEqual([0, 0, 0]);
  });

  it('hands the processes mode the kit\'s process pool, even beside a one-thread mode', async () => {
    const closed: string[] = [];
    const starts = standInStarts(closed);
    // Seven, unlike the cores of any likely machine, which a mode starting a pool of its own would take.
    const kit = new ExperimentKit(handMadeCompleteContext({ threads: 3, processes: 7 }));
    await expect(kit.measure(workload, ['sequential', 'processes'])).rejects.toThrow(/^process pool of 7 reached/);
    expect(starts.processes.mock.calls).toEqual([[{ processes: 7 }]]);
    expect(starts.threads).not.toHaveBeenCalled();
  });

  it('hands the distributed mode the kit\'s queue session, even beside a one-thread mode', async () => {
    const { kit, starts, closed } = kitOnStandIns({ threads: 7 });
    // The distributed mode says which run failed, with the stand-in's complaint as the cause.
    const failure = (await kit.measure(workload, ['sequential', 'distributed']).catch((error: unknown) => error)) as Error;
    expect((failure.cause as Error).message).toBe('queue of 7 workers reached: run');
    expect(starts.queue).toHaveBeenCalledTimes(1);
    expect([starts.threads, starts.processes].map((s) => s.mock.calls.length)).toEqual([0, 0]);
    await kit.close();
    expect(closed).toEqual(['queue of 7 workers']);
  });
});

describe('measureWorkload', () => {
  it('builds the workload from the kit\'s context and measures it in the modes given', async () => {
    const kit = new ExperimentKit(handMadeCompleteContext({ threads: 3, repeats: 1 }));
    const measure = measureWorkload((context) => cpuBoundWorkload({ tasks: context.threads, unitsPerTask: 2 }), ['sequential']);
    const figures = await measure(kit);
    expect(figures.workload.tasks).toHaveLength(3);
    expect(figures.rows.map((r) => r.mode)).toEqual(['sequential']);
    expect(figures.measurements[0]!.checksums[0]).toHaveLength(3);
  });
});
