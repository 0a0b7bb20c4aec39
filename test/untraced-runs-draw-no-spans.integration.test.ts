import { describe, expect, it } from 'vitest';
import { asciiTimeline, chromeTrace, svgTimeline } from '../src/draw/index.ts';
import { runMode, type RunResult } from '../src/modes/index.ts';
import { cpuBoundWorkload } from '../src/workload/presets.ts';
import { warmPoolForTests } from './helpers/pool.ts';
import { elements, parseSvg, type Element } from './helpers/svg.ts';

const workload = cpuBoundWorkload({ tasks: 4, unitsPerTask: 50 });
const byClass = (root: Element, tag: string, className: string): Element[] => elements(root, tag).filter((e) => e.class === className);
const texts = (root: Element): string[] => elements(root, 'text').map((t) => String(typeof t === 'object' ? t['#text'] : t));

describe('a run that recorded no steps is drawn as untraced, with no spans', () => {
  const warm = warmPoolForTests();
  const runs: RunResult[] = [];
  const run = async (mode: 'piscina' | 'sequential', steps: boolean): Promise<RunResult> => {
    const result = await runMode(mode, workload, { pool: warm.pool, steps });
    runs.push(result);
    return result;
  };

  it('the piscina mode gives its tasks no made-up span from 0 to the wall time: when each ran is unknown (null in JSON)', async () => {
    const piscina = await run('piscina', true);
    expect(piscina.trace).toEqual([]);
    for (const task of piscina.tasks) {
      expect(task.startMs).toBeNaN();
      expect(task.endMs).toBeNaN();
    }
    expect(JSON.parse(JSON.stringify(piscina.tasks[0]))).toMatchObject({ startMs: null, endMs: null });
  });

  it.each([
    ['piscina', true],
    ['sequential', false],
  ] as const)('the ASCII timeline of a %s run (steps: %s) draws no task glyphs and no idle lanes, and says untraced', async (mode, steps) => {
    const untraced = await run(mode, steps);
    const picture = asciiTimeline(untraced, { width: 60 });
    const lines = picture.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^untraced \| +no steps recorded +\|$/);
    expect(lines[0]).toHaveLength(60);
    expect(lines[1]).toHaveLength(60);
    // No lane of the run, and no glyph for a task, the idle mark or a wait.
    expect(lines.some((l) => /^(main|worker)/.test(l))).toBe(false);
    expect(lines[0]).not.toMatch(/[A.~]/);
    // The reason, wrapped to the width under the axis.
    expect(lines.slice(3).join(' ')).toBe(`untraced: the ${mode} run recorded no steps, so no bars are drawn; only its wall time is known`);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
  });

  it('the SVG timeline has no lane and no bar, and says untraced', async () => {
    const piscina = await run('piscina', true);
    const root = parseSvg(svgTimeline(piscina, { title: 'cpu-bound / piscina' }));
    for (const kind of ['step', 'wait', 'lane-background', 'gc']) expect(byClass(root, 'rect', kind)).toHaveLength(0);
    expect(texts(root).join('\n')).toContain('piscina run of cpu-bound: 2 threads, untraced (no steps recorded)');
    expect(texts(root).join('\n')).toContain('untraced: the piscina run recorded no steps');
    expect(String(root['aria-label'])).toContain('untraced');
  });

  it('the trace file names an untraced run as such and gives its tasks no lifetime', async () => {
    const piscina = await run('piscina', true);
    const traced = await runMode('sequential', workload, { pool: warm.pool });
    const file = chromeTrace([
      { name: 'cpu-bound / piscina', run: piscina },
      { name: 'cpu-bound / sequential', run: traced },
    ]);
    const names = file.traceEvents.filter((e) => e.ph === 'M' && e.name === 'process_name').map((e) => (e.ph === 'M' ? e.args.name : ''));
    expect(names).toEqual(['cpu-bound / piscina (untraced)', 'cpu-bound / sequential']);
    const ofPiscina = file.traceEvents.filter((e) => e.pid === 1);
    expect(ofPiscina.filter((e) => e.ph === 'b' || e.ph === 'e')).toHaveLength(0);
    expect(ofPiscina.filter((e) => e.ph === 'X' && e.cat !== 'gc')).toHaveLength(0);
    expect(file.traceEvents.filter((e) => e.pid === 2 && e.ph === 'b').length).toBeGreaterThan(0);
  });
});
