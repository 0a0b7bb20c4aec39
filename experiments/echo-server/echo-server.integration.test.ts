import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { echoServer, interpretEchoServer, type EchoRow } from './index.ts';
import {
  ClientThread,
  EchoMismatchError,
  EchoTimeoutError,
  latency,
  runClientLoad,
  runEcho,
  startNetServer,
  startSchedulerServer,
  type EchoServerKind,
  type RunningServer,
  WorkerServers,
} from './echo.ts';
import { listenOnLoopback } from '../../src/runtime/listen.ts';
import { MIN_PAIRED_ROUNDS } from '../../src/measure/verdict.ts';
import { tinyContext } from '../../test/helpers/context.ts';
import { expectNotesToSay } from '../../test/helpers/notes.ts';
import { refused } from '../../test/helpers/sockets.ts';

const closed = (socket: Socket): Promise<void> => (socket.closed ? Promise.resolve() : new Promise((resolve) => socket.once('close', () => resolve())));

/** A raw client: connects, sends `text`, resolves with the socket once the same text came back. */
function echoOnce(port: number, text: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' });
    let got = '';
    socket.on('error', reject);
    socket.on('data', (chunk: Buffer) => {
      got += chunk.toString();
      if (got === text) resolve(socket);
    });
    socket.write(text);
  });
}

function row(kind: EchoServerKind, messagesPerSecond: number, netMessagesPerSecond: number, extra: Partial<EchoRow> = {}): EchoRow {
  return {
    kind, design: kind, serverThreads: kind === 'parallel' ? 2 : 1, repeats: 3, messagesPerSecond, minMessagesPerSecond: messagesPerSecond,
    maxMessagesPerSecond: messagesPerSecond, p50Ms: 0.2, p99Ms: 0.8, maxMs: 2, busyUsPerMessage: 12, cpuUsPerMessage: 10,
    vsNet: messagesPerSecond / netMessagesPerSecond, messages: 1000, bytesSent: 64000, bytesEchoed: 64000, echoOk: true, socketsLeftOpen: 0, stopped: true,
    ...extra,
  };
}

describe('echo-server experiment', () => {
  it('echoes every byte, closes every socket and stops every server, in all four designs', async () => {
    const result = await echoServer.run(tinyContext());
    const rows = result.rows;
    expect(rows.map((r) => r.kind)).toEqual(['sequential', 'interleaved', 'parallel', 'net']);
    const clients = Number(result.settings.clients);
    const messages = Number(result.settings.messages);
    const bytes = clients * messages * Number(result.settings.messageBytes);
    for (const r of rows) {
      expect(r).toMatchObject({ echoOk: true, socketsLeftOpen: 0, stopped: true, messages: clients * messages, bytesSent: bytes, bytesEchoed: bytes });
      expect(r.messagesPerSecond).toBeGreaterThan(0);
      expect(r.p50Ms).toBeLessThanOrEqual(r.p99Ms);
      expect(r.p99Ms).toBeLessThanOrEqual(r.maxMs);
    }
    expect(rows.find((r) => r.kind === 'parallel')!.serverThreads).toBe(2);
    expect(result.facts.interleavedToNet).toBeCloseTo(rows[1]!.messagesPerSecond / rows[3]!.messagesPerSecond, 10);
    expect(result.facts.targetMet).toBe(result.facts.interleavedToNet >= 0.8 ? 1 : 0);
    expect(result.notes).toHaveLength(3);
  });

  it.each(['sequential', 'interleaved', 'net'] as const)('the %s server stops at its time bound when clients are missing, and closes every socket', async (kind) => {
    const options = { connections: 3, timeoutMs: 400 };
    const server: RunningServer = kind === 'net' ? await startNetServer(options) : await startSchedulerServer(kind, options);
    const port = server.ports[0]!;
    const failure = server.done.then(() => undefined, (error: unknown) => error);
    // One client is served (its bytes come back); a second connects and stays; the third never comes.
    const first = await echoOnce(port, 'hello');
    const second = connect({ port, host: '127.0.0.1' });
    second.on('error', () => {});
    expect(await failure).toBeInstanceOf(EchoTimeoutError);
    await Promise.all([closed(first), closed(second)]);
    expect(await refused(port)).toBe('ECONNREFUSED');
  });

  it('a run that outlasts its time bound fails with one error, and the same threads then run a clean one', async () => {
    const threads = { clients: await ClientThread.start(), servers: await WorkerServers.start(1) };
    try {
      const endless = { clients: 3, messages: 10_000_000, messageBytes: 64, timeoutMs: 300 };
      for (const kind of ['sequential', 'parallel'] as const) {
        await expect(runEcho(kind, endless, threads)).rejects.toThrow(/did not finish within 300 ms/);
      }
      const run = await runEcho('parallel', { clients: 3, messages: 20, messageBytes: 64, timeoutMs: 5_000 }, threads);
      expect(run.load.bytesEchoed).toBe(3 * 20 * 64);
      expect(run.servers.map((s) => s.openSockets)).toEqual([0]);
    } finally {
      await Promise.all([threads.clients.close(), threads.servers.close()]);
    }
  });

  it('clients give up at their time bound and close their sockets when the server never answers', async () => {
    const { server, port } = await listenOnLoopback();
    const accepted: Socket[] = [];
    server.on('connection', (socket: Socket) => {
      accepted.push(socket);
      socket.resume(); // reads and discards: never echoes
    });
    try {
      await expect(runClientLoad({ ports: [port], clients: 3, messages: 2, messageBytes: 16, timeoutMs: 300 })).rejects.toThrow(EchoTimeoutError);
      expect(accepted).toHaveLength(3);
      await Promise.all(accepted.map(closed));
    } finally {
      server.close();
    }
  });

  it('clients notice an echo that differs from what they sent', async () => {
    const { server, port } = await listenOnLoopback();
    server.on('connection', (socket: Socket) =>
      socket.on('data', (chunk: Buffer) => {
        const wrong = Buffer.from(chunk);
        wrong[0] = wrong[0]! ^ 0xff;
        socket.write(wrong);
      }),
    );
    try {
      await expect(runClientLoad({ ports: [port], clients: 2, messages: 3, messageBytes: 32, timeoutMs: 2_000 })).rejects.toThrow(EchoMismatchError);
    } finally {
      server.close();
    }
  });

  it('runs seven rounds by default, enough for a paired verdict (Wilcoxon needs six to reach p < 0.05), and three under --quick', () => {
    expect(echoServer.defaults).toEqual({ repeats: 7, quickRepeats: 3 });
    expect(echoServer.defaults.repeats).toBeGreaterThanOrEqual(MIN_PAIRED_ROUNDS);
  });

  it('takes percentiles by nearest rank', () => {
    const samples = Float64Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(latency(samples)).toEqual({ p50: 50, p99: 99, max: 100 });
  });

  it('computes its sentences from the rows it is given', () => {
    const rows = [
      row('sequential', 30_000, 50_000, { maxMs: 400, p50Ms: 0.02 }),
      row('interleaved', 45_000, 50_000, { maxMs: 4, cpuUsPerMessage: 10.5 }),
      row('parallel', 40_000, 50_000),
      row('net', 50_000, 50_000, { cpuUsPerMessage: 8.5 }),
    ];
    const notes = interpretEchoServer(rows, 2).join('\n');
    expectNotesToSay(notes, [
      "echoed 45000 messages/s, 0.90x the plain net server's 50000 (untested: no samples were kept): target >= 0.80x met",
      'used 10.5 µs of CPU per message against 8.5 µs for net (medians of the runs): 2.0 µs is the price',
      "managed 30000 messages/s (0.67x interleaved's, untested: no samples were kept)",
      'the worst round trip took 400 ms against 4.00 ms interleaved, while the median one took 0.02 ms (0.20 interleaved)',
      "echoed 40000 messages/s, 0.89x one thread's (untested: no samples were kept), with 2 server threads and 1 client thread on 2 cores, at 10.0 µs per message against 10.5 µs on one thread: the threads may have cost more than they bought; untested, as no samples were kept",
    ]);
    // With the rounds kept, each throughput is compared with the paired test over them.
    const rounds = (perSecond: number): { round: number; messagesPerSecond: number }[] => [0, 1, 2, 3, 4, 5, 6].map((d) => ({ round: d + 1, messagesPerSecond: perSecond + d * 10 }));
    const tested = interpretEchoServer(rows.map((r) => ({ ...r, repeats: 7, samples: rounds(r.messagesPerSecond) })), 2).join('\n');
    expectNotesToSay(tested, [
      "0.90x the plain net server's 50000 ([0.90-0.90], p = 0.016, Wilcoxon signed-rank over 7 paired rounds)",
      'the threads cost more than they bought.',
    ]);

    const missed = interpretEchoServer(
      [row('sequential', 30_000, 50_000, { p50Ms: 0.02 }), row('interleaved', 35_000, 50_000, { cpuUsPerMessage: null, busyUsPerMessage: 20, p50Ms: 0.01 }), row('parallel', 60_000, 50_000, { socketsLeftOpen: 1 }), row('net', 50_000, 50_000, { busyUsPerMessage: 9 })],
      2,
    );
    expect(missed[0]).toBe('ECHO OR CLEAN-UP FAILED for parallel: bytes missing, sockets left open or a server still listening.');
    const text = missed.join('\n');
    expectNotesToSay(text, [
      '0.70x the plain net server',
      'MISSED the target of >= 0.80x',
      'was busy for 20.0 µs per message against 9.0 µs for net',
      "1.71x one thread's",
      'and the median one 0.02 ms against 0.01.',
      'the threads may have paid off; untested',
    ]);
  });
});
