import { DEFAULTS } from './defaults.ts';
import { modeLines, modeNames } from '../modes/names.ts';
import { capText } from '../workload/describe-value.ts';
import { defaultWorkLimits } from '../workload/work-totals.ts';
import { defaultTryLimits } from '../runtime/user-function/input-limits.ts';
import { UsageError } from '../errors/usage-error.ts';
import { compareFormats, parseFormat, parsePercent } from './compare-args.ts';
import { REDIS_BOUNDS_MS } from '../runtime/queue/redis-bounds.ts';

/** The modes run only when named (the plain references, and those that need a Redis), for the `--modes` help line. */
const references = modeLines.flatMap((m) => ('reference' in m || 'namedOnly' in m ? [`${m.name}, ${m.summary}`] : [])).join('; ');

/**
 * The kinds of command, for flag scopes: `measure` is an experiment or `all`, `run` a user's workload
 * (which also takes every `measure` flag); `try` a user's function; `list`, `compare`, `report` are the other commands; `worker`
 * serves the `distributed` mode's queue from any machine.
 */
export const commandKinds = ['measure', 'run', 'list', 'compare', 'report', 'try', 'worker'] as const;
export type CommandKind = (typeof commandKinds)[number];

const measuring = ['measure', 'run'] as const satisfies readonly CommandKind[];
const measuringAndTry = [...measuring, 'try'] as const satisfies readonly CommandKind[];

/** One command-line flag: how `parseArgs` reads it, how it is explained, how its value is checked, which commands take it. */
interface FlagSpec<T> {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  readonly value?: string;
  readonly help: string;
  readonly parse?: (raw: string, flag: string) => T;
  readonly for: readonly CommandKind[];
  /** Flags of one experiment: given to another (or to `all`'s others), they would be ignored, so they are refused. */
  readonly experiments?: readonly string[];
  /** Still read under `--explain`/`--html`, which run each policy once and measure nothing; every other flag is refused there. */
  readonly explain?: true;
}

const MAX_THREADS = 256;
/** `--redis-timeout`'s range, s: below a tenth of a second a busy but healthy Redis would count as gone; an hour is waiting for ever. */
const MIN_REDIS_TIMEOUT_S = 0.1;
const MAX_REDIS_TIMEOUT_S = 3600;

export const flags = {
  quick: { type: 'boolean', help: 'small workloads and fewer repeats: a smoke run of a few seconds', for: measuringAndTry, explain: true },
  repeats: {
    type: 'string',
    value: 'N|auto',
    help: 'timed runs per mode, after the warm-up runs (1-1000; default per experiment); auto: repeat until every median is known within +-2% or --budget runs out',
    parse: integer(1, 1000, ' or auto'),
    for: measuringAndTry,
  },
  budget: { type: 'string', value: 'SECONDS', help: `with --repeats auto: time allowed per experiment (1-86400; default ${DEFAULTS.budgetSeconds})`, parse: integer(1, 86_400), for: measuringAndTry },
  warmups: { type: 'string', value: 'N', help: `untimed runs per mode before timing (0-100; default ${DEFAULTS.warmups}; try: until its loop stops getting faster, at most 10)`, parse: integer(0, 100), for: measuringAndTry },
  threads: { type: 'string', value: 'N', help: `worker threads for parallel mode (1-${MAX_THREADS}; default one per usable core, os.availableParallelism())`, parse: integer(1, MAX_THREADS), for: measuring },
  processes: {
    type: 'string',
    value: 'N',
    help: `forked processes for the processes mode (default --threads), and many-tasks' cap on processes started one per task (default 16, --quick 4) (1-${MAX_THREADS})`,
    parse: integer(1, MAX_THREADS),
    for: measuring,
  },
  workers: {
    type: 'string',
    value: 'N',
    help: `worker processes the distributed mode starts on this machine, and the count of every rung of the distributed experiment (1-${MAX_THREADS}; default --threads); with worker: jobs this machine takes at once (default 1)`,
    parse: integer(1, MAX_THREADS),
    for: [...measuring, 'worker'],
  },
  redis: {
    type: 'string',
    value: 'URL',
    help: "the Redis of the distributed mode: redis://HOST:PORT (redis://:PASSWORD@HOST:PORT if it asks for one) or a unix socket path (default: a private redis-server on a temporary socket, stopped at the end); worker needs it; with run, only with --modes naming distributed",
    for: [...measuring, 'worker'],
    experiments: ['distributed', 'all'],
  },
  'redis-timeout': {
    type: 'string',
    value: 'SECONDS',
    help: `how long the lab waits for its Redis to answer before it says so and stops (${MIN_REDIS_TIMEOUT_S}-${MAX_REDIS_TIMEOUT_S} s, fractions allowed): a distributed run's health check (default ${REDIS_BOUNDS_MS.run / 1000}) and each step of setting up its queue (default ${REDIS_BOUNDS_MS.open / 1000}); worker's watch on its Redis (default ${REDIS_BOUNDS_MS.worker / 1000}); with run, only with --modes naming distributed`,
    parse: seconds(MIN_REDIS_TIMEOUT_S, MAX_REDIS_TIMEOUT_S),
    for: [...measuring, 'worker'],
    experiments: ['distributed', 'all'],
  },
  queue: { type: 'string', value: 'NAME', help: "with worker: serve this queue only (default: follow the control key, which names the queue of the lab's run in progress)", for: ['worker'] },
  'max-threads': {
    type: 'string',
    value: 'N',
    help: `most worker threads: the top of the sweep for scaling (default twice --threads) and try (default the cores; 1, 2, 4, ... up to it on one pool; at most 8 per core), many-tasks' cap on threads started one per task (default 64, --quick 16) (1-${MAX_THREADS})`,
    parse: integer(1, MAX_THREADS),
    for: ['measure', 'try'],
    experiments: ['scaling', 'many-tasks', 'all'],
  },
  predict: {
    type: 'string',
    value: 'N',
    help: 'with scaling: the speedup the fitted Universal Scalability Law predicts at N threads (a model, not a measurement; refused with fewer than 6 thread counts up to the cores)',
    parse: integer(1, 1_000_000),
    for: measuring,
    experiments: ['scaling', 'all'],
  },
  aa: {
    type: 'boolean',
    help: "with granularity: an A/A check, a second identical piscina subject (piscina-aa) with its own place in the run order, its own runs, fit and row; the ratio of its per-task cost to piscina's (aaRatio, with a 95% interval) is the instrument's own bias",
    for: ['measure'],
    experiments: ['granularity'],
  },
  seed: { type: 'string', value: 'N', help: `seed for random wait lengths (0-4294967295; default ${DEFAULTS.seed})`, parse: integer(0, 2 ** 32 - 1), for: measuring, explain: true },
  timeout: { type: 'string', value: 'MS', help: `abort any single run that takes longer (1-3600000 ms; default none, ${DEFAULTS.tryTimeoutMs} for try, ${DEFAULTS.explainTimeoutMs} for --explain and --html)`, parse: integer(1, 3_600_000), for: measuringAndTry, explain: true },
  workload: { type: 'string', value: 'FILE', help: 'with the run command: the JSON workload to run (see docs/workloads.md and experiments/example-workload.json)', for: ['run'], explain: true },
  modes: { type: 'string', value: 'LIST', help: `with the run command: modes to run, comma-separated (default: all of ${modeNames.join(', ')}; also ${references})`, for: ['run'] },
  timeline: { type: 'boolean', help: 'draw a terminal timeline of each run after the tables (default: on for headline)', for: measuring },
  'no-timeline': { type: 'boolean', help: 'do not draw terminal timelines', for: measuring },
  trace: { type: 'string', value: 'FILE', help: 'write the runs as a Perfetto / chrome://tracing file (Trace Event JSON)', for: measuring },
  'no-steps': { type: 'boolean', help: 'record no steps in any mode (no timelines): measures without the cost of recording; not with --trace', for: measuring },
  json: { type: 'boolean', help: 'print one JSON document instead of tables (with compare: the same as --format json)', for: [...measuringAndTry, 'compare'], explain: true },
  format: {
    type: 'string',
    value: 'FORMAT',
    help: `with compare: what to print: ${compareFormats.join(', ')} (github-action-benchmark: its customSmallerIsBetter input; default text, the terminal table)`,
    parse: parseFormat,
    for: ['compare'],
  },
  'fail-on-slower': {
    type: 'string',
    value: 'PCT',
    help: 'with compare OLD NEW: exit 1 when NEW is slower than OLD in a row with Holm-corrected Mann-Whitney p < 0.05 and the low end of the 95% bootstrap interval of NEW/OLD above 1 + PCT/100 (0-1000); exit codes: 0 clean, 1 regression, 2 bad input',
    parse: parsePercent,
    for: ['compare'],
  },
  strict: { type: 'boolean', help: 'with --fail-on-slower: rows missing on a side, not comparable or without samples, and a side disturbed by other programs, fail the gate too', for: ['compare'] },
  machines: { type: 'boolean', help: 'with compare: one table across machines (the default with one path, or more than two), not OLD against NEW', for: ['compare'] },
  out: { type: 'string', value: 'DIR', help: 'save results under DIR/<experiment>/ (default results/runs); with report: write DIR/index.html', for: [...measuringAndTry, 'report'] },
  'max-work': {
    type: 'string',
    value: 'N',
    help: `accept N times the default work limits: with the run command ${defaultWorkLimits.maxTasks.toLocaleString('en-US')} tasks, ${defaultWorkLimits.maxTotalParts.toLocaleString('en-US')} parts, ${defaultWorkLimits.maxTotalUnits.toLocaleString('en-US')} cpu units in all, after delegation; with try ${defaultTryLimits.maxInputs.toLocaleString('en-US')} inputs and ${defaultTryLimits.maxInputBytes / 2 ** 20} MiB of inputs as structured-clone bytes`,
    parse: integer(1, 1_000_000),
    for: ['run', 'try'],
    explain: true,
  },
  explain: { type: 'boolean', help: 'seed-runner, or run with a workload of at most 50 steps: run each policy once and show the ready queue, parked tasks and why, step by step, side by side (with --json: the recorded events)', for: measuring, explain: true },
  step: { type: 'boolean', help: 'with --explain on a terminal: wait for a key press before each step (in a pipe every step prints)', for: measuring, explain: true },
  html: { type: 'string', value: 'FILE', help: 'seed-runner, or run with a small workload: write an offline interactive page that replays each policy step by step', for: measuring, explain: true },
  'no-save': { type: 'boolean', help: 'do not save the results of this run', for: measuringAndTry },
  inputs: { type: 'string', value: 'FILE', help: 'with try: the inputs as a JSON array (wins over the module\'s own inputs export)', for: ['try'] },
  name: { type: 'string', value: 'NAME', help: "with try: the name the result is filed and compared under (default: the module's path relative to the current directory; 1-100 printable characters)", for: ['try'] },
  batches: { type: 'string', value: 'LIST', help: `with try: calls per pool task to measure, comma-separated (1-100000 each; default ${DEFAULTS.batches.join(',')})`, for: ['try'] },
  help: { type: 'boolean', short: 'h', help: 'show this help', for: commandKinds, explain: true },
  version: { type: 'boolean', help: "print the lab's version", for: commandKinds, explain: true },
} as const satisfies Record<string, FlagSpec<number | string>>;

export type FlagName = keyof typeof flags;

/** Seconds from `min` to `max`, fractions allowed (`1.5`), as whole milliseconds. */
function seconds(min: number, max: number): (raw: string, flag: string) => number {
  return (raw, flag) => {
    const value = /^\+?(\d+(\.\d*)?|\.\d+)$/.test(raw.trim()) ? Number(raw) : Number.NaN;
    if (!(value >= min && value <= max)) throw new UsageError(`--${flag} must be a number of seconds from ${min} to ${max} (fractions allowed, e.g. 1.5); got "${capText(raw)}"`);
    return Math.round(value * 1000);
  };
}

function integer(min: number, max: number, orElse = ''): (raw: string, flag: string) => number {
  return (raw, flag) => {
    const value = /^[+-]?\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      throw new UsageError(`--${flag} must be an integer from ${min} to ${max}${orElse}; got "${capText(raw)}"`);
    }
    return value;
  };
}
