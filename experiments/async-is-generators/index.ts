import { defineExperiment } from '../../src/experiment/define.ts';
import { inspectPudding } from './inspect.ts';
import { analyseAsyncIsGenerators, type AsyncIsGeneratorsSettings, type AsyncIsGeneratorsFacts, type AsyncIsGeneratorsRow, type PuddingFigures } from './analysis.ts';

export {
  analyseAsyncIsGenerators,
  interpretAsyncIsGenerators,
  type AsyncIsGeneratorsFacts,
  type AsyncIsGeneratorsRow,
  type BytecodeRow,
  type PuddingFigures,
} from './analysis.ts';

export const asyncIsGenerators = defineExperiment<PuddingFigures, AsyncIsGeneratorsRow, AsyncIsGeneratorsFacts, AsyncIsGeneratorsSettings>('async-is-generators', {
  comparable: ['quick', 'target'],
  question: "Is an async function a generator underneath, in V8, in TypeScript's output, and on the lab's scheduler?",
  about: 'V8\'s bytecode of a generator and an async function side by side, tsc\'s ES2015 output of the async function, and an async-style task on the lab\'s scheduler.',
  defaults: { repeats: 1, quickRepeats: 1 },
  commonSettings: ['quick'],

  async measure({ context }) {
    const { workDir: _, ...inspection } = await inspectPudding({ signal: context.signal, ...(context.timeoutMs !== undefined && { timeoutMs: context.timeoutMs }) });
    return inspection;
  },

  analyse: analyseAsyncIsGenerators,
});
