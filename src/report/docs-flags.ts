/** What the flags page reads of one flag of the table in `src/cli/flags.ts` (its shape, without reaching up to the command line). */
export interface FlagEntry {
  readonly short?: string;
  readonly value?: string;
  readonly help: string;
  readonly for: readonly string[];
  readonly experiments?: readonly string[];
  readonly explain?: true;
}

/** The kinds of command, as a reader knows them. */
const COMMANDS: Readonly<Record<string, string>> = {
  measure: 'an experiment, `all`',
  run: '`run`',
  try: '`try`',
  list: '`list`',
  compare: '`compare`',
  report: '`report`',
  worker: '`worker`',
};

/** Every flag of the table, in its order: the flag, its value, what it does and the commands that take it. */
export function flagsBlock(flags: Readonly<Record<string, FlagEntry>>): string {
  const cell = (text: string): string => text.replaceAll('|', '\\|');
  const rows = Object.entries(flags).map(([name, spec]) => {
    const flag = `${spec.short === undefined ? '' : `\`-${spec.short}\`, `}\`--${name}\``;
    const value = spec.value === undefined ? '' : `\`${cell(spec.value)}\``;
    return `| ${flag} | ${value} | ${cell(spec.help)} | ${cell(takenBy(spec))} |`;
  });
  return ['| flag | value | what it does | taken by |', '| :--- | :--- | :--- | :--- |', ...rows].join('\n');
}

function takenBy(spec: FlagEntry): string {
  const code = (name: string): string => `\`${name}\``;
  // A flag of some experiments only: those experiments by name (and `all` when it passes the flag on), not "an experiment".
  const measuring = spec.experiments === undefined ? COMMANDS.measure! : [...spec.experiments.filter((e) => e !== 'all').map(code), ...(spec.experiments.includes('all') ? ['`all`'] : [])].join(', ');
  const commands = spec.for.map((kind) => (kind === 'measure' ? measuring : (COMMANDS[kind] ?? code(kind)))).join(', ');
  const explain = spec.explain === true ? '; also under `--explain` and `--html`' : '';
  return `${commands}${explain}`;
}
