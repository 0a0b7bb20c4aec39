import { describe, expect, it } from 'vitest';
import { analyseLadder, interpretLadder, type LadderSize, type OneThreadRungs } from './analysis.ts';
import { samplesOf } from '../../src/measure/samples.ts';
import { ladderRow, ladderSweep } from '../../test/helpers/analysis-ladder-figures.ts';

const ladder = (sizes: readonly LadderSize[], workers = 2, cores = 2, oneThread: OneThreadRungs = { switchNs: 30, awaitHopNs: 40 }): string[] => interpretLadder(analyseLadder(sizes, oneThread, workers, cores), workers, cores);
const head = (lead: string, over = 'every size', workers = '2 workers on 2 cores', bootstrap = ', with 95% intervals from a seeded bootstrap over rounds'): string =>
  `${lead}: a switch on one thread 30 ns and an await hop 40 ns (medians of their rounds); fitted per task over ${over}, ${workers}${bootstrap}: `;
const lastNote = "A task must carry clearly more work than its rung's hand-over cost before sharing it over 2 cores wins that cost back; a queue pays when tasks are big, or when the workers are on other machines with cores of their own.";

describe('distributed notes: the ladder said only as far as its intervals allow', () => {
  it('claims each rung measurably dearer than the one below when every interval lies above 1', () => {
    expect(ladder(ladderSweep())).toEqual([
      head('Each rung from the worker thread up costs measurably more than the one before') +
        'a task to a worker thread 20.0 µs (95% interval 19.8 µs to 20.2 µs), to a process 100 µs (95% interval 99.7 µs to 100 µs), a job through the queue 500 µs (95% interval 499 µs to 501 µs). ' +
        'Step by step, in ratios of fitted costs: a task to a worker thread costs 500x (95% interval 495x to 506x) an await hop, measurably more; ' +
        'a task to a process costs 5.00x (95% interval 4.93x to 5.06x) one to a thread, measurably more; a job through the queue costs 5.00x (95% interval 4.98x to 5.02x) a task to a process, measurably more. ' +
        "A job through the queue costs 16,667x (95% interval 16,623x to 16,715x) a switch (the queue's interval over the switch's median).",
      'On this machine a worker thread paid at every measured size, down to 97.7 µs per task (4 units; measurably faster than sequential at each); ' +
        'a process pays from about 391 µs of work per task (16 units; not measurably faster than sequential at 4, measurably faster from 16 on); ' +
        'the queue pays from about 1.56 ms of work per task (64 units; not measurably faster than sequential at 16, measurably faster from 64 on).',
      lastNote,
    ]);
  });

  it('says the rungs came out of order when a step was measurably less, or had no ratio', () => {
    const [swapped] = ladder(ladderSweep({ thread: 0.3 }));
    expect(swapped).toMatch(/^The rungs did not come out in order in this run \(a busy machine or too few repeats: rerun on a quiet one\): /);
    expect(swapped).toContain('a task to a worker thread costs 7,500x (95% interval 7,479x to 7,522x) an await hop, measurably more; a task to a process costs 0.33x (95% interval 0.33x at both ends, as rounded) one to a thread, measurably less;');
    const [negative] = ladder(ladderSweep({ thread: -0.001 }));
    expect(negative).toContain('a task to a worker thread -1.0 µs (95% interval -1.2 µs to -0.8 µs)');
    expect(negative).toContain('a task to a worker thread costs -25.00x (95% interval -29.40x to -19.98x) an await hop, measurably less; a task to a process against one to a thread: no ratio, as one to a thread\'s fitted cost is not above zero;');
    const [hopless] = ladder(ladderSweep(), 2, 2, { switchNs: 0, awaitHopNs: 0 });
    expect(hopless).toMatch(/^The rungs did not come out in order in this run .*a task to a worker thread against an await hop: no ratio, as an await hop's fitted cost is not above zero; /);
    // No switch to divide by: no sentence about the queue against a switch.
    expect(hopless).toMatch(/a job through the queue costs 5\.00x \(95% interval 4\.98x to 5\.02x\) a task to a process, measurably more\.$/);
  });

  it('says in order, but not measurably, when an interval reaches 1 or is unbounded', () => {
    const [unclear] = ladder(ladderSweep({ process: 0.021 }, 0.03));
    expect(unclear).toBe(
      head('The rungs came out in order, but not every step measurably so (a busy machine or too few repeats: rerun on a quiet one)') +
        'a task to a worker thread 20.0 µs (95% interval 17.9 µs to 22.5 µs), to a process 21.0 µs (95% interval 19.9 µs to 21.9 µs), a job through the queue 500 µs (95% interval 487 µs to 514 µs). ' +
        'Step by step, in ratios of fitted costs: a task to a worker thread costs 500x (95% interval 448x to 562x) an await hop, measurably more; ' +
        'a task to a process costs 1.05x (95% interval 0.91x to 1.20x) one to a thread, not measurably more (the interval reaches 1); a job through the queue costs 23.81x (95% interval 22.44x to 25.45x) a task to a process, measurably more. ' +
        "A job through the queue costs 16,667x (95% interval 16,225x to 17,149x) a switch (the queue's interval over the switch's median).",
    );
    const [unbounded] = ladder(ladderSweep({ process: 0.021 }, 0.3));
    expect(unbounded).toMatch(/^The rungs came out in order, but not every step measurably so/);
    expect(unbounded).toContain(
      'a task to a worker thread costs 500x (95% interval -19.30x to 1,115x) an await hop, not measurably more (the interval reaches 1); ' +
        'a task to a process costs 1.05x one to a thread, not measurably more (no bounded interval: the cost of one to a thread reached zero in some bootstrap resamples);',
    );
    // A step whose ratio is at most 1 is out of order, whatever its interval says.
    expect(ladder(ladderSweep({ process: 0.0199 }, 0.03))[0]).toMatch(/^The rungs did not come out in order in this run .*a task to a process costs 1\.00x \(95% interval 0\.86x to 1\.14x\) one to a thread, not measurably more \(the interval reaches 1\);/);
  });

  it('without rounds claims no order and gives no interval', () => {
    const [bare] = ladder(ladderSweep({}, 0, false));
    expect(bare).toBe(
      head('Too few rounds to tell whether each rung costs more than the one before', 'every size', '2 workers on 2 cores', '') +
        'a task to a worker thread 20.0 µs, to a process 100 µs, a job through the queue 500 µs. Step by step, in ratios of fitted costs: a task to a worker thread costs 500x an await hop, too few rounds for an interval; ' +
        'a task to a process costs 5.00x one to a thread, too few rounds for an interval; a job through the queue costs 5.00x a task to a process, too few rounds for an interval. A job through the queue costs 16,667x a switch, too few rounds for an interval.',
    );
  });

  it('on one core says no rung can pay, and names a rung that never paid', () => {
    const notes = ladder(ladderSweep({ queue: 5 }), 1, 1);
    expect(notes[0]).toContain('fitted per task over every size, 1 worker on 1 core, with 95% intervals');
    expect(notes[0]).toContain('a task to a worker thread costs -1,020x (95% interval -1,027x to -1,011x) an await hop, measurably less;');
    expect(notes[1]).toMatch(/; the queue did not measurably pay even at 6\.25 ms per task \(256 units\), the largest measured\.$/);
    expect(notes[2]).toBe('With one usable core no rung can pay: handing work over only adds its cost.');
  });

  it('names the sizes left out of the fit, and the sizes every rung could use', () => {
    const beyond = ladderSweep().map((s, i) => (i === 0 ? { ...s, rows: s.rows.map((r) => (r.mode === 'piscina' ? { ...ladderRow('piscina', 40), speedupLow: 2.3, samples: samplesOf([40, 40, 40, 40, 40]) } : r)) } : s));
    const notes = ladder(beyond);
    expect(notes[0]).toContain('fitted per task over 16, 64, 256 units/task (the sizes every rung could use), 2 workers on 2 cores, with 95% intervals');
    expect(notes).toHaveLength(4);
    expect(notes[3]).toBe(
      "The fitted costs leave the impossible points out (not clamped to zero), as granularity's do: piscina left out 4 units/task. Every rung is fitted on the same sizes, those possible for all (16, 64, 256 units/task), so that their costs compare the same work.",
    );
    const allOut = ladderSweep().map((s) => ({ ...s, rows: s.rows.map((r) => (r.mode === 'piscina' ? { ...ladderRow('piscina', 40), speedupLow: 2.3, samples: samplesOf([40, 40, 40, 40, 40]) } : r)) }));
    const none = ladder(allOut);
    expect(none[0]).toContain('fitted per task over no size: every one was impossible for some rung, 2 workers on 2 cores');
    expect(none[3]).toContain('piscina left out 4, 16, 64, 256 units/task. Every rung is fitted on the same sizes, those possible for all (no size: every one was impossible for some rung)');
  });
});
