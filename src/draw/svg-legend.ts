import { svgText, textWidth } from './svg-document.ts';
import { coord } from './xml.ts';

/** How a legend entry's key is drawn: a solid swatch, an outlined one, a line, or a dot on a line. */
export type LegendKey =
  | { readonly kind: 'solid'; readonly colour: string; readonly outline?: string }
  | { readonly kind: 'outlined'; readonly colour: string }
  | { readonly kind: 'line'; readonly colour: string; readonly dash?: string }
  | { readonly kind: 'dot-line'; readonly colour: string };

export interface LegendEntry {
  readonly key: LegendKey;
  readonly label: string;
}

const fontSize = 12;
const keyWidth = 22;
const rowHeight = 18;

/**
 * Legend entries laid out left to right from (x, y), wrapping at `maxWidth`.
 * Returns the elements and the height they took.
 */
export function svgLegend(entries: readonly LegendEntry[], x: number, y: number, maxWidth: number): { elements: string[]; height: number } {
  const elements: string[] = ['<g class="legend">'];
  let cx = x;
  let row = 0;
  for (const entry of entries) {
    const width = keyWidth + 6 + textWidth(entry.label, fontSize) + 14;
    if (cx > x && cx + width > x + maxWidth) {
      cx = x;
      row++;
    }
    const middle = y + row * rowHeight + rowHeight / 2;
    elements.push(`<g class="legend-entry">${legendKey(entry.key, cx, middle)}${svgText(cx + keyWidth + 6, middle + 4, entry.label, { size: fontSize })}</g>`);
    cx += width;
  }
  elements.push('</g>');
  return { elements, height: entries.length === 0 ? 0 : (row + 1) * rowHeight };
}

function legendKey(key: LegendKey, x: number, middle: number): string {
  switch (key.kind) {
    case 'solid':
      return `<rect x="${coord(x + 5)}" y="${coord(middle - 6)}" width="12" height="12" fill="${key.colour}"${key.outline === undefined ? '' : ` stroke="${key.outline}" stroke-width="1"`}/>`;
    case 'outlined':
      return `<rect x="${coord(x + 1)}" y="${coord(middle - 3)}" width="20" height="6" fill="${key.colour}" fill-opacity="0.25" stroke="${key.colour}" stroke-width="1"/>`;
    case 'line':
      return `<line x1="${coord(x)}" y1="${coord(middle)}" x2="${coord(x + keyWidth)}" y2="${coord(middle)}" stroke="${key.colour}" stroke-width="2"${key.dash === undefined ? '' : ` stroke-dasharray="${key.dash}"`}/>`;
    case 'dot-line':
      return (
        `<line x1="${coord(x)}" y1="${coord(middle)}" x2="${coord(x + keyWidth)}" y2="${coord(middle)}" stroke="${key.colour}" stroke-width="2"/>` +
        `<circle cx="${coord(x + keyWidth / 2)}" cy="${coord(middle)}" r="4" fill="${key.colour}" stroke="#ffffff" stroke-width="1"/>`
      );
  }
}
