// A large input: a CRC-32 of 4 MB of bytes. The checksum itself is fast (hardware CRC), but each
// input must be copied to the worker: sending it costs more than the call.
import { crc32 } from 'node:zlib';

export default function checksum(bytes) {
  return crc32(bytes);
}

export function* inputs() {
  for (let i = 0; i < 12; i++) {
    const bytes = new Uint8Array(4 * 1024 * 1024);
    let x = 0x9e3779b9 ^ i;
    for (let j = 0; j < bytes.length; j++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      bytes[j] = x & 0xff;
    }
    yield bytes;
  }
}
