import { basename } from 'node:path';
import { cpuReaderFor } from '../../experiment/context.ts';
import { defineExperiment, type DefinedExperiment } from '../../experiment/define.ts';
import { alternate } from '../../measure/alternate.ts';
import { autoStop } from '../../measure/auto-repeats.ts';
import { foreignCpuPerRun } from '../../measure/foreign-cpu.ts';
import { measurePostMessageFloor } from '../../measure/post-message-floor.ts';
import { UserFunctionRunner } from '../../runtime/user-function/runner.ts';
import type { ModuleIdentity } from '../../runtime/user-function/module-identity.ts';
import type { TryLimits } from '../../runtime/user-function/input-limits.ts';
import { subjectLabel, type RanReply, type TrySubject } from '../../runtime/user-function/runner-protocol.ts';
import { analyseTry, type TryFacts, type TryFigures } from '../../report/try-analysis.ts';
import type { TryRow, TrySubjectFigures } from '../../report/try-rows.ts';
import { loopIsWarm, poolsToStart, tryRepeats, trySubjects, warmUpCap } from './try-plan.ts';
import { TryTimeLeft } from './try-time-left.ts';

/** What `try` is asked to measure. */
export interface TryOptions {
  readonly file: string;
  /** What the result is filed and compared under: the module's relative path or `--name`, and its content hash. */
  readonly identity: ModuleIdentity;
  /** From `--inputs FILE.json`: wins over the module's own inputs. */
  readonly inputs?: readonly unknown[];
  readonly maxThreads: number;
  /** How many inputs, and how many bytes of them, are accepted (`--max-work`). */
  readonly limits: TryLimits;
  readonly batches: readonly number[];
  /** From `--warmups N`: that many warm-up rounds; else until the loop stops getting faster. */
  readonly warmups?: number;
}

/**
 * How long `try` times the bare postMessage floor after the settings' rounds (the issue allows at most
 * 5 s). Under --quick a tenth of a second: at least three batches of 200 round trips all the same, and
 * the timing keeps two threads busy (at 250 ms it was about a tenth of a quick run's CPU).
 */
const FLOOR_MS = 2_000;
const QUICK_FLOOR_MS = 100;
/** Time a child gets beyond `--timeout` to report a late call itself, before the lab kills it. */
const GRACE_MS = 5_000;
/** Starting the child, loading the module and starting the pools compile the lab first: on a busy machine that alone takes seconds, whatever `--timeout` bounds the calls to. */
const START_MS = 60_000;

/** `try FILE` as an experiment: the user's function measured in every setting, alternating, then judged. */
export function tryExperiment(options: TryOptions): DefinedExperiment<TryFigures, TryRow, TryFacts> {
  const workload = basename(options.file);
  return defineExperiment<TryFigures, TryRow, TryFacts>(options.identity.experiment, {
    question: `Will worker threads pay off for the default export of ${workload}, with how many threads and what batch size?`,
    defaults: { repeats: tryRepeats(options.maxThreads, options.batches), quickRepeats: 3 },

    async measure(kit) {
      const runStart = performance.now();
      const context = kit.context;
      const timeoutMs = context.timeoutMs ?? 60_000;
      const seconds = `${timeoutMs / 1000} s (--timeout)`;
      const startMs = Math.max(timeoutMs, START_MS);
      const warmups = options.warmups ?? warmUpCap(context.quick);
      const costRepeats = context.quick ? 3 : 7;
      const runner = UserFunctionRunner.start(context.signal, options.file);
      try {
        const loaded = await runner.request({ type: 'load', file: options.file, limits: options.limits, ...(options.inputs !== undefined && { inputs: options.inputs }) }, 'loaded', startMs, {
          late: `${options.file}: loading the module and its inputs took longer than ${startMs / 1000} s`,
          ended: `${options.file}: loading the module ended its process`,
        });
        let subjects = trySubjects(loaded.kind, options.maxThreads, options.batches);
        const timeLeft = new TryTimeLeft(subjects, loaded.inputs, costRepeats);
        const roundsAhead = (): number => (options.warmups ?? 1) + context.repeats;
        const checkStart = performance.now();
        // Every input once, in one request: the reference results, and the loop's first timing.
        context.onProgress({ label: workload, phase: 'check', repeat: 1, of: 1 });
        const asked = performance.now();
        const checked = await runner.request({ type: 'checks' }, 'checked', timeoutMs, {
          late: `the reference calls (every input once, in baseline) did not all end within ${seconds}`,
          ended: 'the reference calls in baseline ended the process',
        });
        // One request carried every input: what it took beyond the calls stands in for one hand-off to the function's process.
        timeLeft.handOff(performance.now() - asked, checked.callMs.reduce((sum, ms) => sum + ms, 0));
        const reference = checked.hashes;
        const resultBytes = checked.resultBytes;
        const kind = checked.returnedPromise ? 'async' : loaded.kind;
        // A sync function that returned a promise is measured as async: interleaving joins the settings.
        if (kind !== loaded.kind) subjects = trySubjects(kind, options.maxThreads, options.batches);
        const estimate = kind === loaded.kind ? timeLeft : new TryTimeLeft(subjects, loaded.inputs, costRepeats);
        estimate.checked(loaded.inputs, loaded.inputs, performance.now() - checkStart, roundsAhead());
        context.onProgress({ label: workload, phase: 'start', repeat: 1, of: 1, runLeftMs: estimate.left(subjects.length, roundsAhead()) });
        await runner.request({ type: 'pools', threads: poolsToStart(subjects, options.maxThreads) }, 'ready', startMs, { late: `starting the pools took longer than ${startMs / 1000} s`, ended: 'starting the pools ended the process' });
        const run = async (subject: TrySubject, check: boolean): Promise<RanReply> => {
          const ran = await runner.request({ type: 'run', subject, check, timeoutMs }, 'ran', subject.mode === 'baseline' ? timeoutMs : timeoutMs + GRACE_MS, {
            late: `a run in ${subjectLabel(subject)} did not end within ${seconds}`,
            ended: `a run in ${subjectLabel(subject)} ended the process`,
          });
          estimate.ran(subject, ran.wallMs);
          return ran;
        };
        const checks = new Map<TrySubject, number | undefined>();
        let checkedLoopMs = Number.NaN;
        for (const [i, subject] of subjects.entries()) {
          context.onProgress({ label: `${workload} ${subjectLabel(subject)}`, phase: 'check', repeat: i + 1, of: subjects.length, runLeftMs: estimate.left(subjects.length - i, roundsAhead()) });
          const checkedRun = await run(subject, true);
          if (subject.mode === 'baseline') checkedLoopMs = checkedRun.wallMs;
          const hashes = checkedRun.hashes ?? [];
          const differs = reference.findIndex((hash, i) => hashes[i] !== hash);
          checks.set(subject, differs === -1 ? undefined : differs);
        }
        const auto = context.auto;
        const readCpu = cpuReaderFor(context);
        // Other programs' CPU, per timed run long enough to tell (see foreignCpuPerRun).
        const withForeignCpu = foreignCpuPerRun<TrySubject, RanReply>(readCpu);
        const timedRun = (subject: TrySubject): Promise<RanReply & { readonly foreignCpuCores: number | null }> => withForeignCpu(subject, () => run(subject, false));
        const runs = await alternate(subjects, timedRun, {
          repeats: context.repeats,
          warmups,
          ...(options.warmups === undefined && !context.quick && { warm: (warm) => loopIsWarm(checkedLoopMs, warm.get(subjects[0]!)!.map((r) => r.wallMs)) }),
          onRound: (s, phase, repeat, of) =>
            context.onProgress({ label: `${workload} ${subjectLabel(s)}`, phase, repeat, of, runLeftMs: estimate.left(0, phase === 'measure' ? of - repeat + 1 : context.repeats + 1, `${phase} ${repeat}`) }),
          ...(auto !== undefined && { more: (kept) => autoStop(subjects.map((s) => kept.get(s)!.map((r) => r.wallMs)), performance.now(), auto.deadlineMs) === undefined }),
        });
        context.onProgress({ label: workload, phase: 'costs', repeat: 1, of: 1, runLeftMs: estimate.costsMs() });
        const costs = await runner.request({ type: 'costs', threads: options.maxThreads, repeats: costRepeats }, 'costs', startMs, {
          late: `timing the transfers took longer than ${startMs / 1000} s`,
          ended: 'timing the transfers ended the process',
        });
        context.onProgress({ label: `${workload} postMessage floor`, phase: 'measure', repeat: 1, of: 1 });
        const floorMs = context.quick ? QUICK_FLOOR_MS : FLOOR_MS;
        const postMessageFloor = await measurePostMessageFloor(context.signal, floorMs);
        const figures: TrySubjectFigures[] = subjects.map((s) => {
          const differs = checks.get(s);
          const kept = runs.get(s)!;
          const inWorkers = s.mode === 'pool' ? { workerCallMs: kept.map((r) => r.workerCallMs ?? Number.NaN) } : {};
          return { ...s, wallMs: kept.map((r) => r.wallMs), cpuMs: kept.map((r) => r.cpuMs), foreignCpuCores: kept.map((r) => r.foreignCpuCores), ...inWorkers, checksumOk: differs === undefined, ...(differs !== undefined && { firstDifferent: differs }) };
        });
        const baselineRuns = runs.get(subjects[0]!)!;
        return {
          workload,
          kind,
          cores: context.machine.availableParallelism,
          maxThreads: options.maxThreads,
          subjects: figures,
          callMs: reference.map((_, i) => baselineRuns.map((r) => r.callMs?.[i] ?? Number.NaN)),
          inputBytes: loaded.inputBytes,
          resultBytes,
          sendRoundTripsUs: costs.sendUs,
          receiveRoundTripsUs: costs.receiveUs,
          emptyUs: costs.emptyUs,
          warmups: { rounds: runs.warmups, fixed: options.warmups !== undefined, ...(context.quick && { quick: true }) },
          runMs: performance.now() - runStart,
          postMessageFloor,
        };
      } finally {
        runner.close();
      }
    },

    analyse(figures) {
      const { rows, facts, tables, notes, charts } = analyseTry(figures);
      return {
        settings: { module: options.identity.identity, moduleHash: options.identity.moduleHash, kind: figures.kind, inputs: figures.callMs.length, maxThreads: options.maxThreads, batches: options.batches.join(','), warmups: figures.warmups.fixed || figures.warmups.quick === true ? figures.warmups.rounds : 'until warm' },
        tables,
        rows,
        facts,
        notes,
        speedupCharts: charts,
      };
    },
  });
}
