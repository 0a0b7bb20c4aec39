import { readFile } from 'node:fs/promises';
import type { WorkloadSpec } from '../workload/spec.ts';
import { validateWorkload, WorkloadError } from '../workload/validate.ts';

/**
 * Reads a user's workload file: unreadable files, JSON syntax errors (with line and column)
 * and invalid workloads all become one `WorkloadError` line that starts with the path.
 */
export async function readWorkloadFile(path: string): Promise<WorkloadSpec> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : String(code ?? error);
    throw new WorkloadError(`${path}: cannot be read (${why})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new WorkloadError(`${path}:${syntaxErrorPlace(text, (error as Error).message)}: JSON syntax error: ${stripPosition((error as Error).message)}`);
  }
  try {
    return validateWorkload(parsed);
  } catch (error) {
    if (error instanceof WorkloadError) throw new WorkloadError(`${path}: ${error.message}`);
    throw error;
  }
}

/**
 * `line:column` (1-based) of a JSON.parse error: from the position V8 puts in most messages,
 * else by bisecting for the shortest prefix that fails for a reason other than ending early.
 */
export function syntaxErrorPlace(text: string, message: string): string {
  const match = /at position (\d+)/.exec(message);
  const position = match ? Number(match[1]) : firstBadPosition(text);
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `${line}:${column}`;
}

function firstBadPosition(text: string): number {
  const failsEarly = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length));
      return false;
    } catch (error) {
      return !/Unexpected end of JSON input/.test((error as Error).message);
    }
  };
  let low = 0;
  let high = text.length;
  if (!failsEarly(high)) return text.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (failsEarly(mid)) high = mid;
    else low = mid + 1;
  }
  return Math.max(0, low - 1);
}

function stripPosition(message: string): string {
  return message
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/, ".*" is not valid JSON$/s, '')
    .replace(/^Unexpected end of JSON input$/, 'the file ends too early');
}
