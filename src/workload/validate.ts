import { faultKinds, partKinds, type FaultKind, type PartSpec, type TaskSpec, type WorkloadSpec } from './spec.ts';

/** A workload description that cannot run; the message names the exact path and what is accepted. */
export class WorkloadError extends Error {
  override name = 'WorkloadError';
}

export const workloadLimits = {
  maxTasks: 10_000,
  maxParts: 100_000,
  maxUnits: 100_000_000,
  maxMs: 600_000,
  maxNameLength: 200,
} as const;

/** Checks an untrusted value (parsed JSON) and returns it as a workload, or throws a `WorkloadError`. */
export function validateWorkload(value: unknown): WorkloadSpec {
  const root = record(value, 'workload');
  const name = text(root.name, 'workload.name');
  const description = root.description === undefined ? undefined : text(root.description, 'workload.description', 2000);
  if (!Array.isArray(root.tasks)) throw new WorkloadError('workload.tasks must be an array of tasks');
  if (root.tasks.length === 0) throw new WorkloadError('workload.tasks is empty: a workload needs at least one task');
  if (root.tasks.length > workloadLimits.maxTasks) throw new WorkloadError(`workload.tasks has ${root.tasks.length} tasks; at most ${workloadLimits.maxTasks} are accepted`);
  const tasks = root.tasks.map((t, i) => validateTask(t, `workload.tasks[${i}]`));
  const seen = new Set<string>();
  for (const [i, task] of tasks.entries()) {
    if (seen.has(task.name)) throw new WorkloadError(`workload.tasks[${i}].name "${task.name}" is used twice; task names must be unique`);
    seen.add(task.name);
  }
  checkDelegation(tasks);
  return description === undefined ? { name, tasks } : { name, description, tasks };
}

function validateTask(value: unknown, path: string): TaskSpec {
  const task = record(value, path);
  const name = text(task.name, `${path}.name`);
  if (!Array.isArray(task.parts) || task.parts.length === 0) throw new WorkloadError(`${path}.parts must be a non-empty array of parts`);
  if (task.parts.length > workloadLimits.maxParts) throw new WorkloadError(`${path}.parts has ${task.parts.length} parts; at most ${workloadLimits.maxParts} are accepted`);
  return { name, parts: task.parts.map((p, i) => validatePart(p, `${path}.parts[${i}]`)) };
}

function validatePart(value: unknown, path: string): PartSpec {
  const p = record(value, path);
  const label = p.label === undefined ? {} : { label: text(p.label, `${path}.label`) };
  switch (p.kind) {
    case 'cpu': {
      const units = integer(p.units, `${path}.units`, 1, workloadLimits.maxUnits);
      if (p.sliceUnits === undefined) return { kind: 'cpu', units, ...label };
      return { kind: 'cpu', units, sliceUnits: integer(p.sliceUnits, `${path}.sliceUnits`, 1, workloadLimits.maxUnits), ...label };
    }
    case 'wait':
    case 'block':
      return { kind: p.kind, ms: milliseconds(p.ms, `${path}.ms`), ...label };
    case 'delegate':
      return { kind: 'delegate', task: text(p.task, `${path}.task`) };
    case 'fault': {
      if (!(faultKinds as readonly unknown[]).includes(p.fault)) {
        throw new WorkloadError(`${path}.fault must be one of ${faultKinds.join(', ')}; got ${JSON.stringify(p.fault) ?? 'nothing'}`);
      }
      const message = p.message === undefined ? {} : { message: text(p.message, `${path}.message`, 500) };
      return { kind: 'fault', fault: p.fault as FaultKind, ...message, ...label };
    }
    default:
      throw new WorkloadError(`${path}.kind must be one of ${partKinds.join(', ')}; got ${JSON.stringify(p.kind) ?? 'nothing'}`);
  }
}

/** Every delegate names an existing task, and no task delegates (transitively) to itself. */
function checkDelegation(tasks: readonly TaskSpec[]): void {
  const byName = new Map(tasks.map((t) => [t.name, t]));
  for (const [i, task] of tasks.entries()) {
    for (const [j, p] of task.parts.entries()) {
      if (p.kind === 'delegate' && !byName.has(p.task)) {
        throw new WorkloadError(`workload.tasks[${i}].parts[${j}].task "${p.task}" names no task of this workload`);
      }
    }
  }
  const done = new Set<string>();
  const visit = (task: TaskSpec, path: readonly string[]): void => {
    if (path.includes(task.name)) throw new WorkloadError(`workload tasks delegate in a cycle: ${[...path, task.name].join(' -> ')}`);
    if (done.has(task.name)) return;
    for (const p of task.parts) if (p.kind === 'delegate') visit(byName.get(p.task)!, [...path, task.name]);
    done.add(task.name);
  };
  for (const task of tasks) visit(task, []);
}

function record(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new WorkloadError(`${path} must be an object`);
  return value as Record<string, unknown>;
}

function text(value: unknown, path: string, maxLength: number = workloadLimits.maxNameLength): string {
  if (typeof value !== 'string' || value.trim() === '') throw new WorkloadError(`${path} must be a non-empty string`);
  if (value.length > maxLength) throw new WorkloadError(`${path} is ${value.length} characters long; at most ${maxLength} are accepted`);
  return value;
}

function integer(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new WorkloadError(`${path} must be an integer from ${min} to ${max}; got ${JSON.stringify(value) ?? 'nothing'}`);
  }
  return value;
}

function milliseconds(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > workloadLimits.maxMs) {
    throw new WorkloadError(`${path} must be a number of milliseconds from 0 to ${workloadLimits.maxMs}; got ${JSON.stringify(value) ?? 'nothing'}`);
  }
  return value;
}
