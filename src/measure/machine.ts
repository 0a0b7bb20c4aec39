import { packageRoot } from '../runtime/package-root.ts';
import { spawnSync } from 'node:child_process';
import { hostname, loadavg, release, totalmem, type } from 'node:os';
import { processors } from '../runtime/cores.ts';
import { Piscina } from 'piscina';

/** The machine and software a measurement was taken with; saved with every result. */
export interface MachineInfo {
  /** Short name for file names: cpu model and core count, e.g. `amd-epyc-2c`. */
  readonly id: string;
  readonly hostname: string;
  readonly cpuModel: string;
  readonly logicalCores: number;
  readonly availableParallelism: number;
  readonly memoryGiB: number;
  /** Kernel name and release, e.g. `Linux 6.1.0-18-amd64`. */
  readonly os: string;
  readonly platform: string;
  readonly node: string;
  readonly v8: string;
  readonly piscina: string;
  /** The lab's git commit, when it runs from a git checkout; `+dirty` when files were changed. */
  readonly labCommit: string | undefined;
  /** 1, 5 and 15 minute load averages, read before the run: how busy the machine already was. */
  readonly loadAverage: readonly [number, number, number];
  /** When the context was read (ISO 8601). */
  readonly date: string;
}


/** Reads the machine context now; call it before a run so the load average describes the machine at rest. */
export function machineInfo(now: Date = new Date()): MachineInfo {
  const { usable, logical, model: cpuModel } = processors();
  const [one = 0, five = 0, fifteen = 0] = loadavg();
  return {
    id: `${slug(cpuModel)}-${logical}c`,
    hostname: hostname(),
    cpuModel,
    logicalCores: logical,
    availableParallelism: usable,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${type()} ${release()}`,
    platform: `${process.platform}-${process.arch}`,
    node: process.version,
    v8: process.versions.v8,
    piscina: Piscina.version,
    labCommit: gitCommit(),
    loadAverage: [round2(one), round2(five), round2(fifteen)],
    date: now.toISOString(),
  };
}

function gitCommit(): string | undefined {
  const git = (...args: string[]): string | undefined => {
    const result = spawnSync('git', args, { cwd: packageRoot, encoding: 'utf8', timeout: 5_000 });
    return result.status === 0 ? result.stdout.trim() : undefined;
  };
  const commit = git('rev-parse', '--short=12', 'HEAD');
  if (commit === undefined) return undefined;
  return git('status', '--porcelain', '--untracked-files=no') ? `${commit}+dirty` : commit;
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/\(r\)|\(tm\)|cpu|processor|@.*$/g, ' ')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'machine'
  );
}

const round2 = (x: number): number => Math.round(x * 100) / 100;
