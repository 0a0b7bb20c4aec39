// What the data-transfer experiment measures and states: its figures, rows and facts.
import type { PayloadKind, SerialiseCost } from './transfer.ts';

/** One size: the median round trip of every way, what v8.serialize costs beside it, and whether every acknowledgement was right. */
export interface SizeMeasured {
  readonly bytes: number;
  /** The plain object's real `v8.serialize` size and record count. */
  readonly objectBytes: number;
  readonly records: number;
  readonly roundTripUs: Readonly<Record<PayloadKind, number>>;
  /** Every timed round trip of each way, µs, in timing order: what the tests between sizes and ways read (absent: untested). */
  readonly samplesUs?: Readonly<Record<PayloadKind, readonly number[]>>;
  readonly objectSerialise: SerialiseCost;
  readonly cloneSerialise: SerialiseCost;
  /** Every acknowledgement carried the length and last element that were sent. */
  readonly acksOk: boolean;
}

/** A small typed-array view on a large buffer, cloned: what the worker received, and what it cost. */
export interface ViewMeasured {
  readonly viewBytes: number;
  readonly bufferBytes: number;
  /** `buffer.byteLength` the worker saw behind the view it received. */
  readonly receivedBufferBytes: number;
  readonly viewRoundTripUs: number;
  /** A standalone typed array of the view's length, for comparison. */
  readonly standaloneRoundTripUs: number;
  /** Every timed round trip of each, µs (absent: untested). */
  readonly samplesUs?: { readonly view: readonly number[]; readonly standalone: readonly number[] };
  /** What `v8.serialize` (Node's serializer, unlike `postMessage`'s) writes for the view. */
  readonly viewSerializedBytes: number;
}

export interface DataTransferMeasured {
  readonly sizes: readonly SizeMeasured[];
  readonly view: ViewMeasured;
  readonly kernelUsPerUnit: number;
}

/** One nominal size, as `--json` carries it: median round trips and v8 (de)serialisation, µs. */
export type DataTransferRow = {
  readonly bytes: number;
  readonly objectBytes: number;
  readonly records: number;
  readonly objectUs: number;
  readonly cloneUs: number;
  readonly transferUs: number;
  readonly sharedUs: number;
  readonly objectSerialiseUs: number;
  readonly objectDeserialiseUs: number;
  readonly cloneSerialiseUs: number;
  readonly cloneDeserialiseUs: number;
  readonly acksOk: boolean;
};

export type DataTransferFacts = {
  /**
   * From this size up, transferring an ArrayBuffer was faster than cloning a typed array at every measured size: by each size's
   * Mann-Whitney verdict when the round trips were kept, else by the medians (null: not at the largest).
   */
  readonly transferBeatsCloneFromBytes: number;
  /** The plain object's size at which a round trip costs 1 ms, as much as `kernelUnitsPerMs` units of kernel work (null: beyond the sizes measured). */
  readonly sendEqualsOneMsWorkBytes: number;
  readonly cloneEqualsOneMsWorkBytes: number;
  readonly kernelUsPerUnit: number;
  readonly kernelUnitsPerMs: number;
  /** Round trip at the largest size over round trip at the smallest, per way. */
  readonly objectGrowth: number;
  readonly cloneGrowth: number;
  readonly transferGrowth: number;
  readonly sharedGrowth: number;
  /** 1 when transfer grew less than a tenth as much as clone across the sizes, else 0. */
  readonly transferFlatWhileCloneGrows: number;
  readonly viewBytes: number;
  /** The bytes of the buffer the worker found behind a cloned view: the whole buffer, not the view. */
  readonly viewReceivedBufferBytes: number;
  readonly viewOverStandalone: number;
};
