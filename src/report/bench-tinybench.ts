import type { BenchFile, BenchRow } from './bench-file.ts';
import { checker } from './bench-checks.ts';

/** Whether a parsed file is tinybench's tasks as `bench.tasks.map(({ name, result }) => ({ name, result }))`. */
export function looksLikeTinybench(value: unknown): boolean {
  return Array.isArray(value) && value.some((t) => typeof (t as { name?: unknown } | null)?.name === 'string' && typeof (t as { result?: unknown }).result === 'object');
}

/**
 * tinybench 6's tasks: one row per task (its name), latencies in ms, the samples under
 * `latency.samples` when the bench kept them (`retainSamples: true`). Only completed tasks compare.
 */
export function readTinybench(value: unknown, file: string): BenchFile {
  const check = checker(file, 'tinybench tasks');
  const tasks = check.array(value, 'the file');
  const rows = tasks.map((t, i): BenchRow => {
    const task = check.object(t, `[${i}]`);
    const name = check.nonEmptyString(task.name, `[${i}].name`);
    const result = check.object(task.result, `[${i}].result`);
    if (result.state !== 'completed') check.fail(`[${i}].result.state is ${JSON.stringify(result.state)?.slice(0, 40)}; only completed tasks compare`);
    const latency = check.object(result.latency, `[${i}].result.latency`);
    const p50 = check.positive(latency.p50, `[${i}].result.latency.p50`);
    const samples = check.samples(latency.samples, `[${i}].result.latency.samples`);
    return { fields: [['name', name]], medianMs: p50, ...(samples !== undefined && { samplesMs: samples }) };
  });
  return { file, tool: 'tinybench', identity: 'tinybench', settings: {}, rows };
}
