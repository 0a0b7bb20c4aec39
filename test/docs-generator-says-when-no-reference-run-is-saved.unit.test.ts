import { describe, expect, it } from 'vitest';
import { DocsBlockError } from '../src/report/docs-blocks.ts';
import { generatedBlock, noReferenceYet, type DocsSources } from '../src/report/docs-generate.ts';

// A new experiment of the catalogue has a page before the lead saves its first reference run on an
// idle machine: its blocks say so and how, while a name outside the catalogue is still a fault.
const sources: DocsSources = { references: new Map(), catalogue: [{ name: 'fresh', question: 'Is it new?' }], flags: {} };

describe('blocks of an experiment with no reference run yet', () => {
  it('says that none is saved and the commands that save one', () => {
    expect(generatedBlock('reference fresh', 'experiments/fresh/README.md', sources)).toBe(noReferenceYet('fresh'));
    expect(noReferenceYet('fresh')).toBe('No reference run of `fresh` is saved yet: on an idle machine, run `npm run lab -- fresh --out results/reference`, then `npm run docs`.');
    expect(generatedBlock('picture fresh chart-1', 'experiments/fresh/README.md', sources)).toContain('once a reference run of `fresh` is saved');
  });

  it('still refuses a name outside the catalogue, in both kinds of block', () => {
    expect(() => generatedBlock('reference frseh', 'README.md', sources)).toThrow(DocsBlockError);
    expect(() => generatedBlock('picture frseh chart-1', 'README.md', sources)).toThrow(/names no experiment with a reference result/);
  });
});
