import { asciiTimeline } from '../draw/index.ts';
import type { ExperimentResult } from './experiment-result.ts';

/** A terminal timeline of each drawn run of the result, titled, `width` columns wide. */
export function renderTimelines(result: ExperimentResult, width: number): string {
  return (result.runs ?? [])
    .map(({ name, run }) => `timeline: ${name} (${run.wallMs.toFixed(1)} ms, ${run.lanes.length} lane${run.lanes.length === 1 ? '' : 's'})\n${asciiTimeline(run, { width })}\n`)
    .join('');
}
