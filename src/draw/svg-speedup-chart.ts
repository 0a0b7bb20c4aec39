import { amdahlSpeedup, type SpeedupPoint } from '../measure/amdahl.ts';
import { uslSpeedup } from '../measure/usl.ts';
import { inkColours } from './palette.ts';
import { svgDocument, svgText } from './svg-document.ts';
import { svgLegend, type LegendEntry } from './svg-legend.ts';
import { axisLines, plotFrame, plotTop, type PlotFrame } from './svg-plot-frame.ts';
import { axisTicks, formatTick, niceCeiling } from './ticks.ts';
import { coord, escapeXml } from './xml.ts';

/** What the speedup chart shows; everything it draws comes from these options. */
export interface SpeedupChartOptions {
  readonly title: string;
  readonly subtitle?: string;
  /** Measured speedups (e.g. sequential time / parallel time) by thread count, in any order. */
  readonly points: readonly SpeedupPoint[];
  /** Cores of the machine (`os.availableParallelism()`), marked by a vertical line. */
  readonly cores: number;
  /** Share of the work that cannot run in parallel, from 0 to 1 (e.g. `fitAmdahl(points).serialFraction`); draws Amdahl's curve when given. */
  readonly serialFraction?: number;
  /**
   * Contention σ and coherency κ of a fitted Universal Scalability Law (`fitUsl`); draws its curve when given.
   * `lambda` is the fitted one-thread throughput λ over the measured one, the points' baseline (default 1):
   * the curve is λ·S(N) in the points' units, so it starts at λ, not at 1.
   */
  readonly usl?: { readonly sigma: number; readonly kappa: number; readonly lambda?: number };
  /** Width in px; default 640. */
  readonly width?: number;
}

const plotHeight = 300;
const left = 64;

/**
 * Measured speedup (dots on a line) against the ideal (speedup = threads, dashed) and, if a
 * serial fraction is given, Amdahl's curve, with the machine's core count as a vertical line.
 * Returns a standalone SVG document.
 */
export function svgSpeedupChart(options: SpeedupChartOptions): string {
  validate(options);
  const frame = plotFrame(options.width, left, plotHeight);
  const { width, plotRight, plotBottom } = frame;
  const points = [...options.points].sort((a, b) => a.threads - b.threads);
  const maxThreads = Math.max(1, ...points.map((p) => p.threads));
  // One step of room past the cores, so the cores line never sits on the frame.
  const xMax = niceCeiling(maxThreads > options.cores ? maxThreads : options.cores + 1, 8);
  const yMax = niceCeiling(Math.max(xMax, ...points.map((p) => p.speedup)), 6);
  const x = (threads: number): number => left + (threads / xMax) * (plotRight - left);
  const y = (speedup: number): number => plotBottom - (speedup / yMax) * plotHeight;

  const body: string[] = [svgText(16, 26, options.title, { size: 17, weight: 'bold', className: 'title' })];
  if (options.subtitle !== undefined && options.subtitle !== '') body.push(svgText(16, 45, options.subtitle, { size: 12, fill: inkColours.muted, className: 'subtitle' }));
  body.push(...axes(xMax, yMax, x, y, frame));

  body.push(`<line class="ideal" x1="${coord(x(1))}" y1="${coord(y(1))}" x2="${coord(x(xMax))}" y2="${coord(y(xMax))}" stroke="${inkColours.ideal}" stroke-width="2" stroke-dasharray="6 4"/>`);
  const serial = options.serialFraction;
  if (serial !== undefined) {
    const samples = Array.from({ length: 121 }, (_, i) => 1 + ((xMax - 1) * i) / 120);
    const path = samples.map((n) => `${coord(x(n))},${coord(y(amdahlSpeedup(serial, n)))}`).join(' ');
    body.push(`<polyline class="amdahl" points="${path}" fill="none" stroke="${inkColours.amdahl}" stroke-width="2" stroke-dasharray="2 3"/>`);
  }
  const usl = options.usl;
  if (usl !== undefined) {
    const samples = Array.from({ length: 121 }, (_, i) => 1 + ((xMax - 1) * i) / 120);
    const lambda = usl.lambda ?? 1;
    const path = samples.map((n) => `${coord(x(n))},${coord(y(Math.min(yMax, lambda * uslSpeedup(usl.sigma, usl.kappa, n))))}`).join(' ');
    body.push(`<polyline class="usl" points="${path}" fill="none" stroke="${inkColours.usl}" stroke-width="2" stroke-dasharray="8 3 2 3"/>`);
  }
  body.push(
    `<line class="cores" x1="${coord(x(options.cores))}" y1="${plotTop}" x2="${coord(x(options.cores))}" y2="${plotBottom}" stroke="${inkColours.cores}" stroke-width="1.5"/>`,
    svgText(x(options.cores) + 5, plotTop + 14, `${options.cores} core${options.cores === 1 ? '' : 's'}`, { size: 12, fill: inkColours.cores, className: 'cores-label' }),
  );
  if (points.length > 0) {
    body.push(`<polyline class="measured" points="${points.map((p) => `${coord(x(p.threads))},${coord(y(p.speedup))}`).join(' ')}" fill="none" stroke="${inkColours.measured}" stroke-width="2.5"/>`);
  }
  for (const p of points) {
    const tip = `${p.threads} thread${p.threads === 1 ? '' : 's'}: ${p.speedup.toFixed(2)}x`;
    body.push(`<circle class="point" cx="${coord(x(p.threads))}" cy="${coord(y(p.speedup))}" r="5" fill="${inkColours.measured}" stroke="#ffffff" stroke-width="1.5"><title>${escapeXml(tip)}</title></circle>`);
    if (points.length <= 12) body.push(svgText(x(p.threads), y(p.speedup) - 10, `${p.speedup.toFixed(2)}x`, { size: 11, anchor: 'middle', fill: inkColours.measured, className: 'point-label' }));
  }

  const entries: LegendEntry[] = [
    { key: { kind: 'dot-line', colour: inkColours.measured }, label: 'measured' },
    { key: { kind: 'line', colour: inkColours.ideal, dash: '6 4' }, label: 'ideal (speedup = threads)' },
  ];
  if (serial !== undefined) entries.push({ key: { kind: 'line', colour: inkColours.amdahl, dash: '2 3' }, label: `Amdahl, ${formatShare(serial)} serial` });
  if (usl !== undefined) entries.push({ key: { kind: 'line', colour: inkColours.usl, dash: '8 3 2 3' }, label: `USL, σ = ${usl.sigma.toPrecision(2)}, κ = ${usl.kappa.toPrecision(2)}${usl.lambda === undefined ? '' : `, λ = ${usl.lambda.toFixed(2)}x the measured one thread`}` });
  entries.push({ key: { kind: 'line', colour: inkColours.cores }, label: 'cores of this machine' });
  const legend = svgLegend(entries, left, plotBottom + 52, width - left - 16);
  body.push(...legend.elements);
  return svgDocument(width, plotBottom + 52 + legend.height + 12, `${options.title}: speedup against threads`, body);
}

function axes(xMax: number, yMax: number, x: (n: number) => number, y: (s: number) => number, frame: PlotFrame): string[] {
  const { plotRight, plotBottom } = frame;
  const out = ['<g class="axes">'];
  const xTicks = axisTicks(xMax, 8, { integer: true });
  const yTicks = axisTicks(yMax, 6);
  for (const v of xTicks.values) {
    out.push(`<line class="grid" x1="${coord(x(v))}" y1="${plotTop}" x2="${coord(x(v))}" y2="${plotBottom}" stroke="${inkColours.grid}" stroke-width="1"/>`);
    out.push(svgText(x(v), plotBottom + 18, formatTick(v, xTicks.decimals), { size: 11, anchor: 'middle', fill: inkColours.axis }));
  }
  for (const v of yTicks.values) {
    out.push(`<line class="grid" x1="${left}" y1="${coord(y(v))}" x2="${coord(plotRight)}" y2="${coord(y(v))}" stroke="${inkColours.grid}" stroke-width="1"/>`);
    out.push(svgText(left - 8, y(v) + 4, formatTick(v, yTicks.decimals), { size: 11, anchor: 'end', fill: inkColours.axis }));
  }
  out.push(
    ...axisLines(frame, 'threads', 'speedup (x)', 22),
    '</g>',
  );
  return out;
}

function formatShare(fraction: number): string {
  const percent = fraction * 100;
  return `${Number.isInteger(percent) ? percent.toFixed(0) : percent < 10 ? percent.toFixed(1) : percent.toFixed(0)}%`;
}

function validate(options: SpeedupChartOptions): void {
  const { cores, serialFraction, points, width, usl } = options;
  if (usl !== undefined && !(usl.sigma >= 0 && usl.kappa >= 0 && Number.isFinite(usl.sigma) && Number.isFinite(usl.kappa))) {
    throw new RangeError(`options.usl must have finite sigma and kappa >= 0; got ${String(usl.sigma)}, ${String(usl.kappa)}`);
  }
  if (usl?.lambda !== undefined && !(usl.lambda > 0 && Number.isFinite(usl.lambda))) throw new RangeError(`options.usl.lambda must be a finite number > 0; got ${String(usl.lambda)}`);
  if (!Number.isInteger(cores) || cores < 1) throw new RangeError(`options.cores must be a positive integer; got ${String(cores)}`);
  if (serialFraction !== undefined && !(serialFraction >= 0 && serialFraction <= 1)) {
    throw new RangeError(`options.serialFraction must be a number from 0 to 1; got ${String(serialFraction)}`);
  }
  if (width !== undefined && !(width >= 320 && Number.isFinite(width))) throw new RangeError(`options.width must be a number of at least 320; got ${String(width)}`);
  points.forEach((p, i) => {
    if (!(p.threads > 0 && Number.isFinite(p.threads))) throw new RangeError(`options.points[${i}].threads must be a positive number; got ${String(p.threads)}`);
    if (!(p.speedup >= 0 && Number.isFinite(p.speedup))) throw new RangeError(`options.points[${i}].speedup must be a finite number >= 0; got ${String(p.speedup)}`);
  });
}
