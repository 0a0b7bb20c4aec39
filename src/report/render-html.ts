import type { ResultTable } from './experiment-result.ts';
import { machineLine } from './machine-line.ts';
import type { SavedResult } from './saved-result.ts';
import { allowListedSvg } from './svg-allow-list.ts';

/** A saved result with the text of its pictures, ready to be put on the page. */
export interface ReportEntry {
  readonly result: SavedResult;
  readonly file: string;
  readonly pictures: readonly { readonly title: string; readonly svg: string }[];
  /** A page beside the report that replays this experiment's scheduler step by step (a plain file name). */
  readonly stepsPage?: string;
}

/**
 * One static page with every table, note and picture of the given results. Everything is
 * inline (styles, SVG): it reads the same offline, from a file, years later.
 */
export function renderHtml(entries: readonly ReportEntry[], generatedAt: Date): string {
  const sections = entries.map(section).join('\n');
  const toc = entries.map((e) => `<li><a href="#${anchor(e.result.experiment)}">${escape(e.result.experiment)}</a>: ${escape(e.result.question)}</li>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Concurrency vs parallelism lab: results</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>Concurrency vs parallelism lab: results</h1>
<p>The latest run of each experiment (${entries.length} in all), gathered ${escape(generatedAt.toISOString())}.</p>
<ol class="toc">
${toc}
</ol>
</header>
<main>
${sections}
</main>
</body>
</html>
`;
}

function section(entry: ReportEntry): string {
  const r = entry.result;
  const settings = Object.entries(r.settings).map(([k, v]) => `${k} ${v}`).join(', ');
  return `<section id="${anchor(r.experiment)}">
<h2>${escape(r.experiment)}</h2>
<p class="question">${escape(r.question)}</p>
${entry.stepsPage === undefined ? '' : `<p class="steps"><a href="${escape(entry.stepsPage)}">Step through the scheduler's decisions in this experiment</a> (an interactive page: the ready queue, parked tasks and the running line, policy by policy)</p>\n`}${r.tables.map(table).join('\n')}
<ul class="notes">
${r.notes.map((n) => `<li>${escape(n)}</li>`).join('\n')}
</ul>
<p class="context">${escape(machineLine(r.machine, r.foreignCpuCores))}<br>settings: ${escape(settings)}<br>saved ${escape(r.savedAt)} as <code>${escape(entry.file)}</code></p>
${entry.pictures.map(figure).join('\n')}
</section>`;
}

/** A picture read from a file: only the SVG elements and attributes the lab draws reach the page. */
function figure(picture: { readonly title: string; readonly svg: string }): string {
  const svg = allowListedSvg(picture.svg);
  const body = svg ?? `<p class="warning">picture omitted: its file is not a well-formed SVG document</p>`;
  return `<figure aria-label="${escape(picture.title)}">\n${body}\n</figure>`;
}

function table(t: ResultTable): string {
  const align = (i: number): string => ((t.align?.[i] ?? (i === 0 ? 'left' : 'right')) === 'left' ? 'l' : 'r');
  const head = t.head.map((h, i) => `<th class="${align(i)}">${escape(h)}</th>`).join('');
  const rows = t.rows.map((row) => `<tr>${row.map((c, i) => `<td class="${align(i)}">${escape(c)}</td>`).join('')}</tr>`).join('\n');
  const warnings = (t.warnings ?? []).map((w) => `<p class="warning">${escape(w)}</p>`).join('\n');
  return `<table>\n<caption>${escape(t.title)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>\n${warnings}`;
}

function anchor(name: string): string {
  return `experiment-${name.replace(/[^a-zA-Z0-9-]/g, '-')}`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const STYLE = `
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2330; margin: 0 auto; max-width: 1100px; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #d7dce5; padding-bottom: .2rem; margin-top: 2.5rem; }
.question { font-style: italic; color: #3b4456; }
table { border-collapse: collapse; margin: 1rem 0 .3rem; font-variant-numeric: tabular-nums; font-size: 14px; }
caption { text-align: left; font-weight: 600; padding-bottom: .3rem; }
th, td { border: 1px solid #d7dce5; padding: .25rem .55rem; }
th { background: #f1f3f7; }
td.r, th.r { text-align: right; } td.l, th.l { text-align: left; }
.warning { color: #8a4b00; background: #fff4e0; padding: .3rem .6rem; border-left: 3px solid #e59400; }
.notes li { margin: .25rem 0; }
.context { font-size: 12px; color: #5b6475; }
figure { margin: 1.2rem 0; overflow-x: auto; }
svg { max-width: 100%; height: auto; }
code { font-size: 12px; }
`;
