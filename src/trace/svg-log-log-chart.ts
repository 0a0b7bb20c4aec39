import { inkColours, taskColour } from './palette.ts';
import { svgDocument, svgText } from './svg-document.ts';
import { svgLegend, type LegendEntry } from './svg-legend.ts';
import { coord, escapeXml } from './xml.ts';

/** One line of a log-log chart: measured points, and optionally an extrapolated stretch drawn dashed. */
export interface LogLogSeries {
  readonly name: string;
  /** Measured (x, y), both positive; drawn solid with dots. */
  readonly points: readonly { readonly x: number; readonly y: number }[];
  /** Extrapolated (x, y) beyond the measured points; drawn dashed, and the legend says so. */
  readonly extrapolated?: readonly { readonly x: number; readonly y: number }[];
}

/** What a log-log chart shows; everything it draws comes from these options. */
export interface LogLogChartOptions {
  readonly title: string;
  readonly subtitle?: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly LogLogSeries[];
  /** Width in px; default 640. */
  readonly width?: number;
}

const plotTop = 72;
const plotHeight = 300;
const left = 72;
const rightMargin = 28;

/**
 * Lines on logarithmic axes, both ways: for quantities that span decades (tasks from 10 to a million,
 * bytes from hundreds to megabytes). Gridlines at every power of ten. Returns a standalone SVG document.
 */
export function svgLogLogChart(options: LogLogChartOptions): string {
  const width = options.width ?? 640;
  const all = options.series.flatMap((s) => [...s.points, ...(s.extrapolated ?? [])]).filter((p) => p.x > 0 && p.y > 0 && Number.isFinite(p.x) && Number.isFinite(p.y));
  const decades = (values: number[]): [number, number] => {
    const low = Math.floor(Math.log10(Math.min(...values)));
    const high = Math.ceil(Math.log10(Math.max(...values)));
    return [low, Math.max(high, low + 1)];
  };
  const [x0, x1] = all.length === 0 ? [0, 1] : decades(all.map((p) => p.x));
  const [y0, y1] = all.length === 0 ? [0, 1] : decades(all.map((p) => p.y));
  const plotRight = width - rightMargin;
  const plotBottom = plotTop + plotHeight;
  const x = (v: number): number => left + ((Math.log10(v) - x0) / (x1 - x0)) * (plotRight - left);
  const y = (v: number): number => plotBottom - ((Math.log10(v) - y0) / (y1 - y0)) * plotHeight;

  const body: string[] = [svgText(16, 26, options.title, { size: 17, weight: 'bold', className: 'title' })];
  if (options.subtitle !== undefined && options.subtitle !== '') body.push(svgText(16, 45, options.subtitle, { size: 12, fill: inkColours.muted, className: 'subtitle' }));
  body.push('<g class="axes">');
  for (let d = x0; d <= x1; d++) {
    body.push(`<line class="grid" x1="${coord(x(10 ** d))}" y1="${plotTop}" x2="${coord(x(10 ** d))}" y2="${plotBottom}" stroke="${inkColours.grid}" stroke-width="1"/>`);
    body.push(svgText(x(10 ** d), plotBottom + 18, powerLabel(d), { size: 11, anchor: 'middle', fill: inkColours.axis }));
  }
  for (let d = y0; d <= y1; d++) {
    body.push(`<line class="grid" x1="${left}" y1="${coord(y(10 ** d))}" x2="${coord(plotRight)}" y2="${coord(y(10 ** d))}" stroke="${inkColours.grid}" stroke-width="1"/>`);
    body.push(svgText(left - 8, y(10 ** d) + 4, powerLabel(d), { size: 11, anchor: 'end', fill: inkColours.axis }));
  }
  body.push(
    `<line x1="${left}" y1="${plotBottom}" x2="${coord(plotRight)}" y2="${plotBottom}" stroke="${inkColours.axis}" stroke-width="1"/>`,
    `<line x1="${left}" y1="${plotTop}" x2="${left}" y2="${plotBottom}" stroke="${inkColours.axis}" stroke-width="1"/>`,
    svgText((left + plotRight) / 2, plotBottom + 36, options.xLabel, { size: 12, anchor: 'middle', fill: inkColours.axis }),
    svgText(20, (plotTop + plotBottom) / 2, options.yLabel, { size: 12, anchor: 'middle', fill: inkColours.axis, rotate: -90 }),
    '</g>',
  );

  const entries: LegendEntry[] = [];
  options.series.forEach((series, i) => {
    const colour = taskColour(i);
    const points = series.points.filter((p) => p.x > 0 && p.y > 0);
    const extrapolated = (series.extrapolated ?? []).filter((p) => p.x > 0 && p.y > 0);
    const line = (ps: readonly { x: number; y: number }[]): string => ps.map((p) => `${coord(x(p.x))},${coord(y(p.y))}`).join(' ');
    if (points.length > 1) body.push(`<polyline class="series" points="${line(points)}" fill="none" stroke="${colour}" stroke-width="2.5"/>`);
    if (extrapolated.length > 0) {
      const from = points.length > 0 ? [points[points.length - 1]!] : [];
      body.push(`<polyline class="extrapolated" points="${line([...from, ...extrapolated])}" fill="none" stroke="${colour}" stroke-width="2" stroke-dasharray="6 4"/>`);
    }
    for (const p of points) {
      body.push(`<circle class="point" cx="${coord(x(p.x))}" cy="${coord(y(p.y))}" r="4" fill="${colour}" stroke="#ffffff" stroke-width="1"><title>${escapeXml(`${series.name}: ${p.x} -> ${p.y.toPrecision(3)}`)}</title></circle>`);
    }
    entries.push({ key: { kind: 'dot-line', colour }, label: series.name });
    if (extrapolated.length > 0) entries.push({ key: { kind: 'line', colour, dash: '6 4' }, label: `${series.name}: extrapolated, not measured` });
  });
  const legend = svgLegend(entries, left, plotBottom + 52, width - left - 16);
  body.push(...legend.elements);
  return svgDocument(width, plotBottom + 52 + legend.height + 12, `${options.title}: log-log chart`, body);
}

/** 10^d as plain text for the axis: 0.01, 0.1, 1, 10, ..., 100k, 1M, 10M. */
function powerLabel(d: number): string {
  if (d < 0) return (10 ** d).toFixed(-d);
  if (d < 3) return String(10 ** d);
  if (d < 6) return `${10 ** (d - 3)}k`;
  if (d < 9) return `${10 ** (d - 6)}M`;
  return `1e${d}`;
}
