import type { ExperimentResult, ResultTable } from './experiment-result.ts';
import { machineLine } from './machine-line.ts';

/** The experiment as a markdown document: tables, interpretation, machine and settings. */
export function renderMarkdown(result: ExperimentResult): string {
  const settings = Object.entries(result.settings)
    .map(([key, value]) => `${key} ${value}`)
    .join(', ');
  return [
    `# ${result.experiment}`,
    '',
    `${result.question}`,
    '',
    ...result.tables.flatMap((table) => [markdownTable(table), '']),
    ...result.notes.map((note) => `- ${note}`),
    '',
    machineLine(result.machine, result.foreignCpuCores),
    '',
    `settings: ${settings}`,
    '',
  ].join('\n');
}

export function markdownTable(table: ResultTable): string {
  const cell = (text: string): string => text.replaceAll('|', '\\|');
  const align = table.head.map((_, i) => ((table.align?.[i] ?? (i === 0 ? 'left' : 'right')) === 'left' ? ':---' : '---:'));
  return [
    `**${cell(table.title)}**`,
    '',
    `| ${table.head.map(cell).join(' | ')} |`,
    `| ${align.join(' | ')} |`,
    ...table.rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
    ...(table.warnings ?? []).map((w) => `\n> ${w}`),
  ].join('\n');
}
