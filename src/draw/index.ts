export { asciiTimeline, idleGlyph, overflowGlyph, taskGlyphs, waitingGlyph, type AsciiTimelineOptions } from './ascii-timeline.ts';
export { chromeTrace, type ChromeTrace, type ChromeTraceEvent, type NamedRun } from './chrome-trace.ts';
export { taskColour, taskPalette } from './palette.ts';
export { svgLineChart, type LineChartOptions, type LineSeries } from './svg-line-chart.ts';
export { svgSpeedupChart, type SpeedupChartOptions } from './svg-speedup-chart.ts';
export { svgTimeline } from './svg-timeline.ts';
export type { SvgTimelineOptions } from './svg-timeline-options.ts';
export { waitIntervals, waitingEnds, type WaitInterval, type WaitKind } from './waits.ts';
