import { parseArgs } from 'node:util';
import { allModeNames, type ModeName } from '../modes/index.ts';
import { flags, type FlagName } from './flags.ts';
import { nearest } from './suggest.ts';
import { UsageError } from './usage-error.ts';

/** The command line, checked: every numeric flag is in range, no unknown flag got through. */
export interface LabArgs {
  readonly positionals: readonly string[];
  readonly quick: boolean;
  readonly json: boolean;
  readonly help: boolean;
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
  readonly seed?: number;
  readonly timeoutMs?: number;
}

const flagNames = Object.keys(flags) as FlagName[];

/** `--repeats auto` stops at the latest this long after an experiment starts. */
export const DEFAULT_BUDGET_SECONDS = 60;

export function parseLabArgs(argv: readonly string[]): LabArgs {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options: flags, allowPositionals: true, strict: true });
  } catch (error) {
    throw toUsageError(error, argv);
  }
  const values = parsed.values as Partial<Record<FlagName, string | boolean>>;
  const auto = values.repeats === 'auto';
  if (values.budget !== undefined && !auto) throw new UsageError('--budget only applies with --repeats auto');
  const number = (flag: 'repeats' | 'warmups' | 'threads' | 'seed' | 'timeout' | 'budget'): number | undefined => {
    if (flag === 'repeats' && auto) return undefined;
    const raw = values[flag];
    return typeof raw === 'string' ? flags[flag].parse(raw, flag) : undefined;
  };
  const args: LabArgs = {
    positionals: parsed.positionals,
    quick: values.quick === true,
    json: values.json === true,
    help: values.help === true,
    save: values['no-save'] !== true,
    steps: stepsChoice(values['no-steps'] === true, values.trace),
    ...(typeof values.out === 'string' && { out: nonEmpty(values.out, 'out') }),
    ...(typeof values.workload === 'string' && { workload: nonEmpty(values.workload, 'workload') }),
    ...(typeof values.trace === 'string' && { trace: nonEmpty(values.trace, 'trace') }),
    ...timelineChoice(values.timeline === true, values['no-timeline'] === true),
    ...(typeof values.modes === 'string' && { modes: modeList(values.modes) }),
    ...(auto && { autoRepeats: { budgetSeconds: number('budget') ?? DEFAULT_BUDGET_SECONDS } }),
  };
  const numbers = { repeats: number('repeats'), warmups: number('warmups'), threads: number('threads'), seed: number('seed'), timeoutMs: number('timeout') };
  return Object.assign(args, Object.fromEntries(Object.entries(numbers).filter(([, v]) => v !== undefined)));
}

/** `--modes sequential,parallel`: known names, each once, at least one. */
function modeList(raw: string): ModeName[] {
  const names = raw.split(',').map((m) => m.trim());
  const accepted = `accepted: ${allModeNames.join(', ')}`;
  for (const name of names) {
    if (!(allModeNames as readonly string[]).includes(name)) {
      throw new UsageError(name === '' ? `--modes has an empty entry in "${raw}"; ${accepted}` : `--modes: unknown mode "${name}"; ${accepted}`);
    }
  }
  const unique = [...new Set(names)] as ModeName[];
  if (unique.length !== names.length) throw new UsageError(`--modes names a mode twice in "${raw}"`);
  return unique;
}

function stepsChoice(noSteps: boolean, trace: string | boolean | undefined): boolean {
  if (noSteps && trace !== undefined) throw new UsageError('--no-steps and --trace FILE contradict each other: a trace file needs the recorded steps; give one');
  return !noSteps;
}

function timelineChoice(on: boolean, off: boolean): { timeline?: boolean } {
  if (on && off) throw new UsageError('--timeline and --no-timeline contradict each other; give one');
  return on ? { timeline: true } : off ? { timeline: false } : {};
}

function nonEmpty(value: string, flag: string): string {
  if (value.trim() === '') throw new UsageError(`--${flag} needs a non-empty value`);
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
      const spec = flags[name] as { value?: string; parse?: (raw: string, flag: string) => number } | undefined;
      // `--threads -1` reaches here as "ambiguous": judge the value the user meant.
      const next = argv[argv.indexOf(flag) + 1];
      if (spec?.parse && next !== undefined && argv.includes(flag)) spec.parse(next, name);
      return new UsageError(spec?.value ? `${flag} needs a value: ${flag} ${spec.value}` : `${flag} takes no value`);
    }
    default:
      return new UsageError(`${message.split('\n')[0]}; ${accepted}`);
  }
}
