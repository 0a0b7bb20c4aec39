import { DISTURBED_FROM_CORES } from '../measure/foreign-cpu.ts';
import type { BenchFile, BenchTool } from './bench-file.ts';

export type SideName = 'OLD' | 'NEW';

/** What a side is made of, and whether other programs disturbed it. */
export interface SideFacts {
  readonly name: SideName;
  readonly paths: readonly string[];
  readonly files: readonly string[];
  /** The tools that wrote its files, as detected. */
  readonly tools: readonly BenchTool[];
  /** The most CPU other programs used in any of its runs (cores); undefined where no file measured it. */
  readonly foreignCpuCores?: number;
  /** Files that measured it, of `files`. */
  readonly measuredFiles: number;
  /** More than `DISTURBED_FROM_CORES` in some run. */
  readonly disturbed: boolean;
}

export function sideFacts(name: SideName, paths: readonly string[], files: readonly BenchFile[]): SideFacts {
  const measured = files.flatMap((f) => (f.foreignCpuCores === undefined ? [] : [f.foreignCpuCores]));
  const most = measured.length === 0 ? undefined : Math.max(...measured);
  return {
    name,
    paths,
    files: files.map((f) => f.file),
    tools: [...new Set(files.map((f) => f.tool))],
    ...(most !== undefined && { foreignCpuCores: most }),
    measuredFiles: measured.length,
    disturbed: most !== undefined && most > DISTURBED_FROM_CORES,
  };
}

/** "lab, 3 files; other programs used at most 0.12 cores" / "... not measured". */
export function sideText(side: SideFacts): string {
  const files = `${side.tools.join(' + ')}, ${side.files.length} file${side.files.length === 1 ? '' : 's'}`;
  if (!side.tools.includes('lab')) return files;
  if (side.foreignCpuCores === undefined) return `${files}; CPU of other programs not measured`;
  const partly = side.measuredFiles < side.files.length ? ` (measured in ${side.measuredFiles})` : '';
  return `${files}; other programs used up to ${side.foreignCpuCores.toFixed(2)} cores${partly}${side.disturbed ? ': DISTURBED' : ''}`;
}
