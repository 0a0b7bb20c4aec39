import { describe, expect, it } from 'vitest';
import { elements, parseSvg, type Element } from './helpers/svg.ts';
import { amdahlSpeedup } from '../src/measure/amdahl.ts';
import { svgSpeedupChart, type SpeedupChartOptions } from '../src/draw/index.ts';

const one = (root: Element, tag: string, className: string): Element | undefined => elements(root, tag).find((e) => e.class === className);
const texts = (root: Element): string[] => elements(root, 'text').map((t) => String(typeof t === 'object' ? t['#text'] : t));
const pointsOf = (polyline: Element): [number, number][] => String(polyline.points).split(' ').map((p) => p.split(',').map(Number) as [number, number]);

const measured: SpeedupChartOptions = {
  title: 'cpu-bound on worker threads',
  subtitle: 'a 2-core test machine',
  points: [
    { threads: 4, speedup: 1.8 },
    { threads: 1, speedup: 1 },
    { threads: 2, speedup: 1.9 },
    { threads: 3, speedup: 1.85 },
  ],
  cores: 2,
  serialFraction: 0.05,
};

describe('svg speedup chart', () => {
  it('is a standalone SVG with a dot per measured point, joined by a line in thread order', () => {
    const root = parseSvg(svgSpeedupChart(measured));
    expect(root.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(root.viewBox).toBe(`0 0 ${String(root.width)} ${String(root.height)}`);
    const dots = elements(root, 'circle').filter((c) => c.class === 'point');
    expect(dots.map((d) => d.title)).toEqual(['1 thread: 1.00x', '2 threads: 1.90x', '3 threads: 1.85x', '4 threads: 1.80x']);
    const line = pointsOf(one(root, 'polyline', 'measured')!);
    expect(line.map(([x]) => x)).toEqual(dots.map((d) => Number(d.cx)));
  });

  it('draws higher speedups higher, the ideal line above Amdahl, and the cores line at the 2-thread point', () => {
    const root = parseSvg(svgSpeedupChart(measured));
    const dots = elements(root, 'circle').filter((c) => c.class === 'point');
    expect(Number(dots[1]!.cy)).toBeLessThan(Number(dots[0]!.cy)); // 1.9x is drawn above 1.0x
    const ideal = one(root, 'line', 'ideal')!;
    const amdahl = pointsOf(one(root, 'polyline', 'amdahl')!);
    const [endX, endY] = amdahl[amdahl.length - 1]!;
    expect(endX).toBeCloseTo(Number(ideal.x2), 1);
    expect(endY).toBeGreaterThan(Number(ideal.y2)); // smaller speedup, lower on the page
    expect(Number(one(root, 'line', 'cores')!.x1)).toBeCloseTo(Number(dots[1]!.cx), 1);
    expect(texts(root)).toEqual(expect.arrayContaining(['cpu-bound on worker threads', 'a 2-core test machine', '2 cores', 'threads', 'speedup (x)', 'Amdahl, 5% serial']));
  });

  it("bends Amdahl's curve to its law: S(n) = 1 / (s + (1 - s) / n)", () => {
    expect(amdahlSpeedup(0, 8)).toBe(8);
    expect(amdahlSpeedup(1, 8)).toBe(1);
    expect(amdahlSpeedup(0.5, 2)).toBeCloseTo(4 / 3, 12);
    // Read the chart's scales off two measured dots (1 thread at 1.0x, 2 threads at 1.9x), then every sample of the curve must obey the law.
    const root = parseSvg(svgSpeedupChart({ ...measured, serialFraction: 0.3 }));
    const [dot1, dot2] = elements(root, 'circle').filter((c) => c.class === 'point').map((d) => [Number(d.cx), Number(d.cy)] as const);
    const threadsAt = (x: number): number => 1 + (x - dot1![0]) / (dot2![0] - dot1![0]);
    const speedupAt = (y: number): number => 1 + ((y - dot1![1]) / (dot2![1] - dot1![1])) * 0.9;
    const curve = pointsOf(one(root, 'polyline', 'amdahl')!);
    expect(curve.length).toBeGreaterThan(10);
    for (const [x, y] of curve) expect(speedupAt(y)).toBeCloseTo(amdahlSpeedup(0.3, threadsAt(x)), 1);
  });

  it('leaves Amdahl out without a serial fraction, and draws an empty measurement without throwing', () => {
    const root = parseSvg(svgSpeedupChart({ title: 'nothing yet', points: [], cores: 4 }));
    expect(one(root, 'polyline', 'amdahl')).toBeUndefined();
    expect(one(root, 'polyline', 'measured')).toBeUndefined();
    expect(one(root, 'line', 'ideal')).toBeDefined();
    expect(texts(root)).toContain('4 cores');
  });

  it('escapes the title and rejects bad options, naming the option', () => {
    const root = parseSvg(svgSpeedupChart({ ...measured, title: `<"threads" & 'cores'>` }));
    expect(texts(root)).toContain(`<"threads" & 'cores'>`);
    expect(() => svgSpeedupChart({ ...measured, cores: 0 })).toThrow(/options\.cores must be a positive integer/);
    expect(() => svgSpeedupChart({ ...measured, serialFraction: 1.5 })).toThrow(/options\.serialFraction must be a number from 0 to 1/);
    expect(() => svgSpeedupChart({ ...measured, points: [{ threads: 2, speedup: Number.NaN }] })).toThrow(/options\.points\[0\]\.speedup/);
    expect(() => svgSpeedupChart({ ...measured, points: [{ threads: 0, speedup: 1 }] })).toThrow(/options\.points\[0\]\.threads/);
  });
});
