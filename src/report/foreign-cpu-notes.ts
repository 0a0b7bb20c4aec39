import { DISTURBED_FROM_CORES, FOREIGN_CPU_MIN_ROUND_MS, isDisturbed } from '../measure/foreign-cpu.ts';
import { meanForeignCpuCores, type Sample } from '../measure/samples.ts';

/** The mark a row whose runs other programs disturbed carries beside its mode (`!` is a high spread, `✗` impossible, `#` garbage collection in a timeline). */
export const DISTURBED_MARK = '%';

/** "about 0.8 of a core", "about one core", "about 1.6 cores". */
export function coresPhrase(cores: number): string {
  const shown = cores.toFixed(1);
  return shown === '1.0' ? 'about one core' : cores < 1 ? `about ${shown} of a core` : `about ${shown} cores`;
}

/** Other programs' CPU as the machine line gives it: measured over the run, or not measured (older results, or no /proc/stat). */
export function foreignCpuText(cores: number | null | undefined): string {
  return typeof cores === 'number' ? `other programs' CPU during the run ${cores.toFixed(2)} cores` : `other programs' CPU not measured`;
}

/** What a run needs to say about the CPU other programs used during it. */
export interface ForeignCpuFacts {
  /** Measured over the run, in cores; `null` where the system does not say. */
  readonly cores: number | null;
  /** Threads the lab may run at once on this machine. */
  readonly usable: number;
  /** `--redis`, when the queue's Redis is not the lab's own (its CPU, and its workers', are not the lab's tree). */
  readonly externalRedis?: string;
}

/** Notes for the top of the notes: a disturbed run says so first; the rest say what could not be counted. */
export function foreignCpuNotes({ cores, usable, externalRedis }: ForeignCpuFacts): { readonly first: string[]; readonly last: string[] } {
  const first = isDisturbed(cores)
    ? [
        `Another program used ${coresPhrase(cores!)} during this run: parallel figures understate what ${usable} thread${usable === 1 ? '' : 's'} can do; ` +
          `rerun on an idle machine (a run counts as disturbed above ${DISTURBED_FROM_CORES} of a core on average).`,
      ]
    : [];
  const last = [
    ...(cores === null ? ["Other programs' CPU was not measured: /proc/stat cannot be read here, so nothing tells whether the machine was busy during the run."] : []),
    ...(externalRedis === undefined
      ? []
      : [
          `The Redis at ${externalRedis} (--redis) and any worker started apart from this run are not the lab's own processes: ` +
            `on this machine their CPU counts as other programs', on other machines it is not counted at all.`,
        ]),
  ];
  return { first, last };
}

/** A row of a mode table: which workload and mode, whether its runs were disturbed, and its samples. */
interface MarkedRow {
  readonly workload: string;
  readonly mode: string;
  readonly disturbed?: true;
  readonly samples: readonly Sample[];
}

/** The legend of the disturbed mark under a table, one line per disturbed row, with the CPU other programs used during its runs. */
export function disturbedLegend(rows: readonly MarkedRow[]): string[] {
  return rows
    .filter((r) => r.disturbed === true)
    .map((r) => {
      const measured = r.samples.filter((s) => s.foreignCpuCores !== undefined).length;
      return (
        `disturbed ${DISTURBED_MARK}: ${r.workload} ${r.mode}: other programs used ${coresPhrase(meanForeignCpuCores(r.samples) ?? 0)} on average during ` +
        `${measured} of its ${r.samples.length} runs (those of ${FOREIGN_CPU_MIN_ROUND_MS / 1000} s or more), above ${DISTURBED_FROM_CORES}: rerun on an idle machine.`
      );
    });
}
