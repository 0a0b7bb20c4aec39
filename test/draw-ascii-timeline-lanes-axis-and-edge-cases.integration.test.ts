import { describe, expect, it } from 'vitest';
import { type RunResult, type StepEvent } from '../src/modes/index.ts';
import { asciiTimeline, idleGlyph, taskGlyphs, waitingGlyph } from '../src/draw/index.ts';
import { mixedWorkload } from './fixtures/mixed-workload.ts';
import { runsOfThreeModes } from './helpers/pool.ts';

const event = (task: string, lane: number, start: number, end: number, endedBy: StepEvent['endedBy'] = 'yield'): StepEvent => ({ task, part: `${task}.1`, lane, start, end, endedBy });

const runOf = (trace: StepEvent[], lanes: string[], wallMs: number): RunResult => ({
  mode: lanes.length > 1 ? 'parallel' : 'interleaved',
  workload: 'synthetic',
  threads: lanes.length,
  wallMs,
  tasks: [],
  trace,
  lanes,
});

const rows = (picture: string, lanes: readonly string[]): string[] =>
  lanes.map((lane) => {
    const line = picture.split('\n').find((l) => l.startsWith(`${lane} `))!;
    return line.slice(line.indexOf('|') + 1, line.lastIndexOf('|'));
  });

describe('ascii timeline', () => {
  it('shows two lanes busy at the same time for a parallel run', () => {
    const run = runOf([event('left', 0, 0, 10, 'done'), event('right', 1, 2, 10, 'done')], ['worker 1', 'worker 2'], 10);
    const [one, two] = rows(asciiTimeline(run, { width: 60 }), run.lanes);
    const bothBusy = [...one!].some((glyph, i) => glyph === 'A' && two![i] === 'B');
    expect(bothBusy).toBe(true);
    expect(two!.startsWith(idleGlyph)).toBe(true);
  });

  it('gives a column to the task that ran longest in it, not the first one there', () => {
    // 16 columns of 1 ms: in column 0 "brief" runs 0.1 ms and then "long" 0.9 ms.
    const run = runOf([event('brief', 0, 0, 0.1), event('long', 0, 0.1, 1), event('brief', 0, 1, 1.6), event('long', 0, 1.6, 2)], ['main'], 16);
    expect(rows(asciiTimeline(run, { width: 23 }), ['main'])[0]).toBe(`BA${idleGlyph.repeat(14)}`);
  });

  it('is exactly `width` columns on lane and axis lines, and never wider', () => {
    const run = runOf([event('a-task-with-a-long-name', 0, 0, 3), event('b', 1, 1, 7)], ['main thread with a long name', 'worker 2'], 7);
    for (const width of [20, 37, 80, 133]) {
      const lines = asciiTimeline(run, { width }).trimEnd().split('\n');
      expect(lines[0]).toHaveLength(width);
      expect(lines[1]).toHaveLength(width);
      expect(lines[2]).toHaveLength(width);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);
    }
  });

  it('marks time in which tasks only waited with the waiting glyph, and lists it in the legend', () => {
    const run = runOf([event('sleeper', 0, 0, 1, 'sleep'), event('sleeper', 0, 9, 10, 'done')], ['main'], 10);
    const picture = asciiTimeline(run, { width: 27 });
    const [row] = rows(picture, ['main']);
    expect(row).toBe(`AA${waitingGlyph.repeat(16)}AA`);
    expect(picture).toContain(`${waitingGlyph} waiting`);
  });

  it('labels a time axis in ms with round ticks that start at 0', () => {
    const run = runOf([event('a', 0, 0, 40)], ['main'], 40);
    const axisLabels = asciiTimeline(run, { width: 80 }).split('\n')[2]!;
    expect(axisLabels.trim().split(/\s+/)).toEqual(['ms', '0', '5', '10', '15', '20', '25', '30', '35', '40']);
  });

  it('draws an empty trace as untraced (no idle lanes: when it ran is unknown) and a zero-length run without throwing', () => {
    const empty = asciiTimeline(runOf([], ['main'], 0), { width: 30 });
    expect(empty.split('\n')[0]).toBe('untraced | no steps recorded |');
    expect(empty).not.toContain(idleGlyph.repeat(3));
    expect(() => asciiTimeline(runOf([], [], 0), { width: 20 })).not.toThrow();
    const instant = asciiTimeline(runOf([event('a', 0, 0, 0, 'done')], ['main'], 0), { width: 30 });
    expect(instant).toContain('A a');
  });

  it('rejects a width it cannot draw in, naming the option', () => {
    const run = runOf([], ['main'], 0);
    expect(() => asciiTimeline(run, { width: 19 })).toThrow(/options\.width must be an integer of at least 20/);
    expect(() => asciiTimeline(run, { width: 40.5 })).toThrow(RangeError);
  });
});

/** Small, but every kind of step: cpu slices, timer waits, a blocking wait, delegation. */
const workload = mixedWorkload;

describe('ascii timeline of real runs', () => {
  const runs = runsOfThreeModes(workload);

  it.each(['sequential', 'interleaved', 'parallel'])('draws a %s run: a row per thread, each with some task on it, then axis and legend', (mode) => {
    const run = runs.find((r) => r.mode === mode)!;
    const lines = asciiTimeline(run, { width: 72 }).trimEnd().split('\n');
    const taskRows = rows(lines.join('\n'), run.lanes);
    expect(taskRows).toHaveLength(run.lanes.length);
    for (const row of taskRows) expect(row).toMatch(new RegExp(`[${taskGlyphs.slice(0, 3)}]`));
    for (const line of lines.slice(0, run.lanes.length + 1)) expect(line).toHaveLength(72);
    expect(lines.slice(run.lanes.length + 2).join(' ')).toMatch(/A a {2}B b {2}C c/);
  });
});
