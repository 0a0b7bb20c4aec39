import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { asciiTimeline, chromeTrace, svgTimeline } from '../src/draw/index.ts';
import { gcMarks, gcShareOf } from '../src/runtime/gc-marks.ts';
import { runMode } from '../src/modes/index.ts';
import { scriptInProcess } from './helpers/e2e-script-in-process.ts';

/** V8's `gc()`, as `node --expose-gc` gives it: the flag set now reaches every context made after it. */
function exposedGc(): (options: { type: 'minor' | 'major' }) => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as (options: { type: 'minor' | 'major' }) => void;
}

/**
 * Forces collections on the lab's thread while a sequential run waits; returns what the lab recorded and
 * drew, as JSON. Young-generation ones: a full collection of the test runner's heap can take longer than
 * the run's wait, and a pause that ends after the run is reported to the lab only after it (Node delivers
 * gc entries on the next turn of the event loop), so the run would have none.
 */
async function gcDuringARun(): Promise<string> {
  const forceGc = exposedGc();
  const workload = { name: 'gc', tasks: [{ name: 'a', parts: [{ kind: 'cpu' as const, units: 20 }, { kind: 'wait' as const, ms: 60 }, { kind: 'cpu' as const, units: 20 }] }] };
  const timer = setInterval(() => forceGc({ type: 'minor' }), 10);
  const run = await runMode('sequential', workload).finally(() => clearInterval(timer));
  const trace = chromeTrace([{ name: 'gc', run }]);
  return JSON.stringify({
    gc: run.gc,
    gcShare: run.gcShare,
    wallMs: run.wallMs,
    ascii: asciiTimeline(run, { width: 80 }),
    svgGcMarks: (svgTimeline(run, { title: 'gc' }).match(/class="gc"/g) ?? []).length,
    perfettoGc: trace.traceEvents.filter((e) => e.ph === 'X' && e.cat === 'gc').length,
  });
}

describe('garbage collection on the timelines', () => {
  it('marks forced collections on the lab\'s thread in the run, the terminal, SVG and Perfetto timelines, and reports gcShare', async () => {
    const { code, stdout, stderr } = await scriptInProcess(gcDuringARun);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const seen = JSON.parse(stdout) as { gc: { lane: number; start: number; end: number }[]; gcShare: number; wallMs: number; ascii: string; svgGcMarks: number; perfettoGc: number };
    expect(seen.gc.length).toBeGreaterThan(0);
    for (const m of seen.gc) {
      expect(m.lane).toBe(0);
      expect(m.end).toBeGreaterThanOrEqual(m.start);
      expect(m.start).toBeGreaterThanOrEqual(-1);
      expect(m.end).toBeLessThanOrEqual(seen.wallMs + 1);
    }
    expect(seen.gcShare).toBeGreaterThan(0);
    expect(seen.ascii).toMatch(/^gc +\|[ #]*#[ #]*\|$/m);
    expect(seen.ascii).toContain('# garbage collection');
    expect(seen.svgGcMarks).toBe(seen.gc.length);
    expect(seen.perfettoGc).toBe(seen.gc.length);
  });

  it('keeps only the pauses inside the run, relative to its start, and shares them over its wall time', () => {
    const marks = gcMarks([5, 6, 100, 102, 300, 301], 1, 90, 200, 90);
    expect(marks).toEqual([{ lane: 1, start: 10, end: 12 }]);
    expect(gcShareOf(marks, 110)).toBeCloseTo(2 / 110, 12);
    expect(gcShareOf([], 0)).toBe(0);
  });
});
