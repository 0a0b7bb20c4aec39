import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { experiments } from '../experiments/catalogue.ts';
import { comparableIn } from '../src/experiment/context.ts';
import { defineExperiment } from '../src/experiment/define.ts';
import { repoRoot } from './helpers/cli.ts';
import { everyExperimentsFigures } from './helpers/every-experiment-figures.ts';

/** The settings of an experiment's newest reference result; for one with no reference run saved yet, those its analysis states of figures by hand, with the common ones. */
function referenceSettings(name: string): Record<string, unknown> {
  const folder = join(repoRoot, 'results', 'reference', name);
  if (!existsSync(folder)) {
    const analysed = everyExperimentsFigures().get(name)!()[0]!.analyse() as { settings?: Record<string, unknown> };
    return { repeats: 1, warmups: 0, threads: 2, seed: 1, quick: false, steps: true, ...analysed.settings };
  }
  const file = readdirSync(folder).filter((f) => f.endsWith('.json')).sort().at(-1)!;
  return (JSON.parse(readFileSync(join(folder, file), 'utf8')) as { settings: Record<string, unknown> }).settings;
}

describe('compare matches the settings each experiment declares', () => {
  it('every catalogued experiment declares what must match, and each key is a setting its reference result states', () => {
    for (const { name, comparable } of experiments) {
      expect(comparable, name).toBeDefined();
      const settings = referenceSettings(name);
      expect(comparable!.filter((key) => !(key in settings)), name).toEqual([]);
    }
  });

  it('results of no catalogued experiment (try, run --workload) keep the rule of every work setting', () => {
    expect(comparableIn(experiments)('try')).toBeUndefined();
    expect(comparableIn(experiments)('granularity')).toEqual(['quick', 'seed', 'totalUnits', 'sizes']);
  });

  it('a key that is neither a common setting nor one of the experiment\'s own settings does not compile', () => {
    const analyse = () => ({ tables: [], rows: [], facts: {}, notes: [], settings: { sizes: '4 16' } });
    const measure = async (): Promise<number> => 0;
    const typed = defineExperiment<number, never, Record<string, never>, { sizes: string }>('typed', { question: 'q', comparable: ['quick', 'sizes'], measure, analyse });
    expect(typed.comparable).toEqual(['quick', 'sizes']);
    // @ts-expect-error 'size' is not one of its settings (the type-check fails if this line compiles)
    const misspelt = defineExperiment<number, never, Record<string, never>, { sizes: string }>('misspelt', { question: 'q', comparable: ['quick', 'size'], measure, analyse });
    expect(misspelt.comparable).toEqual(['quick', 'size']);
  });
});
