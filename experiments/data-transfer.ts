import { serialize } from 'node:v8';
import { defineExperiment } from '../src/experiment/define.ts';
import { median } from '../src/measure/stats.ts';
import { kernelUsPerUnit } from '../src/modes/kernel-calibration.ts';
import { lastByte, patternBytes, plainRecords, serialiseCost, TransferWorker, type PayloadKind, type RoundTrip, type SerialiseCost } from '../src/transfer/index.ts';
import { analyseDataTransfer, type DataTransferFacts, type DataTransferRow } from './data-transfer-analysis.ts';

const KB = 1024;
const MB = 1024 * KB;

/** Nominal sizes, 1 KB to 64 MB in steps of 4x (quick: 1 KB to 4 MB in steps of 16x). */
export function transferSizes(quick: boolean): number[] {
  return quick ? [KB, 16 * KB, 256 * KB, 4 * MB] : [KB, 4 * KB, 16 * KB, 64 * KB, 256 * KB, MB, 4 * MB, 16 * MB, 64 * MB];
}

/** Round trips timed per size and way: many for small payloads (cheap, noisy), few for large ones (slow, steady). */
export function roundTripsAt(bytes: number, quick: boolean): number {
  if (bytes <= 64 * KB) return quick ? 15 : 41;
  if (bytes <= MB) return quick ? 7 : 15;
  return quick ? 3 : 5;
}

/** One size: the median round trip of every way, what v8.serialize costs beside it, and whether every acknowledgement was right. */
export interface SizeMeasured {
  readonly bytes: number;
  /** The plain object's real `v8.serialize` size and record count. */
  readonly objectBytes: number;
  readonly records: number;
  readonly roundTripUs: Readonly<Record<PayloadKind, number>>;
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
  /** What `v8.serialize` (Node's serializer, unlike `postMessage`'s) writes for the view. */
  readonly viewSerializedBytes: number;
}

export interface DataTransferMeasured {
  readonly sizes: readonly SizeMeasured[];
  readonly view: ViewMeasured;
  readonly kernelUsPerUnit: number;
}

async function timed(repeats: number, send: () => Promise<RoundTrip>, check: (trip: RoundTrip) => boolean): Promise<{ us: number; ok: boolean }> {
  let ok = check(await send());
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const trip = await send();
    ok &&= check(trip);
    samples.push(trip.us);
  }
  return { us: median(samples), ok };
}

async function measureSize(worker: TransferWorker, bytes: number, quick: boolean): Promise<SizeMeasured> {
  const repeats = roundTripsAt(bytes, quick);
  const records = plainRecords(bytes);
  const array = patternBytes(bytes);
  const bytesOk = (trip: RoundTrip): boolean => trip.ack.length === bytes && trip.ack.last === lastByte(bytes);
  const object = await timed(repeats, () => worker.sendObject(records), (t) => t.ack.length === records.length && t.ack.last === records.length - 1);
  const clone = await timed(repeats, () => worker.sendClone(array), bytesOk);
  // The same buffer every round trip: the worker moves it back with its acknowledgement.
  let moving = patternBytes(bytes).buffer as ArrayBuffer;
  const transfer = await timed(repeats, () => worker.sendTransfer(moving), (trip) => {
    if (trip.ack.returned !== undefined) moving = trip.ack.returned;
    return bytesOk(trip) && trip.ack.returned?.byteLength === bytes;
  });
  worker.sharedBytes.set(array);
  const shared = await timed(repeats, () => worker.sendShared(bytes), bytesOk);
  const cost = (value: unknown, lengthOf: (copy: unknown) => number, length: number): SerialiseCost => {
    const runs = Array.from({ length: Math.min(repeats, bytes > 4 * MB ? 3 : 7) }, () => serialiseCost(value, lengthOf, length));
    return { serialiseUs: median(runs.map((r) => r.serialiseUs)), deserialiseUs: median(runs.map((r) => r.deserialiseUs)), bytes: runs[0]!.bytes };
  };
  const objectSerialise = cost(records, (c) => (c as unknown[]).length, records.length);
  const cloneSerialise = cost(array, (c) => (c as Uint8Array).byteLength, bytes);
  return {
    bytes,
    objectBytes: objectSerialise.bytes,
    records: records.length,
    roundTripUs: { object: object.us, clone: clone.us, transfer: transfer.us, shared: shared.us },
    objectSerialise,
    cloneSerialise,
    acksOk: object.ok && clone.ok && transfer.ok && shared.ok,
  };
}

async function measureView(worker: TransferWorker, bufferBytes: number, quick: boolean): Promise<ViewMeasured> {
  const viewBytes = KB;
  const view = patternBytes(bufferBytes).subarray(0, viewBytes);
  const standalone = patternBytes(bufferBytes).slice(0, viewBytes);
  const repeats = roundTripsAt(bufferBytes, quick);
  let receivedBufferBytes = 0;
  const viewTrip = await timed(repeats, () => worker.sendClone(view), (t) => {
    receivedBufferBytes = t.ack.bufferBytes;
    return t.ack.length === viewBytes;
  });
  const standaloneTrip = await timed(repeats, () => worker.sendClone(standalone), (t) => t.ack.length === viewBytes);
  return { viewBytes, bufferBytes, receivedBufferBytes, viewRoundTripUs: viewTrip.us, standaloneRoundTripUs: standaloneTrip.us, viewSerializedBytes: serialize(view).byteLength };
}

export const dataTransfer = defineExperiment<DataTransferMeasured, DataTransferRow, DataTransferFacts>({
  name: 'data-transfer',
  question: 'What does sending data to a worker cost, by size: a plain object, a cloned typed array, a transferred ArrayBuffer, a SharedArrayBuffer?',
  defaults: { repeats: 1, quickRepeats: 1 },

  async measure({ context }) {
    const sizes = transferSizes(context.quick);
    const top = sizes[sizes.length - 1]!;
    for (let i = 0; i < 5; i++) kernelUsPerUnit();
    const usPerUnit = median(Array.from({ length: 7 }, () => kernelUsPerUnit()));
    const worker = await TransferWorker.start(top);
    try {
      // Untimed: every way, many times at the smallest size, so that the first size timed meets compiled code.
      for (let i = 0; i < 3; i++) await measureSize(worker, sizes[0]!, true);
      const measured: SizeMeasured[] = [];
      for (const [i, bytes] of sizes.entries()) {
        context.signal.throwIfAborted();
        context.onProgress({ label: `data-transfer ${bytes} bytes`, phase: 'measure', repeat: i + 1, of: sizes.length });
        measured.push(await measureSize(worker, bytes, context.quick));
      }
      return { sizes: measured, view: await measureView(worker, top, context.quick), kernelUsPerUnit: usPerUnit };
    } finally {
      await worker.close();
    }
  },

  analyse: analyseDataTransfer,
});
