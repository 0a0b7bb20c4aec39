import autocannon from 'autocannon';
import { sharedNow } from '../../src/scheduler/index.ts';
import { CHEAP_BODY, routes, type LoadFailed, type LoadPlan, type LoadReply, type RouteResult } from './load-protocol.ts';

/**
 * The load generator's own process: autocannon on both routes at once, so that the client's CPU is
 * not the server's. It runs one plan per message and exits when its parent goes away.
 */
const SAMPLE_MS = 50;

interface Running {
  readonly instance: autocannon.Instance;
  readonly result: Promise<RouteResult>;
}

function startRoute(url: string, options: Partial<autocannon.Options>, startedMs: number): Running {
  let instance: autocannon.Instance | undefined;
  const result = new Promise<RouteResult>((resolve, reject) => {
    instance = autocannon({ url, sampleInt: SAMPLE_MS, ...options }, (error: unknown, r) => {
      if (error !== null && error !== undefined) return reject(error instanceof Error ? error : new Error(String(error)));
      resolve({ completed: r['2xx'], errors: r.errors, timeouts: r.timeouts, mismatches: r.mismatches, non2xx: r.non2xx, durationMs: sharedNow() - startedMs });
    });
  });
  return { instance: instance!, result };
}

async function runLoad(plan: LoadPlan): Promise<LoadReply> {
  const cpuBefore = process.cpuUsage();
  const startedMs = sharedNow();
  const base = `http://127.0.0.1:${plan.port}`;
  const timeout = Math.max(1, Math.ceil(plan.maxMs / 1000));
  const cheapLatencyMs: number[] = [];
  const cheap = startRoute(`${base}${routes.cheap}`, { connections: plan.cheapConnections, overallRate: plan.cheapRate, amount: plan.cheapMax, expectBody: CHEAP_BODY, timeout }, startedMs);
  const expensive = startRoute(`${base}${routes.expensive}`, { connections: plan.expensiveConnections, amount: plan.expensiveRequests, expectBody: plan.expectedChecksum, timeout }, startedMs);
  cheap.instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode === 200) cheapLatencyMs.push(responseTime);
  });
  let cutShort = false;
  const limit = setTimeout(() => {
    cutShort = true;
    cheap.instance.stop();
    expensive.instance.stop();
  }, plan.maxMs);
  try {
    const expensiveResult = await expensive.result;
    cheap.instance.stop();
    const cheapResult = await cheap.result;
    const cpu = process.cpuUsage(cpuBefore);
    return { kind: 'loaded', cheapLatencyMs, cheap: cheapResult, expensive: expensiveResult, clientCpuMs: (cpu.user + cpu.system) / 1000, wallMs: sharedNow() - startedMs, cutShort };
  } finally {
    clearTimeout(limit);
  }
}

process.on('message', (plan: LoadPlan) => {
  runLoad(plan).then(
    (reply) => process.send?.(reply),
    (error: unknown) => process.send?.({ kind: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies LoadFailed),
  );
});
process.on('disconnect', () => process.exit(0));
process.send?.({ kind: 'ready' });
