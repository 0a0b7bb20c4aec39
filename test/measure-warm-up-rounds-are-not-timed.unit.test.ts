import { describe, expect, it } from 'vitest';
import { alternate } from '../src/measure/alternate.ts';

// alternate.ts: `warmups` discarded rounds, then `repeats` kept ones, subjects taking turns in each
// round. Counted exactly, never timed (mutants: warm-up rounds kept as timed runs, one round too many
// or too few, the round numbers shown to the progress display).
describe('alternate', () => {
  it('runs every subject warmups + repeats times and keeps only the last repeats results', async () => {
    const calls: string[] = [];
    const runs = await alternate(
      ['a', 'b'],
      async (subject) => {
        calls.push(subject);
        return `${subject}${calls.length}`;
      },
      { warmups: 2, repeats: 3 },
    );
    // The rounds follow the balanced order (balanced-order.ts): for two subjects, plain alternation, so
    // that each runs right after the other once a round and neither ever runs twice in a row.
    expect(calls).toEqual(['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b', 'a', 'b']);
    // Calls 1-4 were the two warm-up rounds: none of their results is kept.
    expect(runs.get('a')).toEqual(['a5', 'a7', 'a9']);
    expect(runs.get('b')).toEqual(['b6', 'b8', 'b10']);
  });

  it('tells the progress display each phase with its own round numbers and totals', async () => {
    const rounds: string[] = [];
    await alternate(['x'], async () => 0, {
      warmups: 2,
      repeats: 2,
      onRound: (subject, phase, round, of) => rounds.push(`${subject} ${phase} ${round}/${of}`),
    });
    expect(rounds).toEqual(['x warm-up 1/2', 'x warm-up 2/2', 'x measure 1/2', 'x measure 2/2']);
  });

  it('with no warm-up keeps every run, and with no subjects runs nothing', async () => {
    let n = 0;
    const runs = await alternate(['only'], async () => ++n, { warmups: 0, repeats: 4 });
    expect(runs.get('only')).toEqual([1, 2, 3, 4]);
    const none = await alternate([], async () => ++n, { warmups: 1, repeats: 1 });
    expect(none.size).toBe(0);
    expect(n).toBe(4);
  });
});
