import type { DataTransferMeasured, SizeMeasured, ViewMeasured } from '../../experiments/data-transfer/analysis.ts';
import type { PayloadKind } from '../../experiments/data-transfer/transfer.ts';

/** Fifteen round trips around `us`, spread 2 µs either way: enough for a Mann-Whitney verdict between two ways 10 µs apart. */
export const trips = (us: number): number[] => Array.from({ length: 15 }, (_, i) => us + (i % 5) - 2);

/**
 * One size by hand: its median round trips per way, v8.serialize taking a third of the object's round trip and deserialize a
 * sixth (the clone's a tenth and a twentieth of its own), and, when `kept`, fifteen round trips per way around each median.
 */
export function sizeMeasured(bytes: number, us: Readonly<Record<PayloadKind, number>>, kept = false, acksOk = true): SizeMeasured {
  return {
    bytes,
    objectBytes: bytes * 2,
    records: bytes / 32,
    roundTripUs: us,
    ...(kept && { samplesUs: { object: trips(us.object), clone: trips(us.clone), transfer: trips(us.transfer), shared: trips(us.shared) } }),
    objectSerialise: { serialiseUs: us.object / 3, deserialiseUs: us.object / 6, bytes: bytes * 2 },
    cloneSerialise: { serialiseUs: us.clone / 10, deserialiseUs: us.clone / 20, bytes },
    acksOk,
  };
}

/** A 1 KB view on a 1 MB buffer: the whole buffer arrived, and the round trip took 20x a standalone copy's. */
export function viewMeasured(kept = false): ViewMeasured {
  return {
    viewBytes: 1024, bufferBytes: 1 << 20, receivedBufferBytes: 1 << 20, viewRoundTripUs: 400, standaloneRoundTripUs: 20, viewSerializedBytes: 1030,
    ...(kept && { samplesUs: { view: trips(400), standalone: trips(20) } }),
  };
}

/** Four sizes from 1 KB to 4 MB: transfer loses at 1 KB, ties at 16 KB, then wins; the object passes 1 ms between 16 and 256 KB. */
export function dataTransferMeasured(kept = false): DataTransferMeasured {
  return {
    kernelUsPerUnit: 5,
    view: viewMeasured(kept),
    sizes: [
      sizeMeasured(1024, { object: 50, clone: 20, transfer: 30, shared: 20 }, kept),
      sizeMeasured(16384, { object: 400, clone: 25, transfer: 24, shared: 20 }, kept),
      sizeMeasured(262144, { object: 4000, clone: 200, transfer: 30, shared: 21 }, kept),
      sizeMeasured(4194304, { object: 80000, clone: 2500, transfer: 40, shared: 22 }, kept),
    ],
  };
}
