import { runAsyncStyleTask, type AsyncStyleRun } from './async-style-task.ts';
import { countOpcodes, printBytecode, suspensionLines, suspensionOpcodes, writeScript, type Bytecode } from './bytecode.ts';
import { awaiterStepLine, compileWithTsc, functionLines, keywordCount, occurrences } from './downlevel.ts';
import { comparedFunctions, puddingScript, puddingTypeScript } from './pudding-source.ts';
import type { ProcessOptions } from '../../src/runtime/run-process.ts';
import { withTempDir } from './temp-dir.ts';

/** One function's bytecode, reduced to what the comparison needs. */
export interface FunctionBytecode {
  readonly name: string;
  readonly source: string;
  readonly bytecodes: number;
  /** Occurrences of SwitchOnGeneratorState, SuspendGenerator, ResumeGenerator. */
  readonly counts: Readonly<Record<(typeof suspensionOpcodes)[number], number>>;
  /** Suspension points and intrinsic calls, in order. */
  readonly lines: readonly Bytecode[];
}

/** What tsc emitted for the async function when the target has generators but no async/await. */
export interface TscInspection {
  readonly target: string;
  readonly tscVersion: string;
  /** Mentions of `__awaiter`: the helper's definition and every call. */
  readonly awaiterCount: number;
  /** Calls `return __awaiter(`: one per rewritten async function. */
  readonly awaiterCalls: number;
  readonly generatorFunctionCount: number;
  readonly awaitCount: number;
  readonly yieldCount: number;
  /** `yield`s in the emitted async function alone: one per `await` of the original. */
  readonly asyncFunctionYields: number;
  /** The emitted async function, whole. */
  readonly asyncFunctionLines: readonly string[];
  /** The helper's resume step: the one-task scheduler inside __awaiter. */
  readonly stepLine: string | undefined;
}

export interface PuddingInspection {
  readonly generator: FunctionBytecode;
  readonly async: FunctionBytecode;
  readonly tsc: TscInspection;
  readonly task: AsyncStyleRun;
  /** The temporary directory the files were written to; it no longer exists when this is returned. */
  readonly workDir: string;
}

export const DOWNLEVEL_TARGET = 'es2015';

/**
 * The article's proof, in Node: V8's bytecode of a generator and of an async function, tsc's
 * rewrite of the async function for ES2015, and an async-style task run on the lab's scheduler.
 * Spawns node and tsc on files in a temporary directory that is removed afterwards; prints nothing.
 */
export async function inspectPudding(options: ProcessOptions = {}): Promise<PuddingInspection> {
  const { generator, async, tsc, workDir } = await withTempDir('lab-pudding-', async (dir) => {
    const script = await writeScript(dir, puddingScript);
    const [generatorListing, asyncListing, emitted] = await Promise.all([
      printBytecode(script, comparedFunctions.generator.name, options),
      printBytecode(script, comparedFunctions.async.name, options),
      compileWithTsc(dir, puddingTypeScript, DOWNLEVEL_TARGET, options),
    ]);
    const reduce = (listing: typeof generatorListing, source: string): FunctionBytecode => ({
      name: listing.name,
      source,
      bytecodes: listing.bytecodes.length,
      counts: countOpcodes(listing, suspensionOpcodes) as FunctionBytecode['counts'],
      lines: suspensionLines(listing),
    });
    const tscInspection: TscInspection = {
      target: emitted.target,
      tscVersion: emitted.tscVersion,
      awaiterCount: occurrences(emitted.js, '__awaiter'),
      awaiterCalls: occurrences(emitted.js, 'return __awaiter('),
      generatorFunctionCount: occurrences(emitted.js, 'function*'),
      awaitCount: keywordCount(emitted.js, 'await'),
      yieldCount: keywordCount(emitted.js, 'yield'),
      asyncFunctionLines: functionLines(emitted.js, comparedFunctions.async.name),
      asyncFunctionYields: keywordCount(functionLines(emitted.js, comparedFunctions.async.name).join('\n'), 'yield'),
      stepLine: awaiterStepLine(emitted.js),
    };
    return {
      generator: reduce(generatorListing, comparedFunctions.generator.source),
      async: reduce(asyncListing, comparedFunctions.async.source),
      tsc: tscInspection,
      workDir: dir,
    };
  });
  const task = await runAsyncStyleTask({ ...(options.signal && { signal: options.signal }), ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }) });
  return { generator, async, tsc, task, workDir };
}
