import { describe, expect, it } from 'vitest';
import { svgLineChart } from '../src/draw/index.ts';
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
