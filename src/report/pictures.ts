import { svgSpeedupChart, svgTimeline } from '../draw/index.ts';
import type { ExperimentResult } from './experiment-result.ts';

/** One picture of a result: its file name suffix and its SVG text. */
export interface Picture {
  readonly suffix: string;
  readonly title: string;
  readonly svg: string;
}

/** Every picture of a result: an SVG timeline per drawn run, and its speedup charts. */
export function picturesOf(result: ExperimentResult): Picture[] {
  const m = result.machine;
  const machine = `${m.cpuModel}, ${m.logicalCores} logical cores, ${m.os}, Node ${m.node}, ${m.date.slice(0, 10)}`;
  const timelines = (result.runs ?? []).map(({ name, run }, i) => {
    const title = `${result.experiment}: ${name} (${run.mode}, ${run.threads} thread${run.threads === 1 ? '' : 's'}, ${run.wallMs.toFixed(1)} ms)`;
    return { suffix: `timeline-${i + 1}-${slug(name)}.svg`, title, svg: svgTimeline(run, { title, subtitle: machine }) };
  });
  const charts = (result.speedupCharts ?? []).map((chart, i) => ({
    suffix: `speedup-${i + 1}.svg`,
    title: chart.title,
    svg: svgSpeedupChart({ subtitle: machine, ...chart }),
  }));
  return [...timelines, ...charts];
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'run';
}
