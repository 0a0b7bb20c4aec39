import { UsageError } from '../errors/usage-error.ts';
import { capText } from '../workload/describe-value.ts';

/** What `compare --format` prints: the terminal table (default), or a format a CI reads. */
export const compareFormats = ['text', 'json', 'markdown', 'csv', 'github-action-benchmark'] as const;
export type CompareFormat = (typeof compareFormats)[number];

/** `compare`'s own flags, checked. */
export interface CompareChoices {
  readonly format?: CompareFormat;
  /** `--fail-on-slower PCT`: the regression gate's threshold, in percent. */
  readonly failOnSlower?: number;
  readonly strict: boolean;
  /** `--machines`: the table across machines, whatever the number of paths. */
  readonly machines: boolean;
}

/** `--format FORMAT`: one of the formats; `--json` is its alias for json, and giving both is refused. */
export function parseFormat(raw: string, flag = 'format'): CompareFormat {
  const format = compareFormats.find((f) => f === raw);
  if (format === undefined) throw new UsageError(`--${flag} "${capText(raw)}" is not a format; accepted: ${compareFormats.join(', ')}`);
  return format;
}

/** `--fail-on-slower PCT`: a number of percent from 0 to 1000 (2.5 allowed). */
export function parsePercent(raw: string, flag: string): number {
  const value = /^\+?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!Number.isFinite(value) || value > 1000) throw new UsageError(`--${flag} must be a percentage from 0 to 1000 (e.g. 5 for 5%); got "${capText(raw)}"`);
  return value;
}

export function compareChoices(values: { readonly format?: string | boolean; readonly json?: string | boolean; readonly 'fail-on-slower'?: string | boolean; readonly strict?: string | boolean; readonly machines?: string | boolean }): CompareChoices {
  if (typeof values.format === 'string' && values.json === true) throw new UsageError('--json and --format both choose the output; give one (--json is --format json)');
  const failOnSlower = typeof values['fail-on-slower'] === 'string' ? parsePercent(values['fail-on-slower'], 'fail-on-slower') : undefined;
  const strict = values.strict === true;
  if (strict && failOnSlower === undefined) throw new UsageError('--strict applies to the gate: give --fail-on-slower PCT too');
  return {
    ...(typeof values.format === 'string' && { format: parseFormat(values.format) }),
    ...(failOnSlower !== undefined && { failOnSlower }),
    strict,
    machines: values.machines === true,
  };
}
