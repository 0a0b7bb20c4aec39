import type { RunResult } from '../runtime/run-result.ts';
import { inkColours } from './palette.ts';
import { svgText } from './svg-document.ts';
import { axisTicks, formatTick } from './ticks.ts';
import { coord, formatTooltipMs } from './xml.ts';

/** The pieces both timelines share, the one with a bar per step and the aggregated one. */

/** Garbage-collection marks: near-black red, apart from every task colour. */
export const GC_COLOUR = '#5a0010';

/** The line under the title: mode, workload, threads, steps ("of N tasks" when `taskCount` is given), waits, wall time. */
export function runLine(run: RunResult, waitCount: number, taskCount?: number): string {
  const threads = `${run.threads} thread${run.threads === 1 ? '' : 's'}${run.pool === undefined ? '' : run.pool.warm ? ' (warm)' : ' (cold)'}`;
  const steps = `${run.trace.length} steps${taskCount === undefined ? '' : ` of ${taskCount} tasks`}`;
  return `${run.mode} run of ${run.workload}: ${threads}, ${steps}, ${waitCount} waits, ${formatTooltipMs(run.wallMs)} wall time`;
}

/** The light band behind a lane's steps, `height` tall from `top`: where it is visible, the thread was idle. */
export function laneBackground(top: number, height: number, gutter: number, plotRight: number): string {
  return `<rect class="lane-background" x="${coord(gutter)}" y="${coord(top)}" width="${coord(plotRight - gutter)}" height="${height}" fill="${inkColours.laneBackground}"/>`;
}

/** Vertical gridlines at the time axis's ticks. */
export function timeGrid(axisMax: number, x: (ms: number) => number, top: number, bottom: number): string[] {
  return axisTicks(axisMax, 10).values.map(
    (v) => `<line class="grid" x1="${coord(x(v))}" y1="${coord(top)}" x2="${coord(x(v))}" y2="${coord(bottom)}" stroke="${inkColours.grid}" stroke-width="1"/>`,
  );
}

/** The time axis under the lanes, with its ticks and label. */
export function timeAxis(axisMax: number, x: (ms: number) => number, y: number, middle: number): string[] {
  const ticks = axisTicks(axisMax, 10);
  const out = [`<g class="axis">`, `<line x1="${coord(x(0))}" y1="${coord(y)}" x2="${coord(x(axisMax))}" y2="${coord(y)}" stroke="${inkColours.axis}" stroke-width="1"/>`];
  for (const v of ticks.values) {
    out.push(`<line x1="${coord(x(v))}" y1="${coord(y)}" x2="${coord(x(v))}" y2="${coord(y + 5)}" stroke="${inkColours.axis}" stroke-width="1"/>`);
    out.push(svgText(x(v), y + 18, formatTick(v, ticks.decimals), { size: 11, anchor: 'middle', fill: inkColours.axis }));
  }
  out.push(svgText(middle, y + 34, 'time since the run started (ms)', { size: 12, anchor: 'middle', fill: inkColours.axis }), '</g>');
  return out;
}
