import * as os from 'node:os';
import { describe, expect, it, vi } from 'vitest';
import type { Progress } from '../src/measure/alternate.ts';
import { idleCpu } from '../src/measure/idle-cpu.ts';
import { machineInfo } from '../src/measure/machine.ts';
import { checksumsMatch, measureModes } from '../src/measure/measure-modes.ts';
import { nsPerSwitch, switchKinds } from '../src/measure/switch-cost.ts';
import type { WorkloadSpec } from '../src/workload/spec.ts';

// In-process tests of src/measure's measuring functions: mutation testing only sees code that runs
// in the test's own process, not in the command line's child process.

const fakeCpus = vi.hoisted(() => ({ models: ['  Intel(R) Core(TM) i7-8650U CPU @ 1.90GHz ', '', '', ''] }));

vi.mock('node:os', async (importOriginal) => {
  const os = await importOriginal<typeof import('node:os')>();
  return {
    ...os,
    cpus: () => fakeCpus.models.map((model) => ({ model, speed: 1900, times: { user: 0, nice: 0, sys: 0, idle: 0, irq: 0 } })),
    totalmem: () => 16.26 * 2 ** 30,
    loadavg: () => [0.123, 1.006, 2.5],
  };
});

const tiny: WorkloadSpec = {
  name: 'tiny',
  tasks: [
    { name: 'a', parts: [{ kind: 'cpu', units: 5 }] },
    { name: 'b', parts: [{ kind: 'cpu', units: 7 }, { kind: 'wait', ms: 1 }] },
  ],
};

describe('measureModes', () => {
  it('times repeats runs per mode after the warm-up ones, and keeps every run\'s checksums in task order', async () => {
    const progress: Progress[] = [];
    const rows = await measureModes(tiny, ['sequential', 'interleaved'], { repeats: 3, warmups: 1, onProgress: (p) => progress.push(p) });
    expect(rows.map((r) => [r.workload, r.mode, r.threads, r.wallMs.length, r.summary.n, r.checksums.length])).toEqual([
      ['tiny', 'sequential', 1, 3, 3, 3],
      ['tiny', 'interleaved', 1, 3, 3, 3],
    ]);
    for (const row of rows) {
      expect(row.checksums.every((run) => run.length === 2)).toBe(true);
      expect(checksumsMatch(row, rows[0]!.checksums[0]!)).toBe(true);
      expect(row.lastRun.wallMs).toBe(row.wallMs[2]);
      expect(row.summary.median).toBe([...row.wallMs].sort((x, y) => x - y)[1]);
      expect('pool' in row).toBe(false);
    }
    expect(progress.map((p) => `${p.label} ${p.phase} ${p.repeat}/${p.of}`)).toEqual([
      'tiny sequential warm-up 1/1',
      'tiny interleaved warm-up 1/1',
      // The balanced order: for two modes, plain alternation, each running right after the other once a round.
      'tiny sequential measure 1/3',
      'tiny interleaved measure 1/3',
      'tiny sequential measure 2/3',
      'tiny interleaved measure 2/3',
      'tiny sequential measure 3/3',
      'tiny interleaved measure 3/3',
    ]);
  });
});

describe('machineInfo', () => {
  it('names the machine by its cpu model and core count, rounds memory and load, and dates the reading', () => {
    const info = machineInfo(new Date('2026-01-02T03:04:05.000Z'));
    expect(info.cpuModel).toBe('Intel(R) Core(TM) i7-8650U CPU @ 1.90GHz');
    expect(info.id).toBe('intel-core-i7-8650u-4c');
    expect(info.logicalCores).toBe(4);
    expect(info.memoryGiB).toBe(16.3);
    expect(info.loadAverage).toEqual([0.12, 1.01, 2.5]);
    expect(info.date).toBe('2026-01-02T03:04:05.000Z');
    expect(info.node).toBe(process.version);
    expect(info.platform).toBe(`${process.platform}-${process.arch}`);
    // Run from a git checkout: a 12-digit commit, marked when tracked files were changed.
    expect(info.labCommit).toMatch(/^[0-9a-f]{12}(\+dirty)?$/);
    expect(info.os).toBe(`${os.type()} ${os.release()}`);
    expect(info.hostname).toBe(os.hostname());
    expect(info.availableParallelism).toBe(os.availableParallelism());
    expect(info.v8).toBe(process.versions.v8);
    expect(info.piscina).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('falls back to a generic name when the cpu model is unknown or has nothing to keep', () => {
    const saved = fakeCpus.models;
    try {
      fakeCpus.models = [];
      expect(machineInfo()).toMatchObject({ cpuModel: 'unknown cpu', id: 'unknown-0c', logicalCores: 0 });
      fakeCpus.models = ['(R) (TM) Processor', '(R) (TM) Processor'];
      expect(machineInfo().id).toBe('machine-2c');
      fakeCpus.models = ['AMD EPYC 7B13 64-Core Processor'];
      expect(machineInfo().id).toBe('amd-epyc-7b13-64-core-1c');
    } finally {
      fakeCpus.models = saved;
    }
  });
});

describe('idleCpu and nsPerSwitch', () => {
  it('idleCpu reports its CPU share as cpu time over wall time, over a run at least as long as the sleep', async () => {
    const idle = await idleCpu(3, 20);
    expect(idle.wallMs).toBeGreaterThanOrEqual(20);
    expect(idle.cpuMs).toBeGreaterThanOrEqual(0);
    expect(idle.share).toBe(idle.cpuMs / idle.wallMs);
  });

  it('nsPerSwitch gives a positive, finite cost for every kind of switch', async () => {
    for (const kind of switchKinds) {
      const ns = await nsPerSwitch(kind, 2, 200);
      expect(Number.isFinite(ns) && ns > 0).toBe(true);
    }
  });
});
