import { inkColours } from './palette.ts';
import { svgText } from './svg-document.ts';
import { coord } from './xml.ts';

/** Where the plot area of a chart starts, px from the top: room for the title and subtitle above it. */
export const plotTop = 72;
/** Room right of the plot area, px. */
const rightMargin = 28;
/** A chart's width when its options give none, px. */
const defaultWidth = 640;

/** The plot area of a chart (the line and speedup charts share it, so they line up side by side). */
export interface PlotFrame {
  readonly width: number;
  readonly left: number;
  readonly plotRight: number;
  readonly plotBottom: number;
}

/** The frame of a chart `width` wide (default 640) whose plot area starts at `left` and is `plotHeight` high. */
export function plotFrame(width: number | undefined, left: number, plotHeight: number): PlotFrame {
  const chartWidth = width ?? defaultWidth;
  return { width: chartWidth, left, plotRight: chartWidth - rightMargin, plotBottom: plotTop + plotHeight };
}

/** The x and y axis lines and their labels; the y label's centre sits `yLabelX` px from the left edge. */
export function axisLines(frame: PlotFrame, xLabel: string, yLabel: string, yLabelX: number): string[] {
  const { left, plotRight, plotBottom } = frame;
  return [
    `<line x1="${left}" y1="${plotBottom}" x2="${coord(plotRight)}" y2="${plotBottom}" stroke="${inkColours.axis}" stroke-width="1"/>`,
    `<line x1="${left}" y1="${plotTop}" x2="${left}" y2="${plotBottom}" stroke="${inkColours.axis}" stroke-width="1"/>`,
    svgText((left + plotRight) / 2, plotBottom + 36, xLabel, { size: 12, anchor: 'middle', fill: inkColours.axis }),
    svgText(yLabelX, (plotTop + plotBottom) / 2, yLabel, { size: 12, anchor: 'middle', fill: inkColours.axis, rotate: -90 }),
  ];
}
