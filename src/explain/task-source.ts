import { DEFAULT_SLICE_UNITS, type PartSpec, type TaskSpec, type WorkloadSpec } from '../workload/spec.ts';
import type { ExplainedStep } from './replay.ts';

/** One task of a workload written out as the generator function the lab builds from it. */
export interface TaskSource {
  readonly task: string;
  readonly lines: readonly string[];
  /** For each part label: the lines of this function that run while the task is in that part. */
  readonly partLines: ReadonlyMap<string, readonly number[]>;
  /** The line of each `yield*` into another task, by the task it delegates to. */
  readonly delegateLines: ReadonlyMap<string, number>;
  /** The closing line, where the generator returns. */
  readonly returnLine: number;
}

/** A line of code in a task's source: which task's function, which line (0-based). */
export interface CodeLine {
  readonly task: string;
  readonly line: number;
}

const quote = (text: string): string => JSON.stringify(text);

/** The statements of one part, as `runParts` in workload/build.ts carries them out. */
function partStatements(p: Exclude<PartSpec, { kind: 'delegate' }>, label: string): string[] {
  const enter = `yield part(${quote(label)});`;
  switch (p.kind) {
    case 'wait':
      return [enter, `yield sleep(${p.ms}); // a timer`];
    case 'block':
      return [enter, `blockThread(${p.ms}); // blocks`, 'yield;'];
    case 'cpu': {
      const slice = p.sliceUnits ?? DEFAULT_SLICE_UNITS;
      return [enter, `for (let left = ${p.units}; left > 0; left -= ${slice}) {`, `  checksum = cpuKernel(Math.min(${slice}, left), checksum);`, '  yield;', '}'];
    }
    case 'fault':
      return [enter, `fault(${quote(p.fault)});`];
  }
}

/**
 * The lab's own TypeScript transcription of a workload: each task as a generator function whose
 * parts are separated by `yield`, a delegating part as `yield*` (the article's `yield from`).
 */
export function taskSources(workload: WorkloadSpec): TaskSource[] {
  return workload.tasks.map((task: TaskSpec) => {
    const lines = [`function* ${task.name}() {`];
    const partLines = new Map<string, number[]>();
    const delegateLines = new Map<string, number>();
    task.parts.forEach((p, index) => {
      if (p.kind === 'delegate') {
        delegateLines.set(p.task, lines.length);
        lines.push(`  yield* ${p.task}();`);
        return;
      }
      const label = p.label ?? `${task.name}.${index + 1}`;
      const first = lines.length;
      for (const statement of partStatements(p, label)) lines.push(`  ${statement}`);
      partLines.set(label, Array.from({ length: lines.length - first }, (_, i) => first + i));
    });
    lines.push('}');
    return { task: task.name, lines, partLines, delegateLines, returnLine: lines.length - 1 };
  });
}

/**
 * The lines that run in a step: the lines of the part it is in (found in whichever task's function
 * defines that label, with the `yield*` that led there), or the closing brace when the task returns.
 */
export function linesOfStep(sources: readonly TaskSource[], step: ExplainedStep): CodeLine[] {
  const own = sources.find((s) => s.task === step.task);
  if (step.ending.kind === 'finish' && step.ending.outcome === 'done' && step.printed === undefined) return own === undefined ? [] : [{ task: own.task, line: own.returnLine }];
  const home = sources.find((s) => s.partLines.has(step.label));
  if (home === undefined) return [];
  const lines = home.partLines.get(step.label)!.map((line) => ({ task: home.task, line }));
  const via = own === undefined || own === home ? undefined : own.delegateLines.get(home.task);
  return via === undefined ? lines : [{ task: own!.task, line: via }, ...lines];
}
