import { fileURLToPath } from 'node:url';
import { runProcess } from '../../src/runtime/run-process.ts';
import { entryBeside, labExecArgv } from '../../src/runtime/entry-points.ts';
import type { ParkedMemory, ProbeRequest, ThreadsProbe } from './probe-protocol.ts';

const childFile = fileURLToPath(entryBeside(import.meta.url, 'probe-child'));

/** A probe child answered with something other than its one JSON line. */
export class ProbeAnswerError extends Error {
  override name = 'ProbeAnswerError';
}

/** Runs one probe in a fresh child process started with --expose-gc (loaded as the lab is) and returns what it measured. */
export async function probeInChild<R extends ProbeRequest>(request: R, options: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<R['way'] extends 'threads' ? ThreadsProbe : ParkedMemory> {
  const stdout = await runProcess(process.execPath, [...labExecArgv(childFile, '--expose-gc'), childFile, JSON.stringify(request)], {
    timeoutMs: options.timeoutMs ?? 300_000,
    ...(options.signal && { signal: options.signal }),
  });
  const line = stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as R['way'] extends 'threads' ? ThreadsProbe : ParkedMemory;
  } catch {
    throw new ProbeAnswerError(`the ${request.way} probe of ${request.tasks} tasks answered ${JSON.stringify(line.slice(0, 80))}, not one JSON line`);
  }
}
