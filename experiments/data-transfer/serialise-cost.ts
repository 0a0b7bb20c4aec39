import { deserialize, serialize } from 'node:v8';
import { sharedNow } from '../../src/scheduler/index.ts';

/** What `v8.serialize` and `v8.deserialize` of one payload cost, timed apart; `postMessage` does both, out of sight. */
export interface SerialiseCost {
  readonly serialiseUs: number;
  readonly deserialiseUs: number;
  readonly bytes: number;
}

/** Times one serialisation and one deserialisation of `value`; the deserialised copy is checked by length so that it is not dropped. */
export function serialiseCost(value: unknown, lengthOf: (copy: unknown) => number, expectedLength: number): SerialiseCost {
  const start = sharedNow();
  const bytes = serialize(value);
  const serialised = sharedNow();
  const copy: unknown = deserialize(bytes);
  const end = sharedNow();
  if (lengthOf(copy) !== expectedLength) throw new Error(`v8.deserialize gave back ${lengthOf(copy)} elements where ${expectedLength} were serialised`);
  return { serialiseUs: (serialised - start) * 1000, deserialiseUs: (end - serialised) * 1000, bytes: bytes.byteLength };
}
