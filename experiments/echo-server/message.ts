/**
 * The bytes client `client` sends as its message number `index`: a pattern that differs for
 * every client and message, so an echo that mixed up clients, dropped or reordered bytes shows.
 */
export function messageBytes(client: number, index: number, size: number): Buffer {
  const bytes = Buffer.allocUnsafe(size);
  let x = (Math.imul(client + 1, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
  for (let i = 0; i < size; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
}
