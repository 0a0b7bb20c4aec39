import { readFile } from 'node:fs/promises';
import { jsonSyntaxError } from './json-syntax.ts';
import type { WorkloadSpec } from '../workload/spec.ts';
import { validateWorkload, WorkloadError } from '../workload/validate.ts';
import { workLimits } from '../workload/work-totals.ts';

/**
 * Reads a user's workload file, within `maxWork` times the default work limits: unreadable files,
 * JSON syntax errors (with line and column) and invalid workloads all become one `WorkloadError`
 * line that starts with the path.
 */
export async function readWorkloadFile(path: string, maxWork = 1): Promise<WorkloadSpec> {
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
  } catch {
    throw new WorkloadError(`${path}${jsonSyntaxError(text)}`);
  }
  try {
    return validateWorkload(parsed, workLimits(maxWork));
  } catch (error) {
    if (error instanceof WorkloadError) throw new WorkloadError(`${path}: ${error.message}`);
    throw error;
  }
}
