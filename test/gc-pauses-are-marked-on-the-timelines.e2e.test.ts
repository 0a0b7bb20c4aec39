import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { gcMarks, gcShareOf } from '../src/modes/gc-marks.ts';
import { runCommand } from './helpers/cli.ts';

const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

function runWithExposedGc(file: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return runCommand(process.execPath, ['--expose-gc', '--import', tsxLoader, file]);
}

describe('garbage collection on the timelines', () => {
  it('marks forced collections on the lab\'s thread in the run, the terminal, SVG and Perfetto timelines, and reports gcShare', async () => {
    const { code, stdout, stderr } = await runWithExposedGc('test/fixtures/gc-during-a-run.ts');
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
