import { describe, expect, it } from 'vitest';
import { interpretEchoServer, type EchoRow } from './analysis.ts';
import type { EchoServerKind } from './echo.ts';

/** A server's summary made by hand from its throughput per round (median, range and samples follow from them). */
function row(kind: EchoServerKind, perRound: readonly number[], extra: Partial<EchoRow> = {}): EchoRow {
  const sorted = [...perRound].sort((a, b) => a - b);
  const median = sorted[sorted.length >> 1]!;
  return {
    kind, design: kind, serverThreads: kind === 'parallel' ? 2 : 1, repeats: perRound.length, messagesPerSecond: median, minMessagesPerSecond: sorted[0]!, maxMessagesPerSecond: sorted.at(-1)!,
    p50Ms: 0.2, p99Ms: 0.8, maxMs: 2, busyUsPerMessage: 12, cpuUsPerMessage: 10, vsNet: median / 5000, messages: 200, bytesSent: 12800, bytesEchoed: 12800, echoOk: true, socketsLeftOpen: 0, stopped: true,
    samples: perRound.map((messagesPerSecond, i) => ({ round: i + 1, messagesPerSecond })),
    ...extra,
  };
}

/** Seven rounds around `m`, every server's rounds moving alike. */
const seven = (m: number): number[] => [0, 1, -1, 2, -2, 0.5, -0.5].map((d) => m + (d * m) / 100);
const three = (m: number): number[] => [m, m * 1.01, m * 0.99];

describe('echo-server notes: the target, the price of the scheduler, and what threads bought', () => {
  it('misses the target below 0.8x net; no extra CPU shown; threads that bought nothing measurable', () => {
    const notes = interpretEchoServer([row('sequential', seven(1000), { p50Ms: 0.3, maxMs: 9 }), row('interleaved', seven(3500), { cpuUsPerMessage: 10 }), row('parallel', seven(3500), { cpuUsPerMessage: 12 }), row('net', seven(5000))], 2);
    expect(notes).toEqual([
      "The lab's scheduler on one thread (a task per connection, parked with waitFor until its socket has bytes) echoed 3500 messages/s, 0.70x the plain net server's 5000 " +
        '([0.70-0.70], p = 0.016, Wilcoxon signed-rank over 7 paired rounds): MISSED the target of >= 0.80x (profile with node --cpu-prof --import tsx experiments/lab.ts echo-server). ' +
        'Its thread used 10.0 µs of CPU per message against 10.0 µs for net (medians of the runs): the scheduler added no work per message that the medians show.',
      "Served one client at a time by the same code, the server managed 1000 messages/s (0.29x interleaved's, [0.29-0.29], p = 0.016, Wilcoxon signed-rank over 7 paired rounds): " +
        "a waiting client's bytes sit in the kernel until its turn, so the worst round trip took 9.00 ms against 2.00 ms interleaved, and the median one 0.30 ms against 0.20.",
      'On 2 worker threads, each its own server on its own port (Node cannot hand a socket to a worker thread, so the clients were spread over the ports), the servers echoed 3500 messages/s, ' +
        "1.00x one thread's ([1.00-1.00], no measurable difference, p = 1.000, Wilcoxon signed-rank over 7 paired rounds), with 2 server threads and 1 client thread on 2 cores, " +
        'at 12.0 µs per message against 10.0 µs on one thread: the threads bought nothing measurable.',
    ]);
  });

  it('meets the target at 0.8x; reads busy time where net has no CPU per thread; threads that cost more than they bought', () => {
    const notes = interpretEchoServer(
      [row('sequential', seven(1000), { p50Ms: 0.1, maxMs: 9 }), row('interleaved', seven(4000), { busyUsPerMessage: 20 }), row('parallel', seven(3000), { busyUsPerMessage: 25 }), row('net', seven(5000), { cpuUsPerMessage: null })],
      4,
    );
    expect(notes).toEqual([
      "The lab's scheduler on one thread (a task per connection, parked with waitFor until its socket has bytes) echoed 4000 messages/s, 0.80x the plain net server's 5000 " +
        '([0.80-0.80], p = 0.016, Wilcoxon signed-rank over 7 paired rounds): target >= 0.80x met. Its thread was busy for 20.0 µs per message against 12.0 µs for net (medians of the runs): ' +
        '8.0 µs is the price of parking on a promise and waking through the scheduler.',
      "Served one client at a time by the same code, the server managed 1000 messages/s (0.25x interleaved's, [0.25-0.25], p = 0.016, Wilcoxon signed-rank over 7 paired rounds): " +
        "a waiting client's bytes sit in the kernel until its turn, so the worst round trip took 9.00 ms against 2.00 ms interleaved, while the median one took 0.10 ms (0.20 interleaved): " +
        'the client being served has the thread to itself.',
      'On 2 worker threads, each its own server on its own port (Node cannot hand a socket to a worker thread, so the clients were spread over the ports), the servers echoed 3000 messages/s, ' +
        "0.75x one thread's ([0.75-0.75], p = 0.016, Wilcoxon signed-rank over 7 paired rounds), with 2 server threads and 1 client thread on 4 cores, " +
        'at 25.0 µs per message against 20.0 µs on one thread: the threads cost more than they bought.',
    ]);
  });

  it('says the worker threads\' CPU per message was not measured when only they lack it, and compares busy time instead', () => {
    const notes = interpretEchoServer(
      [row('sequential', seven(1000)), row('interleaved', seven(4000), { busyUsPerMessage: 20 }), row('parallel', seven(6000), { cpuUsPerMessage: null, busyUsPerMessage: 25 }), row('net', seven(5000))],
      2,
    );
    expect(notes[0]).toContain('Its thread used 10.0 µs of CPU per message against 10.0 µs for net');
    expect(notes[2]).toMatch(/with 2 server threads and 1 client thread on 2 cores, their CPU per message was not measured \(the OS reported no CPU time per thread\); busy for 25\.0 µs per message against 20\.0 µs on one thread: the threads paid off\.$/);
  });

  it('says the threads paid off when they were measurably faster', () => {
    const notes = interpretEchoServer([row('sequential', seven(1000)), row('interleaved', seven(4000)), row('parallel', seven(6000), { cpuUsPerMessage: 11 }), row('net', seven(5000))], 2);
    expect(notes[2]).toContain("the servers echoed 6000 messages/s, 1.50x one thread's ([1.50-1.50], p = 0.016, Wilcoxon signed-rank over 7 paired rounds)");
    expect(notes[2]).toMatch(/at 11\.0 µs per message against 10\.0 µs on one thread: the threads paid off\.$/);
  });

  it('with too few rounds reads the threads by their speedup alone, and says why', () => {
    const few = (parallel: number): string => interpretEchoServer([row('sequential', three(1000)), row('interleaved', three(4000)), row('parallel', three(parallel)), row('net', three(5000))], 2)[2]!;
    expect(few(4000)).toMatch(/1\.00x one thread's \(\[1\.00-1\.00\], too few repeats for a verdict \(n = 3\)\).*: the threads may have paid off; too few repeats to tell\.$/);
    expect(few(3990)).toMatch(/: the threads may have cost more than they bought; too few repeats to tell\.$/);
  });

  it('without kept rounds says every comparison is untested', () => {
    const bare = (kind: EchoServerKind, m: number): EchoRow => {
      const { samples: _, ...r } = row(kind, [m]);
      return r;
    };
    const notes = interpretEchoServer([bare('sequential', 1000), bare('interleaved', 4000), bare('parallel', 6000), bare('net', 5000)], 2);
    expect(notes[0]).toContain("0.80x the plain net server's 5000 (untested: no samples were kept): target >= 0.80x met.");
    expect(notes[1]).toContain("(0.25x interleaved's, untested: no samples were kept)");
    expect(notes[2]).toContain("1.50x one thread's (untested: no samples were kept)");
    expect(notes[2]).toMatch(/: the threads may have paid off; untested, as no samples were kept\.$/);
  });

  it('pairs only the rounds both servers ran', () => {
    const notes = interpretEchoServer([row('sequential', seven(1000)), row('interleaved', seven(4000)), row('parallel', seven(6000)), row('net', three(5000))], 2);
    expect(notes[0]).toContain("0.80x the plain net server's 5000 ([0.80-0.80], too few repeats for a verdict (n = 3))");
  });

  it('names every server whose echo or clean-up failed, first', () => {
    const notes = interpretEchoServer(
      [row('sequential', seven(1000), { echoOk: false }), row('interleaved', seven(4000), { socketsLeftOpen: 1 }), row('parallel', seven(6000), { stopped: false }), row('net', seven(5000))],
      2,
    );
    expect(notes).toHaveLength(4);
    expect(notes[0]).toBe('ECHO OR CLEAN-UP FAILED for sequential, interleaved, parallel: bytes missing, sockets left open or a server still listening.');
  });

  it('leaves a comparison untested when only one side kept its rounds, and reads equal medians as no faster', () => {
    const { samples: _, ...netWithout } = row('net', seven(5000));
    const notes = interpretEchoServer([row('sequential', seven(1000)), row('interleaved', seven(4000)), row('parallel', seven(6000)), netWithout], 2);
    expect(notes[0]).toContain("0.80x the plain net server's 5000 (untested: no samples were kept): target >= 0.80x met.");
    const { samples: __, ...interleavedWithout } = row('interleaved', seven(4000));
    expect(interpretEchoServer([row('sequential', seven(1000)), interleavedWithout, row('parallel', seven(6000)), row('net', seven(5000))], 2)[2]).toContain("1.50x one thread's (untested: no samples were kept)");
    expect(notes[1]).toMatch(/so the worst round trip took 2\.00 ms against 2\.00 ms interleaved, and the median one 0\.20 ms against 0\.20\.$/);
  });
});
