import type { TrySubject } from '../../runtime/user-function/runner-protocol.ts';

/**
 * The whole `try` run's time left, from what it has timed so far: the loop (from the checks, then
 * its runs), each setting's latest run (a setting not yet run is taken as one loop), the runs still
 * to come, and the cost phase (one call per input, then `costRepeats` pairs of round trips per
 * input, each taken as long as a check's hand-off to the function's process). Warm-ups still to come
 * count at their fewest, so the estimate errs short while the loop is still warming.
 */
export class TryTimeLeft {
  private loopMs = 0;
  private handOffMs = 0;
  private handOffs = 0;
  private readonly latest = new Map<TrySubject, number>();
  private round = '';
  private doneInRound = 0;

  constructor(
    private readonly subjects: readonly TrySubject[],
    private readonly inputs: number,
    private readonly costRepeats: number,
  ) {}

  /** One input checked: the request took `elapsedMs`, of which the call `callMs`. */
  handOff(elapsedMs: number, callMs: number): void {
    this.handOffMs = (this.handOffMs * this.handOffs + Math.max(0, elapsedMs - callMs)) / (this.handOffs + 1);
    this.handOffs++;
  }

  /** After `done` of `of` inputs checked, `elapsedMs` since the first began, with every checked run and `rounds` rounds still ahead. */
  checked(done: number, of: number, elapsedMs: number, rounds: number): number {
    if (done > 0) this.loopMs = (elapsedMs / done) * of;
    return (this.loopMs * (of - done)) / of + this.left(this.subjects.length, rounds);
  }

  /** A setting's run took `ms`. */
  ran(subject: TrySubject, ms: number): void {
    this.latest.set(subject, ms);
    if (subject.mode === 'baseline') this.loopMs = ms;
    this.doneInRound++;
  }

  /**
   * With `checksLeft` checked runs, then `roundsLeft` rounds to go (warm-ups at their fewest included),
   * the one named `round` counted in whole; the runs it has done since it began are taken off, at the
   * mean of the settings' latest runs.
   */
  left(checksLeft: number, roundsLeft: number, round = ''): number {
    if (round !== this.round) {
      this.round = round;
      this.doneInRound = 0;
    }
    const done = round === '' ? 0 : this.doneInRound * this.meanRunMs();
    return Math.max(0, this.runsLeft(checksLeft, roundsLeft) - done) + this.costsMs();
  }

  costsMs(): number {
    return this.loopMs + this.inputs * 2 * this.costRepeats * this.handOffMs;
  }

  private meanRunMs(): number {
    return this.subjects.reduce((sum, s) => sum + (this.latest.get(s) ?? this.loopMs), 0) / this.subjects.length;
  }

  private runsLeft(checksLeft: number, roundsLeft: number): number {
    const round = this.subjects.reduce((sum, s) => sum + (this.latest.get(s) ?? this.loopMs), 0);
    const checks = this.subjects.slice(this.subjects.length - checksLeft).reduce((sum, s) => sum + (this.latest.get(s) ?? this.loopMs), 0);
    return checks + round * roundsLeft;
  }
}
