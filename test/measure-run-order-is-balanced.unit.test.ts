import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alternate } from '../src/measure/alternate.ts';
import { balancedRounds, orderBalance } from '../src/measure/balanced-order.ts';

// Order is a treatment: whatever ran just before a run moves it. Over the timed runs, read as one
// sequence across round boundaries (the first timed run following the last warm-up run), every
// subject must run right after every other subject equally often. Checked on the calls as they
// happened, not on what alternate reports about itself; then the report is held to the calls.

interface Call {
  readonly subject: number;
  readonly phase: 'warm-up' | 'measure';
}

/** Runs alternate over subjects 0..n-1 and logs every call in order. */
async function logCalls(n: number, warmups: number, repeats: number, extraBlocks = 0) {
  const calls: Call[] = [];
  let phase: Call['phase'] = 'warm-up';
  let asked = 0;
  const subjects = Array.from({ length: n }, (_, i) => i);
  const result = await alternate(subjects, async (s) => calls.push({ subject: s, phase }), {
    warmups,
    repeats,
    onRound: (_s, p) => {
      phase = p;
    },
    more: () => asked++ < extraBlocks,
  });
  return { calls, result, asked };
}

/** `counts[a][b]`: timed calls of b right after a call of a (warm-up calls count as predecessors only). */
function predecessorCounts(n: number, calls: readonly Call[]): number[][] {
  const counts = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  calls.forEach((call, i) => {
    if (i > 0 && call.phase === 'measure') counts[calls[i - 1]!.subject]![call.subject]!++;
  });
  return counts;
}

function offDiagonal(counts: readonly (readonly number[])[]): number[] {
  return counts.flatMap((row, a) => row.filter((_, b) => a !== b));
}

/** The design's block: n - 1 rounds (one for one or two subjects). */
const blockOf = (n: number): number => Math.max(1, n - 1);

describe('alternate runs its subjects in a balanced order', () => {
  it('over the timed runs, each subject runs right after every other equally often, and each round runs every subject once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 8 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 19 }), fc.integer({ min: 0, max: 2 }), async (n, warmups, beyondABlock, extraBlocks) => {
        // At least one block of rounds: fewer cannot be balanced (the next test).
        const repeats = blockOf(n) + beyondABlock;
        const { calls, result } = await logCalls(n, warmups, repeats, extraBlocks);
        for (let r = 0; r < calls.length / n; r++) {
          const round = calls.slice(r * n, r * n + n);
          expect(new Set(round.map((c) => c.subject)).size).toBe(n);
          expect(new Set(round.map((c) => c.phase)).size).toBe(1);
        }
        const counts = predecessorCounts(n, calls);
        const pairs = offDiagonal(counts);
        expect(Math.min(...pairs)).toBe(Math.max(...pairs));
        // Never right after itself: every timed run follows another subject.
        expect(counts.every((row, a) => row[a] === 0)).toBe(true);
        // The rounds asked for, rounded up to whole blocks, and one more block per `more`.
        const rounds = (Math.ceil(repeats / blockOf(n)) + extraBlocks) * blockOf(n);
        expect(calls.filter((c) => c.phase === 'measure')).toHaveLength(rounds * n);
        expect(pairs[0]).toBe(rounds / blockOf(n));
        expect(result.balance).toEqual({ blockRounds: blockOf(n), rounds, predecessorCounts: counts, fewest: pairs[0], most: pairs[0] });
        for (const s of result.keys()) expect(result.get(s)).toHaveLength(rounds);
      }),
      { numRuns: 300 },
    );
  });

  it('without warm-up the first timed run follows nothing: one pair falls one short, and the balance says so', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 8 }), fc.integer({ min: 1, max: 20 }), async (n, repeats) => {
        const { calls, result } = await logCalls(n, 0, Math.max(repeats, blockOf(n)));
        const counts = predecessorCounts(n, calls);
        const pairs = offDiagonal(counts);
        expect(Math.max(...pairs) - Math.min(...pairs)).toBe(1);
        expect(pairs.filter((c) => c === Math.min(...pairs))).toHaveLength(1);
        expect(result.balance.predecessorCounts).toEqual(counts);
        expect([result.balance.fewest, result.balance.most]).toEqual([Math.min(...pairs), Math.max(...pairs)]);
      }),
      { numRuns: 100 },
    );
  });

  it('fewer rounds than one block run exactly as asked, in the design\'s order, and the balance says how unbalanced they were', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 3, max: 8 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 6 }), async (n, warmups, asked) => {
        const repeats = Math.min(asked, blockOf(n) - 1);
        const { calls, result } = await logCalls(n, warmups, repeats);
        expect(calls.filter((c) => c.phase === 'measure')).toHaveLength(repeats * n);
        const counts = predecessorCounts(n, calls);
        const pairs = offDiagonal(counts);
        expect(counts.every((row, a) => row[a] === 0)).toBe(true);
        expect(result.balance).toEqual({ blockRounds: blockOf(n), rounds: repeats, predecessorCounts: counts, fewest: Math.min(...pairs), most: Math.max(...pairs) });
        // Less than a block leaves some ordered pair out: the balance shows it.
        expect(result.balance.fewest).toBe(0);
      }),
      { numRuns: 100 },
    );
  });

  it('one block of the design, read as a cycle, has every ordered pair of different subjects exactly once, up to 30 subjects', () => {
    for (let n = 2; n <= 30; n++) {
      const rounds = balancedRounds(n);
      expect(rounds).toHaveLength(blockOf(n));
      expect(rounds[0]).toEqual(Array.from({ length: n }, (_, i) => i));
      const sequence = rounds.flat();
      const seen = new Set(sequence.map((s, i) => `${sequence[(i - 1 + sequence.length) % sequence.length]}>${s}`));
      expect(seen.size).toBe(n * (n - 1));
      expect(sequence.every((s, i) => s !== sequence[(i - 1 + sequence.length) % sequence.length])).toBe(true);
    }
    expect(balancedRounds(1)).toEqual([[0]]);
    expect(balancedRounds(0)).toEqual([[]]);
    expect(() => balancedRounds(-1)).toThrow(new RangeError('subjects must be a non-negative integer, got -1'));
  });

  it("granularity's five subjects: 6 repeats become 8 rounds, and parallel follows sequential twice, as it follows every other", async () => {
    const modes = ['sequential', 'parallel', 'hybrid', 'piscina', 'parallel untraced'];
    const order: string[] = [];
    const runs = await alternate(modes, async (m) => m, { warmups: 1, repeats: 6, onRound: (m, phase, round, of) => order.push(`${m} ${phase} ${round}/${of}`) });
    expect(order.slice(0, 6)).toEqual(['sequential warm-up 1/1', 'parallel warm-up 1/1', 'hybrid warm-up 1/1', 'piscina warm-up 1/1', 'parallel untraced warm-up 1/1', 'sequential measure 1/8']);
    expect(runs.get('parallel')).toHaveLength(8);
    expect(runs.balance.rounds).toBe(8);
    expect(runs.balance.blockRounds).toBe(4);
    expect(runs.balance.predecessorCounts[0]![1]).toBe(2);
    expect([runs.balance.fewest, runs.balance.most]).toEqual([2, 2]);
  });

  // 34 subjects: 33 is composite and its search gives up (in about 0.3 s here), the first such count.
  it('past what the search finds, a Williams square stands in: balanced within each round, and the balance says how far off the sequence is', async () => {
    const n = 34;
    const rounds = balancedRounds(n);
    expect(rounds).toHaveLength(n);
    expect(rounds[0]).toEqual(Array.from({ length: n }, (_, i) => i));
    for (const round of rounds) expect(new Set(round).size).toBe(n);
    // Within rounds, every ordered pair of different subjects is neighbours exactly once.
    const within = rounds.flatMap((round) => round.slice(1).map((s, i) => `${round[i]}>${s}`));
    expect(new Set(within).size).toBe(n * (n - 1));
    expect(within).toHaveLength(n * (n - 1));
    const { result } = await logCalls(n, 1, n);
    expect(result.balance.blockRounds).toBe(n);
    expect(result.balance.fewest).toBeLessThan(result.balance.most);
  });

  it('one subject, or none, has no pairs to balance: fewest and most are 0', () => {
    expect(orderBalance([[3]], 1, 3)).toEqual({ blockRounds: 1, rounds: 3, predecessorCounts: [[3]], fewest: 0, most: 0 });
    expect(orderBalance([], 1, 0)).toMatchObject({ fewest: 0, most: 0 });
  });

  it('asks for more only at block boundaries, and each yes adds a whole block', async () => {
    const { calls, asked } = await logCalls(4, 1, 4, 2);
    // 4 repeats round up to two blocks of 3 rounds; two yeses add two blocks; the third answer (no) ends them.
    expect(asked).toBe(3);
    expect(calls.filter((c) => c.phase === 'measure')).toHaveLength(12 * 4);
  });
});
