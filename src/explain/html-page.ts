import { createHash } from 'node:crypto';
import { taskColour } from '../draw/palette.ts';
import { escapeXml } from '../draw/xml.ts';
import { endingWords, parkedWords } from './explain-text.ts';
import type { ExplainedRun } from './explained-run.ts';
import { pageScript } from './page-script.ts';
import { pageStyle } from './page-style.ts';
import { printedLabels, type ExplainedStep } from './replay.ts';
import { linesOfStep, taskSources } from './task-source.ts';

/** What the page knows of one column: everything it shows, computed here, so the page only displays. */
interface PageColumn {
  readonly title: string;
  readonly policy: string;
  readonly tasks: readonly string[];
  readonly colours: readonly string[];
  readonly wallMs: number;
  readonly sources: readonly { task: string; lines: readonly string[] }[];
  readonly printed: readonly string[];
  readonly steps: readonly object[];
}

function pageColumn(run: ExplainedRun, steps: readonly ExplainedStep[]): PageColumn {
  const sources = taskSources(run.workload);
  return {
    title: run.title,
    policy: run.policy,
    tasks: run.tasks,
    colours: run.tasks.map((_, i) => taskColour(i)),
    wallMs: run.wallMs,
    sources: sources.map((s) => ({ task: s.task, lines: s.lines })),
    printed: printedLabels(steps),
    steps: steps.map((s) => ({
      index: s.index,
      at: s.at,
      endAt: s.endAt,
      task: s.task,
      printed: s.printed ?? null,
      ready: s.ready,
      parked: s.parked.map((p) => ({ task: p.task, note: parkedWords(p) })),
      happened: s.happened,
      why: s.why,
      then: endingWords(s.ending, run.policy),
      lines: linesOfStep(sources, s),
    })),
  };
}

/** JSON that may sit inside a `<script type="application/json">`: no `<`, `>`, `&` or line separators as such. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * One self-contained offline page that replays the recorded runs step by step: the tasks' code with
 * the running line, the ready queue as boxes, the parked tasks, the printout and a growing timeline;
 * step, back, play and reset buttons, a switch between the runs, arrow keys. Its only script is the
 * lab's own (allowed by hash in its Content-Security-Policy, which also forbids every network load);
 * the recorded names reach it as JSON data and are shown as text.
 */
export function explainPage(name: string, runs: readonly ExplainedRun[], steps: readonly (readonly ExplainedStep[])[]): string {
  const data = { name, columns: runs.map((run, i) => pageColumn(run, steps[i] ?? [])) };
  const scriptHash = createHash('sha256').update(pageScript).digest('base64');
  const policies = runs
    .map((run, i) => `<label><input type="radio" name="policy" id="policy-${i}"${i === 0 ? ' checked' : ''}> ${escapeXml(run.title)}</label>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(name)}: the scheduler step by step</title>
<style>${pageStyle}</style>
</head>
<body>
<h1>${escapeXml(name)}: the scheduler step by step</h1>
<p class="lead">A replay of recorded runs of the lab's scheduler: each policy ran the same tasks once, and every step below is one of its recorded decisions. Times are ms from the start of that run.</p>
<div class="controls">
<button id="back" type="button">Back</button>
<button id="step" type="button">Step</button>
<button id="play" type="button">Play</button>
<button id="reset" type="button">Reset</button>
<span id="counter"></span>
<fieldset><legend>policy</legend>
${policies}
</fieldset>
<span class="keys">keys: right arrow step, left arrow back, up/down arrow policy, p play, Home reset</span>
</div>
<h2>the tasks, in the lab's TypeScript (the lines of the running step are marked)</h2>
<div id="code"></div>
<div class="layout">
<section>
<h2>ready queue (head first)</h2>
<div class="row" id="ready"></div>
<h2>running</h2>
<div class="row" id="running"></div>
<p id="why"></p>
<p id="then"></p>
<ul id="happened"></ul>
<h2>parked</h2>
<div class="row" id="parked"></div>
</section>
<section>
<h2>printed so far</h2>
<ol id="printed"></ol>
<h2>timeline (one lane per task, then one cell per step)</h2>
<div id="timeline"></div>
</section>
</div>
<script type="application/json" id="lab-data">${scriptSafeJson(data)}</script>
<script>${pageScript}</script>
</body>
</html>
`;
}
