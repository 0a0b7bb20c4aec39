import type { BenchFile, BenchRow, RowField } from './bench-file.ts';
import type { ModeRow } from './compare-tests.ts';
import type { SavedResult } from './saved-result.ts';

/** The fields that tell one timed row of a result from another, in the order a label reads them. */
const IDENTIFYING = ['workload', 'mode', 'kind', 'batch', 'size', 'unitsPerTask', 'tasks'] as const;

/** A timed mode row: what `compare` lines up. */
export function isModeRow(row: object): row is ModeRow {
  const r = row as Record<string, unknown>;
  return (
    typeof r.workload === 'string' &&
    typeof r.mode === 'string' &&
    typeof r.threads === 'number' &&
    typeof r.medianMs === 'number' &&
    typeof r.speedup === 'number' &&
    typeof r.efficiency === 'number'
  );
}

/**
 * A row's identifying fields. Threads count only where they tell rows of one result apart (try's
 * pool rows at 1, 2, 4 threads): elsewhere they follow the machine's cores, and rows of a 2-core and a
 * 16-core run still line up.
 */
export function identifyingFields(row: ModeRow, withThreads: boolean): RowField[] {
  const r = row as unknown as Record<string, unknown>;
  const fields = IDENTIFYING.flatMap((name): RowField[] => {
    const value = r[name];
    return typeof value === 'string' || typeof value === 'number' ? [[name, value]] : [];
  });
  return withThreads ? [...fields, ['threads', row.threads]] : fields;
}

/** Whether threads are needed to tell this result's timed rows apart. */
export function threadsIdentify(rows: readonly ModeRow[]): boolean {
  const keys = rows.map((r) => JSON.stringify(identifyingFields(r, false)));
  return new Set(keys).size < keys.length;
}

/** A saved lab result as `compare` reads any tool's file. */
export function benchFileOfResult(result: SavedResult, file: string): BenchFile {
  const modeRows = result.rows.filter(isModeRow);
  const withThreads = threadsIdentify(modeRows);
  const rows = modeRows.map((r): BenchRow => ({
    fields: identifyingFields(r, withThreads),
    threads: r.threads,
    medianMs: r.medianMs,
    ...(r.samples !== undefined && { samplesMs: r.samples.map((s) => s.wallMs) }),
  }));
  const root = result as unknown as Record<string, unknown>;
  const hash = typeof root.moduleHash === 'string' ? root.moduleHash : result.settings.moduleHash;
  return {
    file,
    tool: 'lab',
    identity: result.experiment,
    settings: result.settings,
    rows,
    ...(typeof root.foreignCpuCores === 'number' && Number.isFinite(root.foreignCpuCores) && { foreignCpuCores: root.foreignCpuCores }),
    ...(typeof hash === 'string' && { moduleHash: hash }),
    ...(result.machine.labCommit !== undefined && { labCommit: result.machine.labCommit }),
  };
}
