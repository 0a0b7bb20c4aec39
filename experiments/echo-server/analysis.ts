import type { Analysis } from '../../src/experiment/define.ts';
import type { ExperimentContext } from '../../src/experiment/context.ts';
import type { EchoLoadSize, EchoRun } from './echo.ts';
import { echoServerKinds, type EchoServerKind } from './server-report.ts';
import { median, summarize } from '../../src/measure/stats.ts';
import type { ResultTable, NamedFacts } from '../../src/report/experiment-result.ts';
import { formatCount, formatMs, formatRatio } from '../../src/report/format.ts';
import { comparisonBacking, pairedComparison, type PairedComparison } from '../../src/experiment/ratio-with-verdict.ts';

/** The scheduler-driven server should keep up with plain `net`: at least this share of its throughput. */
export const TARGET_RATIO_TO_NET = 0.8;

/** One server, summarised over the timed runs; what `--json` carries per row. */
export interface EchoRow {
  readonly kind: EchoServerKind;
  readonly design: string;
  readonly serverThreads: number;
  readonly repeats: number;
  readonly messagesPerSecond: number;
  /** Every timed run's throughput, in run order, with its round. */
  readonly samples?: readonly { readonly round: number; readonly messagesPerSecond: number }[];
  readonly minMessagesPerSecond: number;
  readonly maxMessagesPerSecond: number;
  /** Medians over the runs of each run's percentile, ms. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** Event-loop busy time of the server thread(s) per echoed message, µs (median over runs); counts time the OS ran other threads. */
  readonly busyUsPerMessage: number;
  /** CPU time of the server thread(s) per echoed message, µs (median over runs); null where the OS does not report CPU per thread. */
  readonly cpuUsPerMessage: number | null;
  readonly vsNet: number;
  readonly messages: number;
  readonly bytesSent: number;
  readonly bytesEchoed: number;
  /** Every run: every byte sent came back and every client finished. */
  readonly echoOk: boolean;
  /** Most sockets any run left open after its server stopped (server and client side): 0. */
  readonly socketsLeftOpen: number;
  /** Every run's server(s) closed their listening socket. */
  readonly stopped: boolean;
}

function designOf(kind: EchoServerKind, threads: number): string {
  switch (kind) {
    case 'sequential':
      return 'lab scheduler, fifo: one client at a time, served to its end';
    case 'interleaved':
      return 'lab scheduler, round-robin: a task per connection, parked on socket reads';
    case 'parallel':
      return `${threads} worker threads, each the interleaved server on its own port`;
    case 'net':
      return 'node:net callbacks, no scheduler (reference)';
  }
}

function summariseRuns(kind: EchoServerKind, runs: readonly EchoRun[], size: EchoLoadSize, netMedian: number): EchoRow {
  const throughput = summarize(runs.map((r) => r.messagesPerSecond));
  const expected = size.clients * size.messages;
  return {
    kind,
    design: designOf(kind, runs[0]!.serverThreads),
    serverThreads: runs[0]!.serverThreads,
    repeats: runs.length,
    messagesPerSecond: throughput.median,
    minMessagesPerSecond: throughput.min,
    maxMessagesPerSecond: throughput.max,
    p50Ms: median(runs.map((r) => r.latency.p50)),
    p99Ms: median(runs.map((r) => r.latency.p99)),
    maxMs: median(runs.map((r) => r.latency.max)),
    busyUsPerMessage: median(runs.map((r) => (1000 * r.servers.reduce((sum, s) => sum + s.busyMs, 0)) / r.load.messages)),
    cpuUsPerMessage: runs.every((r) => r.servers.every((s) => s.cpuMs !== undefined))
      ? median(runs.map((r) => (1000 * r.servers.reduce((sum, s) => sum + s.cpuMs!, 0)) / r.load.messages))
      : null,
    vsNet: throughput.median / netMedian,
    messages: runs[0]!.load.messages,
    bytesSent: runs[0]!.load.bytesSent,
    bytesEchoed: runs[0]!.load.bytesEchoed,
    echoOk: runs.every((r) => r.load.messages === expected && r.load.bytesEchoed === r.load.bytesSent && r.servers.reduce((sum, s) => sum + s.bytesEchoed, 0) === r.load.bytesSent),
    socketsLeftOpen: Math.max(...runs.map((r) => r.servers.reduce((sum, s) => sum + s.openSockets, 0) + (size.clients - r.load.socketsClosed))),
    stopped: runs.every((r) => r.servers.every((s) => !s.listening)),
    samples: runs.map((r, i) => ({ round: i + 1, messagesPerSecond: r.messagesPerSecond })),
  };
}

/** Sentences from the rows: the target, what serving one client at a time costs, what threads bought. */
export function interpretEchoServer(rows: readonly EchoRow[], cores: number): string[] {
  const row = (kind: EchoServerKind): EchoRow => rows.find((r) => r.kind === kind)!;
  const [sequential, interleaved, parallel, net] = [row('sequential'), row('interleaved'), row('parallel'), row('net')];
  const met = interleaved.vsNet >= TARGET_RATIO_TO_NET;
  // CPU time per message where the OS reports it per thread; else event-loop busy time, which also counts preemption.
  const useCpu = interleaved.cpuUsPerMessage !== null && net.cpuUsPerMessage !== null;
  // Only interleaved and net were checked above; the worker threads may lack CPU figures while they have them, so their sentence checks its own.
  const cost = (r: EchoRow): number => (useCpu ? r.cpuUsPerMessage! : r.busyUsPerMessage);
  const us = (r: EchoRow): string => `${cost(r).toFixed(1)} µs`;
  const speedup = parallel.messagesPerSecond / interleaved.messagesPerSecond;
  const vsNet = throughputAgainst(interleaved, net);
  const vsSequential = throughputAgainst(sequential, interleaved);
  const vsParallel = throughputAgainst(parallel, interleaved);
  const notes = [
    `The lab's scheduler on one thread (a task per connection, parked with waitFor until its socket has bytes) echoed ${Math.round(interleaved.messagesPerSecond)} messages/s, ` +
      `${formatRatio(interleaved.vsNet)} the plain net server's ${Math.round(net.messagesPerSecond)} (${backing(vsNet)}): ` +
      (met ? `target >= ${formatRatio(TARGET_RATIO_TO_NET)} met. ` : `MISSED the target of >= ${formatRatio(TARGET_RATIO_TO_NET)} (profile with node --cpu-prof --import tsx experiments/lab.ts echo-server). `) +
      `Its thread ${useCpu ? 'used' : 'was busy for'} ${us(interleaved)} ${useCpu ? 'of CPU ' : ''}per message against ${us(net)} for net (medians of the runs): ` +
      (cost(interleaved) > cost(net)
        ? `${(cost(interleaved) - cost(net)).toFixed(1)} µs is the price of parking on a promise and waking through the scheduler.`
        : 'the scheduler added no work per message that the medians show.'),
    `Served one client at a time by the same code, the server managed ${Math.round(sequential.messagesPerSecond)} messages/s (${formatRatio(sequential.messagesPerSecond / interleaved.messagesPerSecond)} interleaved's, ${backing(vsSequential)}): ` +
      `a waiting client's bytes sit in the kernel until its turn, so the worst round trip took ${formatMs(sequential.maxMs)} ms against ${formatMs(interleaved.maxMs)} ms interleaved` +
      (sequential.p50Ms < interleaved.p50Ms
        ? `, while the median one took ${formatMs(sequential.p50Ms)} ms (${formatMs(interleaved.p50Ms)} interleaved): the client being served has the thread to itself.`
        : `, and the median one ${formatMs(sequential.p50Ms)} ms against ${formatMs(interleaved.p50Ms)}.`),
    `On ${formatCount(parallel.serverThreads, 'worker thread')}, each its own server on its own port (Node cannot hand a socket to a worker thread, so the clients were spread over the ports), ` +
      `the servers echoed ${Math.round(parallel.messagesPerSecond)} messages/s, ${formatRatio(speedup)} one thread's (${backing(vsParallel)}), with ${formatCount(parallel.serverThreads, 'server thread')} and 1 client thread on ${formatCount(cores, 'core')}, ` +
      (useCpu && parallel.cpuUsPerMessage === null
        ? `their CPU per message was not measured (the OS reported no CPU time per thread); busy for ${parallel.busyUsPerMessage.toFixed(1)} µs per message against ${interleaved.busyUsPerMessage.toFixed(1)} µs on one thread: `
        : `at ${us(parallel)} per message against ${us(interleaved)} on one thread: `) +
      threadsReading(vsParallel, speedup),
  ];
  const broken = rows.filter((r) => !r.echoOk || r.socketsLeftOpen > 0 || !r.stopped);
  if (broken.length > 0) notes.unshift(`ECHO OR CLEAN-UP FAILED for ${broken.map((r) => r.kind).join(', ')}: bytes missing, sockets left open or a server still listening.`);
  return notes;
}

/** `a`'s throughput against `b`'s, over the rounds both ran (the servers took turns in every round); undefined without samples. */
function throughputAgainst(a: EchoRow, b: EchoRow): PairedComparison | undefined {
  if (a.samples === undefined || b.samples === undefined) return undefined;
  const other = new Map(b.samples.map((s) => [s.round, s.messagesPerSecond]));
  const both = a.samples.filter((s) => other.has(s.round));
  return pairedComparison(both.map((s) => s.messagesPerSecond), both.map((s) => other.get(s.round)!));
}

const backing = (c: PairedComparison | undefined): string => (c === undefined ? 'untested: no samples were kept' : comparisonBacking(c));

/** What the worker threads bought, by the paired verdict on throughput ('slower' there means more messages/s); with too few repeats, a reading that says so. */
function threadsReading(c: PairedComparison | undefined, speedup: number): string {
  switch (c?.verdict.state) {
    case 'slower':
      return 'the threads paid off.';
    case 'same':
      return 'the threads bought nothing measurable.';
    case 'faster':
      return 'the threads cost more than they bought.';
    default:
      return `${speedup >= 1 ? 'the threads may have paid off' : 'the threads may have cost more than they bought'}; ${c === undefined ? 'untested, as no samples were kept' : 'too few repeats to tell'}.`;
  }
}

function tables(rows: readonly EchoRow[], size: EchoLoadSize): ResultTable[] {
  return [
    {
      title: `${size.clients} clients x ${size.messages} messages of ${size.messageBytes} bytes, each waiting for its echo before the next (clients on a thread of their own)`,
      head: ['server', 'threads', 'messages/s', 'min-max', 'p50 ms', 'p99 ms', 'max ms', 'cpu µs/msg', 'busy µs/msg', 'vs net'],
      rows: rows.map((r) => [
        r.kind,
        String(r.serverThreads),
        Math.round(r.messagesPerSecond).toString(),
        `${Math.round(r.minMessagesPerSecond)}-${Math.round(r.maxMessagesPerSecond)}`,
        formatMs(r.p50Ms),
        formatMs(r.p99Ms),
        formatMs(r.maxMs),
        r.cpuUsPerMessage === null ? 'n/a' : r.cpuUsPerMessage.toFixed(1),
        r.busyUsPerMessage.toFixed(1),
        formatRatio(r.vsNet),
      ]),
    },
    {
      title: 'how each server works, and what it left behind',
      head: ['server', 'design', 'bytes echoed', 'sockets left open', 'stopped'],
      rows: rows.map((r) => [r.kind, r.design, `${r.bytesEchoed}/${r.bytesSent}${r.echoOk ? '' : ' INCOMPLETE'}`, String(r.socketsLeftOpen), r.stopped ? 'yes' : 'NO']),
      align: ['left', 'left', 'right', 'right', 'right'],
    },
  ];
}

/** What `measure` hands to `analyse`: every timed run of every server, and what the runs were. */
export interface EchoMeasured {
  readonly size: EchoLoadSize;
  readonly warmups: number;
  readonly serverThreads: number;
  readonly runs: ReadonlyMap<EchoServerKind, readonly EchoRun[]>;
}

export type EchoFacts = NamedFacts<'interleavedToNet' | 'targetRatioToNet' | 'targetMet' | 'sequentialToInterleaved' | 'parallelToInterleaved'>;

/** The settings its result states beyond the common ones. */
export type EchoServerSettings = { clients: number; messages: number; messageBytes: number; serverThreads: number; clientThreads: number; repeats: number; warmups: number; timeoutMs: number };

/** Tables, facts and sentences, from every timed run of every server. */
export function analyseEchoServer({ size, warmups, serverThreads, runs }: EchoMeasured, context: ExperimentContext): Analysis<EchoRow, EchoFacts, EchoServerSettings> {
  const netMedian = median(runs.get('net')!.map((r) => r.messagesPerSecond));
  const rows = echoServerKinds.map((kind) => summariseRuns(kind, runs.get(kind)!, size, netMedian));
  const row = (kind: EchoServerKind): EchoRow => rows.find((r) => r.kind === kind)!;
  return {
    settings: { clients: size.clients, messages: size.messages, messageBytes: size.messageBytes, serverThreads, clientThreads: 1, repeats: context.repeats, warmups, timeoutMs: size.timeoutMs },
    tables: tables(rows, size),
    rows,
    facts: {
      interleavedToNet: row('interleaved').vsNet,
      targetRatioToNet: TARGET_RATIO_TO_NET,
      targetMet: row('interleaved').vsNet >= TARGET_RATIO_TO_NET ? 1 : 0,
      sequentialToInterleaved: row('sequential').messagesPerSecond / row('interleaved').messagesPerSecond,
      parallelToInterleaved: row('parallel').messagesPerSecond / row('interleaved').messagesPerSecond,
    },
    notes: interpretEchoServer(rows, context.machine.availableParallelism),
  };
}
