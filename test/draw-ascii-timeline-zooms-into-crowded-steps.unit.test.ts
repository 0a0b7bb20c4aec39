import { describe, expect, it } from 'vitest';
import type { RunResult, StepEvent } from '../src/modes/index.ts';
import { asciiTimeline } from '../src/draw/index.ts';

const step = (task: string, start: number, end: number, lane = 0): StepEvent => ({ task, part: `${task}.1`, lane, start, end, endedBy: 'yield' });

function run(trace: StepEvent[], lanes = ['main']): RunResult {
  return { mode: 'interleaved', workload: 'synthetic', threads: lanes.length, wallMs: Math.max(...trace.map((e) => e.end)), tasks: [], trace, lanes };
}

const zoomLine = (picture: string): string | undefined => picture.split('\n').find((l) => l.startsWith('zoom '));

describe('the zoom row of the terminal timeline', () => {
  it('shows the first steps one letter each when a column covers several steps, and says so in the legend', () => {
    // 400 round-robin steps of three tasks in 40 ms: ten steps per column at width 47.
    const tasks = ['cpu1', 'cpu2', 'cpu3'];
    const trace = Array.from({ length: 400 }, (_, i) => step(tasks[i % 3]!, i * 0.1, i * 0.1 + 0.1));
    const picture = asciiTimeline(run(trace), { width: 47 });
    const zoom = zoomLine(picture)!;
    expect(zoom).toBe(`zoom :${'ABC'.repeat(14).slice(0, 40)}:`);
    expect(picture).toContain('zoom: first 40 steps zoomed, 1 letter each');
    // The zoom row sits right under its lane.
    const lines = picture.split('\n');
    expect(lines[lines.findIndex((l) => l.startsWith('main '))+1]).toBe(zoom);
  });

  it('is absent when every step has a column of its own', () => {
    const trace = [step('a', 0, 10), step('b', 10, 20), step('a', 20, 30)];
    const picture = asciiTimeline(run(trace), { width: 40 });
    expect(zoomLine(picture)).toBeUndefined();
    expect(picture).not.toContain('zoomed');
  });

  it('pads a zoom of fewer steps than columns, lane by lane', () => {
    const trace = [step('a', 0, 0.01), step('b', 0.01, 0.02), step('a', 0.02, 0.03), step('b', 50, 100, 1)];
    const picture = asciiTimeline(run(trace, ['main', 'w1']), { width: 60 });
    const zooms = picture.split('\n').filter((l) => l.startsWith('zoom '));
    expect(zooms).toEqual([`zoom :ABA${' '.repeat(50)}:`]);
    expect(picture).toContain('zoom: first 3 steps zoomed, 1 letter each');
  });
});
