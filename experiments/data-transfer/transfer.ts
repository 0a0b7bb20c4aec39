export { lastByte, patternBuffer, patternBytes, plainRecords, type PayloadKind, type PayloadRecord } from './payloads.ts';
export { serialiseCost, type SerialiseCost } from './serialise-cost.ts';
export type { TransferAck } from './transfer-protocol.ts';
export { TransferWorker, type RoundTrip } from './transfer-worker-channel.ts';
