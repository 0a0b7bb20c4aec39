import type { PolicyName } from '../scheduler/index.ts';
import { ms, printedLabels, type ExplainedStep, type StepEnding } from './replay.ts';
import type { ParkedTask } from './why-chosen.ts';

/** One column of the side-by-side explanation: a policy's run, replayed into steps. */
export interface ExplainColumn {
  readonly title: string;
  readonly policy: PolicyName;
  readonly steps: readonly ExplainedStep[];
}

/** The explanation in pieces, so a caller can pause between steps: a header, one block per step, a footer. */
export interface ExplainText {
  readonly header: string;
  readonly steps: readonly string[];
  readonly footer: string;
}

const GAP = ' | ';

/** What the step did at its end, in words; under fifo a task that yields stays the oldest. */
export function endingWords(ending: StepEnding, policy: PolicyName): string {
  switch (ending.kind) {
    case 'yield':
      return policy === 'fifo' ? 'yields: still the oldest unfinished task' : 'yields: back of the queue';
    case 'sleep':
      return `sleeps: parked until ${ms(ending.wakeAt)}`;
    case 'wait':
      return 'waits on a promise: parked';
    case 'join':
      return `joins ${ending.target}: parked until it ends`;
    case 'finish':
      return ending.outcome === 'done' ? 'returns: the task ends' : `ends: ${ending.outcome}`;
    case 'unfinished':
      return 'the run ended before this step did';
  }
}

/** What a parked task waits for, in words: "until 3.2 ms", "joins task2", "on a promise". */
export function parkedWords(p: ParkedTask): string {
  return p.on === 'timer' ? `until ${ms(p.wakeAt ?? 0)}` : p.on === 'join' ? `joins ${p.target ?? '?'}` : 'on a promise';
}

/** The lines of one step in one column, before wrapping. */
function stepLines(step: ExplainedStep, policy: PolicyName): string[] {
  const parked = step.parked.map((p) => `${p.task} ${parkedWords(p)}`);
  return [
    `step ${step.index} at ${ms(step.at)}`,
    ...step.happened.map((h) => `  ${h}`),
    `ready:   [${step.ready.join(', ')}]`,
    `parked:  ${parked.length > 0 ? parked.join(', ') : '-'}`,
    `running: ${step.task}`,
    `prints:  ${step.printed ?? '(nothing new)'}`,
    `why:     ${step.why}`,
    `then:    ${endingWords(step.ending, policy)}`,
  ];
}

/** Breaks a line into pieces of at most `width` characters, at spaces where it can; later pieces are indented. */
export function wrap(line: string, width: number): string[] {
  const out: string[] = [];
  let rest = line;
  const indent = '    ';
  while (rest.length > width) {
    const cut = rest.lastIndexOf(' ', width);
    const at = cut > width / 3 ? cut : width;
    out.push(rest.slice(0, at).trimEnd());
    rest = `${indent}${rest.slice(at).trimStart()}`;
  }
  out.push(rest);
  return out;
}

/** Puts blocks of lines side by side, each padded to `width`. */
function sideBySide(blocks: readonly (readonly string[])[], width: number): string {
  const rows = Math.max(...blocks.map((b) => b.length));
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) lines.push(blocks.map((b) => (b[r] ?? '').padEnd(width)).join(GAP).trimEnd());
  return `${lines.join('\n')}\n`;
}

/**
 * The runs of the columns step by step, side by side in `width` characters: for each step the ready
 * queue, the parked tasks with their wake times, the running task and the label it printed, why it
 * was chosen and what it did at its end. Plain text; times in ms from the start of each run.
 */
export function explainText(columns: readonly ExplainColumn[], width: number): ExplainText {
  const columnWidth = Math.max(20, Math.floor((width - GAP.length * (columns.length - 1)) / columns.length));
  const block = (lines: readonly string[]): string[] => lines.flatMap((l) => wrap(l, columnWidth));
  const header = sideBySide(columns.map((c) => block([c.title, '='.repeat(Math.min(columnWidth, c.title.length))])), columnWidth);
  const count = Math.max(...columns.map((c) => c.steps.length));
  const steps = Array.from({ length: count }, (_, i) =>
    sideBySide(columns.map((c) => { const step = c.steps[i]; return step === undefined ? [] : block(stepLines(step, c.policy)); }), columnWidth) + '\n',
  );
  const printed = columns.map((c) => {
    const labels = printedLabels(c.steps);
    return block([`printed (${labels.length}): ${labels.join(' ')}`]);
  });
  return { header, steps, footer: sideBySide(printed, columnWidth) };
}
