import type { ResultTable } from '../../src/report/experiment-result.ts';

/**
 * The table a test expects, written as it reads: the head, then each row, one line of cells between `|`
 * (each cell trimmed; a line ending in `|` ends in an empty cell). The analysis tests state only their
 * cells, not the title/head/rows literal around them, and a cell that differs still fails `toEqual`.
 */
export function resultTable(title: string, lines: readonly [string, ...string[]], align?: ResultTable['align']): ResultTable {
  const [head, ...rows] = lines.map((line) => line.split('|').map((cell) => cell.trim()));
  return { title, head: head!, rows, ...(align === undefined ? {} : { align }) };
}
