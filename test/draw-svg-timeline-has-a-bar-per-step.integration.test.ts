import { describe, expect, it } from 'vitest';
import { elements, parseSvg, type Element } from './helpers/svg.ts';
import { type RunResult, type StepEvent } from '../src/modes/index.ts';
import { svgTimeline, waitIntervals } from '../src/draw/index.ts';
import { mixedWorkload } from './fixtures/mixed-workload.ts';
import { runsOfThreeModes } from './helpers/pool.ts';

const byClass = (root: Element, tag: string, className: string): Element[] => elements(root, tag).filter((e) => e.class === className);
const texts = (root: Element): string[] => elements(root, 'text').map((t) => String(typeof t === 'object' ? t['#text'] : t));

const event = (task: string, start: number, end: number, endedBy: StepEvent['endedBy'], lane = 0): StepEvent => ({ task, part: `${task}.part`, lane, start, end, endedBy });

/** Three tasks on one thread; two of them wait at the same time (from 1 to 6 and from 2 to 7). */
const synthetic: RunResult = {
  mode: 'interleaved',
  workload: 'synthetic',
  threads: 1,
  wallMs: 9,
  tasks: [],
  trace: [event('sleepy', 0, 1, 'sleep'), event('joiner', 1, 2, 'join'), event('busy', 2, 6, 'yield'), event('sleepy', 6, 7, 'done'), event('joiner', 7, 8, 'done'), event('busy', 8, 9, 'done')],
  lanes: ['main'],
};

describe('svg timeline', () => {
  it('is a standalone SVG document with one step bar per traced step and one wait bar per wait', () => {
    const root = parseSvg(svgTimeline(synthetic, { title: 'synthetic, interleaved', subtitle: 'a test machine' }));
    expect(root.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(root.viewBox).toBe(`0 0 ${String(root.width)} ${String(root.height)}`);
    expect(byClass(root, 'rect', 'step')).toHaveLength(6);
    expect(byClass(root, 'rect', 'wait')).toHaveLength(2);
    expect(texts(root)).toEqual(expect.arrayContaining(['synthetic, interleaved', 'a test machine', 'main', 'sleepy', 'joiner', 'busy']));
  });

  it('gives each step bar a tooltip with task, part, start and duration', () => {
    const root = parseSvg(svgTimeline(synthetic, { title: 't' }));
    const busy = byClass(root, 'rect', 'step').find((r) => r['data-task'] === 'busy')!;
    expect(busy.title).toMatch(/^busy, part busy\.part\nstarted at 2\.000 ms, ran 4\.000 ms, then yield$/);
  });

  it('colours by task: every bar of a task has one colour, different tasks differ', () => {
    const root = parseSvg(svgTimeline(synthetic, { title: 't' }));
    const coloursOf = (task: string): Set<unknown> => new Set([...byClass(root, 'rect', 'step'), ...byClass(root, 'rect', 'wait')].filter((r) => r['data-task'] === task).map((r) => r.fill));
    const colours = ['sleepy', 'joiner', 'busy'].map(coloursOf);
    for (const c of colours) expect(c.size).toBe(1);
    expect(new Set(colours.map((c) => [...c][0])).size).toBe(3);
  });

  it('draws waits that overlap on one thread in separate rows, one row per task, below the steps', () => {
    const root = parseSvg(svgTimeline(synthetic, { title: 't' }));
    const waits = byClass(root, 'rect', 'wait');
    const rowOf = (task: string): number => Number(waits.find((w) => w['data-task'] === task)!.y);
    expect(rowOf('sleepy')).not.toBe(rowOf('joiner'));
    const stepsBottom = Math.max(...byClass(root, 'rect', 'step').map((s) => Number(s.y) + Number(s.height)));
    expect(Math.min(rowOf('sleepy'), rowOf('joiner'))).toBeGreaterThanOrEqual(stepsBottom);
  });

  it('escapes task names, lane names, part labels and titles', () => {
    const nasty = `<b & "c">'`;
    const run: RunResult = { ...synthetic, trace: [{ ...event(nasty, 0, 1, 'sleep'), part: `${nasty}.1` }, event(nasty, 2, 3, 'done')], lanes: [`lane ${nasty}`] };
    const svg = svgTimeline(run, { title: `title ${nasty}`, subtitle: `sub ${nasty}` });
    const root = parseSvg(svg);
    expect(texts(root)).toEqual(expect.arrayContaining([`title ${nasty}`, `sub ${nasty}`, nasty]));
    expect(byClass(root, 'rect', 'step')[0]!.title).toContain(`${nasty}, part ${nasty}.1`);
    expect(svg).not.toContain('<b &');
  });

  it('draws an empty trace and a zero-length run without throwing', () => {
    const empty: RunResult = { ...synthetic, wallMs: 0, trace: [] };
    expect(byClass(parseSvg(svgTimeline(empty, { title: 'empty' })), 'rect', 'step')).toHaveLength(0);
    expect(byClass(parseSvg(svgTimeline({ ...empty, lanes: [] }, { title: 'no lanes' })), 'rect', 'step')).toHaveLength(0);
    const instant = svgTimeline({ ...empty, trace: [event('a', 0, 0, 'done')] }, { title: 'instant' });
    expect(byClass(parseSvg(instant), 'rect', 'step')).toHaveLength(1);
  });
});

describe('svg timeline of real runs', () => {
  const runs = runsOfThreeModes(mixedWorkload);

  it.each(['sequential', 'interleaved', 'parallel'])('draws every step and every wait of a %s run, one lane group per thread', (mode) => {
    const run = runs.find((r) => r.mode === mode)!;
    const root = parseSvg(svgTimeline(run, { title: `${run.workload}, ${mode}` }));
    expect(run.trace.length).toBeGreaterThan(0);
    expect(byClass(root, 'rect', 'step')).toHaveLength(run.trace.length);
    const waits = waitIntervals(run.trace);
    expect(waits.length).toBeGreaterThan(0);
    expect(byClass(root, 'rect', 'wait')).toHaveLength(waits.length);
    expect(byClass(root, 'g', 'lane').map((g) => g['data-lane'])).toEqual(run.lanes);
  });
});

describe('svg timeline of a long trace', () => {
  it('draws 200 000 steps on one lane (no argument spreading that could overflow the call stack), aggregated', () => {
    const trace = Array.from({ length: 200_000 }, (_, i) => event(`t${i % 4}`, i * 0.01, i * 0.01 + 0.008, 'yield'));
    const svg = svgTimeline({ ...synthetic, wallMs: 2000, trace }, { title: 'long' });
    expect(svg.match(/<rect class="step"/g)).toBeNull();
    expect(svg.match(/<rect class="busy"/g)!.length).toBeGreaterThan(0);
  });
});
