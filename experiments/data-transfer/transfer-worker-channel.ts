import { entryBeside } from '../../src/runtime/entry-points.ts';
import { WorkerChannel } from '../../src/runtime/worker-channel.ts';
import { sharedNow } from '../../src/scheduler/index.ts';
import type { PayloadRecord } from './payloads.ts';
import type { TransferAck, TransferReply, TransferRequest } from './transfer-protocol.ts';

/** One round trip: how long it took on the shared clock, and what the worker acknowledged. */
export interface RoundTrip {
  readonly us: number;
  readonly ack: TransferAck;
}

/**
 * A warm worker thread that acknowledges payloads, and the round trip to it for each way of
 * sending: the clock starts before `postMessage` and stops when the acknowledgement arrives.
 */
export class TransferWorker {
  private shared: Uint8Array | undefined;

  private constructor(private readonly channel: WorkerChannel<TransferRequest, TransferReply>) {}

  /** Starts the worker and shares a buffer of `sharedBytes` with it once. */
  static async start(sharedBytes: number): Promise<TransferWorker> {
    const channel = await WorkerChannel.start<TransferRequest, TransferReply>('transfer worker', entryBeside(import.meta.url, 'transfer-worker'));
    const worker = new TransferWorker(channel);
    const buffer = new SharedArrayBuffer(sharedBytes);
    worker.shared = new Uint8Array(buffer);
    channel.post({ kind: 'share', buffer });
    return worker;
  }

  /** The shared buffer: write into it in place, then `sendShared`. */
  get sharedBytes(): Uint8Array {
    return this.shared!;
  }

  sendObject(payload: readonly PayloadRecord[]): Promise<RoundTrip> {
    return this.roundTrip({ kind: 'object', payload });
  }

  /** Clones the typed array (and, for a view, the whole buffer behind it). */
  sendClone(payload: Uint8Array): Promise<RoundTrip> {
    return this.roundTrip({ kind: 'clone', payload });
  }

  /** Moves the buffer to the worker, which moves it back with its acknowledgement (`ack.returned`): detached here meanwhile. */
  sendTransfer(payload: ArrayBuffer): Promise<RoundTrip> {
    return this.roundTrip({ kind: 'transfer', payload }, [payload]);
  }

  /** Only a notification that the first `bytes` bytes of the shared buffer are written. */
  sendShared(bytes: number): Promise<RoundTrip> {
    return this.roundTrip({ kind: 'shared', bytes });
  }

  close(): Promise<void> {
    return this.channel.close();
  }

  private async roundTrip(request: TransferRequest, transfer: ArrayBuffer[] = []): Promise<RoundTrip> {
    const start = sharedNow();
    this.channel.post(request, transfer);
    const ack = await this.channel.receive('ack');
    return { us: (sharedNow() - start) * 1000, ack };
  }
}
