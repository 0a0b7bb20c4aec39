import { readFile, stat } from 'node:fs/promises';
import { kindOf } from '../report/output-paths.ts';
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
    // A FIFO or a device (/dev/zero) would block or never end: only a regular file is read.
    const info = await stat(path);
    if (!info.isFile()) throw new WorkloadError(`${path}: cannot be read (it is ${kindOf(info)}; give a regular JSON file)`);
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof WorkloadError) throw error;
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
