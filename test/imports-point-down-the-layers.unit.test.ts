import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/cli.ts';
import { importCycles, importEdges, sourceFiles, upwardImports, type ImportEdge } from './helpers/import-graph.ts';

/**
 * The layers, bottom first: a file may import its own layer and those below it. Experiments (their
 * folders, the catalogue and the entry point) sit on top; nothing below prints or writes.
 */
const LAYERS = [
  ['src/errors'],
  ['src/scheduler'],
  ['src/workload'],
  ['src/runtime'],
  ['src/modes'],
  ['src/measure'],
  ['src/draw'],
  ['src/report'],
  ['src/explain'],
  ['src/experiment'],
  ['src/cli'],
  ['experiments'],
] as const;

const edges = (): ImportEdge[] => importEdges(repoRoot, sourceFiles(repoRoot, ['src', 'experiments'])).filter(({ to }) => !to.startsWith('results/') && to !== '');

describe('imports point down the layers, with no cycle', () => {
  it('reads the graph: the modes import the runtime they run on, and the catalogue lines every experiment (when it runs)', () => {
    const all = edges();
    expect(all.some(({ from, to }) => from === 'src/modes/parallel.ts' && to === 'src/runtime/pool.ts')).toBe(true);
    expect(all.filter(({ from }) => from === 'experiments/catalogue-lines.ts').length).toBeGreaterThanOrEqual(15);
  });

  it('no import points up a layer or out of every layer', () => {
    expect(upwardImports(LAYERS, edges())).toEqual([]);
  });

  it('no file reaches itself through its imports', () => {
    expect(importCycles(edges())).toEqual([]);
  });

  it('flags the queue importing the modes above it, and a file in no layer (the shape before the runtime folder)', () => {
    const before = [{ from: 'src/runtime/queue/queue-run.ts', to: 'src/modes/workload-slice.ts' }, { from: 'src/modes/mode.ts', to: 'src/queue/queue-session.ts' }];
    expect(upwardImports(LAYERS, before)).toEqual([
      'src/runtime/queue/queue-run.ts -> src/modes/workload-slice.ts: up from src/runtime to src/modes',
      'src/modes/mode.ts -> src/queue/queue-session.ts: the target is in no layer',
    ]);
  });

  it('finds a cycle of three files and a file that imports itself, and none in a chain', () => {
    const ring = [{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }, { from: 'c', to: 'a' }, { from: 'c', to: 'd' }, { from: 'e', to: 'e' }];
    expect(importCycles(ring)).toEqual([['a', 'b', 'c'], ['e']]);
    expect(importCycles([{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }])).toEqual([]);
  });
});
