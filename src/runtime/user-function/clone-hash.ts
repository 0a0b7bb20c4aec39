import { createHash } from 'node:crypto';
import { serialize } from 'node:v8';

/**
 * `value` with every `Buffer` turned into a plain `Uint8Array` over the same bytes, so that a value
 * serialises alike whichever thread made it (a Buffer that crossed a thread arrives as a Uint8Array).
 */
export function withPlainBytes(value: unknown, seen: Map<object, unknown> = new Map(), canonical = false): unknown {
  // V8 writes a number as a small integer or as a double depending on how it was made (the same
  // CRC came out both ways from one function): for hashing, every number is written as a double.
  if (canonical && typeof value === 'number') return new Float64Array([value]);
  if (typeof value !== 'object' || value === null) return value;
  if (Buffer.isBuffer(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer || value instanceof Date || value instanceof RegExp || value instanceof Error) return value;
  if (seen.has(value)) return seen.get(value);
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    for (const item of value) copy.push(withPlainBytes(item, seen, canonical));
    return copy;
  }
  if (value instanceof Map) {
    const copy = new Map<unknown, unknown>();
    seen.set(value, copy);
    for (const [k, v] of value) copy.set(withPlainBytes(k, seen, canonical), withPlainBytes(v, seen, canonical));
    return copy;
  }
  if (value instanceof Set) {
    const copy = new Set<unknown>();
    seen.set(value, copy);
    for (const v of value) copy.add(withPlainBytes(v, seen, canonical));
    return copy;
  }
  const copy: Record<string, unknown> = {};
  seen.set(value, copy);
  for (const [k, v] of Object.entries(value)) copy[k] = withPlainBytes(v, seen, canonical);
  return copy;
}

/** The structured-clone bytes of a value (Buffers as plain bytes); throws as `postMessage` would on what cannot be cloned. */
export function cloneBytes(value: unknown): Buffer {
  return serialize(withPlainBytes(value));
}

/** A hash of a value's structured-clone bytes (Buffers as plain bytes, numbers as doubles): equal values give equal hashes in any thread. */
export function cloneHash(value: unknown): string {
  return createHash('sha1').update(serialize(withPlainBytes(value, new Map(), true))).digest('hex').slice(0, 16);
}

/** What in `value` cannot be cloned, as "a function" or "a symbol at .key[2]", or undefined when it can. */
export function uncloneablePart(value: unknown): string | undefined {
  try {
    structuredClone(withPlainBytes(value));
    return undefined;
  } catch (error) {
    try {
      return findUncloneable(value, '', new Set()) ?? (error instanceof Error ? error.message : String(error));
    } catch {
      // a getter that throws, a revoked Proxy: reading it is what fails
      return 'a property that throws when read (a getter or a Proxy)';
    }
  }
}

function findUncloneable(value: unknown, path: string, seen: Set<object>): string | undefined {
  const at = path === '' ? '' : ` at ${path}`;
  if (typeof value === 'function') return `a function${at}`;
  if (typeof value === 'symbol') return `a symbol${at}`;
  if (typeof value !== 'object' || value === null || seen.has(value)) return undefined;
  seen.add(value);
  if (value instanceof WeakMap || value instanceof WeakSet || value instanceof Promise) return `a ${value.constructor.name}${at}`;
  const entries: [string, unknown][] = value instanceof Map ? [...value].map(([k, v], i) => [`<map entry ${i}: ${String(k)}>`, v]) : Object.entries(value);
  for (const [key, item] of entries) {
    const found = findUncloneable(item, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`, seen);
    if (found !== undefined) return found;
  }
  return undefined;
}
