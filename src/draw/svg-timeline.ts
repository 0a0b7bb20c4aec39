import type { GcMark } from '../runtime/gc-marks.ts';
import type { RunResult, StepEvent } from '../runtime/run-result.ts';
import { inkColours, taskColour } from './palette.ts';
import { fitText, svgDocument, svgText, textWidth } from './svg-document.ts';
import { svgLegend, type LegendEntry } from './svg-legend.ts';
import { layoutLanes, type LaneLayout } from './svg-timeline-layout.ts';
import { needsAggregate, svgDensityTimeline } from './svg-density-timeline.ts';
import { svgUntracedTimeline } from './svg-untraced-timeline.ts';
import { isUntraced } from './untraced.ts';
import type { SvgTimelineOptions } from './svg-timeline-options.ts';
import { GC_COLOUR, laneBackground, runLine, timeAxis, timeGrid } from './svg-timeline-parts.ts';
import { laneNamesOf, runSpanMs, taskNamesOf } from './task-order.ts';
import { niceCeiling } from './ticks.ts';
import { waitIntervals, type WaitInterval } from './waits.ts';
import { coord, escapeXml, formatTooltipMs } from './xml.ts';

/** Steps narrower than this are drawn this wide, so a short step stays visible; tooltips keep the true time. */
const minBarWidth = 1;
const rightMargin = 28;

/**
 * The run as a timeline: one lane per thread, one solid bar per traced step coloured by task,
 * and under each lane one thin outlined row per task that parked there, showing its waits.
 * Returns a standalone SVG document (no scripts, no ids, no external styles). A run that recorded
 * no steps is drawn with no lanes and no bars, labelled "untraced".
 */
export function svgTimeline(run: RunResult, options: SvgTimelineOptions): string {
  const width = options.width ?? 960;
  if (!Number.isFinite(width) || width < 320) throw new RangeError(`options.width must be a number of at least 320; got ${String(width)}`);
  if (isUntraced(run)) return svgUntracedTimeline(run, options, width);
  const tasks = taskNamesOf(run);
  const lanes = laneNamesOf(run);
  const span = runSpanMs(run);
  // A bar per step would pass 1 MB beyond these sizes: draw densities instead, and say so.
  if (needsAggregate(run.trace.length, tasks.length)) return svgDensityTimeline(run, options, lanes, tasks.length, span);
  const colourOf = new Map(tasks.map((name, i) => [name, taskColour(i)]));
  const waits = waitIntervals(run.trace, span);

  const body: string[] = [];
  let y = 26;
  body.push(svgText(16, y, options.title, { size: 17, weight: 'bold', className: 'title' }));
  if (options.subtitle !== undefined && options.subtitle !== '') body.push(svgText(16, (y += 19), options.subtitle, { size: 12, fill: inkColours.muted, className: 'subtitle' }));
  body.push(svgText(16, (y += 17), runLine(run, waits.length), { size: 11, fill: inkColours.muted, className: 'run-facts' }));

  const layout = layoutLanes(lanes, tasks, waits, y + 18);
  const gutter = gutterWidth(layout, width);
  const axisMax = niceCeiling(span, 10);
  const x = (ms: number): number => gutter + (Math.max(0, ms) / axisMax) * (width - gutter - rightMargin);
  const plotBottom = layout.length === 0 ? y + 18 : layout[layout.length - 1]!.bottom;

  // Backgrounds, then grid, then bars: the grid shows through idle time but never over a step.
  for (const lane of layout) body.push(laneBackground(lane.stepsTop, lane.stepsHeight, gutter, width - rightMargin));
  body.push(...timeGrid(axisMax, x, y + 12, plotBottom + 6));
  // Lanes append in place, not `push(...list)`: a long trace would overflow the call stack.
  for (const lane of layout) addLaneElements(body, lane, run.trace, waits, { x, colourOf, gutter, plotRight: width - rightMargin });
  const gc = run.gc ?? [];
  for (const lane of layout) addGcMarks(body, lane, gc, x);
  body.push(...timeAxis(axisMax, x, plotBottom + 6, (gutter + width - rightMargin) / 2));

  const legend = svgLegend(legendEntries(tasks, waits.length > 0, gc.length > 0), 16, plotBottom + 52, width - 32);
  body.push(...legend.elements);
  const height = plotBottom + 52 + legend.height + 12;
  return svgDocument(width, height, `${options.title}: timeline of ${run.mode} run`, body);
}

function gutterWidth(layout: readonly LaneLayout[], width: number): number {
  let widest = 40;
  for (const lane of layout) {
    widest = Math.max(widest, textWidth(lane.name, 13));
    if (lane.labelWaitRows) for (const row of lane.waitRows) widest = Math.max(widest, textWidth(row.task, 9));
    else if (lane.waitRows.length > 0) widest = Math.max(widest, textWidth(waitersLabel(lane.waitRows.length), 9));
  }
  return Math.min(Math.round(width * 0.3), Math.ceil(widest) + 28);
}

/** Stands in for the task names when the wait rows are too thin to carry them. */
const waitersLabel = (count: number): string => `waits of ${count} tasks`;

interface LaneContext {
  readonly x: (ms: number) => number;
  readonly colourOf: ReadonlyMap<string, string>;
  readonly gutter: number;
  readonly plotRight: number;
}

function addLaneElements(out: string[], lane: LaneLayout, trace: readonly StepEvent[], waits: readonly WaitInterval[], context: LaneContext): void {
  const { x, colourOf, gutter, plotRight } = context;
  const labelRoom = gutter - 14;
  out.push(`<g class="lane" data-lane="${escapeXml(lane.name)}">`);
  out.push(svgText(gutter - 10, lane.stepsTop + lane.stepsHeight / 2 + 5, fitText(lane.name, labelRoom, 13), { size: 13, weight: 'bold', anchor: 'end', className: 'lane-name' }));
  for (const e of trace) {
    if (e.lane !== lane.lane) continue;
    const left = x(e.start);
    const tip = `${e.task}, part ${e.part}\nstarted at ${formatTooltipMs(e.start)}, ran ${formatTooltipMs(e.end - e.start)}, then ${e.endedBy}`;
    out.push(
      `<rect class="step" data-task="${escapeXml(e.task)}" x="${coord(left)}" y="${coord(lane.stepsTop)}" width="${coord(Math.max(minBarWidth, x(e.end) - left))}" height="${lane.stepsHeight}" fill="${colourOf.get(e.task)!}"><title>${escapeXml(tip)}</title></rect>`,
    );
  }
  const rowOf = new Map(lane.waitRows.map((row) => [row.task, row.top]));
  for (const row of lane.waitRows) {
    out.push(`<line class="wait-row" x1="${coord(gutter)}" y1="${coord(row.top + lane.waitRowHeight / 2)}" x2="${coord(plotRight)}" y2="${coord(row.top + lane.waitRowHeight / 2)}" stroke="${inkColours.grid}" stroke-width="1"/>`);
    if (lane.labelWaitRows) out.push(svgText(gutter - 10, row.top + lane.waitRowHeight - 1.5, fitText(row.task, labelRoom, 9), { size: 9, anchor: 'end', fill: inkColours.muted, className: 'wait-row-name' }));
  }
  if (!lane.labelWaitRows && lane.waitRows.length > 0) {
    const middle = (lane.waitRows[0]!.top + lane.bottom) / 2;
    out.push(svgText(gutter - 10, middle + 4, waitersLabel(lane.waitRows.length), { size: 9, anchor: 'end', fill: inkColours.muted, className: 'wait-row-name' }));
  }
  for (const w of waits) {
    const top = rowOf.get(w.task);
    if (w.lane !== lane.lane || top === undefined) continue;
    const colour = colourOf.get(w.task)!;
    const left = x(w.start);
    const tip = `${w.task} waiting (${w.kind}) in part ${w.part}\nfrom ${formatTooltipMs(w.start)} for ${formatTooltipMs(w.end - w.start)}`;
    const strokeWidth = lane.waitRowHeight >= 4 ? 1 : 0;
    out.push(
      `<rect class="wait" data-task="${escapeXml(w.task)}" x="${coord(left)}" y="${coord(top)}" width="${coord(Math.max(minBarWidth, x(w.end) - left))}" height="${coord(lane.waitRowHeight)}" fill="${colour}" fill-opacity="0.3" stroke="${colour}" stroke-width="${strokeWidth}"><title>${escapeXml(tip)}</title></rect>`,
    );
  }
  out.push('</g>');
}

/** Garbage-collection pauses as their own mark: a dark band across the top of the lane, over the step it interrupted. */
function addGcMarks(out: string[], lane: LaneLayout, gc: readonly GcMark[], x: (ms: number) => number): void {
  for (const m of gc) {
    if (m.lane !== lane.lane) continue;
    const left = x(m.start);
    const tip = `garbage collection: ${(m.end - m.start).toFixed(3)} ms at ${m.start.toFixed(3)} ms`;
    out.push(
      `<rect class="gc" x="${coord(left)}" y="${coord(lane.stepsTop)}" width="${coord(Math.max(minBarWidth, x(m.end) - left))}" height="${coord(Math.max(3, lane.stepsHeight / 4))}" fill="${GC_COLOUR}"><title>${escapeXml(tip)}</title></rect>`,
    );
  }
}

function legendEntries(tasks: readonly string[], hasWaits: boolean, hasGc = false): LegendEntry[] {
  const entries: LegendEntry[] = tasks.map((name, i) => ({ key: { kind: 'solid', colour: taskColour(i) }, label: name }));
  if (hasWaits) entries.push({ key: { kind: 'outlined', colour: inkColours.muted }, label: 'waiting (sleep, wait, join): one thin row per task' });
  entries.push({ key: { kind: 'solid', colour: inkColours.laneBackground, outline: '#cccccc' }, label: 'thread idle' });
  if (hasGc) entries.push({ key: { kind: 'solid', colour: GC_COLOUR }, label: 'garbage collection (band over the lane)' });
  return entries;
}
