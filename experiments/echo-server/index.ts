import { defineExperiment } from '../../src/experiment/define.ts';
import { ClientThread, echoServerKinds, runEcho, WorkerServers, type EchoLoadSize } from './echo.ts';
import { alternate } from '../../src/measure/alternate.ts';
import { analyseEchoServer, type EchoServerSettings, type EchoFacts, type EchoMeasured, type EchoRow } from './analysis.ts';

export { analyseEchoServer, interpretEchoServer, TARGET_RATIO_TO_NET, type EchoFacts, type EchoMeasured, type EchoRow } from './analysis.ts';

/** N clients x M messages of S bytes: a few hundred ms per run in full, a few tens in quick. */
export function echoLoadSize(quick: boolean, timeoutMs?: number): EchoLoadSize {
  return { clients: quick ? 8 : 16, messages: quick ? 250 : 1000, messageBytes: 64, timeoutMs: timeoutMs ?? (quick ? 10_000 : 30_000) };
}

/** Starts the client thread and the worker servers, hands them to `use`, and closes whichever started. */
async function withEchoThreads<T>(serverThreads: number, use: (threads: { clients: ClientThread; servers: WorkerServers }) => Promise<T>): Promise<T> {
  const [clients, servers] = await Promise.allSettled([ClientThread.start(), WorkerServers.start(serverThreads)]);
  try {
    if (clients.status === 'rejected') throw clients.reason;
    if (servers.status === 'rejected') throw servers.reason;
    return await use({ clients: clients.value, servers: servers.value });
  } finally {
    await Promise.all([clients.status === 'fulfilled' && clients.value.close(), servers.status === 'fulfilled' && servers.value.close()]);
  }
}

export const echoServer = defineExperiment<EchoMeasured, EchoRow, EchoFacts, EchoServerSettings>('echo-server', {
  comparable: ['quick', 'clients', 'messages', 'messageBytes'],
  question: "How does a TCP echo server on the lab's scheduler compare with one client at a time, worker threads and plain node:net?",
  about: 'Clients each echoing messages one at a time, against the scheduler serving one client at a time, a task per connection, worker threads each serving a port, and plain node:net.',
  // Seven rounds: its verdicts are paired Wilcoxon tests, which cannot reach p < 0.05 below six; --quick stays a quick look at three.
  defaults: { repeats: 7, quickRepeats: 3 },
  // Its rounds are its own (not the kit's): --repeats auto does not apply, so the repeats it ran are stated as a number.
  commonSettings: ['quick'],

  measure({ context }) {
    const size = echoLoadSize(context.quick, context.timeoutMs);
    // Cold code (JIT) would be timed as a slow server: at least one untimed round, whatever --warmups says.
    const warmups = Math.max(context.warmups, 1);
    return withEchoThreads(context.threads, async (threads) => {
      const runs = await alternate(echoServerKinds, (kind) => runEcho(kind, size, threads, context.signal), {
        repeats: context.repeats,
        warmups,
        onRound: (kind, phase, repeat, of) => context.onProgress({ label: `${kind} server`, phase, repeat, of }),
      });
      return { size, warmups, serverThreads: threads.servers.threads, runs };
    });
  },

  analyse: analyseEchoServer,
});
