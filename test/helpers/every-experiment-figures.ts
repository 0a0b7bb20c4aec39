/**
 * Figures for every experiment's pure `analyse`, without measuring: rebuilt from the saved reference
 * results where those keep enough (the timed rows and their samples), made by hand where they do not
 * (the saved results keep summaries, not what `measure` hands over), and each also cut down to fewer
 * rounds, so that every wording a verdict can take is reached: a difference, none, and too few repeats.
 */
import { cpuBound, cpuBoundExperimentWorkload } from '../../experiments/cpu-bound/index.ts';
import { headline, headlineWorkloads } from '../../experiments/headline/index.ts';
import { ioBound, ioBoundWorkload } from '../../experiments/io-bound/index.ts';
import { mixed, mixedWorkload } from '../../experiments/mixed/index.ts';
import { schedulerOverhead } from '../../experiments/scheduler-overhead/index.ts';
import { articleWaitLengths, articleWorkload, seedRunner, type OrderRow } from '../../experiments/seed-runner/index.ts';
import type { SwitchKind } from '../../src/measure/switch-cost.ts';
import { contextOf, saved, savedAndFewer, workloadOf, type AnalysedCase } from './saved-reference-figures.ts';
import { handOffCases } from './hand-off-figures.ts';
import { asyncIsGeneratorsCases, dataTransferCases, distributedCases, echoServerCases, eventLoopDelayCases, granularityCases, manyTasksCases, scalingCases, threadsVsProcessesCases } from './sweep-experiment-figures.ts';
export type { AnalysedCase, Said } from './saved-reference-figures.ts';

function headlineCases(): AnalysedCase[] {
  return savedAndFewer('headline', (rows, file) => {
    const { cpu, wait } = headlineWorkloads(file.settings.quick === true, Number(file.settings.seed));
    return headline.analyse({ cpu, wait, cpuRows: workloadOf(rows, cpu.name), waitRows: workloadOf(rows, wait.name) }, contextOf(file));
  });
}

function oneWorkloadCases(name: 'cpu-bound' | 'io-bound' | 'mixed'): AnalysedCase[] {
  return savedAndFewer(name, (rows, file) => {
    const context = contextOf(file);
    const measured = { rows, measurements: [], untraced: [] };
    if (name === 'cpu-bound') return cpuBound.analyse({ workload: cpuBoundExperimentWorkload(context.quick, context.threads), ...measured }, context);
    if (name === 'io-bound') return ioBound.analyse({ workload: ioBoundWorkload(context.quick, context.seed), ...measured }, context);
    return mixed.analyse({ workload: mixedWorkload(context.quick, context.threads), ...measured }, context);
  });
}

function seedRunnerCases(): AnalysedCase[] {
  const file = saved('seed-runner');
  const orders = file.rows.filter((r) => r.kind === 'order').map(({ kind: _, ...o }) => o as unknown as OrderRow);
  return savedAndFewer('seed-runner', (rows, f) => {
    const context = contextOf(f);
    const { lengths, maxMs } = articleWaitLengths(context.quick, context.seed);
    const block = articleWorkload('block', lengths);
    const wait = articleWorkload('wait', lengths);
    return seedRunner.analyse({ maxMs, block, wait, orders, blockRows: workloadOf(rows, block.name), waitRows: workloadOf(rows, wait.name) }, context);
  });
}

function schedulerOverheadCases(): AnalysedCase[] {
  const file = saved('scheduler-overhead');
  const samples = (n: number): Map<SwitchKind, number[]> =>
    new Map(file.rows.map((r) => [r.kind as SwitchKind, (r.samples as { nsPerSwitch: number }[]).slice(0, n).map((s) => s.nsPerSwitch)]));
  const idle = { cpuMs: Number(file.facts.idleCpuMs), wallMs: Number(file.facts.idleWallMs), share: Number(file.facts.idleCpuShare) };
  const measured = (n: number): Parameters<typeof schedulerOverhead.analyse>[0] => ({ switches: Number(file.settings.switches), warmups: Number(file.settings.warmups), samples: samples(n), idle });
  return [
    { figures: 'saved reference', analyse: () => schedulerOverhead.analyse(measured(Infinity), contextOf(file)) },
    { figures: 'saved reference, first 3 rounds', analyse: () => schedulerOverhead.analyse(measured(3), { ...contextOf(file), repeats: 3 }) },
  ];
}

/** Every experiment of the catalogue, by name, with the figures its analysis is fed. */
export function everyExperimentsFigures(): ReadonlyMap<string, () => AnalysedCase[]> {
  return new Map<string, () => AnalysedCase[]>([
    ['headline', headlineCases],
    ['scheduler-overhead', schedulerOverheadCases],
    ['seed-runner', seedRunnerCases],
    ['async-is-generators', asyncIsGeneratorsCases],
    ['echo-server', echoServerCases],
    ['cpu-bound', () => oneWorkloadCases('cpu-bound')],
    ['io-bound', () => oneWorkloadCases('io-bound')],
    ['mixed', () => oneWorkloadCases('mixed')],
    ['scaling', scalingCases],
    ['granularity', granularityCases],
    ['hand-off', handOffCases],
    ['event-loop-delay', eventLoopDelayCases],
    ['data-transfer', dataTransferCases],
    ['many-tasks', manyTasksCases],
    ['threads-vs-processes', threadsVsProcessesCases],
    ['distributed', distributedCases],
  ]);
}
