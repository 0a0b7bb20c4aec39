import type { Analysis } from '../../src/experiment/define.ts';
import type { Bytecode } from './bytecode.ts';
import { keywordCount } from './downlevel.ts';
import type { FunctionBytecode, PuddingInspection } from './inspect-pudding.ts';
import type { ResultTable, NamedFacts } from '../../src/report/experiment-result.ts';

/** Everything the notes are computed from: the inspection without its temporary directory. */
export type PuddingFigures = Omit<PuddingInspection, 'workDir'>;

const bytecodeText = (b: Bytecode): string => `@${String(b.offset).padStart(4)}  ${b.opcode} ${b.operands}`;
const builtOnSuspension = (f: FunctionBytecode): boolean => f.counts.SuspendGenerator > 0 && f.counts.ResumeGenerator > 0;

/** Sentences from what node, tsc and the scheduler actually produced. */
export function interpretAsyncIsGenerators({ generator: g, async: a, tsc, task }: PuddingFigures): string[] {
  const bothSwitch = g.lines[0]?.opcode === 'SwitchOnGeneratorState' && a.lines[0]?.opcode === 'SwitchOnGeneratorState';
  const awaitIntrinsic = a.lines.find((b) => b.opcode === 'InvokeIntrinsic' && b.operands.includes('Await'))?.operands.split(']')[0]?.slice(1);
  const counts = (f: FunctionBytecode): string => `${f.counts.SuspendGenerator} SuspendGenerator and ${f.counts.ResumeGenerator} ResumeGenerator`;
  const waits = task.stepEnds.filter((e) => e === 'wait').length;
  return [
    (builtOnSuspension(g) && builtOnSuspension(a)
      ? `V8 compiles both to the same machinery: ${g.name} (function*, yield*) has ${counts(g)} bytecodes, ${a.name} (async, await) has ${counts(a)}`
      : `V8 did NOT compile both onto SuspendGenerator/ResumeGenerator: ${g.name} has ${counts(g)}, ${a.name} has ${counts(a)}`) +
      (bothSwitch ? `, and each begins with SwitchOnGeneratorState, the jump back to where the frame was suspended (Python's two functions shared YIELD_FROM). ` : '. ') +
      (awaitIntrinsic === undefined
        ? 'No await intrinsic was found before the async function suspends.'
        : `What differs is who resumes them: before suspending, the await calls ${awaitIntrinsic}, so the promise's settlement resumes the frame; the generator waits for a caller's next().`),
    tsc.awaitCount === 0 && tsc.awaiterCalls > 0
      ? `tsc ${tsc.tscVersion} with --target ${tsc.target} (generators but no async/await) rewrote ${tsc.awaiterCalls} async functions as __awaiter(..., function* () {...}): ` +
        `no await keyword is left, and the ${keywordCount(a.source, 'await')} await of ${a.name} became ${tsc.asyncFunctionYields} yield; __awaiter's step() resumes the generator each time a yielded promise settles, a scheduler for one task.`
      : `tsc ${tsc.tscVersion} with --target ${tsc.target} did NOT replace await by generators: ${tsc.awaiterCalls} __awaiter calls, ${tsc.awaitCount} await keywords left.`,
    `On the lab's scheduler, sumTask (yield* waitFor(...) where sumAsync says await) returned ${task.schedulerValue} in ${task.steps} steps, ` +
      `${waits} of them ending parked on a promise; sumAsync returned ${task.asyncValue}` +
      (task.schedulerValue === task.asyncValue ? `: the same value by the same mechanism, with the lab's event loop in V8's place.` : `: a DIFFERENT value.`),
  ];
}

/** The suspension lines of both functions side by side. */
function bytecodeTable(g: FunctionBytecode, a: FunctionBytecode): ResultTable {
  const rows = Math.max(g.lines.length, a.lines.length);
  return {
    title: 'V8 bytecode (node --print-bytecode): suspension points and runtime calls only',
    head: [g.source, a.source],
    rows: Array.from({ length: rows }, (_, i) => [g.lines[i] ? bytecodeText(g.lines[i]) : '', a.lines[i] ? bytecodeText(a.lines[i]) : '']),
    align: ['left', 'left'],
  };
}

function countTable(functions: readonly FunctionBytecode[]): ResultTable {
  return {
    title: 'bytecodes per function',
    head: ['function', 'bytecodes', 'SwitchOnGeneratorState', 'SuspendGenerator', 'ResumeGenerator'],
    rows: functions.map((f) => [f.name, String(f.bytecodes), String(f.counts.SwitchOnGeneratorState), String(f.counts.SuspendGenerator), String(f.counts.ResumeGenerator)]),
  };
}

function tscTable(tsc: PuddingFigures['tsc'], asyncSource: string): ResultTable {
  return {
    title: `tsc ${tsc.tscVersion} --target ${tsc.target}: ${asyncSource}`,
    head: ['what', 'emitted JavaScript'],
    rows: [
      ...tsc.asyncFunctionLines.map((line, i) => [i === 0 ? 'the async function' : '', line]),
      ["__awaiter's step()", tsc.stepLine ?? '(not found)'],
      ['whole file', `__awaiter calls ${tsc.awaiterCalls}, function* ${tsc.generatorFunctionCount}, yield ${tsc.yieldCount}, await ${tsc.awaitCount}`],
    ],
    align: ['left', 'left'],
  };
}

/** One of the inspected functions, as `--json` rows carry it. */
export interface BytecodeRow {
  readonly kind: 'bytecode';
  readonly function: string;
  readonly source: string;
  readonly bytecodes: number;
  readonly switchOnGeneratorState: number;
  readonly suspendGenerator: number;
  readonly resumeGenerator: number;
  readonly lines: readonly string[];
}

export type AsyncIsGeneratorsRow =
  | BytecodeRow
  | {
      readonly kind: 'tsc';
      readonly tscVersion: string;
      readonly target: string;
      readonly awaiterMentions: number;
      readonly awaiterCalls: number;
      readonly generatorFunctions: number;
      readonly awaitKeywords: number;
      readonly yieldKeywords: number;
      readonly asyncFunctionYields: number;
      readonly asyncFunction: readonly string[];
    }
  | { readonly kind: 'task'; readonly task: string; readonly runner: string; readonly value: number; readonly steps?: number; readonly stepEnds?: readonly string[] };

export type AsyncIsGeneratorsFacts = NamedFacts<'generatorSuspendGenerator' | 'generatorResumeGenerator' | 'asyncSuspendGenerator' | 'asyncResumeGenerator' | 'tscAwaiterCalls' | 'tscGeneratorFunctions' | 'tscAwaitKeywords' | 'schedulerValue' | 'asyncValue' | 'schedulerSteps'>;

function bytecodeRow(f: FunctionBytecode): BytecodeRow {
  return {
    kind: 'bytecode',
    function: f.name,
    source: f.source,
    bytecodes: f.bytecodes,
    switchOnGeneratorState: f.counts.SwitchOnGeneratorState,
    suspendGenerator: f.counts.SuspendGenerator,
    resumeGenerator: f.counts.ResumeGenerator,
    lines: f.lines.map(bytecodeText),
  };
}

/** The settings its result states beyond the common ones. */
export type AsyncIsGeneratorsSettings = { node: string; tsc: string; target: string };

/** Tables, facts and sentences, from what node, tsc and the scheduler produced. */
export function analyseAsyncIsGenerators(inspection: PuddingFigures): Analysis<AsyncIsGeneratorsRow, AsyncIsGeneratorsFacts, AsyncIsGeneratorsSettings> {
  const { generator, async, tsc, task } = inspection;
  return {
    settings: { node: process.version, tsc: tsc.tscVersion, target: tsc.target },
    tables: [
      bytecodeTable(generator, async),
      countTable([generator, async]),
      tscTable(tsc, async.source),
      {
        title: "an async-style task driven by the lab's scheduler, next to the async function it transposes",
        head: ['task', 'runs on', 'result', 'steps', 'how the steps ended'],
        align: ['left', 'left', 'right', 'right', 'left'],
        rows: [
          ['sumTask: yield* waitFor(promise)', "the lab's scheduler", String(task.schedulerValue), String(task.steps), task.stepEnds.join(', ')],
          ['sumAsync: await promise', "V8's microtask queue", String(task.asyncValue), '', ''],
        ],
      },
    ],
    rows: [
      bytecodeRow(generator),
      bytecodeRow(async),
      {
        kind: 'tsc',
        tscVersion: tsc.tscVersion,
        target: tsc.target,
        awaiterMentions: tsc.awaiterCount,
        awaiterCalls: tsc.awaiterCalls,
        generatorFunctions: tsc.generatorFunctionCount,
        awaitKeywords: tsc.awaitCount,
        yieldKeywords: tsc.yieldCount,
        asyncFunctionYields: tsc.asyncFunctionYields,
        asyncFunction: tsc.asyncFunctionLines,
      },
      { kind: 'task', task: 'sumTask', runner: 'lab scheduler', value: task.schedulerValue, steps: task.steps, stepEnds: task.stepEnds },
      { kind: 'task', task: 'sumAsync', runner: 'await', value: task.asyncValue },
    ],
    facts: {
      generatorSuspendGenerator: generator.counts.SuspendGenerator,
      generatorResumeGenerator: generator.counts.ResumeGenerator,
      asyncSuspendGenerator: async.counts.SuspendGenerator,
      asyncResumeGenerator: async.counts.ResumeGenerator,
      tscAwaiterCalls: tsc.awaiterCalls,
      tscGeneratorFunctions: tsc.generatorFunctionCount,
      tscAwaitKeywords: tsc.awaitCount,
      schedulerValue: task.schedulerValue,
      asyncValue: task.asyncValue,
      schedulerSteps: task.steps,
    },
    notes: interpretAsyncIsGenerators(inspection),
  };
}
