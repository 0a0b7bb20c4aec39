import Table from 'cli-table3';
import type { ExperimentResult, ResultTable } from './experiment-result.ts';
import { machineLine } from './machine-line.ts';

/** The whole experiment as terminal text: title, tables, interpretation, machine and settings. */
export function renderText(result: ExperimentResult): string {
  const settings = Object.entries(result.settings)
    .map(([key, value]) => `${key} ${value}`)
    .join(', ');
  return [
    `${result.experiment}: ${result.question}`,
    '',
    ...result.tables.flatMap((table) => [renderTable(table), '']),
    ...result.notes.map((note) => `- ${note}`),
    '',
    machineLine(result.machine, result.foreignCpuCores),
    `settings: ${settings}`,
    '',
  ].join('\n');
}

export function renderTable(table: ResultTable): string {
  const align = table.head.map((_, i) => table.align?.[i] ?? (i === 0 ? 'left' : 'right'));
  const t = new Table({ head: [...table.head], colAligns: align, style: { head: [], border: [], compact: true } });
  for (const row of table.rows) t.push([...row]);
  const warnings = (table.warnings ?? []).map((w) => `\n! ${w}`).join('');
  return `${table.title}\n${t.toString()}${warnings}`;
}
