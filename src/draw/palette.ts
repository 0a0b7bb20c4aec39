/**
 * Task colours: Tableau 10 (distinct on a projector and for the common colour-vision
 * deficiencies), then two darker extras. Past 12 tasks the colours repeat; tooltips and
 * legends still name every task.
 */
export const taskPalette = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
  '#2f4b7c',
  '#8c564b',
] as const;

/** The colour of the task at `index` in the run's task order. */
export function taskColour(index: number): string {
  return taskPalette[((index % taskPalette.length) + taskPalette.length) % taskPalette.length]!;
}

/** Colours of the lab's own marks, shared by every chart. */
export const inkColours = {
  text: '#222222',
  muted: '#666666',
  axis: '#444444',
  grid: '#e3e3e3',
  laneBackground: '#f5f5f5',
  ideal: '#888888',
  cores: '#c0392b',
  measured: '#1f4e9c',
  amdahl: '#e08a00',
  usl: '#59a14f',
} as const;
