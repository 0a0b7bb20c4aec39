import { describe, expect, it } from 'vitest';
import { svgLineChart } from '../src/draw/index.ts';
import { formatPower } from '../src/draw/svg-line-chart.ts';
import { elements, parseSvg } from './helpers/svg.ts';

describe('svg line chart', () => {
  it('draws a line and a dot per point on log axes, from the decade below the least value to the one above the greatest', () => {
    const svg = svgLineChart({
      title: 'round trips <&>',
      xLabel: 'bytes',
      yLabel: 'µs',
      series: [
        { label: 'clone "a"', points: [{ x: 1000, y: 20 }, { x: 100_000, y: 900 }] },
        { label: 'transfer', points: [{ x: 100_000, y: 21 }, { x: 1000, y: 20 }] },
      ],
      references: [{ label: '1 ms', y: 1000 }],
    });
    const root = parseSvg(svg);
    expect(elements(root, 'polyline')).toHaveLength(2);
    expect(elements(root, 'circle').filter((c) => c.class === 'point')).toHaveLength(4);
    const texts = elements(root, 'text').map((t) => (typeof t === 'object' ? String(t['#text']) : String(t)));
    // x: 10^3 to 10^5; y: 10^1 to 10^3 (the reference line reaches 1000).
    expect(texts).toEqual(expect.arrayContaining(['1000', '10000', '100000', '10', '100']));
    expect(svg).toContain('round trips &lt;&amp;&gt;');
    // Drawn sorted by x whatever the order given: the transfer line goes left to right.
    const transfer = String(elements(root, 'polyline')[1]!.points).split(' ').map((p) => Number(p.split(',')[0]));
    expect(transfer[0]).toBeLessThan(transfer[1]!);
  });

  it('leaves out points it cannot place on a log axis, and still draws the frame when nothing is left', () => {
    const svg = svgLineChart({ title: 't', xLabel: 'x', yLabel: 'y', series: [{ label: 'zero', points: [{ x: 0, y: 5 }, { x: 10, y: Number.NaN }] }] });
    const root = parseSvg(svg);
    expect(elements(root, 'polyline')).toHaveLength(0);
    expect(elements(root, 'circle').filter((c) => c.class === 'point')).toHaveLength(0);
  });
});

describe('axis labels of a log axis', () => {
  // A 64 MB plain object's round trip passes 10^6 µs, and a process costs 10^8 bytes: labels past a million once threw (toFixed with a negative digit count).
  it('label every power of ten from 1e-4 to 1e9 without throwing', () => {
    expect([-4, -3, -1, 0, 2, 3, 5, 6, 8, 9].map(formatPower)).toEqual(['1e-4', '0.001', '0.1', '1', '100', '1k', '100k', '1M', '100M', '1e9']);
  });

  it('draw a chart whose values span 1 to 10^8', () => {
    const svg = svgLineChart({ title: 't', xLabel: 'bytes', yLabel: 'µs', series: [{ label: 'a', points: [{ x: 1, y: 1 }, { x: 1e8, y: 1e8 }] }] });
    expect(svg).toContain('>100M<');
  });
});
