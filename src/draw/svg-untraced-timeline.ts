import type { RunResult } from '../runtime/run-result.ts';
import { inkColours } from './palette.ts';
import { fitText, svgDocument, svgText } from './svg-document.ts';
import type { SvgTimelineOptions } from './svg-timeline-options.ts';
import { UNTRACED, untracedText } from './untraced.ts';
import { formatTooltipMs } from './xml.ts';

/**
 * The picture of a run that recorded no steps: its title, what it was (mode, workload, threads, wall
 * time) and the word "untraced", with no lanes and no bars: when its tasks ran is not known.
 */
export function svgUntracedTimeline(run: RunResult, options: SvgTimelineOptions, width: number): string {
  const body: string[] = [];
  let y = 26;
  body.push(svgText(16, y, options.title, { size: 17, weight: 'bold', className: 'title' }));
  if (options.subtitle !== undefined && options.subtitle !== '') body.push(svgText(16, (y += 19), options.subtitle, { size: 12, fill: inkColours.muted, className: 'subtitle' }));
  const threads = `${run.threads} thread${run.threads === 1 ? '' : 's'}`;
  body.push(svgText(16, (y += 17), `${run.mode} run of ${run.workload}: ${threads}, ${UNTRACED} (no steps recorded), ${formatTooltipMs(run.wallMs)} wall time`, { size: 11, fill: inkColours.muted, className: 'run-facts' }));
  body.push(svgText(16, (y += 30), fitText(untracedText(run), width - 32, 13), { size: 13, className: UNTRACED }));
  return svgDocument(width, y + 20, `${options.title}: ${run.mode} run, ${UNTRACED}`, body);
}
