import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';

/** A parsed XML element: attributes as plain keys, children by tag name. */
export type Element = Record<string, unknown>;

/** Parses the SVG (failing the test if it is not well-formed XML) and returns its root element. */
export function parseSvg(svg: string): Element {
  expect(XMLValidator.validate(svg)).toBe(true);
  const document = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(svg) as Element;
  expect(document.svg).toBeTypeOf('object');
  return document.svg as Element;
}

/** Every element named `tag` anywhere under `node`. */
export function elements(node: unknown, tag: string, found: Element[] = []): Element[] {
  if (Array.isArray(node)) for (const child of node) elements(child, tag, found);
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === tag) found.push(...([value].flat() as Element[]));
      elements(value, tag, found);
    }
  }
  return found;
}
