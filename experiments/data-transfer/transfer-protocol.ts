import type { PayloadRecord } from './payloads.ts';

/** What the lab sends the transfer worker: one payload per message, answered by a small acknowledgement. */
export type TransferRequest =
  | { readonly kind: 'object'; readonly payload: readonly PayloadRecord[] }
  | { readonly kind: 'clone'; readonly payload: Uint8Array }
  | { readonly kind: 'transfer'; readonly payload: ArrayBuffer }
  /** The shared buffer, once, before any `shared` request. */
  | { readonly kind: 'share'; readonly buffer: SharedArrayBuffer }
  /** Only a notification: the first `bytes` bytes of the shared buffer were written in place. */
  | { readonly kind: 'shared'; readonly bytes: number };

/** The acknowledgement, by value: the length the worker saw, the bytes of the buffer behind it, and its last element. */
export interface TransferAck {
  readonly kind: 'ack';
  /** Records for `object`, bytes for the others. */
  readonly length: number;
  /** `buffer.byteLength` of what arrived: for a typed-array view, the whole buffer behind it. */
  readonly bufferBytes: number;
  /** The last record's id, or the last byte. */
  readonly last: number;
  /** A transferred buffer, transferred back with the acknowledgement (moving it costs nothing by size either way), so that the lab can send it again. */
  readonly returned?: ArrayBuffer;
}

export type TransferReply = TransferAck | { readonly kind: 'ready' } | { readonly kind: 'failed'; readonly name: string; readonly message: string };
