/** A FIFO queue on a power-of-two ring buffer: O(1) push and shift without array shifting. */
export class RingQueue<T> {
  private items: (T | undefined)[] = new Array(16);
  private head = 0;
  private tail = 0;
  private mask = 15;

  get size(): number {
    return (this.tail - this.head) & this.mask;
  }

  push(item: T): void {
    this.items[this.tail] = item;
    this.tail = (this.tail + 1) & this.mask;
    if (this.tail === this.head) this.grow();
  }

  shift(): T | undefined {
    if (this.head === this.tail) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined;
    this.head = (this.head + 1) & this.mask;
    return item;
  }

  peek(): T | undefined {
    return this.head === this.tail ? undefined : this.items[this.head];
  }

  private grow(): void {
    const old = this.items;
    const capacity = old.length;
    // The buffer is full and head === tail: unroll it starting at head, in one pass (a million
    // queued tasks would otherwise be copied through three temporary arrays).
    const items = new Array<T | undefined>(capacity * 2);
    for (let i = 0; i < capacity; i++) items[i] = old[(this.head + i) & this.mask];
    this.items = items;
    this.head = 0;
    this.tail = capacity;
    this.mask = capacity * 2 - 1;
  }
}
