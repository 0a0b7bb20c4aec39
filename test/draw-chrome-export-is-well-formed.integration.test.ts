import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type RunResult, type StepEvent } from '../src/modes/index.ts';
import { chromeTrace, type ChromeTrace, type ChromeTraceEvent } from '../src/draw/index.ts';
import { mixedWorkload } from './fixtures/mixed-workload.ts';
import { runsOfThreeModes } from './helpers/pool.ts';

type Timed = Extract<ChromeTraceEvent, { ts: number }>;
type Complete = Extract<ChromeTraceEvent, { ph: 'X' }>;

/** Checks the Trace Event Format rules a viewer relies on; returns the document as a viewer would read it (after JSON). */
function expectWellFormed(trace: ChromeTrace): ChromeTrace {
  const read = JSON.parse(JSON.stringify(trace)) as ChromeTrace;
  expect(read.displayTimeUnit).toBe('ms');
  const named = new Set<string>();
  const processes = new Set<number>();
  for (const e of read.traceEvents) {
    expect(['M', 'X', 'b', 'e']).toContain(e.ph);
    expect(Number.isInteger(e.pid)).toBe(true);
    expect(Number.isInteger(e.tid)).toBe(true);
    if (e.ph === 'M' && e.name === 'thread_name') named.add(`${e.pid}/${e.tid}`);
    if (e.ph === 'M' && e.name === 'process_name') processes.add(e.pid);
  }
  const timed = read.traceEvents.filter((e): e is Timed => e.ph !== 'M');
  for (const e of timed) {
    expect(Number.isFinite(e.ts)).toBe(true);
    expect(named, `thread_name for pid ${e.pid} tid ${e.tid}`).toContain(`${e.pid}/${e.tid}`);
    expect(processes).toContain(e.pid);
    if (e.ph === 'X') {
      expect(Number.isFinite(e.dur) && e.dur >= 0).toBe(true);
      if (e.cat !== 'gc') expect(e.args.task).toBe(e.cat);
    }
  }
  expectMatchedAsyncPairs(timed);
  expectNoOverlapOnAnyThread(timed.filter((e): e is Complete => e.ph === 'X'));
  return read;
}

/** Viewers sort by time (stably), then match each `e` to the innermost open `b` of the same category and id. */
function expectMatchedAsyncPairs(events: readonly Timed[]): void {
  const open = new Map<string, { name: string; ts: number }[]>();
  for (const e of [...events].sort((a, b) => a.ts - b.ts)) {
    if (e.ph !== 'b' && e.ph !== 'e') continue;
    const key = `${e.pid}/${e.cat}/${e.id}`;
    const stack = open.get(key) ?? [];
    open.set(key, stack);
    if (e.ph === 'b') stack.push({ name: e.name, ts: e.ts });
    else {
      const begin = stack.pop();
      expect(begin?.name, `an open "${e.name}" for ${key}`).toBe(e.name);
      expect(e.ts).toBeGreaterThanOrEqual(begin!.ts);
    }
  }
  for (const [key, stack] of open) expect(stack, `unclosed async events for ${key}`).toEqual([]);
}

function expectNoOverlapOnAnyThread(events: readonly Complete[]): void {
  const byThread = new Map<string, Complete[]>();
  for (const e of events) byThread.set(`${e.pid}/${e.tid}`, [...(byThread.get(`${e.pid}/${e.tid}`) ?? []), e]);
  for (const [thread, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts);
    for (let i = 1; i < list.length; i++) {
      const [before, after] = [list[i - 1]!, list[i]!];
      expect(after.ts, `${thread}: "${after.name}" starts before "${before.name}" ends`).toBeGreaterThanOrEqual(before.ts + before.dur);
    }
  }
}

const event = (task: string, lane: number, start: number, end: number, endedBy: StepEvent['endedBy'] = 'yield'): StepEvent => ({ task, part: `${task}.1`, lane, start, end, endedBy });
const runOf = (trace: StepEvent[], lanes: string[]): RunResult => ({ mode: 'interleaved', workload: 'synthetic', threads: lanes.length, wallMs: 10, tasks: [], trace, lanes });

describe('chrome trace export', () => {
  it('turns steps into complete events in microseconds, named by part, with the task as category', () => {
    const trace = chromeTrace([{ name: 'one', run: runOf([event('a', 0, 1.5, 2.25, 'sleep')], ['main']) }]);
    expect(trace.traceEvents.filter((e) => e.ph === 'X')).toEqual([{ ph: 'X', name: 'a.1', cat: 'a', pid: 1, tid: 1, ts: 1500, dur: 750, args: { task: 'a', endedBy: 'sleep' } }]);
  });

  it('puts each run in its own process and each lane in its own named thread', () => {
    const read = expectWellFormed(
      chromeTrace([
        { name: 'interleaved', run: runOf([event('a', 0, 0, 1)], ['main']) },
        { name: 'parallel', run: runOf([event('a', 0, 0, 1), event('b', 1, 0, 1)], ['worker 1', 'worker 2']) },
      ]),
    );
    const meta = read.traceEvents
      .filter((e): e is Extract<ChromeTraceEvent, { ph: 'M' }> => e.ph === 'M' && (e.name === 'process_name' || e.name === 'thread_name'))
      .map((e) => [e.pid, e.name, e.args.name]);
    expect(meta).toEqual([
      [1, 'process_name', 'interleaved'],
      [1, 'thread_name', 'main'],
      [2, 'process_name', 'parallel'],
      [2, 'thread_name', 'worker 1'],
      [2, 'thread_name', 'worker 2'],
    ]);
  });

  it("spans each task's lifetime with one async pair, from its first step's start to its last step's end, waits nested inside", () => {
    const run = runOf([event('a', 0, 1, 2, 'sleep'), event('b', 0, 2, 3), event('a', 0, 5, 6, 'done'), event('b', 0, 6, 8, 'done')], ['main']);
    const read = expectWellFormed(chromeTrace([{ name: 'run', run }]));
    const asyncOf = (cat: string): [string, string, number][] =>
      read.traceEvents.filter((e): e is Extract<ChromeTraceEvent, { ph: 'b' | 'e' }> => (e.ph === 'b' || e.ph === 'e') && e.cat === cat).map((e) => [e.ph, e.name, e.ts]);
    expect(asyncOf('a')).toEqual([
      ['b', 'a', 1000],
      ['b', 'waiting (sleep)', 2000],
      ['e', 'waiting (sleep)', 5000],
      ['e', 'a', 6000],
    ]);
    expect(asyncOf('b')).toEqual([
      ['b', 'b', 2000],
      ['e', 'b', 8000],
    ]);
  });

  it('never lets rounding make a complete event start before the previous one on its thread ends', () => {
    // Abutting steps at awkward float times, some starting a hair (1e-10 ms) before the previous end.
    const lane = fc.array(fc.tuple(fc.double({ min: 0, max: 0.01, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }), fc.constantFrom(0, 1e-10, -1e-10, 1e-7)), { maxLength: 40 });
    fc.assert(
      fc.property(fc.array(lane, { minLength: 1, maxLength: 3 }), fc.double({ min: 0, max: 1e5, noNaN: true }), (lanes, origin) => {
        const trace: StepEvent[] = lanes.flatMap((steps, l) => {
          let t = origin + 0.1 + 0.2;
          return steps.map(([gap, length, jitter], i) => {
            const start = Math.max(0, t + gap + jitter);
            t = start + length;
            return event(`t${i % 3}`, l, start, t);
          });
        });
        const result = chromeTrace([{ name: 'random', run: runOf(trace, lanes.map((_, l) => `lane ${l}`)) }]);
        expect(result.traceEvents.filter((e) => e.ph === 'X')).toHaveLength(trace.length);
        expectWellFormed(result);
      }),
      { numRuns: 200 },
    );
  });

  it('exports an empty run as its process and thread names only', () => {
    const read = expectWellFormed(chromeTrace([{ name: 'empty', run: { ...runOf([], ['main']), wallMs: 0 } }]));
    expect(read.traceEvents.every((e) => e.ph === 'M')).toBe(true);
    expect(chromeTrace([]).traceEvents).toEqual([]);
  });
});

/** Small, but every kind of step: cpu slices, timer waits, a blocking wait, delegation. */
const workload = mixedWorkload;

describe('chrome trace export of real runs', () => {
  const made = runsOfThreeModes(workload);
  const runs = (): { name: string; run: RunResult }[] => made.map((run) => ({ name: run.mode, run }));

  it('puts the three modes side by side in one well-formed file, one complete event per step', () => {
    const read = expectWellFormed(chromeTrace(runs()));
    runs().forEach(({ run }, i) => {
      // Garbage collections that happened during the run are complete events too, on tracks of their own.
      const steps = read.traceEvents.filter((e) => e.ph === 'X' && e.pid === i + 1 && e.cat !== 'gc');
      expect(steps).toHaveLength(run.trace.length);
      expect(new Set(steps.map((e) => e.tid)).size).toBe(new Set(run.trace.map((e) => e.lane)).size);
      const lifetimes = read.traceEvents.filter((e) => e.ph === 'b' && e.pid === i + 1 && e.name === e.cat);
      expect(lifetimes.map((e) => e.name).sort()).toEqual(workload.tasks.map((t) => t.name).sort());
    });
    expect(read.otherData.runs.map((r) => r.mode)).toEqual(['sequential', 'interleaved', 'parallel']);
  });
});

describe('chrome trace export of a long trace', () => {
  it('handles 300 000 steps (no argument spreading that could overflow the call stack)', () => {
    const trace = Array.from({ length: 300_000 }, (_, i) => event(`t${i % 4}`, 0, i * 0.01, i * 0.01 + 0.008, i % 3 === 0 ? 'sleep' : 'yield'));
    // No event budget: the whole trace, not a sample of it.
    const events = chromeTrace([{ name: 'long', run: runOf(trace, ['main']) }], Number.POSITIVE_INFINITY).traceEvents;
    expect(events.filter((e) => e.ph === 'X')).toHaveLength(300_000);
  });
});
