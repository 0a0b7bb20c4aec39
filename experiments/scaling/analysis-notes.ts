// Sentences from the scaling analysis: the knee, the best count and the ceiling, every step with its test.
import { type AmdahlFit } from '../../src/measure/amdahl.ts';
import { holmVerdicts, unpairedVerdict, type Verdict } from '../../src/measure/verdict.ts';
import { mannWhitneyOver } from '../../src/experiment/ratio-with-verdict.ts';
import { type AmdahlIntervals } from '../../src/experiment/amdahl-interval.ts';
import { formatCount, formatPercent, formatRange, formatRatio } from '../../src/report/format.ts';
import { impossibleNotes } from '../../src/report/impossible-notes.ts';
import { formatP } from '../../src/report/interval-text.ts';
import { type ScalingAnalysis, type ScalingPoint, type ScalingRow } from './analysis.ts';

/** A thread count's runs, ms; undefined in figures without repeats. */
const runsOf = (r: ScalingPoint): number[] | undefined => r.samples?.map((s) => s.wallMs);

/** `a`'s runs against `b`'s by Mann-Whitney U: each thread count is timed in its own block, on its own pool, so there are no rounds to pair. */
function blockVerdict(a: ScalingRow, b: ScalingRow): Verdict | undefined {
  const [x, y] = [runsOf(a), runsOf(b)];
  return x === undefined || y === undefined ? undefined : unpairedVerdict(x, y);
}

/** "1.95x [1.90-1.99]": a speedup over one thread with its bootstrap interval, when there is one. */
const speedupText = (r: ScalingRow): string => `${formatRatio(r.speedup)}${r.speedupLow === undefined || r.speedupHigh === undefined ? '' : ` [${r.speedupLow.toFixed(2)}-${r.speedupHigh.toFixed(2)}]`}`;

/** The speedup at `r` against one thread, claimed only as far as the test allows. */
function speedupClaim(r: ScalingRow, base: ScalingRow): string {
  const at = `${speedupText(r)} at ${formatCount(r.threads, 'thread')}`;
  const v = blockVerdict(r, base);
  if (v === undefined) return `speedup was ${at}, untested: no repeats were kept`;
  const test = mannWhitneyOver(r.samples!.length, base.samples!.length, 'runs');
  switch (v.state) {
    case 'faster':
      return `speedup rose to ${at}, measurably faster than 1 thread (${formatP(v.p)}, ${test}; 95% bootstrap interval in brackets)`;
    case 'slower':
      return `speedup fell to ${at}, measurably slower than 1 thread (${formatP(v.p)}, ${test}; 95% bootstrap interval in brackets)`;
    case 'same':
      return `speedup was ${at}: no measurable difference from 1 thread (${formatP(v.p)}, ${test})`;
    case 'too-few':
      return `speedup was ${at}, too few repeats for a verdict against 1 thread (n = ${v.n})`;
  }
}

/** One count past the cores against the count before it. */
interface Step {
  readonly from: ScalingRow;
  readonly to: ScalingRow;
  readonly verdict: Verdict | undefined;
}

/** Each count past the cores against the one before it, the p-values Holm-adjusted over the steps. */
function kneeSteps(atCores: ScalingRow, beyond: readonly ScalingRow[]): Step[] {
  const steps = beyond.map((to, i): Step => {
    const from = i === 0 ? atCores : beyond[i - 1]!;
    return { from, to, verdict: blockVerdict(to, from) };
  });
  if (steps.some((s) => s.verdict === undefined)) return steps;
  const adjusted = holmVerdicts(steps.map((s) => s.verdict!));
  return steps.map((s, i) => ({ ...s, verdict: adjusted[i] }));
}

/** "3 against 2 threads: no measurable difference, 0.99x, p = 0.841": the ratio is `to`'s speed over `from`'s. */
function stepPhrase({ from, to, verdict }: Step): string {
  const ratio = formatRatio(from.medianMs / to.medianMs);
  const head = `${to.threads} against ${formatCount(from.threads, 'thread')}`;
  if (verdict === undefined) return `${head} ${ratio}`;
  switch (verdict.state) {
    case 'faster':
      return `${head}: measurably faster, ${ratio}, ${formatP(verdict.p)}`;
    case 'slower':
      return `${head}: measurably slower, ${ratio}, ${formatP(verdict.p)}`;
    case 'same':
      return `${head}: no measurable difference, ${ratio}, ${formatP(verdict.p)}`;
    case 'too-few':
      return `${head}: ${ratio}, too few repeats for a verdict (n = ${verdict.n})`;
  }
}

/** How speedup moved past the cores, step by step, and where that puts the knee: flat only where no step differed measurably. */
function kneeText(atCores: ScalingRow, beyond: readonly ScalingRow[], cores: number): string {
  const steps = kneeSteps(atCores, beyond);
  const listed = steps.map(stepPhrase).join('; ');
  if (steps.some((s) => s.verdict === undefined)) return ` Past the ${formatCount(cores, 'core')}: ${listed}, untested: no repeats were kept, so this run does not place the knee.`;
  if (steps.some((s) => s.verdict!.state === 'too-few')) return ` Past the ${formatCount(cores, 'core')}: ${listed}; too few repeats to tell whether speedup still rose, stayed flat or fell, so this run does not place the knee.`;
  const how = `(${listed}; Mann-Whitney U over the runs of each pair of counts${steps.length > 1 ? `, p Holm-adjusted over the ${steps.length} steps` : ''})`;
  const knee = `the knee is at the ${formatCount(cores, 'core')}, because threads past them only take turns on the same cores.`;
  if (steps.some((s) => s.verdict!.state === 'faster')) return ` Past the ${formatCount(cores, 'core')} speedup still rose ${how}: the cores were not all busy at ${formatCount(atCores.threads, 'thread')}, so no knee at the ${formatCount(cores, 'core')} in this run.`;
  if (steps.some((s) => s.verdict!.state === 'slower')) return ` Past the ${formatCount(cores, 'core')} speedup fell ${how}: ${knee}`;
  return ` Past the ${formatCount(cores, 'core')} speedup stayed flat ${how}: ${knee}`;
}

/** The highest median speedup, and whether it differed measurably from the one on the cores. */
function bestText(best: ScalingRow, atCores: ScalingRow): string {
  if (best === atCores) return ` The highest median speedup was the one at ${formatCount(best.threads, 'thread')}.`;
  const verdict = blockVerdict(best, atCores);
  return (
    ` The highest median speedup was ${speedupText(best)} at ${formatCount(best.threads, 'thread')}; ${stepPhrase({ from: atCores, to: best, verdict })}` +
    (verdict === undefined ? ', untested: no repeats were kept.' : verdict.state === 'too-few' ? '.' : ', Mann-Whitney U.')
  );
}

/** Sentences from the analysis: how far speedup rose, where it stopped (the knee), what the fit and e(n) say; every comparison with its test. */
export function interpretScaling({ rows, fit, fitIntervals, cores }: ScalingAnalysis): string[] {
  const notes: string[] = [];
  const bad = rows.filter((r) => !r.checksumOk);
  if (bad.length > 0) notes.push(`CHECKSUMS DIFFER at ${bad.map((r) => `${formatCount(r.threads, 'thread')}`).join(', ')}: those runs did different work, and their times mean nothing.`);
  const flagged = rows.filter((r) => r.impossible !== undefined);
  notes.push(...impossibleNotes(flagged.map((r) => ({ workload: 'scaling', mode: `${formatCount(r.threads, 'thread')}`, impossible: r.impossible }))));
  if (flagged.length > 0) notes.push(`The Amdahl fit leaves out ${flagged.map((r) => `${formatCount(r.threads, 'thread')}`).join(', ')} (impossible, not clamped).`);
  const base = rows.find((r) => r.threads === 1)!;
  const atCores = [...rows].reverse().find((r) => r.threads <= cores)!;
  const beyond = rows.filter((r) => r.beyondCores);
  const best = rows.reduce((a, b) => (b.speedup > a.speedup ? b : a));
  const busy =
    atCores.threads > 1 && atCores.efficiency < 0.75
      ? ` Only ${formatPercent(atCores.efficiency)} efficiency on ${formatCount(atCores.threads, 'thread')}: other programs were probably using the cores, so read this curve with care.`
      : '';
  const head =
    atCores === base
      ? `With ${formatCount(cores, 'core')}, one thread is the baseline and the only count up to the cores.`
      : `${speedupClaim(atCores, base)}; ${formatPercent(atCores.efficiency)} efficiency, ideal ${formatRatio(atCores.idealSpeedup)}.`;
  notes.push(
    head +
      (beyond.length === 0 ? ` No thread count past the ${formatCount(cores, 'core')} was measured, so the knee is not in this run (raise --threads).` : kneeText(atCores, beyond, cores) + bestText(best, atCores)) +
      busy,
  );
  if (fit === undefined) {
    notes.push(`With ${formatCount(cores, 'core')} there is no thread count above one to fit Amdahl's law to.`);
    return notes;
  }
  const within = rows.filter((r) => r.karpFlatt !== null && !r.beyondCores).map((r) => r.karpFlatt!);
  const past = beyond.map((r) => r.karpFlatt!);
  const climbs = past.length > 0 && Math.max(...past) > Math.max(...within) * 1.5;
  notes.push(
    `Amdahl's law fitted to 1-${formatCount(atCores.threads, 'thread')} gives a serial fraction s = ${formatPercent(fit.serialFraction)}${fitIntervals === undefined ? '' : ` [${formatPercent(fitIntervals.serialFraction.low)}-${formatPercent(fitIntervals.serialFraction.high)}]`} ` +
      `(${ceilingText(fit, fitIntervals)}; ` +
      `${within.length === 1 ? "one thread count above one to fit, so s is that point's e(n) and fits it exactly" : `rms error ${fit.rmsError.toFixed(3)} over ${within.length + 1} thread counts`}). ` +
      `The Karp-Flatt fraction e(n) was ${range(within)} up to the cores` +
      (past.length === 0
        ? '.'
        : ` and ${range(past)} past them: ` +
          (climbs
            ? 'it climbs once threads outnumber cores, the knee in another form (threads without a core of their own), not serial code.'
            : 'it barely changes past the cores.')),
  );
  return notes;
}

/** The ceiling 1/s as a model figure, with its bootstrap interval when there are repeats. */
function ceilingText(fit: AmdahlFit, intervals: AmdahlIntervals | undefined): string {
  if (!Number.isFinite(fit.maxSpeedup)) return 'with s = 0 the model sets no ceiling on any number of cores';
  const said = `the model's ceiling on any number of cores, 1/s, is ${formatRatio(fit.maxSpeedup)}`;
  if (intervals === undefined) return `${said}, untested: no repeats were kept to bootstrap`;
  const { low, high } = intervals.maxSpeedup;
  return `${said} [${low.toFixed(2)}-${Number.isFinite(high) ? high.toFixed(2) : '∞'}]; 95% intervals from a seeded bootstrap over the repeats, ${intervals.resamples} resamples`;
}

function range(values: readonly number[]): string {
  return formatRange(Math.min(...values), Math.max(...values), formatPercent);
}
