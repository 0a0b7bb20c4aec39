import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunReport, SchedulerOptions } from '../src/scheduler/index.ts';

// nsPerSwitch and idleCpu return timings, which no test may assert. What they must get right is
// the work they time: how many tasks, how many switches, which scheduler options, which clock and
// CPU readings. The scheduler module is wrapped to record that, and counted exactly.
const seen = vi.hoisted(() => ({
  options: [] as (SchedulerOptions | undefined)[],
  spawned: [] as string[],
  reports: [] as RunReport[],
  nowReadings: [] as number[],
}));

vi.mock('../src/scheduler/index.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/scheduler/index.ts')>();
  class RecordingScheduler extends real.Scheduler {
    constructor(options?: SchedulerOptions) {
      super(options);
      seen.options.push(options);
    }
    override spawn<T>(name: string, task: import('../src/scheduler/index.ts').Task<T>): import('../src/scheduler/index.ts').TaskHandle<T> {
      seen.spawned.push(name);
      return super.spawn(name, task);
    }
    override async run(): Promise<RunReport> {
      const report = await super.run();
      seen.reports.push(report);
      return report;
    }
  }
  return {
    ...real,
    Scheduler: RecordingScheduler,
    sharedNow: () => {
      const next = seen.nowReadings.shift();
      return next ?? real.sharedNow();
    },
  };
});

const { nsPerSwitch } = await import('../src/measure/switch-cost.ts');
const { idleCpu } = await import('../src/measure/idle-cpu.ts');

afterEach(() => {
  seen.options.length = 0;
  seen.spawned.length = 0;
  seen.reports.length = 0;
  seen.nowReadings.length = 0;
  vi.restoreAllMocks();
});

describe('nsPerSwitch (switch-cost.ts)', () => {
  it('runs tasks x switches/tasks bare yields under round-robin, untraced, and divides the time by that count', async () => {
    seen.nowReadings.push(1000, 1002); // 2 ms for the run
    const ns = await nsPerSwitch('scheduler', 4, 1000);
    expect(seen.options).toEqual([{ policy: 'round-robin', trace: false, traceCapacity: 1004 }]);
    expect(seen.spawned).toEqual(['t0', 't1', 't2', 't3']);
    // 250 yields per task plus each task's last step.
    expect(seen.reports[0]!.steps).toBe(1004);
    expect(seen.reports[0]!.trace).toBeUndefined();
    expect(ns).toBe((2 * 1e6) / 1000);
  });

  it('traces every step for the traced kind, with room for all of them up front', async () => {
    await nsPerSwitch('scheduler-traced', 2, 10);
    expect(seen.options).toEqual([{ policy: 'round-robin', trace: true, traceCapacity: 12 }]);
    expect(seen.reports[0]!.trace!.count).toBe(12);
  });

  it('gives every task at least one switch when there are more tasks than switches', async () => {
    await nsPerSwitch('scheduler', 3, 2);
    expect(seen.spawned).toEqual(['t0', 't1', 't2']);
    expect(seen.reports[0]!.steps).toBe(6);
  });

  it('hops through setImmediate exactly tasks x switches/tasks times, and uses no scheduler for the async kinds', async () => {
    const hops = vi.spyOn(globalThis, 'setImmediate');
    seen.nowReadings.push(0, 3);
    const ns = await nsPerSwitch('setImmediate', 3, 30);
    expect(hops).toHaveBeenCalledTimes(30);
    expect(ns).toBe((3 * 1e6) / 30);
    hops.mockClear();
    seen.nowReadings.push(0, 1);
    expect(await nsPerSwitch('await', 2, 8)).toBe(1e6 / 8);
    expect(hops).not.toHaveBeenCalled();
    expect(seen.options).toEqual([]);
  });
});

describe('idleCpu (idle-cpu.ts)', () => {
  it('runs the given number of sleepers once and divides the CPU time read around the run by its wall time', async () => {
    const cpu = vi.spyOn(process, 'cpuUsage');
    cpu.mockReturnValueOnce({ user: 10_000, system: 5_000 }).mockReturnValueOnce({ user: 3_000, system: 1_000 });
    seen.nowReadings.push(500, 540); // 40 ms of wall time
    const idle = await idleCpu(3, 1);
    expect(seen.spawned).toEqual(['sleeper0', 'sleeper1', 'sleeper2']);
    expect(seen.options).toEqual([{ policy: 'round-robin' }]);
    expect(seen.reports).toHaveLength(1);
    expect(seen.reports[0]!.steps).toBe(6); // each sleeper: the step that sleeps, the step that ends
    // The second reading is taken relative to the first: (3000 + 1000) µs = 4 ms.
    expect(cpu.mock.calls[1]![0]).toEqual({ user: 10_000, system: 5_000 });
    expect(idle).toEqual({ wallMs: 40, cpuMs: 4, share: 0.1 });
  });
});
