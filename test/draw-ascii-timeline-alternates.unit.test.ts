import { describe, expect, it } from 'vitest';
import { runInterleaved, runSequential, type RunResult, type StepEvent } from '../src/modes/index.ts';
import { asciiTimeline } from '../src/draw/index.ts';
import type { WorkloadSpec } from '../src/workload/spec.ts';

/** The row of glyphs between the `|` borders of the lane named `lane`. */
function laneRow(picture: string, lane: string): string {
  const line = picture.split('\n').find((l) => l.startsWith(`${lane} `));
  if (line === undefined) throw new Error(`no lane "${lane}" in:\n${picture}`);
  return line.slice(line.indexOf('|') + 1, line.lastIndexOf('|'));
}

/** The order in which glyphs hold the lane for at least `minColumns` columns, idle and waiting left out. */
function turns(row: string, minColumns: number): string[] {
  const runs = row.replace(/[.~]/g, '').match(/(.)\1*/g) ?? [];
  const long = runs.filter((run) => run.length >= minColumns).map((run) => run[0]!);
  return long.filter((glyph, i) => glyph !== long[i - 1]);
}

const step = (task: string, start: number, end: number): StepEvent => ({ task, part: `${task}.1`, lane: 0, start, end, endedBy: 'yield' });

describe('ascii timeline of a round-robin run', () => {
  it('draws the exact alternation of a synthetic two-task run, one glyph per task', () => {
    const run: RunResult = {
      mode: 'interleaved',
      workload: 'synthetic',
      threads: 1,
      wallMs: 4,
      tasks: [],
      trace: [step('first', 0, 1), step('second', 1, 2), step('first', 2, 3), step('second', 3, 4)],
      lanes: ['main'],
    };
    // "main" + " |" + 16 columns + "|": 0.25 ms per column.
    const picture = asciiTimeline(run, { width: 23 });
    expect(laneRow(picture, 'main')).toBe('AAAABBBBAAAABBBB');
    expect(picture).toContain('A first');
    expect(picture).toContain('B second');
  });

  // Blocking parts hold the thread for a few ms each, so every step spans many columns.
  const twoBlockingTasks: WorkloadSpec = {
    name: 'two blocking tasks',
    tasks: ['a', 'b'].map((name) => ({ name, parts: [1, 2, 3].map(() => ({ kind: 'block' as const, ms: 4 })) })),
  };

  it('alternates the two tasks of a real interleaved run: A B A B A B', async () => {
    const run = await runInterleaved(twoBlockingTasks);
    const picture = asciiTimeline(run, { width: 100 });
    expect(turns(laneRow(picture, 'main'), 3)).toEqual(['A', 'B', 'A', 'B', 'A', 'B']);
  });

  it('shows the same tasks run to completion one after the other in a sequential run: A then B', async () => {
    const run = await runSequential(twoBlockingTasks);
    const picture = asciiTimeline(run, { width: 100 });
    expect(turns(laneRow(picture, 'main'), 3)).toEqual(['A', 'B']);
  });
});
