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
 */
export class TimerHeap<T> {
  private readonly heap: TimerEntry<T>[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(deadline: number, target: T, token: number): void {
    const heap = this.heap;
    heap.push({ deadline, seq: this.seq++, target, token });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      swap(heap, i, parent);
      i = parent;
    }
  }

  /** The earliest deadline, or `undefined` when empty. */
  peekDeadline(): number | undefined {
    return this.heap[0]?.deadline;
  }

  pop(): TimerEntry<T> | undefined {
    const heap = this.heap;
    const last = heap.pop();
    // Empty (undefined), or `last` was the only entry and so the earliest.
    if (heap.length === 0) return last;
    const top = heap[0]!;
    heap[0] = last!;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && before(heap[left]!, heap[smallest]!)) smallest = left;
      if (right < heap.length && before(heap[right]!, heap[smallest]!)) smallest = right;
      if (smallest === i) return top;
      swap(heap, i, smallest);
      i = smallest;
    }
  }
}

function before<T>(a: TimerEntry<T>, b: TimerEntry<T>): boolean {
  return (
    a.deadline < b.deadline ||
    (a.deadline === b.deadline &&
      // Stryker disable next-line EqualityOperator: equivalent as <=; two entries never share a seq.
      a.seq < b.seq)
  );
}

function swap<T>(heap: T[], i: number, j: number): void {
  const tmp = heap[i]!;
  heap[i] = heap[j]!;
  heap[j] = tmp;
}
