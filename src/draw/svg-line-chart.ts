import { inkColours, taskColour } from './palette.ts';
import { svgDocument, svgText } from './svg-document.ts';
import { svgLegend, type LegendEntry } from './svg-legend.ts';
import { axisLines, plotFrame, plotTop } from './svg-plot-frame.ts';
import { coord, escapeXml } from './xml.ts';

/** One measured line of a chart: points in any order, drawn sorted by x; optionally an extrapolated stretch, drawn dashed. */
export interface LineSeries {
  readonly label: string;
  readonly points: readonly { readonly x: number; readonly y: number }[];
  /** Figures beyond the measured points, not measured: drawn dashed from the last measured point, and the legend says so. */
  readonly extrapolated?: readonly { readonly x: number; readonly y: number }[];
}

/** A chart of measured lines on logarithmic axes (both positive), with optional horizontal reference lines. */
export interface LineChartOptions {
  readonly title: string;
  readonly subtitle?: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly LineSeries[];
  /** Labels the x ticks (powers of two or ten); default: the number. */
  readonly formatX?: (x: number) => string;
  /** Dashed horizontal lines, e.g. "1 ms of kernel work". */
  readonly references?: readonly { readonly label: string; readonly y: number }[];
  /** Width in px; default 640. */
  readonly width?: number;
}

const plotHeight = 320;
const left = 72;

/** Measured lines against log x and log y, in the lab's colours; returns a standalone SVG document. */
export function svgLineChart(options: LineChartOptions): string {
  const frame = plotFrame(options.width, left, plotHeight);
  const { width, plotRight, plotBottom } = frame;
  const all = options.series.flatMap((s) => [...s.points, ...(s.extrapolated ?? [])]).filter((p) => p.x > 0 && p.y > 0 && Number.isFinite(p.x) && Number.isFinite(p.y));
  const ys = [...all.map((p) => p.y), ...(options.references ?? []).map((r) => r.y)].filter((y) => y > 0 && Number.isFinite(y));
  const [xLo, xHi] = decades(all.map((p) => p.x));
  const [yLo, yHi] = decades(ys);
  const x = (v: number): number => left + ((Math.log10(v) - xLo) / (xHi - xLo)) * (plotRight - left);
  const y = (v: number): number => plotBottom - ((Math.log10(v) - yLo) / (yHi - yLo)) * plotHeight;
  const formatX = options.formatX ?? ((v: number) => String(v));

  const body: string[] = [svgText(16, 26, options.title, { size: 17, weight: 'bold', className: 'title' })];
  if (options.subtitle !== undefined && options.subtitle !== '') body.push(svgText(16, 45, options.subtitle, { size: 12, fill: inkColours.muted, className: 'subtitle' }));
  body.push('<g class="axes">');
  for (let e = xLo; e <= xHi; e++) {
    body.push(`<line class="grid" x1="${coord(x(10 ** e))}" y1="${plotTop}" x2="${coord(x(10 ** e))}" y2="${plotBottom}" stroke="${inkColours.grid}" stroke-width="1"/>`);
    body.push(svgText(x(10 ** e), plotBottom + 18, formatX(10 ** e), { size: 11, anchor: 'middle', fill: inkColours.axis }));
  }
  for (let e = yLo; e <= yHi; e++) {
    body.push(`<line class="grid" x1="${left}" y1="${coord(y(10 ** e))}" x2="${coord(plotRight)}" y2="${coord(y(10 ** e))}" stroke="${inkColours.grid}" stroke-width="1"/>`);
    body.push(svgText(left - 8, y(10 ** e) + 4, formatPower(e), { size: 11, anchor: 'end', fill: inkColours.axis }));
  }
  body.push(
    ...axisLines(frame, options.xLabel, options.yLabel, 20),
    '</g>',
  );
  const entries: LegendEntry[] = [];
  for (const reference of options.references ?? []) {
    if (!(reference.y > 0 && Number.isFinite(reference.y))) continue;
    body.push(`<line class="reference" x1="${left}" y1="${coord(y(reference.y))}" x2="${coord(plotRight)}" y2="${coord(y(reference.y))}" stroke="${inkColours.cores}" stroke-width="1.5" stroke-dasharray="6 4"/>`);
    entries.push({ key: { kind: 'line', colour: inkColours.cores, dash: '6 4' }, label: reference.label });
  }
  options.series.forEach((series, i) => {
    const colour = taskColour(i);
    const points = series.points.filter((p) => p.x > 0 && p.y > 0 && Number.isFinite(p.x) && Number.isFinite(p.y)).sort((a, b) => a.x - b.x);
    const extrapolated = (series.extrapolated ?? []).filter((p) => p.x > 0 && p.y > 0 && Number.isFinite(p.x) && Number.isFinite(p.y)).sort((a, b) => a.x - b.x);
    const line = (ps: readonly { x: number; y: number }[]): string => ps.map((p) => `${coord(x(p.x))},${coord(y(p.y))}`).join(' ');
    if (points.length > 0) body.push(`<polyline class="series" points="${line(points)}" fill="none" stroke="${colour}" stroke-width="2.5"/>`);
    if (extrapolated.length > 0) body.push(`<polyline class="extrapolated" points="${line([...points.slice(-1), ...extrapolated])}" fill="none" stroke="${colour}" stroke-width="2" stroke-dasharray="6 4"/>`);
    for (const p of points) {
      body.push(`<circle class="point" cx="${coord(x(p.x))}" cy="${coord(y(p.y))}" r="4" fill="${colour}" stroke="#ffffff" stroke-width="1"><title>${escapeXml(`${series.label}: ${formatX(p.x)}, ${p.y.toPrecision(3)}`)}</title></circle>`);
    }
    entries.push({ key: { kind: 'dot-line', colour }, label: series.label });
    if (extrapolated.length > 0) entries.push({ key: { kind: 'line', colour, dash: '6 4' }, label: `${series.label}: extrapolated, not measured` });
  });
  const legend = svgLegend(entries, left, plotBottom + 52, width - left - 16);
  body.push(...legend.elements);
  return svgDocument(width, plotBottom + 52 + legend.height + 12, `${options.title}: ${options.yLabel} against ${options.xLabel}`, body);
}

/** Whole decades around the values: the axis runs from the power of ten below the least to the one above the greatest. */
function decades(values: readonly number[]): [number, number] {
  if (values.length === 0) return [0, 1];
  const lo = Math.floor(Math.log10(Math.min(...values)));
  const hi = Math.ceil(Math.log10(Math.max(...values)));
  return [lo, Math.max(lo + 1, hi)];
}

/** 10^exponent as an axis label: 0.001 ... 1, 10, 100, then 1k ... 100k, 1M ... 100M, and 1e-4 or 1e9 beyond. */
export function formatPower(exponent: number): string {
  if (exponent < 0) return exponent >= -3 ? (10 ** exponent).toFixed(-exponent) : `1e${exponent}`;
  if (exponent < 3) return String(10 ** exponent);
  if (exponent < 6) return `${10 ** (exponent - 3)}k`;
  if (exponent < 9) return `${10 ** (exponent - 6)}M`;
  return `1e${exponent}`;
}
