import { describe, expect, it } from 'vitest';
import type { RunResult, StepEvent } from '../src/modes/index.ts';
import { chromeTrace, svgTimeline } from '../src/draw/index.ts';
import { laneDensity } from '../src/draw/lane-density.ts';
import { DETAIL_LIMITS } from '../src/draw/svg-density-timeline.ts';
import { ordinal } from '../src/draw/trace-sample.ts';
import { elements, parseSvg, type Element } from './helpers/svg.ts';

const byClass = (root: Element, tag: string, className: string): Element[] => elements(root, tag).filter((e) => e.class === className);
const texts = (root: Element): string[] => elements(root, 'text').map((t) => String(typeof t === 'object' ? t['#text'] : t));

/**
 * `tasks` tasks on `lanes` lanes, each: a step that sleeps, a wait of 40 ms, a step that ends it.
 * Task i starts at i * 0.01 ms: every task is parked during most of the run.
 */
function manyTaskRun(tasks: number, lanes = 1): RunResult {
  const trace: StepEvent[] = [];
  for (let i = 0; i < tasks; i++) trace.push({ task: `t${i}`, part: `t${i}.1`, lane: i % lanes, start: i * 0.01, end: i * 0.01 + 0.005, endedBy: 'sleep' });
  for (let i = 0; i < tasks; i++) trace.push({ task: `t${i}`, part: `t${i}.2`, lane: i % lanes, start: 40 + tasks * 0.01 + i * 0.01, end: 40 + tasks * 0.01 + i * 0.01 + 0.005, endedBy: 'done' });
  const wallMs = 40 + tasks * 0.02;
  return { mode: lanes === 1 ? 'interleaved' : 'hybrid', workload: 'many', threads: lanes, wallMs, tasks: [], trace, lanes: Array.from({ length: lanes }, (_, l) => (lanes === 1 ? 'main' : `worker ${l + 1}`)) };
}

describe('pictures of big runs stay under about 1 MB', () => {
  for (const tasks of [5_000, 50_000]) {
    it(`an SVG timeline of ${tasks} tasks draws densities, not a bar per step, and says so in its legend`, () => {
      const svg = svgTimeline(manyTaskRun(tasks, 2), { title: 'big' });
      expect(svg.length).toBeLessThan(1_000_000);
      const root = parseSvg(svg);
      expect(byClass(root, 'rect', 'step')).toHaveLength(0);
      expect(byClass(root, 'rect', 'busy').length).toBeGreaterThan(0);
      expect(byClass(root, 'rect', 'waiting').length).toBeGreaterThan(0);
      expect(texts(root).some((t) => t.startsWith(`aggregated (over ${DETAIL_LIMITS.steps} steps or ${DETAIL_LIMITS.tasks} tasks)`))).toBe(true);
      expect(texts(root)).toEqual(expect.arrayContaining(['worker 1', 'worker 2']));
    });
  }

  it('keeps drawing a bar per step at the limits (under 1 MB still), and aggregates one step or one task past them', () => {
    const drawn = (run: RunResult): { steps: number; bytes: number } => {
      const svg = svgTimeline(run, { title: 't' });
      return { steps: byClass(parseSvg(svg), 'rect', 'step').length, bytes: svg.length };
    };
    // The most tasks allowed, each sleeping between its steps, with the most steps allowed in all.
    const tasks = DETAIL_LIMITS.tasks;
    const perTask = Math.floor(DETAIL_LIMITS.steps / tasks);
    const trace: StepEvent[] = [];
    for (let k = 0; k < perTask; k++) for (let i = 0; i < tasks; i++) trace.push({ task: `t${i}`, part: `p${k}`, lane: 0, start: (k * tasks + i) * 0.01, end: (k * tasks + i) * 0.01 + 0.005, endedBy: k + 1 < perTask ? 'sleep' : 'done' });
    while (trace.length < DETAIL_LIMITS.steps) trace.push({ ...trace[trace.length - 1]!, start: trace.length * 0.01, end: trace.length * 0.01 + 0.005 });
    const atLimit: RunResult = { ...manyTaskRun(1), trace, wallMs: trace.length * 0.01 + 1 };
    const whole = drawn(atLimit);
    expect(whole.steps).toBe(DETAIL_LIMITS.steps);
    expect(whole.bytes).toBeLessThan(1_000_000);
    expect(drawn({ ...atLimit, trace: [...trace, { ...trace[0]!, start: 0, end: 0.001, endedBy: 'yield' }] }).steps).toBe(0);
    expect(drawn({ ...atLimit, trace: [...trace.slice(1), { ...trace[0]!, task: 'one more' }] }).steps).toBe(0);
  });

  it('a --trace document of 50,000 tasks holds every n-th task with all its steps, and says which sample it is', () => {
    const run = manyTaskRun(50_000);
    const trace = chromeTrace([{ name: 'big', run }]);
    expect(JSON.stringify(trace).length).toBeLessThan(1_000_000);
    const sample = trace.otherData.runs[0]!.sample!;
    expect(sample.everyNth).toBeGreaterThan(1);
    expect(sample.ofTasks).toBe(50_000);
    expect(sample.tasks).toBe(Math.ceil(50_000 / sample.everyNth));
    expect(sample.steps).toBe(2 * sample.tasks);
    const steps = trace.traceEvents.filter((e) => e.ph === 'X');
    expect(steps).toHaveLength(sample.steps);
    expect(steps.every((e) => e.ph === 'X' && Number(e.args.task!.slice(1)) % sample.everyNth === 0)).toBe(true);
    const processName = trace.traceEvents.find((e) => e.ph === 'M' && e.name === 'process_name');
    expect(processName?.ph === 'M' && processName.args.name).toBe(`big (sample: every ${ordinal(sample.everyNth)} task, ${sample.tasks} of 50000)`);
    expect(sample.note).toMatch(/^a sample: every \d+th task in task order with all of its steps and waits/);
  });

  it('a few tasks of very many steps: the trace keeps the first steps of the run up to the budget, and says until when', () => {
    const trace: StepEvent[] = Array.from({ length: 300_000 }, (_, i) => ({ task: `t${i % 4}`, part: 'p', lane: 0, start: i * 0.01, end: i * 0.01 + 0.008, endedBy: i % 3 === 0 ? 'sleep' : 'yield' }));
    const run: RunResult = { ...manyTaskRun(1), trace, wallMs: 3000 };
    const document = chromeTrace([{ name: 'long', run }]);
    expect(JSON.stringify(document).length).toBeLessThan(1_000_000);
    const sample = document.otherData.runs[0]!.sample!;
    const steps = document.traceEvents.filter((e) => e.ph === 'X');
    expect(steps).toHaveLength(sample.steps);
    expect(sample.untilMs).toBeDefined();
    expect(steps.every((e) => e.ph === 'X' && e.ts < sample.untilMs! * 1000)).toBe(true);
    expect(sample.note).toContain(`in the first ${sample.untilMs!.toFixed(3)} ms of the run`);
  });

  it('a small run goes into the trace whole, with no sample', () => {
    const trace = chromeTrace([{ name: 'small', run: manyTaskRun(20) }]);
    expect(trace.otherData.runs[0]!.sample).toBeUndefined();
    expect(trace.traceEvents.filter((e) => e.ph === 'X')).toHaveLength(40);
  });

  it('names ordinals as English does', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 111, 176].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '111th', '176th']);
  });
});

describe('lane densities', () => {
  it('count busy time, parked tasks and GC per column, on the lane that parked them', () => {
    // Lane 0 runs [0, 2) and parks a task until 8; lane 1 runs [4, 6); GC on lane 1 during [6, 7).
    const trace: StepEvent[] = [
      { task: 'a', part: 'a.1', lane: 0, start: 0, end: 2, endedBy: 'sleep' },
      { task: 'b', part: 'b.1', lane: 1, start: 4, end: 6, endedBy: 'done' },
      { task: 'a', part: 'a.2', lane: 0, start: 8, end: 10, endedBy: 'done' },
    ];
    const [zero, one] = laneDensity(trace, [{ lane: 1, start: 6, end: 7 }], 2, 10, 5);
    expect(Array.from(zero!.busy)).toEqual([1, 0, 0, 0, 1]);
    expect(Array.from(one!.busy)).toEqual([0, 0, 1, 0, 0]);
    expect(Array.from(zero!.waiting)).toEqual([0, 1, 1, 1, 0]);
    expect(Array.from(one!.waiting)).toEqual([0, 0, 0, 0, 0]);
    expect(Array.from(one!.gcMs)).toEqual([0, 0, 0, 1, 0]);
    expect([zero!.waits, one!.waits]).toEqual([1, 0]);
  });

  it('sorts pooled traces by start, and keeps a wait that no step ends open to the end of the run', () => {
    const trace: StepEvent[] = [
      { task: 'b', part: 'b.1', lane: 0, start: 5, end: 6, endedBy: 'done' },
      { task: 'a', part: 'a.1', lane: 0, start: 0, end: 1, endedBy: 'wait' },
      { task: 'a', part: 'a.2', lane: 0, start: 3, end: 4, endedBy: 'join' },
    ];
    const [lane] = laneDensity(trace, [], 1, 10, 10);
    expect(Array.from(lane!.waiting)).toEqual([0, 1, 1, 0, 1, 1, 1, 1, 1, 1]);
    expect(Array.from(lane!.busy)).toEqual([1, 0, 0, 1, 0, 1, 0, 0, 0, 0]);
  });
});
