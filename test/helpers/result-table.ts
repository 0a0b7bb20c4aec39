import type { ResultTable } from '../../src/report/experiment-result.ts';

/**
 * The table a test expects, written as it reads: the head, then a line per row, cells between `|`
 * (each line and cell trimmed, blank lines passed over; a line ending in `|` ends in an empty cell).
 * The analysis tests state only their cells, not the title/head/rows literal around them, and a cell
 * that differs still fails `toEqual`.
 */
export function resultTable(title: string, text: string, align?: ResultTable['align']): ResultTable {
  const [head = [], ...rows] = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => line.split('|').map((cell) => cell.trim()));
  return { title, head, rows, ...(align === undefined ? {} : { align }) };
}
