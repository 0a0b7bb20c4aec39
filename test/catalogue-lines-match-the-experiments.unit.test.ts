import { describe, expect, expectTypeOf, it } from 'vitest';
import { catalogueLines } from '../experiments/catalogue-lines.ts';
import { experiments } from '../experiments/catalogue.ts';
import { helpText } from '../src/cli/help.ts';
import { linesOf } from '../src/experiment/catalogue-line.ts';
import { modes, allModeNames as registeredNames, modeNames as registeredOwnNames, type ModeName as RegisteredModeName, type OwnModeName as RegisteredOwnModeName } from '../src/modes/registry.ts';
import { allModeNames, isModeName, modeLines, modeNames, type ModeName, type OwnModeName } from '../src/modes/names.ts';

/** A line as data, its loader left out (functions never compare equal). */
function described(line: { readonly name: string; readonly question: string; readonly about?: string; readonly explainable?: true }): object {
  return { name: line.name, question: line.question, about: line.about, explainable: line.explainable };
}

// `--help`, `list` and a misspelt name read these light copies so that they load no experiment and
// no mode; each copy must say exactly what the definitions say, or help would drift from the lab.
// (`experiments` is what the lines load, so the first test also checks that each line loads its own.)
describe('the catalogue lines are the experiments, unloaded', () => {
  it('name, question, about and replay of each line are its experiment\'s own, in the same order', () => {
    expect(catalogueLines.map(described)).toEqual(linesOf(experiments).map(described));
  });

  it('--help prints the same experiments from the lines as from the definitions', () => {
    expect(helpText(catalogueLines)).toBe(helpText(experiments));
  });
});

describe('the mode lines are the registered modes, unloaded', () => {
  it('name, summary and whether it runs only when named, in the registry\'s order', () => {
    const registered = modes.map((m) => ({ name: m.name, summary: m.summary, reference: 'reference' in m ? m.reference : undefined, namedOnly: 'namedOnly' in m ? m.namedOnly : undefined }));
    const light = modeLines.map((m) => ({ name: m.name, summary: m.summary, reference: 'reference' in m ? m.reference : undefined, namedOnly: 'namedOnly' in m ? m.namedOnly : undefined }));
    expect(light).toEqual(registered);
    expect(allModeNames).toEqual(registeredNames);
    expect(modeNames).toEqual(registeredOwnNames);
  });

  it('the names type the same union as the registry', () => {
    expectTypeOf<ModeName>().toEqualTypeOf<RegisteredModeName>();
    expectTypeOf<OwnModeName>().toEqualTypeOf<RegisteredOwnModeName>();
  });

  it('knows each mode by its exact name only', () => {
    expect(allModeNames.every(isModeName)).toBe(true);
    expect(['Sequential', 'sequential ', '', 'constructor', 'toString'].filter(isModeName)).toEqual([]);
  });
});
