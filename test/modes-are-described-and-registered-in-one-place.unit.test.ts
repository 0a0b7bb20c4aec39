import { describe, expect, it } from 'vitest';
import { allModeNames, findMode, isModeName, modeNames, modes, needThreadPool, runMode, type Mode, type ModeName } from '../src/modes/index.ts';
import { cpuBoundWorkload, waitBoundWorkload } from '../src/workload/presets.ts';
import { Capture } from './helpers/streams.ts';
import { runLab } from '../src/cli/main.ts';

describe('the mode registry', () => {
  it('lists every mode once, the lab’s own ones by default and the references only by name', () => {
    expect(new Set(allModeNames).size).toBe(modes.length);
    expect(allModeNames).toEqual(['sequential', 'interleaved', 'parallel', 'hybrid', 'piscina', 'processes', 'distributed']);
    // distributed needs a Redis: like the references, it runs only when named.
    expect(modeNames).toEqual(['sequential', 'interleaved', 'parallel', 'hybrid', 'processes']);
    expect(isModeName('hybrid')).toBe(true);
    expect(isModeName('threads')).toBe(false);
    expect(findMode('threads')).toBeUndefined();
  });

  it('says what each mode needs, so a runner starts one pool only when some mode needs it', () => {
    const needs = (m: Mode<ModeName>): string => m.needs?.name ?? 'nothing';
    expect(modes.map((m) => [m.name, needs(m)])).toEqual([
      ['sequential', 'nothing'],
      ['interleaved', 'nothing'],
      ['parallel', 'thread pool'],
      ['hybrid', 'thread pool'],
      ['piscina', 'thread pool'],
      ['processes', 'process pool'],
      ['distributed', 'queue session'],
    ]);
    expect(needThreadPool(['sequential', 'interleaved'])).toBe(false);
    expect(needThreadPool(['sequential', 'piscina'])).toBe(true);
  });

  it('lets a mode refuse a workload it cannot run, with the reason', () => {
    expect(findMode('piscina')?.cannotRun?.(cpuBoundWorkload({ tasks: 2, unitsPerTask: 2 }))).toBeUndefined();
    expect(findMode('piscina')?.cannotRun?.(waitBoundWorkload({ tasks: 2, waitsPerTask: 1, minWaitMs: 1, maxWaitMs: 2, unitsPerReply: 1, seed: 1 }))?.why).toMatch(/^runs only cpu parts; task "[^"]+" part 1 is a wait part$/);
  });

  it('dispatches runMode through the registered mode', async () => {
    const run = await runMode('interleaved', cpuBoundWorkload({ tasks: 2, unitsPerTask: 8, sliceUnits: 4 }));
    expect(run.mode).toBe('interleaved');
    expect(run.policy).toBe('round-robin');
  });

  it('is what --modes accepts: an unknown name is refused with the registered names', async () => {
    const stderr = new Capture();
    expect(await runLab(['run', '--workload', 'experiments/example-workload.json', '--modes', 'threads'], [], { stdout: new Capture(), stderr })).toBe(2);
    expect(stderr.text).toBe(`lab: --modes: unknown mode "threads"; accepted: ${allModeNames.join(', ')}\n`);
  });
});
