import { describe, expect, it } from 'vitest';
import { analyseEchoServer } from './analysis.ts';
import type { EchoRun, EchoServerKind } from './echo.ts';
import type { ExperimentContext } from '../../src/experiment/context.ts';
import { echoRun, twoClients } from '../../test/helpers/analysis-echo-runs.ts';
import { resultTable } from '../../test/helpers/result-table.ts';

/**
 * Three runs of each server. interleaved: 15, 20 and 25 µs of CPU per message (3, 4 and 5 ms over 200 messages);
 * parallel: two server threads whose costs add up; net: one run left a socket open and lost bytes, another still listened.
 */
function runs(): Map<EchoServerKind, EchoRun[]> {
  return new Map<EchoServerKind, EchoRun[]>([
    ['sequential', [1000, 1100, 900].map((m, i) => echoRun('sequential', { messagesPerSecond: m, latency: { p50: 0.1 + i / 100, p99: 3 + i, max: 9 + i } }))],
    ['interleaved', [4000, 4200, 3800].map((m, i) => echoRun('interleaved', { messagesPerSecond: m, latency: { p50: 0.3 + i / 100, p99: 0.9 + i / 10, max: 2 + i }, servers: [{ busyMs: 4 + i, cpuMs: 3 + i }] }))],
    ['parallel', [6000, 6600, 5400].map((m, i) => echoRun('parallel', { messagesPerSecond: m, servers: [{ busyMs: 2 + i, cpuMs: 1.5 }, { busyMs: 3, cpuMs: 2 }] }))],
    [
      'net',
      [5000, 5500, 4500].map((m, i) =>
        echoRun('net', { messagesPerSecond: m, servers: [{ busyMs: 3, cpuMs: 2, openSockets: i === 2 ? 1 : 0, listening: i === 0 }], load: i === 2 ? { socketsClosed: 1, bytesEchoed: 12_000 } : {} }),
      ),
    ],
  ]);
}

const context = { repeats: 3, machine: { availableParallelism: 2 } } as ExperimentContext;

describe('echo-server: each server summarised over its runs', () => {
  // Analysed inside each test, not once for the describe block: code run while tests are collected is
  // covered by no test, so Stryker would run none of these against a mutant of it.
  const analysed = (): ReturnType<typeof analyseEchoServer> => analyseEchoServer({ size: twoClients, warmups: 1, serverThreads: 2, runs: runs() }, context);

  it('states the load and the rounds it ran', () => {
    expect(analysed().settings).toEqual({ clients: 2, messages: 100, messageBytes: 64, serverThreads: 2, clientThreads: 1, repeats: 3, warmups: 1, timeoutMs: 5000 });
  });

  it('takes medians over the runs of throughput, latency and cost per message', () => {
    expect(analysed().rows[0]).toEqual({
      kind: 'sequential',
      design: 'lab scheduler, fifo: one client at a time, served to its end',
      serverThreads: 1,
      repeats: 3,
      messagesPerSecond: 1000,
      minMessagesPerSecond: 900,
      maxMessagesPerSecond: 1100,
      p50Ms: 0.11,
      p99Ms: 4,
      maxMs: 10,
      busyUsPerMessage: 10,
      cpuUsPerMessage: 8,
      vsNet: 0.2,
      messages: 200,
      bytesSent: 12800,
      bytesEchoed: 12800,
      echoOk: true,
      socketsLeftOpen: 0,
      stopped: true,
      samples: [
        { round: 1, messagesPerSecond: 1000 },
        { round: 2, messagesPerSecond: 1100 },
        { round: 3, messagesPerSecond: 900 },
      ],
    });
    expect(analysed().rows.map((r) => [r.kind, r.design, r.serverThreads, r.busyUsPerMessage, r.cpuUsPerMessage, r.vsNet])).toEqual([
      ['sequential', 'lab scheduler, fifo: one client at a time, served to its end', 1, 10, 8, 0.2],
      ['interleaved', 'lab scheduler, round-robin: a task per connection, parked on socket reads', 1, 25, 20, 0.8],
      ['parallel', '2 worker threads, each the interleaved server on its own port', 2, 30, 17.5, 1.2],
      ['net', 'node:net callbacks, no scheduler (reference)', 1, 15, 10, 1],
    ]);
  });

  it('marks a server whose runs lost bytes, left sockets open or kept listening', () => {
    const net = analysed().rows[3]!;
    expect([net.echoOk, net.socketsLeftOpen, net.stopped]).toEqual([false, 2, false]);
    expect(analysed().rows.slice(0, 3).map((r) => [r.echoOk, r.socketsLeftOpen, r.stopped])).toEqual([
      [true, 0, true],
      [true, 0, true],
      [true, 0, true],
    ]);
    expect(analysed().notes[0]).toBe('ECHO OR CLEAN-UP FAILED for net: bytes missing, sockets left open or a server still listening.');
  });

  it('tabulates throughput and costs, and what each server left behind', () => {
    expect(analysed().tables).toEqual([
      resultTable('2 clients x 100 messages of 64 bytes, each waiting for its echo before the next (clients on a thread of their own)', `
        server | threads | messages/s | min-max | p50 ms | p99 ms | max ms | cpu µs/msg | busy µs/msg | vs net
        sequential | 1 | 1000 | 900-1100 | 0.11 | 4.00 | 10.0 | 8.0 | 10.0 | 0.20x
        interleaved | 1 | 4000 | 3800-4200 | 0.31 | 1.00 | 3.00 | 20.0 | 25.0 | 0.80x
        parallel | 2 | 6000 | 5400-6600 | 0.20 | 0.80 | 2.00 | 17.5 | 30.0 | 1.20x
        net | 1 | 5000 | 4500-5500 | 0.20 | 0.80 | 2.00 | 10.0 | 15.0 | 1.00x
      `),
      resultTable('how each server works, and what it left behind', `
        server | design | bytes echoed | sockets left open | stopped
        sequential | lab scheduler, fifo: one client at a time, served to its end | 12800/12800 | 0 | yes
        interleaved | lab scheduler, round-robin: a task per connection, parked on socket reads | 12800/12800 | 0 | yes
        parallel | 2 worker threads, each the interleaved server on its own port | 12800/12800 | 0 | yes
        net | node:net callbacks, no scheduler (reference) | 12800/12800 INCOMPLETE | 2 | NO
      `, ['left', 'left', 'right', 'right', 'right']),
    ]);
  });

  it('meets the target at exactly 0.8x net, and states the ratios between servers', () => {
    expect(analysed().facts).toEqual({ interleavedToNet: 0.8, targetRatioToNet: 0.8, targetMet: 1, sequentialToInterleaved: 0.25, parallelToInterleaved: 1.5 });
    const slower = runs();
    slower.set('interleaved', slower.get('interleaved')!.map((r) => ({ ...r, messagesPerSecond: r.messagesPerSecond - 1 })));
    const missed = analyseEchoServer({ size: twoClients, warmups: 1, serverThreads: 2, runs: slower }, context).facts;
    expect(missed.targetMet).toBe(0);
    expect(missed.interleavedToNet).toBeCloseTo(3999 / 5000, 12);
  });

  it('counts a run short of messages, or whose servers echoed less than was sent, as not echoed', () => {
    for (const broken of [{ load: { messages: 199 } }, { servers: [{ bytesEchoed: 12_000 }] }]) {
      const some = runs();
      some.set('sequential', [echoRun('sequential', { messagesPerSecond: 1000 }), echoRun('sequential', { messagesPerSecond: 1000, ...broken })]);
      expect(analyseEchoServer({ size: twoClients, warmups: 1, serverThreads: 2, runs: some }, context).rows[0]!.echoOk).toBe(false);
    }
  });

  it('leaves CPU per message out when a run did not report it', () => {
    const some = runs();
    some.set('sequential', [echoRun('sequential', { messagesPerSecond: 1000 }), echoRun('sequential', { messagesPerSecond: 1000, servers: [{ cpuMs: undefined }] })]);
    const row = analyseEchoServer({ size: twoClients, warmups: 1, serverThreads: 2, runs: some }, context).rows[0]!;
    expect(row.cpuUsPerMessage).toBeNull();
    expect(analyseEchoServer({ size: twoClients, warmups: 1, serverThreads: 2, runs: some }, context).tables[0]!.rows[0]![7]).toBe('n/a');
  });

  it('needs CPU from every server of every run, and every server stopped; reads busy time when interleaved has no CPU', () => {
    const mixed = new Map<EchoServerKind, EchoRun[]>([
      ['sequential', [echoRun('sequential', { messagesPerSecond: 1000, servers: [{ cpuMs: 1 }, { cpuMs: undefined }] })]],
      ['interleaved', [echoRun('interleaved', { messagesPerSecond: 4000, servers: [{ cpuMs: undefined, busyMs: 4 }] })]],
      ['parallel', [echoRun('parallel', { messagesPerSecond: 6000, servers: [{}, { listening: true }] })]],
      ['net', [echoRun('net', { messagesPerSecond: 5000 })]],
    ]);
    const analysis = analyseEchoServer({ size: twoClients, warmups: 1, serverThreads: 2, runs: mixed }, context);
    expect(analysis.rows.map((r) => [r.kind, r.cpuUsPerMessage, r.stopped])).toEqual([
      ['sequential', null, true],
      ['interleaved', null, true],
      ['parallel', 16, false],
      ['net', 8, true],
    ]);
    expect(analysis.notes[0]).toBe('ECHO OR CLEAN-UP FAILED for parallel: bytes missing, sockets left open or a server still listening.');
    expect(analysis.notes[1]).toMatch(/Its thread was busy for 20\.0 µs per message against 10\.0 µs for net \(medians of the runs\): 10\.0 µs is the price of parking on a promise and waking through the scheduler\.$/);
  });
});
