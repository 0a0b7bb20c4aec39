import type { RunResult } from '../runtime/run-result.ts';
import { laneDensity, type LaneDensity } from './lane-density.ts';
import { inkColours, taskColour } from './palette.ts';
import { fitText, svgDocument, svgText, textWidth } from './svg-document.ts';
import { svgLegend, type LegendEntry } from './svg-legend.ts';
import { GC_COLOUR, laneBackground, runLine, timeAxis, timeGrid } from './svg-timeline-parts.ts';
import type { SvgTimelineOptions } from './svg-timeline-options.ts';
import { niceCeiling } from './ticks.ts';
import { coord, escapeXml, formatTooltipMs } from './xml.ts';

/** Above this many steps, or this many tasks, a timeline draws densities instead of a bar per step. */
export const DETAIL_LIMITS = { steps: 1500, tasks: 400 } as const;

/** Columns drawn in all lanes together: with three marks at most per column, the picture stays well under 1 MB. */
const COLUMN_BUDGET = 2400;
const busyHeight = 28;
const waitingHeight = 36;
const laneGap = 16;
const rightMargin = 28;
const BUSY_COLOUR = taskColour(0);

/** True when a run has too many steps or tasks to draw one mark per step in a picture of sensible size. */
export function needsAggregate(steps: number, tasks: number): boolean {
  return steps > DETAIL_LIMITS.steps || tasks > DETAIL_LIMITS.tasks;
}

/**
 * The run as densities, for traces too big to draw step by step: per lane, a row of columns whose
 * height is the share of that column's time the thread spent in steps, and under it a row whose
 * height is the mean number of tasks parked there (scaled to the lane's peak). GC time marks the
 * top of the busy row. The legend says that the picture is aggregated and how.
 */
export function svgDensityTimeline(run: RunResult, options: SvgTimelineOptions, lanes: readonly string[], taskCount: number, span: number): string {
  const width = options.width ?? 960;
  const gutter = Math.min(Math.round(width * 0.3), Math.ceil(Math.max(40, ...lanes.map((l) => textWidth(l, 13)), textWidth('tasks waiting', 9)) + 28));
  const plotRight = width - rightMargin;
  const columns = Math.max(8, Math.min(Math.floor((plotRight - gutter) / 2), Math.floor(COLUMN_BUDGET / Math.max(1, lanes.length))));
  const density = laneDensity(run.trace, run.gc ?? [], lanes.length, span, columns);
  const waits = density.reduce((sum, lane) => sum + lane.waits, 0);
  const axisMax = niceCeiling(span, 10);
  const x = (ms: number): number => gutter + (Math.max(0, ms) / axisMax) * (plotRight - gutter);
  const columnMs = span / columns;

  const body: string[] = [];
  let y = 26;
  body.push(svgText(16, y, options.title, { size: 17, weight: 'bold', className: 'title' }));
  if (options.subtitle !== undefined && options.subtitle !== '') body.push(svgText(16, (y += 19), options.subtitle, { size: 12, fill: inkColours.muted, className: 'subtitle' }));
  body.push(svgText(16, (y += 17), runLine(run, waits, taskCount), { size: 11, fill: inkColours.muted, className: 'run-facts' }));
  const top = y + 18;
  const laneHeight = busyHeight + 4 + waitingHeight;
  const plotBottom = top + lanes.length * (laneHeight + laneGap) - laneGap;
  body.push(...timeGrid(axisMax, x, y + 12, plotBottom + 6));
  lanes.forEach((name, l) => {
    const laneTop = top + l * (laneHeight + laneGap);
    addDensityLane(body, name, density[l]!, { x, gutter, plotRight, laneTop, columnMs });
  });
  body.push(...timeAxis(axisMax, x, plotBottom + 6, (gutter + plotRight) / 2));

  const every = `${formatTooltipMs(columnMs)} column`;
  const entries: LegendEntry[] = [
    { key: { kind: 'solid', colour: BUSY_COLOUR }, label: `aggregated (over ${DETAIL_LIMITS.steps} steps or ${DETAIL_LIMITS.tasks} tasks): share of each ${every} the thread ran steps` },
    { key: { kind: 'outlined', colour: inkColours.muted }, label: `tasks parked on the thread, mean per ${every}, scaled to the lane's peak` },
  ];
  if ((run.gc ?? []).length > 0) entries.push({ key: { kind: 'solid', colour: GC_COLOUR }, label: 'garbage collection in the column (band over the lane)' });
  const legend = svgLegend(entries, 16, plotBottom + 52, width - 32);
  body.push(...legend.elements);
  return svgDocument(width, plotBottom + 52 + legend.height + 12, `${options.title}: aggregated timeline of ${run.mode} run`, body);
}

interface DensityContext {
  readonly x: (ms: number) => number;
  readonly gutter: number;
  readonly plotRight: number;
  readonly laneTop: number;
  readonly columnMs: number;
}

function addDensityLane(out: string[], name: string, lane: LaneDensity, context: DensityContext): void {
  const { x, gutter, plotRight, laneTop, columnMs } = context;
  const waitingTop = laneTop + busyHeight + 4;
  let peak = 0;
  for (const w of lane.waiting) peak = Math.max(peak, w);
  out.push(`<g class="lane density" data-lane="${escapeXml(name)}">`);
  out.push(laneBackground(laneTop, busyHeight, gutter, plotRight));
  out.push(svgText(gutter - 10, laneTop + busyHeight / 2 + 5, fitText(name, gutter - 14, 13), { size: 13, weight: 'bold', anchor: 'end', className: 'lane-name' }));
  out.push(svgText(gutter - 10, waitingTop + waitingHeight / 2 + 4, `tasks waiting`, { size: 9, anchor: 'end', fill: inkColours.muted, className: 'wait-row-name' }));
  out.push(svgText(gutter - 10, waitingTop + waitingHeight / 2 + 15, `(peak ${peak.toFixed(peak < 10 ? 1 : 0)})`, { size: 9, anchor: 'end', fill: inkColours.muted, className: 'wait-row-name' }));
  out.push(`<line class="wait-row" x1="${coord(gutter)}" y1="${coord(waitingTop + waitingHeight)}" x2="${coord(plotRight)}" y2="${coord(waitingTop + waitingHeight)}" stroke="${inkColours.grid}" stroke-width="1"/>`);
  for (let c = 0; c < lane.busy.length; c++) {
    const left = x(c * columnMs);
    const w = Math.max(0.5, x((c + 1) * columnMs) - left);
    const at = `${formatTooltipMs(c * columnMs)} to ${formatTooltipMs((c + 1) * columnMs)}`;
    const busy = lane.busy[c]!;
    if (busy > 0) {
      const h = Math.max(1, busy * busyHeight);
      out.push(`<rect class="busy" x="${coord(left)}" y="${coord(laneTop + busyHeight - h)}" width="${coord(w)}" height="${coord(h)}" fill="${BUSY_COLOUR}"><title>${at}: running steps ${(busy * 100).toFixed(0)}% of the time</title></rect>`);
    }
    const waiting = lane.waiting[c]!;
    if (waiting > 0 && peak > 0) {
      const h = Math.max(1, (waiting / peak) * waitingHeight);
      out.push(`<rect class="waiting" x="${coord(left)}" y="${coord(waitingTop + waitingHeight - h)}" width="${coord(w)}" height="${coord(h)}" fill="${inkColours.muted}" fill-opacity="0.35"><title>${at}: ${waiting.toFixed(waiting < 10 ? 1 : 0)} tasks parked on average</title></rect>`);
    }
    const gc = lane.gcMs[c]!;
    if (gc > 0) out.push(`<rect class="gc" x="${coord(left)}" y="${coord(laneTop)}" width="${coord(w)}" height="4" fill="${GC_COLOUR}"><title>${at}: garbage collection ${gc.toFixed(3)} ms</title></rect>`);
  }
  out.push('</g>');
}
