import type { Sample } from '../measure/samples.ts';
import { holmVerdicts, unpairedVerdict, type Verdict } from '../measure/verdict.ts';

/** The fields compare needs from a row: a timed mode of a workload, as the mode tables save them. */
export interface ModeRow {
  readonly workload: string;
  readonly mode: string;
  readonly threads: number;
  readonly repeats?: number;
  readonly medianMs: number;
  readonly medianLowMs?: number;
  readonly medianHighMs?: number;
  readonly medianCoverage?: number;
  readonly speedup: number;
  /** Schema 1 only: the 95% half-width of the speedup. */
  readonly speedupCi95?: number;
  readonly efficiency: number;
  /** Schema 2: every repeat. */
  readonly samples?: readonly Sample[];
}

/** How one machine's row compares with the first machine's. */
export type CellTest =
  /** Both have samples: Mann-Whitney U, then Holm over every test of the comparison (`verdict.p` is the corrected p). */
  | { readonly method: 'mann-whitney'; readonly verdict: Verdict; readonly rawP?: number }
  /** A file without samples (schema 1): do the efficiency +- 95% intervals overlap? No stated error rate. */
  | { readonly method: 'interval overlap'; readonly state: 'agree' | 'differ' | 'unknown'; readonly why?: string }
  /** The two runs measured different work (settings differ): nothing is tested. */
  | { readonly method: 'not comparable'; readonly differing: readonly string[] };

/** Tests a row of another machine against the first machine's, before any correction. */
export function testCell(first: ModeRow, other: ModeRow): CellTest {
  if (first.samples !== undefined && other.samples !== undefined) {
    return { method: 'mann-whitney', verdict: unpairedVerdict(other.samples.map((s) => s.wallMs), first.samples.map((s) => s.wallMs)) };
  }
  return overlapTest(first, other);
}

/** The schema-1 fallback: efficiency intervals (speedup +- its half-width, per thread) overlap or not. */
export function overlapTest(first: ModeRow, other: ModeRow): CellTest {
  const half = (r: ModeRow): number | undefined => (r.speedupCi95 !== undefined && r.speedupCi95 > 0 ? r.speedupCi95 / r.threads : undefined);
  const a = half(first);
  const b = half(other);
  if (a === undefined || b === undefined) return { method: 'interval overlap', state: 'unknown', why: 'no interval: one repeat, or no samples saved' };
  const overlap = first.efficiency - a <= other.efficiency + b && other.efficiency - b <= first.efficiency + a;
  return { method: 'interval overlap', state: overlap ? 'agree' : 'differ' };
}

/** Every Mann-Whitney test of a comparison corrected together by Holm, the raw p kept beside the corrected one. */
export function correctTests(tests: readonly (CellTest | undefined)[]): (CellTest | undefined)[] {
  const tested = tests.flatMap((t) => (t?.method === 'mann-whitney' ? [t.verdict] : []));
  const corrected = holmVerdicts(tested);
  let next = 0;
  return tests.map((t) => {
    if (t?.method !== 'mann-whitney') return t;
    const verdict = corrected[next++]!;
    return { method: 'mann-whitney', verdict, ...(t.verdict.state !== 'too-few' && { rawP: t.verdict.p }) };
  });
}

/** A test's bottom line: does the row differ, agree, or is it undecided? */
export function testOutcome(test: CellTest): 'agree' | 'differ' | 'unknown' | 'not comparable' {
  if (test.method === 'not comparable') return 'not comparable';
  if (test.method === 'interval overlap') return test.state;
  if (test.verdict.state === 'same') return 'agree';
  return test.verdict.state === 'too-few' ? 'unknown' : 'differ';
}
