import { inkColours } from './palette.ts';
import { coord, escapeXml } from './xml.ts';

const fontFamily = 'system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif';

/**
 * A standalone SVG document. Styling is done with presentation attributes, not a `<style>`
 * block and no ids, so that several pictures can be inlined into one HTML page without their
 * rules or ids leaking into each other.
 */
export function svgDocument(width: number, height: number, label: string, body: readonly string[]): string {
  const w = coord(width);
  const h = coord(height);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="${escapeXml(label)}" font-family="${fontFamily}">`,
    `<rect class="background" x="0" y="0" width="${w}" height="${h}" fill="#ffffff"/>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

export interface TextOptions {
  readonly size?: number;
  readonly anchor?: 'start' | 'middle' | 'end';
  readonly weight?: 'normal' | 'bold';
  readonly fill?: string;
  readonly className?: string;
  /** Rotation in degrees about the text's own position. */
  readonly rotate?: number;
}

/** One escaped `<text>` element; `y` is the baseline. */
export function svgText(x: number, y: number, text: string, options: TextOptions = {}): string {
  const { size = 12, anchor = 'start', weight = 'normal', fill = inkColours.text, className, rotate } = options;
  const attributes = [
    className === undefined ? '' : ` class="${className}"`,
    ` x="${coord(x)}" y="${coord(y)}" font-size="${size}" fill="${fill}"`,
    anchor === 'start' ? '' : ` text-anchor="${anchor}"`,
    weight === 'normal' ? '' : ` font-weight="${weight}"`,
    rotate === undefined ? '' : ` transform="rotate(${rotate} ${coord(x)} ${coord(y)})"`,
  ];
  return `<text${attributes.join('')}>${escapeXml(text)}</text>`;
}

/** A rough width of sans-serif text, for layout without a font engine (errs on the wide side). */
export function textWidth(text: string, size: number): number {
  return text.length * size * 0.6;
}

/** Shortens text to fit `width` at `size`, marking the cut with an ellipsis. */
export function fitText(text: string, width: number, size: number): string {
  const max = Math.max(1, Math.floor(width / (size * 0.6)));
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}
