import { Scheduler, waitFor, type RunReport, type Task } from '../../src/scheduler/index.ts';
import { cpuKernel } from '../../src/workload/cpu-kernel.ts';
import type { ExpensiveWay, Respond } from './expensive-way-contract.ts';

/**
 * The expensive work cut into parts and interleaved by the lab's scheduler on the main thread. One
 * scheduler runs for the server's life (a keeper task holds it open); each request is a task that
 * yields every `partUnits` units. The scheduler runs parts back to back for one time slice, then
 * gives Node's event loop a turn: the slice, plus one part, bounds how long the cheap route waits.
 */
export class InterleavedWay implements ExpensiveWay {
  readonly poolTasks = 0;
  private readonly scheduler = new Scheduler({ policy: 'round-robin' });
  private release: () => void = () => {};
  private readonly running: Promise<RunReport>;

  constructor(
    private readonly units: number,
    private readonly seed: number,
    private readonly partUnits: number,
  ) {
    const stopped = new Promise<void>((resolve) => (this.release = resolve));
    this.scheduler.spawn('keeper', keepOpen(stopped));
    this.running = this.scheduler.run();
  }

  handle(respond: Respond): void {
    this.scheduler.spawn('expensive', kernelInParts(this.units, this.seed, this.partUnits, respond));
  }

  async close(): Promise<void> {
    this.release();
    const report = await this.running;
    if (report.failures.length > 0) throw report.failures[0];
  }
}

function* keepOpen(stopped: Promise<void>): Task<void> {
  yield waitFor(stopped);
}

/** The kernel continued part by part from its own last value: the same checksum as one call of `units`. */
function* kernelInParts(units: number, seed: number, partUnits: number, respond: Respond): Task<void> {
  let h = seed;
  for (let done = 0; done < units; done += partUnits) {
    h = cpuKernel(Math.min(partUnits, units - done), h);
    yield;
  }
  respond(h >>> 0);
}
