import { serialize } from 'node:v8';

/** The ways a payload goes to a worker. */
export type PayloadKind = 'object' | 'clone' | 'transfer' | 'shared';

/** One record of the plain-object payload: numbers and a short string, as an API's rows look. */
export interface PayloadRecord {
  readonly id: number;
  readonly x: number;
  readonly y: number;
  readonly name: string;
}

function record(i: number): PayloadRecord {
  return { id: i, x: i * 0.5, y: -i, name: `r${i % 1000}` };
}

/** Serialised bytes per record for records numbered from `from`: numbers take more bytes as they grow. */
function bytesPerRecord(from: number): number {
  const sample = Array.from({ length: 256 }, (_, i) => record(from + i));
  return serialize(sample).byteLength / sample.length;
}

/** An array of records whose `v8.serialize` size is about `nominalBytes` (at least one record). */
export function plainRecords(nominalBytes: number): PayloadRecord[] {
  // A first guess from the first records, then one from the middle of the guessed range, whose numbers are typical.
  const guess = Math.round(nominalBytes / bytesPerRecord(0));
  const count = Math.max(1, Math.round(nominalBytes / bytesPerRecord(guess >> 1)));
  return Array.from({ length: count }, (_, i) => record(i));
}

/** `bytes` bytes with a known pattern, so that the worker's acknowledgement can be checked by value. */
export function patternBytes(bytes: number): Uint8Array {
  return new Uint8Array(patternBuffer(bytes));
}

/** The same pattern in a plain `ArrayBuffer`, to be transferred. */
export function patternBuffer(bytes: number): ArrayBuffer {
  const buffer = new ArrayBuffer(bytes);
  const array = new Uint8Array(buffer);
  for (let i = 0; i < bytes; i += 4096) array[i] = i & 0xff;
  array[bytes - 1] = lastByte(bytes);
  return buffer;
}

/** The last byte of a pattern of `bytes` bytes: what the worker must read back. */
export function lastByte(bytes: number): number {
  return (bytes * 31 + 7) & 0xff;
}
