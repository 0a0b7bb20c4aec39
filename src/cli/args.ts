import { DEFAULTS } from './defaults.ts';
import { parseArgs } from 'node:util';
import { allModeNames, isModeName, type ModeName } from '../modes/names.ts';
import { flags, type CommandKind, type FlagName } from './flags.ts';
import { capText, controlCharacterIn } from '../workload/describe-value.ts';
import { nearest } from './suggest.ts';
import { compareChoices, type CompareChoices } from './compare-args.ts';
import { UsageError } from '../errors/usage-error.ts';
import { parseRedisTarget, type RedisTarget } from '../runtime/queue/redis-target.ts';

/** The command line, checked: every numeric flag is in range, no unknown flag got through. */
export interface LabArgs {
  readonly positionals: readonly string[];
  readonly quick: boolean;
  readonly json: boolean;
  readonly help: boolean;
  readonly version: boolean;
  /** False under `--no-save`. */
  readonly save: boolean;
  readonly out?: string;
  /** `--timeline` true, `--no-timeline` false, neither undefined (the experiment decides). */
  readonly timeline?: boolean;
  readonly trace?: string;
  /** False under `--no-steps`: runs record no steps (no timelines), to measure without the recording. */
  readonly steps: boolean;
  readonly workload?: string;
  readonly modes?: readonly ModeName[];
  readonly repeats?: number;
  /** `--repeats auto`, with its budget per experiment in seconds (`--budget`, default 60). */
  readonly autoRepeats?: { readonly budgetSeconds: number };
  readonly warmups?: number;
  readonly threads?: number;
  /** `--predict N`: scaling's model prediction at N threads. */
  readonly predict?: number;
  /** `--aa`: granularity's A/A check (piscina measured twice, as two subjects). */
  readonly aa?: true;
  readonly seed?: number;
  readonly timeoutMs?: number;
  /** `--explain`: replay each policy's decisions step by step instead of measuring. */
  readonly explain: boolean;
  /** `--step`: with `--explain` on a terminal, a key press advances each step. */
  readonly step: boolean;
  /** `--html FILE`: write the interactive page that replays each policy. */
  readonly html?: string;
  /** `--max-work N`: N times the default work limits for a user's workload. */
  readonly maxWork?: number;
  /** `--max-threads N`: the top of a thread sweep (try, scaling) or the cap on threads started one per task (many-tasks). */
  readonly maxThreads?: number;
  /** `--processes N`: processes in the processes mode, and the cap on processes started one per task (many-tasks). */
  readonly processes?: number;
  /** `try --inputs FILE.json`. */
  readonly inputs?: string;
  /** `try --name NAME`: the identity the result is filed under, instead of the module's path. */
  readonly name?: string;
  /** `try --batches LIST`: calls per pool task. */
  readonly batches?: readonly number[];
  /** `--redis URL|SOCKET`: the Redis of the distributed mode (default: a private one). */
  readonly redis?: RedisTarget;
  /** `--redis-timeout SECONDS`, as ms: how long the lab waits for its Redis to answer before it says so and stops. */
  readonly redisTimeoutMs?: number;
  /** `--workers N`: local worker processes of the distributed mode, and the count of every rung of the distributed experiment. */
  readonly workers?: number;
  /** `--queue NAME` (worker): serve this queue rather than follow the control key. */
  readonly queue?: string;
  /** compare's `--format`, `--fail-on-slower`, `--strict`, `--machines`. */
  readonly compare: CompareChoices;
}

const flagNames = Object.keys(flags) as FlagName[];

/** `--repeats auto` stops at the latest this long after an experiment starts. */

export function parseLabArgs(argv: readonly string[]): LabArgs {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options: flags, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    throw toUsageError(error, argv);
  }
  checkFlagsFit(parsed.positionals[0], (parsed.tokens ?? []).flatMap((t) => (t.kind === 'option' ? [t.name as FlagName] : [])));
  const values = parsed.values as Partial<Record<FlagName, string | boolean>>;
  const auto = values.repeats === 'auto';
  if (values.budget !== undefined && !auto) throw new UsageError('--budget only applies with --repeats auto');
  const number = (flag: 'repeats' | 'warmups' | 'threads' | 'processes' | 'workers' | 'max-threads' | 'predict' | 'seed' | 'timeout' | 'budget' | 'max-work' | 'redis-timeout'): number | undefined => {
    if (flag === 'repeats' && auto) return undefined;
    const raw = values[flag];
    return typeof raw === 'string' ? flags[flag].parse(raw, flag) : undefined;
  };
  const args: LabArgs = {
    positionals: parsed.positionals,
    quick: values.quick === true,
    json: values.json === true,
    help: values.help === true,
    version: values.version === true,
    save: values['no-save'] !== true,
    steps: stepsChoice(values['no-steps'] === true, values.trace),
    explain: values.explain === true,
    compare: compareChoices(values),
    ...(values.aa === true && { aa: true as const }),
    step: values.step === true,
    ...(typeof values.html === 'string' && { html: nonEmpty(values.html, 'html') }),
    ...(typeof values.out === 'string' && { out: nonEmpty(values.out, 'out') }),
    ...(typeof values.workload === 'string' && { workload: nonEmpty(values.workload, 'workload') }),
    ...(typeof values.trace === 'string' && { trace: nonEmpty(values.trace, 'trace') }),
    ...timelineChoice(values.timeline === true, values['no-timeline'] === true),
    ...(typeof values.modes === 'string' && { modes: modeList(values.modes) }),
    ...(typeof values.inputs === 'string' && { inputs: nonEmpty(values.inputs, 'inputs') }),
    ...(typeof values.batches === 'string' && { batches: batchList(values.batches) }),
    ...(typeof values.name === 'string' && { name: resultName(values.name) }),
    ...(auto && { autoRepeats: { budgetSeconds: number('budget') ?? DEFAULTS.budgetSeconds } }),
    ...(typeof values.redis === 'string' && { redis: parseRedisTarget(nonEmpty(values.redis, 'redis')) }),
    ...(typeof values.queue === 'string' && { queue: queueName(values.queue) }),
  };
  checkStepFlag(args);
  const numbers = { repeats: number('repeats'), warmups: number('warmups'), threads: number('threads'), processes: number('processes'), workers: number('workers'), maxThreads: number('max-threads'), predict: number('predict'), seed: number('seed'), timeoutMs: number('timeout'), maxWork: number('max-work'), redisTimeoutMs: number('redis-timeout') };
  return Object.assign(args, Object.fromEntries(Object.entries(numbers).filter(([, v]) => v !== undefined)));
}

/** What kind of command the first positional names (an experiment name, or none, is `measure`). */
export function commandKind(command: string | undefined): CommandKind {
  return command === 'run' || command === 'list' || command === 'compare' || command === 'report' || command === 'try' || command === 'worker' ? command : 'measure';
}

/** `--queue NAME`: a name BullMQ keys can carry, as the lab's own run queues are named. */
function queueName(raw: string): string {
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(raw)) throw new UsageError(`--queue "${capText(raw)}" is not a queue name; accepted: 1-100 letters, digits, dot, dash, underscore (e.g. lab-run-...)`);
  return raw;
}

/**
 * Each flag at most once, and only flags the command uses: a flag it ignores would mislead. Under
 * `--explain`/`--html`, which run each policy once and measure nothing, only the flags they read (`explain` in their spec).
 */
function checkFlagsFit(command: string | undefined, given: readonly FlagName[]): void {
  const kind = commandKind(command);
  const explaining = given.includes('explain') ? '--explain' : given.includes('html') ? '--html' : undefined;
  const fits = (flag: FlagName): boolean => {
    const spec: { readonly for: readonly CommandKind[]; readonly experiments?: readonly string[] } = flags[flag];
    return spec.for.includes(kind) && (kind !== 'measure' || spec.experiments === undefined || spec.experiments.includes(command ?? 'headline'));
  };
  const fitsExplaining = (flag: FlagName): boolean => fits(flag) && (flags[flag] as { readonly explain?: true }).explain === true;
  const seen = new Set<FlagName>();
  // Every flag is judged against the command first: `try --no-save --html F` is wrong for --html, which try never takes.
  for (const name of given) {
    if (seen.has(name)) throw new UsageError(`--${name} is given twice; give each flag once`);
    seen.add(name);
    if (!fits(name)) {
      const accepted = flagNames.filter(fits).map((f) => `--${f}`);
      const what = kind === 'measure' ? `an experiment (${command ?? 'headline'})` : `the ${kind} command`;
      throw new UsageError(`--${name} does not apply to ${what}; it takes ${accepted.join(', ')}`);
    }
  }
  for (const name of given) {
    if (explaining !== undefined && !fitsExplaining(name)) {
      const accepted = flagNames.filter(fitsExplaining).map((f) => `--${f}`);
      throw new UsageError(`--${name} does not apply with ${explaining}, which runs each policy once and measures nothing; it takes ${accepted.join(', ')}`);
    }
  }
}

/** `--step` paces the text of `--explain`: without it, or with `--json`, it would do nothing. */
function checkStepFlag(args: LabArgs): void {
  if (args.step && !args.explain) throw new UsageError('--step paces --explain; give --explain too');
  if (args.step && args.json) throw new UsageError('--step paces the text of --explain; --json prints the events at once: give one');
}

/** `--modes sequential,parallel`: known names, each once, at least one. */
function modeList(raw: string): ModeName[] {
  const names = raw.split(',').map((m) => m.trim());
  const accepted = `accepted: ${allModeNames.join(', ')}`;
  for (const name of names) {
    if (!isModeName(name)) {
      throw new UsageError(name === '' ? `--modes has an empty entry in "${raw}"; ${accepted}` : `--modes: unknown mode "${name}"; ${accepted}`);
    }
  }
  const unique = [...new Set(names.filter(isModeName))];
  if (unique.length !== names.length) throw new UsageError(`--modes names a mode twice in "${raw}"`);
  return unique;
}

/** `--name NAME`: printed back and filed under, so printable and of a sane length. */
function resultName(raw: string): string {
  const name = nonEmpty(raw, 'name').trim();
  if (name.length > 100) throw new UsageError(`--name is ${name.length} characters long; give 1-100`);
  return name;
}

/** `--batches 1,4,16`: whole numbers from 1 to 100000, each once, at least one. */
function batchList(raw: string): number[] {
  const sizes = raw.split(',').map((b) => b.trim());
  for (const size of sizes) {
    if (!/^\d+$/.test(size) || Number(size) < 1 || Number(size) > 100_000) throw new UsageError(`--batches: "${capText(size)}" is not a whole number from 1 to 100000; give a list such as 1,4,16,64`);
  }
  const unique = [...new Set(sizes.map(Number))];
  if (unique.length !== sizes.length) throw new UsageError(`--batches names a size twice in "${capText(raw)}"`);
  return unique.sort((a, b) => a - b);
}

function stepsChoice(noSteps: boolean, trace: string | boolean | undefined): boolean {
  if (noSteps && trace !== undefined) throw new UsageError('--no-steps and --trace FILE contradict each other: a trace file needs the recorded steps; give one');
  return !noSteps;
}

function timelineChoice(on: boolean, off: boolean): { timeline?: boolean } {
  if (on && off) throw new UsageError('--timeline and --no-timeline contradict each other; give one');
  return on ? { timeline: true } : off ? { timeline: false } : {};
}

/** A path flag's value: not empty, and printable, since the lab prints it back ("saved: ..."). */
function nonEmpty(value: string, flag: string): string {
  if (value.trim() === '') throw new UsageError(`--${flag} needs a non-empty value`);
  const control = controlCharacterIn(value);
  if (control !== undefined) throw new UsageError(`--${flag} contains a control character (${control}); give a printable path`);
  return value;
}

/** Turns `parseArgs`' own errors into one line that names the flag and lists the accepted ones. */
function toUsageError(error: unknown, argv: readonly string[]): UsageError {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const flag = /'(-{1,2}[^'\s]+)/.exec(message)?.[1] ?? '';
  const accepted = `accepted flags: ${flagNames.map((f) => `--${f}`).join(', ')}`;
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const guess = nearest(flag.replace(/^-+/, ''), flagNames);
      return new UsageError(`unknown flag ${flag}${guess ? ` (did you mean --${guess}?)` : ''}; ${accepted}`);
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const name = flag.replace(/^-+/, '') as FlagName;
      const spec = flags[name] as { value?: string; parse?: (raw: string, flag: string) => unknown } | undefined;
      const check = name === 'batches' ? batchList : spec?.parse;
      // `--threads -1` reaches here as "ambiguous": judge the values the user meant, every one given.
      let dashed: string | undefined;
      argv.forEach((arg, i) => {
        const next = argv[i + 1];
        if (arg !== flag || next === undefined) return;
        check?.(next, name);
        if (next.startsWith('-')) dashed ??= next;
      });
      if (spec?.value && dashed !== undefined) {
        return new UsageError(`${flag} "${capText(dashed)}": a value that starts with "-" is taken for a flag; give ${flag}=${capText(dashed)} (or ./${capText(dashed)} for a path)`);
      }
      return new UsageError(spec?.value ? `${flag} needs a value: ${flag} ${spec.value}` : `${flag} takes no value`);
    }
    default:
      return new UsageError(`${message.split('\n')[0]}; ${accepted}`);
  }
}
