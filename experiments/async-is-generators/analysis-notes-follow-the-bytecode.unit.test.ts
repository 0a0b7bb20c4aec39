import { describe, expect, it } from 'vitest';
import { analyseAsyncIsGenerators, interpretAsyncIsGenerators } from './analysis.ts';
import type { FunctionBytecode } from './inspect.ts';
import { generatorBytecode, puddingFigures } from '../../test/helpers/hand-made-figures.ts';

/** The async function's bytecode with other counts than the generator's, so that no figure can be taken from the wrong one. */
const asyncFunction: FunctionBytecode = {
  ...generatorBytecode('atask1', 'async function atask1() { await atask2(); await atask3(); }', 3, 5, '_AsyncFunctionAwaitUncaught'),
  bytecodes: 35,
  counts: { SwitchOnGeneratorState: 7, SuspendGenerator: 3, ResumeGenerator: 5 },
};
const figures = puddingFigures({ async: asyncFunction, task: { schedulerValue: 60, asyncValue: 60, steps: 5, stepEnds: ['wait', 'done', 'wait', 'wait', 'done'] } });

describe('async-is-generators: tables, rows and facts from the inspection', () => {
  // Analysed inside each test, not once for the describe block: code run while tests are collected is
  // covered by no test, so Stryker would run none of these against a mutant of it.
  const analysed = (): ReturnType<typeof analyseAsyncIsGenerators> => analyseAsyncIsGenerators(figures);

  it('states the versions it inspected', () => {
    expect(analysed().settings).toEqual({ node: process.version, tsc: '7.0.2', target: 'es2015' });
  });

  it('lays both functions side by side, counts their bytecodes and shows what tsc emitted', () => {
    expect(analysed().tables).toEqual([
      {
        title: 'V8 bytecode (node --print-bytecode): suspension points and runtime calls only',
        head: ['function* gtask1() { yield* gtask2(); }', 'async function atask1() { await atask2(); await atask3(); }'],
        rows: [
          ['@   0  SwitchOnGeneratorState r0, [0], [1] { 0: @37 }', '@   0  SwitchOnGeneratorState r0, [0], [1] { 0: @37 }'],
          ['@  28  InvokeIntrinsic [_CreateJSGeneratorObject], r2-r3', '@  28  InvokeIntrinsic [_AsyncFunctionAwaitUncaught], r2-r3'],
        ],
        align: ['left', 'left'],
      },
      {
        title: 'bytecodes per function',
        head: ['function', 'bytecodes', 'SwitchOnGeneratorState', 'SuspendGenerator', 'ResumeGenerator'],
        rows: [
          ['gtask1', '40', '1', '2', '2'],
          ['atask1', '35', '7', '3', '5'],
        ],
      },
      {
        title: 'tsc 7.0.2 --target es2015: async function atask1() { await atask2(); await atask3(); }',
        head: ['what', 'emitted JavaScript'],
        rows: [
          ['the async function', 'function atask1() {'],
          ['', '    return __awaiter(this, void 0, void 0, function* () { yield atask2(); });'],
          ['', '}'],
          ["__awaiter's step()", 'function step(result) {}'],
          ['whole file', '__awaiter calls 2, function* 4, yield 3, await 0'],
        ],
        align: ['left', 'left'],
      },
      {
        title: "an async-style task driven by the lab's scheduler, next to the async function it transposes",
        head: ['task', 'runs on', 'result', 'steps', 'how the steps ended'],
        align: ['left', 'left', 'right', 'right', 'left'],
        rows: [
          ['sumTask: yield* waitFor(promise)', "the lab's scheduler", '60', '5', 'wait, done, wait, wait, done'],
          ['sumAsync: await promise', "V8's microtask queue", '60', '', ''],
        ],
      },
    ]);
  });

  it('carries each function, the tsc output and both tasks as rows, and their counts as facts', () => {
    expect(analysed().rows).toEqual([
      {
        kind: 'bytecode', function: 'gtask1', source: 'function* gtask1() { yield* gtask2(); }', bytecodes: 40, switchOnGeneratorState: 1, suspendGenerator: 2, resumeGenerator: 2,
        lines: ['@   0  SwitchOnGeneratorState r0, [0], [1] { 0: @37 }', '@  28  InvokeIntrinsic [_CreateJSGeneratorObject], r2-r3'],
      },
      {
        kind: 'bytecode', function: 'atask1', source: 'async function atask1() { await atask2(); await atask3(); }', bytecodes: 35, switchOnGeneratorState: 7, suspendGenerator: 3, resumeGenerator: 5,
        lines: ['@   0  SwitchOnGeneratorState r0, [0], [1] { 0: @37 }', '@  28  InvokeIntrinsic [_AsyncFunctionAwaitUncaught], r2-r3'],
      },
      {
        kind: 'tsc', tscVersion: '7.0.2', target: 'es2015', awaiterMentions: 4, awaiterCalls: 2, generatorFunctions: 4, awaitKeywords: 0, yieldKeywords: 3, asyncFunctionYields: 1,
        asyncFunction: ['function atask1() {', '    return __awaiter(this, void 0, void 0, function* () { yield atask2(); });', '}'],
      },
      { kind: 'task', task: 'sumTask', runner: 'lab scheduler', value: 60, steps: 5, stepEnds: ['wait', 'done', 'wait', 'wait', 'done'] },
      { kind: 'task', task: 'sumAsync', runner: 'await', value: 60 },
    ]);
    expect(analysed().facts).toEqual({
      generatorSuspendGenerator: 2, generatorResumeGenerator: 2, asyncSuspendGenerator: 3, asyncResumeGenerator: 5, tscAwaiterCalls: 2, tscGeneratorFunctions: 4, tscAwaitKeywords: 0, schedulerValue: 60, asyncValue: 60, schedulerSteps: 5,
    });
  });

  it('says the same machinery, who resumes each, what tsc made of await, and what the scheduler returned', () => {
    expect(analysed().notes).toEqual([
      'V8 compiles both to the same machinery: gtask1 (function*, yield*) has 2 SuspendGenerator and 2 ResumeGenerator bytecodes, atask1 (async, await) has 3 SuspendGenerator and 5 ResumeGenerator, ' +
        "and each begins with SwitchOnGeneratorState, the jump back to where the frame was suspended (Python's two functions shared YIELD_FROM). " +
        "What differs is who resumes them: before suspending, the await calls _AsyncFunctionAwaitUncaught, so the promise's settlement resumes the frame; the generator waits for a caller's next().",
      'tsc 7.0.2 with --target es2015 (generators but no async/await) rewrote 2 async functions as __awaiter(..., function* () {...}): no await keyword is left, and the 2 await of atask1 became 1 yield; ' +
        "__awaiter's step() resumes the generator each time a yielded promise settles, a scheduler for one task.",
      "On the lab's scheduler, sumTask (yield* waitFor(...) where sumAsync says await) returned 60 in 5 steps, 3 of them ending parked on a promise; sumAsync returned 60: " +
        "the same value by the same mechanism, with the lab's event loop in V8's place.",
    ]);
  });
});

describe('async-is-generators notes say NOT when the evidence is missing', () => {
  it('a function without both suspend and resume bytecodes is not built on suspension', () => {
    for (const counts of [{ SwitchOnGeneratorState: 1, SuspendGenerator: 1, ResumeGenerator: 0 }, { SwitchOnGeneratorState: 1, SuspendGenerator: 0, ResumeGenerator: 1 }]) {
      const [v8] = interpretAsyncIsGenerators(puddingFigures({ async: { ...asyncFunction, counts } }));
      expect(v8).toMatch(/^V8 did NOT compile both onto SuspendGenerator\/ResumeGenerator: gtask1 has 2 SuspendGenerator and 2 ResumeGenerator, atask1 has \d SuspendGenerator and \d ResumeGenerator, and each begins/);
    }
    const generator = generatorBytecode('gtask1', 'function* gtask1() {}', 0, 2, '_CreateJSGeneratorObject');
    expect(interpretAsyncIsGenerators(puddingFigures({ generator }))[0]).toMatch(/^V8 did NOT compile both/);
  });

  it('without SwitchOnGeneratorState first in both, or without an await intrinsic, it says so', () => {
    const noSwitch = { ...asyncFunction, lines: [{ offset: 28, opcode: 'InvokeIntrinsic', operands: '[_AsyncFunctionAwaitUncaught], r2-r3' }] };
    expect(interpretAsyncIsGenerators(puddingFigures({ async: noSwitch }))[0]).toMatch(
      /has 3 SuspendGenerator and 5 ResumeGenerator\. What differs is who resumes them: before suspending, the await calls _AsyncFunctionAwaitUncaught, so/,
    );
    const generatorFirst = { ...figures.generator, lines: [{ offset: 0, opcode: 'Ldar', operands: 'r0' }, ...figures.generator.lines] };
    expect(interpretAsyncIsGenerators(puddingFigures({ generator: generatorFirst, async: asyncFunction }))[0]).toContain('has 3 SuspendGenerator and 5 ResumeGenerator. What differs');
    const noAwait = { ...asyncFunction, lines: [asyncFunction.lines[0]!, { offset: 28, opcode: 'InvokeIntrinsic', operands: '[_CreateJSGeneratorObject], r2-r3' }, { offset: 30, opcode: 'CallRuntime', operands: '[Await], r1' }] };
    expect(interpretAsyncIsGenerators(puddingFigures({ async: noAwait }))[0]).toMatch(/\(Python's two functions shared YIELD_FROM\)\. No await intrinsic was found before the async function suspends\.$/);
    expect(interpretAsyncIsGenerators(puddingFigures({ async: { ...asyncFunction, lines: [] } }))[0]).toMatch(/has 3 SuspendGenerator and 5 ResumeGenerator\. No await intrinsic was found/);
  });

  it('tsc output that kept an await, or made no __awaiter call, did not replace await', () => {
    const tsc = figures.tsc;
    for (const changed of [{ ...tsc, awaitCount: 1 }, { ...tsc, awaiterCalls: 0 }]) {
      expect(interpretAsyncIsGenerators(puddingFigures({ tsc: changed }))[1]).toBe(
        `tsc 7.0.2 with --target es2015 did NOT replace await by generators: ${changed.awaiterCalls} __awaiter calls, ${changed.awaitCount} await keywords left.`,
      );
    }
  });

  it('a different value from the scheduler is called DIFFERENT, and a missing step() line is named', () => {
    expect(interpretAsyncIsGenerators(puddingFigures({ task: { schedulerValue: 61, asyncValue: 60, steps: 2, stepEnds: ['wait', 'done'] } }))[2]).toBe(
      "On the lab's scheduler, sumTask (yield* waitFor(...) where sumAsync says await) returned 61 in 2 steps, 1 of them ending parked on a promise; sumAsync returned 60: a DIFFERENT value.",
    );
    const tables = analyseAsyncIsGenerators(puddingFigures({ tsc: { ...figures.tsc, stepLine: undefined } })).tables;
    expect(tables[2]!.rows[3]).toEqual(["__awaiter's step()", '(not found)']);
  });

  it('leaves a cell empty where one function has fewer suspension lines', () => {
    const short = { ...asyncFunction, lines: asyncFunction.lines.slice(0, 1) };
    expect(analyseAsyncIsGenerators(puddingFigures({ async: short })).tables[0]!.rows).toEqual([
      ['@   0  SwitchOnGeneratorState r0, [0], [1] { 0: @37 }', '@   0  SwitchOnGeneratorState r0, [0], [1] { 0: @37 }'],
      ['@  28  InvokeIntrinsic [_CreateJSGeneratorObject], r2-r3', ''],
    ]);
    const shortGenerator = { ...figures.generator, lines: [] };
    expect(analyseAsyncIsGenerators(puddingFigures({ generator: shortGenerator, async: asyncFunction })).tables[0]!.rows[1]).toEqual(['', '@  28  InvokeIntrinsic [_AsyncFunctionAwaitUncaught], r2-r3']);
  });
});
