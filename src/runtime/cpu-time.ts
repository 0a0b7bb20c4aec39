/** A reading of the process's CPU clock, for `cpuMsSince`. */
export type CpuReading = NodeJS.CpuUsage;

/** Reads the process's CPU time (user + system, every thread). */
export function cpuNow(): CpuReading {
  return process.cpuUsage();
}

/** CPU time the whole process used since `since`, in ms. */
export function cpuMsSince(since: CpuReading): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}
