import { ResultFileError } from './saved-result.ts';

/** Shape checks for other tools' files: each failure names the file and the path inside it. */
export interface Checker {
  fail(fault: string): never;
  object(value: unknown, path: string): Record<string, unknown>;
  array(value: unknown, path: string): unknown[];
  nonEmptyString(value: unknown, path: string): string;
  positive(value: unknown, path: string): number;
  /** An optional list of samples (absent or null: none kept), each a finite number >= 0. */
  samples(value: unknown, path: string): number[] | undefined;
}

const shown = (v: unknown): string => {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 40 ? `${text.slice(0, 40)}...` : text;
};

export function checker(file: string, tool: string): Checker {
  const fail = (fault: string): never => {
    throw new ResultFileError(`${file}: ${fault} (read as ${tool} results)`);
  };
  const object = (v: unknown, path: string): Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : fail(`${path} must be an object, got ${shown(v)}`);
  const array = (v: unknown, path: string): unknown[] => (Array.isArray(v) && v.length > 0 ? v : fail(`${path} must be a non-empty array, got ${shown(v)}`));
  return {
    fail,
    object,
    array,
    nonEmptyString: (v, path) => (typeof v === 'string' && v !== '' ? v : fail(`${path} must be a non-empty string, got ${shown(v)}`)),
    positive: (v, path) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : fail(`${path} must be a positive number, got ${shown(v)}`)),
    samples: (v, path) => {
      if (v === undefined || v === null) return undefined;
      const list = array(v, path);
      list.forEach((s, i) => {
        if (!(typeof s === 'number' && Number.isFinite(s) && s >= 0)) fail(`${path}[${i}] must be a number >= 0, got ${shown(s)}`);
      });
      return list as number[];
    },
  };
}
