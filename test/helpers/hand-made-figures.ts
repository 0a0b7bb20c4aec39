import type { PuddingFigures } from '../../experiments/async-is-generators/index.ts';
import type { FunctionBytecode } from '../../experiments/async-is-generators/inspect.ts';
import type { ExpensiveWayName, WayUnderLoad } from '../../experiments/event-loop-delay/http-load.ts';
import { overridable } from './overridable.ts';

/** One way of serving expensive requests, measured by hand: its cheap route's latencies and its event loop's gaps. */
export function wayUnderLoad(name: ExpensiveWayName, cheapMs: number[], extra: { samples?: number; gapMs?: number; poolTasks?: number } = {}): WayUnderLoad {
  const route = { completed: 10, errors: 0, timeouts: 0, mismatches: 0, non2xx: 0, durationMs: 500 };
  return {
    server: {
      way: name, cheapAnswered: cheapMs.length, expensiveAnswered: 10, poolTasks: extra.poolTasks ?? 0, stoppedBy: 'stop', listening: false, serverCpuMs: 100,
      loop: { delayP50Ms: 1, delayP99Ms: extra.gapMs ?? 2, delayMaxMs: extra.gapMs ?? 2, delaySamples: extra.samples ?? 400, gapMaxMs: extra.gapMs ?? 2, gapP99Ms: 2, blockedMs: 0, utilisation: 0.5, watchedMs: 500 },
    },
    load: { kind: 'loaded', cheapLatencyMs: cheapMs, cheap: { ...route, completed: cheapMs.length }, expensive: route, clientCpuMs: 50, wallMs: 500, cutShort: false },
  };
}

/** A generator function's bytecode as V8 prints it, by hand: its suspend and resume counts and the intrinsic it calls. */
export function generatorBytecode(name: string, source: string, suspend: number, resume: number, intrinsic: string): FunctionBytecode {
  return {
    name,
    source,
    bytecodes: 40,
    counts: { SwitchOnGeneratorState: 1, SuspendGenerator: suspend, ResumeGenerator: resume },
    lines: [
      { offset: 0, opcode: 'SwitchOnGeneratorState', operands: 'r0, [0], [1] { 0: @37 }' },
      { offset: 28, opcode: 'InvokeIntrinsic', operands: `[${intrinsic}], r2-r3` },
    ],
  };
}

/** What async-is-generators measures, by hand: a generator and an async function's bytecode, tsc's down-levelled output and one task's run. */
export const puddingFigures = overridable((): PuddingFigures => ({
  generator: generatorBytecode('gtask1', 'function* gtask1() { yield* gtask2(); }', 2, 2, '_CreateJSGeneratorObject'),
  async: generatorBytecode('atask1', 'async function atask1() { await atask2(); }', 1, 1, '_AsyncFunctionAwaitUncaught'),
  tsc: {
    target: 'es2015', tscVersion: '7.0.2', awaiterCount: 4, awaiterCalls: 2, generatorFunctionCount: 4, awaitCount: 0, yieldCount: 3,
    asyncFunctionYields: 1, asyncFunctionLines: ['function atask1() {', '    return __awaiter(this, void 0, void 0, function* () { yield atask2(); });', '}'], stepLine: 'function step(result) {}',
  },
  task: { schedulerValue: 60, asyncValue: 60, steps: 4, stepEnds: ['wait', 'wait', 'wait', 'done'] },
}));
