import { capText, controlCharacterIn, describeValue } from './describe-value.ts';
import { faultKinds, partKinds, type FaultKind, type PartSpec, type TaskSpec, type WorkloadSpec } from './spec.ts';
import { DelegationCycle, workLimits, workTotals, type WorkLimits } from './work-totals.ts';
import { ExitCode, LabError } from '../errors/lab-error.ts';

/** A workload description that cannot run; the message names the exact path and what is accepted. */
export class WorkloadError extends LabError {
  override name = 'WorkloadError';
  override readonly exitCode: number = ExitCode.badInput;
}

const RAISE_LIMITS = 'raise the work limits with --max-work N (N times the defaults)';

export const workloadLimits = {
  maxUnits: 100_000_000,
  maxMs: 600_000,
  maxNameLength: 200,
} as const;

/**
 * Checks an untrusted value (parsed JSON) and returns it as a workload, or throws a `WorkloadError`.
 * Names, labels and descriptions must be printable text (no control characters): they reach terminals,
 * SVG and HTML. The total work after delegation must stay within `limits`.
 */
export function validateWorkload(value: unknown, limits: WorkLimits = workLimits()): WorkloadSpec {
  const root = record(value, 'workload');
  const name = text(root.name, 'workload.name');
  const description = root.description === undefined ? undefined : text(root.description, 'workload.description', 2000);
  if (!Array.isArray(root.tasks)) throw new WorkloadError('workload.tasks must be an array of tasks');
  if (root.tasks.length === 0) throw new WorkloadError('workload.tasks is empty: a workload needs at least one task');
  if (root.tasks.length > limits.maxTasks) {
    throw new WorkloadError(`workload.tasks has ${count(root.tasks.length)} tasks; at most ${count(limits.maxTasks)} are accepted; ${RAISE_LIMITS}`);
  }
  const tasks = root.tasks.map((t, i) => validateTask(t, `workload.tasks[${i}]`));
  const seen = new Set<string>();
  for (const [i, task] of tasks.entries()) {
    if (seen.has(task.name)) throw new WorkloadError(`workload.tasks[${i}].name ${describeValue(task.name)} is used twice; task names must be unique`);
    seen.add(task.name);
  }
  checkDelegation(tasks, limits);
  return description === undefined ? { name, tasks } : { name, description, tasks };
}

function validateTask(value: unknown, path: string): TaskSpec {
  const task = record(value, path);
  const name = text(task.name, `${path}.name`);
  if (!Array.isArray(task.parts) || task.parts.length === 0) throw new WorkloadError(`${path}.parts must be a non-empty array of parts`);
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
        throw new WorkloadError(`${path}.fault must be one of ${faultKinds.join(', ')}; got ${describeValue(p.fault)}`);
      }
      const message = p.message === undefined ? {} : { message: text(p.message, `${path}.message`, 500) };
      return { kind: 'fault', fault: p.fault as FaultKind, ...message, ...label };
    }
    default:
      throw new WorkloadError(`${path}.kind must be one of ${partKinds.join(', ')}; got ${describeValue(p.kind)}`);
  }
}

/** Every delegate names an existing task, no task delegates (transitively) to itself, and the total work is within limits. */
function checkDelegation(tasks: readonly TaskSpec[], limits: WorkLimits): void {
  const byName = new Map(tasks.map((t) => [t.name, t]));
  for (const [i, task] of tasks.entries()) {
    for (const [j, p] of task.parts.entries()) {
      if (p.kind === 'delegate' && !byName.has(p.task)) {
        throw new WorkloadError(`workload.tasks[${i}].parts[${j}].task ${describeValue(p.task)} names no task of this workload`);
      }
    }
  }
  const totals = workTotals(tasks, byName);
  if (totals instanceof DelegationCycle) {
    const path = totals.path.length <= 8 ? totals.path : [...totals.path.slice(0, 4), `... ${totals.path.length - 6} more ...`, ...totals.path.slice(-2)];
    throw new WorkloadError(`workload tasks delegate in a cycle: ${path.map((n) => capText(n, 40)).join(' -> ')}`);
  }
  if (totals.parts > limits.maxTotalParts) {
    throw new WorkloadError(`workload has ${count(totals.parts)} parts in all after delegation; at most ${count(limits.maxTotalParts)} are accepted; ${RAISE_LIMITS}`);
  }
  if (totals.units > limits.maxTotalUnits) {
    throw new WorkloadError(`workload has ${count(totals.units)} cpu units in all after delegation; at most ${count(limits.maxTotalUnits)} are accepted; ${RAISE_LIMITS}`);
  }
}

function count(n: number): string {
  return n < 1e15 ? n.toLocaleString('en-US') : n.toExponential(2);
}

function record(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new WorkloadError(`${path} must be an object`);
  return value as Record<string, unknown>;
}

function text(value: unknown, path: string, maxLength: number = workloadLimits.maxNameLength): string {
  if (typeof value !== 'string' || value.trim() === '') throw new WorkloadError(`${path} must be a non-empty string; got ${describeValue(value)}`);
  if (value.length > maxLength) throw new WorkloadError(`${path} is ${value.length} characters long; at most ${maxLength} are accepted`);
  const control = controlCharacterIn(value);
  if (control !== undefined) throw new WorkloadError(`${path} contains a control character (${control}); names, labels and descriptions must be printable text`);
  return value;
}

function integer(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new WorkloadError(`${path} must be an integer from ${min} to ${max}; got ${describeValue(value)}`);
  }
  return value;
}

function milliseconds(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > workloadLimits.maxMs) {
    throw new WorkloadError(`${path} must be a number of milliseconds from 0 to ${workloadLimits.maxMs}; got ${describeValue(value)}`);
  }
  return value;
}
