import { describe, expect, it } from 'vitest';
import { analyseGranularity, granularity, interpretGranularity, type SizeFigures } from './index.ts';
import { parseLabArgs } from '../../src/cli/args.ts';
import { helpText } from '../../src/cli/help.ts';
import { samplesOf } from '../../src/measure/samples.ts';
import { planOf, row, ROUND_FACTORS, sweep, twoCores } from '../../test/helpers/granularity-figures.ts';
import { sequentialWithASecondSubject } from '../../test/helpers/sequential-with-a-second-subject.ts';

/** Each mode's rounds moved by its own small noise too, so that no interval is a single point. */
const jitter = (mode: string, i: number): number[] => ROUND_FACTORS.map((f, r) => f * (1 + 0.01 * (((r + 1) * (mode.length + i)) % 4)));
const noisy: SizeFigures[] = sweep.map((s, i) => ({
  ...s,
  rows: s.rows.map((r) => (r.mode === 'sequential' ? r : row(r.mode, r.threads, r.medianMs, 100, { factors: jitter(r.mode, i) }))),
  // Without step recording parallel paid 70 µs a task, not 100.
  untracedParallelMs: 50 + 0.07 * s.tasks,
  untracedParallelSamples: samplesOf(ROUND_FACTORS.map((f) => (50 + 0.07 * s.tasks) * f)),
}));
const factsOf = (figures: readonly SizeFigures[]) => granularity.analyse({ plan: planOf(figures), figures }, twoCores);

/** The A/A twin of piscina at each size, `perTaskMs` a task over the ideal. */
const withTwin = (figures: readonly SizeFigures[], perTaskMs: number): SizeFigures[] =>
  figures.map((f) => ({ ...f, aaPiscina: row('piscina', 2, 50 + perTaskMs * f.tasks, 100) }));

describe('granularity: intervals of the fitted costs', () => {
  it('gives every fitted per-task cost and every ratio of costs a 95% interval around its point, the same for the same figures', () => {
    const { facts } = factsOf(noisy);
    const bounded = ['parallelOverheadUsPerTask', 'hybridOverheadUsPerTask', 'piscinaOverheadUsPerTask', 'threadDispatchUs', 'parallelOverheadVsPiscina', 'hybridOverheadVsParallel', 'parallelUntracedOverheadUsPerTask', 'stepRecordingUsPerTask', 'instrumentationUsPerTask'] as const;
    for (const name of bounded) {
      const [value, low, high] = [facts[name], facts[`${name}Low`], facts[`${name}High`]];
      expect(Number.isFinite(low) && Number.isFinite(high), name).toBe(true);
      expect(low, name).toBeLessThan(high);
      expect(low, name).toBeLessThanOrEqual(value + 1e-9);
      expect(high, name).toBeGreaterThanOrEqual(value - 1e-9);
    }
    expect(facts.threadDispatchUsLow).toBe(facts.piscinaOverheadUsPerTaskLow);
    expect(factsOf(noisy).facts).toEqual(facts);
  });

  it('gives the cost of recording steps, a difference of two fits on the same rounds, its own interval', () => {
    const a = analyseGranularity(noisy, 2, 2);
    expect(a.estimates.parallel.value - a.estimates.untracedParallel.value).toBeCloseTo(a.estimates.stepRecording.value, 9);
    expect(a.estimates.stepRecording.value).toBeGreaterThan(25);
    expect(a.estimates.stepRecording.value).toBeLessThan(35);
    expect(a.estimates.stepRecording.low).toBeGreaterThan(0);
    const notes = interpretGranularity(a, 2).join('\n');
    expect(notes).toMatch(/Recording every step cost \d+\.\d µs \(95% interval \d+\.\d µs to \d+\.\d µs\) per task: parallel paid \d+\.\d µs \(95% interval/);
  });

  it('states no interval, not a false one, without rounds', () => {
    const bare = sweep.map((s) => ({ ...s, rows: s.rows.map(({ samples: _, ...r }) => r) }));
    const { facts } = factsOf(bare);
    expect(facts.parallelOverheadUsPerTask).toBeCloseTo(100, 9);
    expect(facts.parallelOverheadUsPerTaskLow).toBeNaN();
    expect(facts.parallelOverheadVsPiscinaHigh).toBeNaN();
    expect(facts.aaRatio).toBeNaN();
  });
});

describe('granularity --aa: an A/A check', () => {
  it('is taken by granularity only, and said in --help', () => {
    expect(parseLabArgs(['granularity', '--aa'])).toMatchObject({ aa: true });
    expect(parseLabArgs(['granularity'])).not.toHaveProperty('aa');
    expect(() => parseLabArgs(['cpu-bound', '--aa'])).toThrow(/^--aa does not apply to an experiment \(cpu-bound\); it takes --quick, /);
    expect(() => parseLabArgs(['all', '--aa'])).toThrow(/^--aa does not apply to an experiment \(all\)/);
    expect(() => parseLabArgs(['run', '--workload', 'w.json', '--aa'])).toThrow(/^--aa does not apply to the run command/);
    expect(() => parseLabArgs(['granularity', '--aa', '--aa'])).toThrow('--aa is given twice; give each flag once');
    expect(helpText([])).toMatch(/ {2}--aa +with granularity: an A\/A check, a second identical piscina subject \(piscina-aa\)/);
  });

  it('measures the twin as a subject of its own: its own runs and place in each round, returned last and marked', async () => {
    const { workload, rows, progress } = await sequentialWithASecondSubject('aa', 3);
    expect(rows.map((r) => [r.mode, r.aa])).toEqual([['sequential', undefined], ['sequential', true]]);
    expect('aa' in rows[0]!).toBe(false);
    expect(rows[1]!.wallMs).toHaveLength(3);
    expect(rows[1]!.lastRun.trace.length).toBeGreaterThan(0);
    // Two subjects, three rounds: each round runs each once (in the order the run order gives), the twin labelled apart.
    const measured = progress.filter((p) => p.phase === 'measure').map((p) => p.label.replace(`${workload.name} `, ''));
    expect(measured).toHaveLength(6);
    for (let round = 0; round < 3; round++) expect([...measured.slice(2 * round, 2 * round + 2)].sort()).toEqual(['sequential', 'sequential-aa']);
  });

  it('fits the twin on its own, gives it its own row, and its cost over piscina\'s as aaRatio with an interval', () => {
    const figures = withTwin(noisy, 0.022);
    const result = factsOf(figures);
    const { facts, rows } = result;
    expect(facts.piscinaAaOverheadUsPerTask).toBeCloseTo(22, 6);
    // Piscina's own rounds carried a noise of their own here, so its fit is near 20 µs, not exactly.
    expect(facts.piscinaOverheadUsPerTask).toBeGreaterThan(18);
    expect(facts.piscinaOverheadUsPerTask).toBeLessThan(22);
    expect(facts.aaRatio).toBeCloseTo(facts.piscinaAaOverheadUsPerTask / facts.piscinaOverheadUsPerTask, 9);
    expect(facts.aaRatioLow).toBeLessThanOrEqual(facts.aaRatio + 1e-9);
    expect(facts.aaRatioHigh).toBeGreaterThanOrEqual(facts.aaRatio - 1e-9);
    expect(Number.isFinite(facts.aaRatioLow) && Number.isFinite(facts.aaRatioHigh)).toBe(true);
    // The twin's row says what it is, beside piscina's own at every size.
    const twins = rows.filter((r) => r.mode === 'piscina-aa');
    expect(twins).toHaveLength(4);
    for (const t of twins) expect(t.aaTwinOf).toBe('piscina');
    expect(twins[0]!.overheadUsPerTask).toBeCloseTo(22, 6);
    expect(rows.filter((r) => r.mode === 'piscina')).toHaveLength(4);
    expect(result.settings).toMatchObject({ aa: true });
    expect(result.tables[0]!.head).toContain('piscina-aa ms');
    // The twin's costs at each size are its own, not piscina's.
    expect(analyseGranularity(figures, 2, 2).sizes[0]!.overheadUs['piscina-aa']).toBeCloseTo(22, 6);
    expect(result.notes.join('\n')).toContain('A/A check: piscina-aa, a second identical piscina subject with its own place in the run order and its own runs on the same warm pool, cost 22.0 µs (95% interval');
    // Without --aa: no twin, no row, the facts NaN.
    const without = factsOf(noisy);
    expect(without.rows.some((r) => r.mode === 'piscina-aa')).toBe(false);
    expect(without.facts.aaRatio).toBeNaN();
    expect(without.settings).not.toHaveProperty('aa');
  });

  it('says whether the interval of aaRatio includes 1: no measurable bias, or the instrument\'s own', () => {
    // Rounds moved the twin as they moved piscina: 1.10x with an interval that excludes 1.
    const biased = interpretGranularity(analyseGranularity(withTwin(sweep, 0.022), 2, 2), 2).join('\n');
    expect(biased).toContain('a ratio of 1.10x (95% interval 1.10x at both ends, as rounded). Its interval excludes 1: the instrument itself moved one of two identical subjects by that much');
    expect(biased).toContain('At the largest size it was about as fast as piscina (p = 0.004).');
    // The twin exactly as piscina: 1.00x, interval includes 1.
    const fair = interpretGranularity(analyseGranularity(withTwin(sweep, 0.02), 2, 2), 2).join('\n');
    expect(fair).toContain('a ratio of 1.00x (95% interval 1.00x at both ends, as rounded). Its interval includes 1: no bias of the instrument that this run can measure.');
    // With one size that the twin's figures make impossible, every fit leaves it out.
    const twinImpossible = withTwin(sweep, 0.02).map((f, i) => (i === 1 ? { ...f, aaPiscina: { ...row('piscina', 2, 45, 100), speedupLow: 2.1 } } : f));
    const a = analyseGranularity(twinImpossible, 2, 2);
    expect(a.leftOutOfFit['piscina-aa']).toEqual([16]);
    expect(a.fittedSizes).toEqual([4, 64, 256]);
  });
});
