/** A timer entry; `token` lets the owner invalidate it without searching the heap. */
export interface TimerEntry<T> {
  readonly deadline: number;
  readonly seq: number;
  readonly target: T;
  readonly token: number;
}

/**
 * A binary min-heap of timers ordered by deadline, then by insertion order,
 * so timers due at the same moment fire in the order they were set.
 *
 * The keys live in typed arrays, not in one object per timer: with a million sleeping tasks,
 * a million small entry objects cost about 60 bytes each and keep the garbage collector
 * tracing them at every major collection; three float columns cost 24 bytes and are not traced.
 */
export class TimerHeap<T> {
  private deadlines = new Float64Array(16);
  private seqs = new Float64Array(16);
  private tokens = new Float64Array(16);
  private targets: (T | undefined)[] = new Array<T | undefined>(16);
  private count = 0;
  private seq = 0;

  get size(): number {
    return this.count;
  }

  push(deadline: number, target: T, token: number): void {
    // Stryker disable next-line EqualityOperator: equivalent; the count never passes the capacity, so >= is ===.
    if (this.count === this.deadlines.length) this.grow();
    const deadlines = this.deadlines;
    const seq = this.seq++;
    let i = this.count++;
    // Sift up by moving parents down into the hole, then write the new entry once. The new
    // timer was set last, so a parent due at the same moment stays above it: `<=` keeps set order.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (deadlines[parent]! <= deadline) break;
      this.move(parent, i);
      i = parent;
    }
    this.place(i, deadline, seq, token, target);
  }

  /** The earliest deadline, or `undefined` when empty. */
  peekDeadline(): number | undefined {
    return this.count === 0 ? undefined : this.deadlines[0];
  }

  pop(): TimerEntry<T> | undefined {
    if (this.count === 0) return undefined;
    const top: TimerEntry<T> = { deadline: this.deadlines[0]!, seq: this.seqs[0]!, target: this.targets[0]!, token: this.tokens[0]! };
    const last = --this.count;
    const deadline = this.deadlines[last]!;
    const seq = this.seqs[last]!;
    const token = this.tokens[last]!;
    const target = this.targets[last]!;
    // Stryker disable next-line all: equivalent; dropping the reference only lets a woken task's record be collected.
    this.targets[last] = undefined;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent; sifting into an empty heap writes past its size, where nothing reads.
    if (last > 0) this.siftDown(deadline, seq, token, target);
    return top;
  }

  /** Puts the entry that was last into the hole at the root, moving smaller children up. */
  private siftDown(deadline: number, seq: number, token: number, target: T): void {
    const deadlines = this.deadlines;
    const seqs = this.seqs;
    const count = this.count;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= count) break;
      const right = left + 1;
      let child = left;
      if (right < count && before(deadlines[right]!, seqs[right]!, deadlines[left]!, seqs[left]!)) child = right;
      if (!before(deadlines[child]!, seqs[child]!, deadline, seq)) break;
      this.move(child, i);
      i = child;
    }
    this.place(i, deadline, seq, token, target);
  }

  private move(from: number, to: number): void {
    this.deadlines[to] = this.deadlines[from]!;
    this.seqs[to] = this.seqs[from]!;
    this.tokens[to] = this.tokens[from]!;
    this.targets[to] = this.targets[from];
  }

  private place(i: number, deadline: number, seq: number, token: number, target: T): void {
    this.deadlines[i] = deadline;
    this.seqs[i] = seq;
    this.tokens[i] = token;
    this.targets[i] = target;
  }

  private grow(): void {
    const capacity = this.deadlines.length * 2;
    this.deadlines = grown(this.deadlines, capacity);
    this.seqs = grown(this.seqs, capacity);
    this.tokens = grown(this.tokens, capacity);
  }
}

function before(deadlineA: number, seqA: number, deadlineB: number, seqB: number): boolean {
  return deadlineA < deadlineB || (deadlineA === deadlineB && seqA < seqB);
}

function grown(old: Float64Array<ArrayBuffer>, capacity: number): Float64Array<ArrayBuffer> {
  const next = new Float64Array(capacity);
  next.set(old);
  return next;
}
