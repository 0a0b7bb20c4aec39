import { defineExperiment } from '../../src/experiment/define.ts';
import { assertLoadGeneratorInstalled, expensiveWays, LoadClient, serveUnderLoad, type ExpensiveWayName, type LoadShape, type WayUnderLoad } from './http-load.ts';
import { warmKernelUsPerUnit } from '../../src/runtime/kernel-calibration.ts';
import { DEFAULT_SLICE_MS, STEPS_PER_CLOCK_READ } from '../../src/scheduler/index.ts';
import { cpuKernel } from '../../src/workload/cpu-kernel.ts';
import { analyseEventLoopDelay, type EventLoopDelayFacts, type EventLoopDelayMeasured, type EventLoopDelayPlan, type EventLoopDelayRow, type EventLoopDelaySettings } from './analysis.ts';

/** The plan of a run: 20 ms of work per expensive request (5 ms in quick), both routes loaded at once, bounded in count and time. */
export function eventLoopDelayPlan(quick: boolean): EventLoopDelayPlan {
  return {
    workMs: quick ? 5 : 20,
    // Short enough that the scheduler's clock, read every STEPS_PER_CLOCK_READ steps, sees the slice end within one more slice.
    partMs: DEFAULT_SLICE_MS / STEPS_PER_CLOCK_READ,
    batch: { size: 2, waitMs: 5 },
    shape: { expensiveRequests: quick ? 64 : 80, expensiveConnections: 8, cheapRate: quick ? 300 : 200, cheapConnections: 4, cheapMax: 20_000, maxMs: quick ? 5_000 : 15_000 },
  };
}

const SEED = 13;

export const eventLoopDelay = defineExperiment<EventLoopDelayMeasured, EventLoopDelayRow, EventLoopDelayFacts, EventLoopDelaySettings>('event-loop-delay', {
  // Its settings state the kernel calibrated in the run (a measured figure): only the load and the batches set the work.
  comparable: ['quick', 'load', 'batched'],
  question: 'What does CPU work on the main thread do to every other request of an HTTP server, and which way of moving it (interleaving, a pool, batches) brings the cheap route back?',
  about: 'A real HTTP server on 127.0.0.1 with a cheap and an expensive route, loaded from another process by autocannon; the expensive work inline, interleaved, offloaded to a pool and batched.',
  defaults: { repeats: 1, quickRepeats: 1 },
  // One bounded load per way on a pool of --threads: repeats, warm-ups, seed and steps do not apply.
  commonSettings: ['quick', 'threads'],

  async measure(kit) {
    const { quick, signal, onProgress } = kit.context;
    // Before the calibration and the pool: a missing load generator is one line, at once.
    assertLoadGeneratorInstalled();
    const plan = eventLoopDelayPlan(quick);
    // Calibrated on this thread, warm, in this run: the kernel units that make `workMs` here.
    const usPerUnit = warmKernelUsPerUnit();
    const units = Math.max(1, Math.round((plan.workMs * 1000) / usPerUnit));
    const partUnits = Math.max(1, Math.round((plan.partMs * 1000) / usPerUnit));
    const checksum = cpuKernel(units, SEED);
    const pool = await (await kit.sharedPool()).plainPool();
    const client = await LoadClient.start();
    // Ctrl-C ends the load process at once: the load under way rejects, and its server stops in `serveUnderLoad`.
    const endLoad = (): void => client.close();
    signal.addEventListener('abort', endLoad, { once: true });
    try {
      const work = { units, seed: SEED, partUnits, batch: plan.batch };
      const shape: LoadShape = { ...plan.shape, expectedChecksum: String(checksum) };
      // Untimed: one short load warms the HTTP paths of the server and of the client.
      await serveUnderLoad('offloaded', work, pool, client, { ...shape, expensiveRequests: shape.expensiveConnections * 2, cheapMax: 50 });
      const serve = (way: ExpensiveWayName): Promise<WayUnderLoad> => {
        signal.throwIfAborted();
        onProgress({ label: `event-loop-delay ${way}`, phase: 'measure', repeat: expensiveWays.indexOf(way) + 1, of: expensiveWays.length });
        return serveUnderLoad(way, work, pool, client, shape);
      };
      // One after another, never two servers at once.
      const ways = { inline: await serve('inline'), interleaved: await serve('interleaved'), offloaded: await serve('offloaded'), batched: await serve('batched') };
      return { plan, sliceMs: DEFAULT_SLICE_MS, stepsPerClockRead: STEPS_PER_CLOCK_READ, kernelUsPerUnit: usPerUnit, units, partUnits, checksum, poolThreads: pool.threads, ways };
    } finally {
      signal.removeEventListener('abort', endLoad);
      client.close();
    }
  },

  analyse: analyseEventLoopDelay,
});
