import { describe, expect, it } from 'vitest';
import { defineExperiment } from '../src/experiment/define.ts';
import type { ModeComparison } from '../src/measure/compare-modes.ts';
import { compareModes } from '../src/measure/compare-modes.ts';
import type { ModeMeasurement } from '../src/measure/measure-modes.ts';
import { measureModes } from '../src/measure/measure-modes.ts';
import { summarize } from '../src/measure/stats.ts';
import { coresPhrase, disturbedLegend } from '../src/report/foreign-cpu-notes.ts';
import { machineLine } from '../src/report/machine-line.ts';
import { modeTable } from '../src/report/mode-table.ts';
import { renderJson } from '../src/report/render-json.ts';
import type { WorkloadSpec } from '../src/workload/spec.ts';
import type { ReadCpu } from '../src/measure/foreign-cpu.ts';
import { noProcStat, steadyCpu } from './helpers/cpu-readings.ts';
import { handMadeContext, handMadeMachine } from './helpers/kit-context.ts';

// The readings are injected: test files running at once are other programs to each other.

const sleeper = (ms: number): WorkloadSpec => ({ name: `sleep ${ms}`, tasks: [{ name: 'sleeper', parts: [{ kind: 'wait', ms }] }] });

const probe = defineExperiment('probe', {
  question: 'Was the machine busy?',
  measure: async (kit) => kit.measure(sleeper(1), ['sequential']),
  analyse: ({ rows }) => ({ tables: [modeTable('probe', rows)], rows, facts: {}, notes: ['its own note'] }),
});

describe('every run says how much CPU other programs used during it', () => {
  it('puts the figure in the result, and a disturbed run says so before any other note', async () => {
    const result = await probe.run(handMadeContext({ readCpu: steadyCpu({ labCores: 0.4, foreignCores: 0.8 }) }));
    expect(result.foreignCpuCores).toBe(0.8);
    expect(result.notes).toEqual([
      'Another program used about 0.8 of a core during this run: parallel figures understate what 2 threads can do; rerun on an idle machine (a run counts as disturbed above 0.25 of a core on average).',
      'its own note',
    ]);
    expect(JSON.parse(renderJson(result))).toMatchObject({ foreignCpuCores: 0.8 });
  });

  it('says nothing more at or under the threshold', async () => {
    for (const foreignCores of [0, 0.25]) {
      const result = await probe.run(handMadeContext({ readCpu: steadyCpu({ foreignCores }) }));
      expect(result.foreignCpuCores).toBe(foreignCores);
      expect(result.notes).toEqual(['its own note']);
    }
  });

  it('names the usable threads of the machine it ran on', async () => {
    const result = await probe.run(handMadeContext({ machine: { ...handMadeMachine, availableParallelism: 1 }, readCpu: steadyCpu({ foreignCores: 1.6 }) }));
    expect(result.notes[0]).toMatch(/^Another program used about 1\.6 cores during this run: parallel figures understate what 1 thread can do;/);
  });

  it('without /proc/stat: null, said once at the end, however many runs were read', async () => {
    let reads = 0;
    const counting: ReadCpu = () => {
      reads++;
      return noProcStat();
    };
    const twice = defineExperiment('twice', {
      question: 'Q?',
      measure: async (kit) => [await kit.measure(sleeper(1), ['sequential']), await kit.measure(sleeper(1), ['sequential'])],
      analyse: () => ({ tables: [], rows: [], facts: {}, notes: ['its own note'] }),
    });
    const result = await twice.run(handMadeContext({ repeats: 2, readCpu: counting }));
    expect(result.foreignCpuCores).toBeNull();
    expect(result.notes).toEqual(['its own note', "Other programs' CPU was not measured: /proc/stat cannot be read here, so nothing tells whether the machine was busy during the run."]);
    expect(reads).toBeGreaterThan(1);
  });

  it('says that an external Redis and its workers could not be counted', async () => {
    const result = await probe.run(handMadeContext({ redis: { kind: 'tcp', host: 'db.example', port: 6379, db: 0, url: 'redis://db.example:6379' } }));
    expect(result.notes.at(-1)).toBe(
      "The Redis at redis://db.example:6379 (--redis) and any worker started apart from this run are not the lab's own processes: on this machine their CPU counts as other programs', on other machines it is not counted at all.",
    );
  });
});

describe('per run: only runs of 0.5 s or more, and no reading around runs too short to tell', () => {
  it('gives a figure to each long run', async () => {
    const [measured] = await measureModes(sleeper(520), ['sequential'], { repeats: 2, warmups: 0, readCpu: steadyCpu({ foreignCores: 0.5 }) });
    expect(measured!.foreignCpuCores).toEqual([0.5, 0.5]);
    const [row] = compareModes([measured!]);
    expect(row!.samples.map((s) => s.foreignCpuCores)).toEqual([0.5, 0.5]);
    expect(row!.disturbed).toBe(true);
  });

  it('gives none to short runs, and stops reading once a run was too short', async () => {
    let reads = 0;
    const readCpu = steadyCpu({ foreignCores: 0.5 });
    const [measured] = await measureModes(sleeper(1), ['sequential'], {
      repeats: 3,
      warmups: 1,
      readCpu: () => {
        reads++;
        return readCpu();
      },
    });
    expect(measured!.foreignCpuCores).toEqual([null, null, null]);
    // Reading around every run would read 4 times; after the first 1 ms run (far under 250 ms), none.
    expect(reads).toBeLessThan(4);
    const [row] = compareModes([measured!]);
    expect(row!.samples.every((s) => !('foreignCpuCores' in s))).toBe(true);
    expect(row!.disturbed).toBeUndefined();
  });

  it('reads nothing without a reader', async () => {
    const [measured] = await measureModes(sleeper(1), ['sequential'], { repeats: 1, warmups: 0 });
    expect(measured).not.toHaveProperty('foreignCpuCores');
  });
});

describe('a disturbed row', () => {
  const measurement = (mode: 'sequential' | 'parallel', foreign: readonly (number | null)[]): ModeMeasurement => {
    const wallMs = foreign.map(() => 600);
    return {
      workload: 'w',
      mode,
      threads: mode === 'sequential' ? 1 : 2,
      wallMs,
      summary: summarize(wallMs),
      cpuMs: [],
      gcShare: [],
      kernelUsPerUnit: [],
      loneWorkerUsPerUnit: [],
      checksums: wallMs.map(() => [1]),
      foreignCpuCores: foreign,
      lastRun: {} as ModeMeasurement['lastRun'],
    };
  };

  it('is one whose measured runs averaged above 0.25 of a core, the unmeasured ones left out', () => {
    const rows = compareModes([measurement('sequential', [0.1, 0.3, null]), measurement('parallel', [0.2, 0.4, null])]);
    expect(rows.map((r) => r.disturbed)).toEqual([undefined, true]);
  });

  it('carries % beside its mode (apart from the noisy !) and a legend line under the table', () => {
    const [quiet, busy] = compareModes([measurement('sequential', [0, 0, 0]), measurement('parallel', [0.5, 0.7, null])]) as [ModeComparison, ModeComparison];
    const table = modeTable('t', [quiet, { ...busy, noisy: true }]);
    expect(table.rows.map((r) => r[0])).toEqual(['sequential', 'parallel ! %']);
    expect(table.warnings).toContain('disturbed %: w parallel: other programs used about 0.6 of a core on average during 2 of its 3 runs (those of 0.5 s or more), above 0.25: rerun on an idle machine.');
    expect(disturbedLegend([quiet])).toEqual([]);
  });
});

describe('the machine line', () => {
  it('gives other programs\' CPU during the run, or says it was not measured (older results, no /proc/stat)', () => {
    expect(machineLine(handMadeMachine, 0.8)).toContain("load before the run 0.00 0.00 0.00; other programs' CPU during the run 0.80 cores; 2026-");
    expect(machineLine(handMadeMachine, null)).toContain("; other programs' CPU not measured; ");
    expect(machineLine(handMadeMachine, undefined)).toContain("; other programs' CPU not measured; ");
  });

  it('words cores as a reader would', () => {
    expect([0.8, 0.96, 1.04, 1.6].map(coresPhrase)).toEqual(['about 0.8 of a core', 'about one core', 'about one core', 'about 1.6 cores']);
  });
});
