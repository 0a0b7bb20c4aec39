import { describe, expect, it } from 'vitest';
import { svgLineChart } from '../../src/draw/index.ts';
import { handMadeFigures } from '../../test/helpers/hand-off-figures.ts';
import { analyseHandOff } from './analysis.ts';
import { handOffChart, handOffTables } from './report.ts';

const a = analyseHandOff(handMadeFigures());

describe('the chart of per-task cost', () => {
  it('draws a line per way over the sizes above 0 (log axes), and marks both floors', () => {
    const chart = handOffChart(a, 1000);
    expect(chart.series.map((s) => s.label)).toEqual(a.ways.map((w) => w.name));
    for (const s of chart.series) expect(s.points.map((p) => p.x)).toEqual([1, 4, 16, 64, 256]);
    // Built exactly: every size's overhead is the way's cost.
    expect(chart.series.find((s) => s.label === 'piscina')!.points.every((p) => Math.abs(p.y - 20) < 1e-6)).toBe(true);
    expect(chart.references).toEqual([
      { label: 'floor, spinning: 1.0 µs a task', y: expect.closeTo(1, 6) as number },
      { label: 'floor, sleeping: 8.0 µs a task', y: expect.closeTo(8, 6) as number },
    ]);
    const svg = svgLineChart(chart);
    expect(svg).toContain('floor, sleeping: 8.0 µs a task');
    expect(svg.match(/<polyline class="series"/g)).toHaveLength(11);
  });
});

describe('the tables', () => {
  it('give a row per way, the cheapest pool marked, and the speedups at every size with their verdicts', () => {
    const [ways, speedups] = handOffTables(a, 'title');
    expect(ways!.rows.map((r) => r[0])).toContain('tinypool (cheapest pool)');
    expect(ways!.rows.find((r) => r[0] === 'ring-spin')![8]).toBe('never (1 thread)');
    expect(ways!.rows.find((r) => r[0] === 'piscina')![8]).toBe('16 units');
    expect(speedups!.rows.map((r) => r[0])).toEqual(['0', '1', '4', '16', '64', '256']);
    // At 64 units piscina is measurably faster than one thread, at 0 measurably slower.
    const column = speedups!.head.indexOf('piscina');
    expect(speedups!.rows[4]![column]).toMatch(/x \+$/);
    expect(speedups!.rows[0]![column]).toMatch(/x -$/);
  });
});
