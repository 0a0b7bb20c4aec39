/** Text and size of the SVG timeline; the picture itself comes from the run. */
export interface SvgTimelineOptions {
  /** First line, e.g. "wait-bound, interleaved". */
  readonly title: string;
  /** Second line, e.g. the machine: "AMD EPYC, 2 cores, Node v20.20.2". */
  readonly subtitle?: string;
  /** Width of the picture in px; the height follows from the lanes. Default 960. */
  readonly width?: number;
}
