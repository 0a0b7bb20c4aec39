import { readJsonFile } from './read-file.ts';
import type { WorkloadSpec } from '../workload/spec.ts';
import { validateWorkload, WorkloadError } from '../workload/validate.ts';
import { workLimits } from '../workload/work-totals.ts';

/**
 * Reads a user's workload file, within `maxWork` times the default work limits: unreadable files,
 * JSON syntax errors (with line and column) and invalid workloads all become one `WorkloadError`
 * line that starts with the path.
 */
export async function readWorkloadFile(path: string, maxWork = 1): Promise<WorkloadSpec> {
  const parsed = await readJsonFile({ path, named: path, give: 'a regular JSON file', error: WorkloadError });
  try {
    return validateWorkload(parsed, workLimits(maxWork));
  } catch (error) {
    if (error instanceof WorkloadError) throw new WorkloadError(`${path}: ${error.message}`);
    throw error;
  }
}
