import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { escapeXml } from '../draw/xml.ts';

/** The elements the lab's own pictures use (and their plain SVG kin); nothing that runs, links or embeds. */
const allowedElements = new Set(['svg', 'g', 'rect', 'line', 'polyline', 'polygon', 'circle', 'ellipse', 'path', 'text', 'tspan', 'title', 'desc']);

/** Geometry and presentation attributes; no event handlers, links, styles or ids. */
const allowedAttributes = new Set([
  'xmlns', 'width', 'height', 'viewBox', 'role', 'aria-label', 'class', 'data-task', 'data-lane',
  'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'points', 'd', 'transform',
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'stroke-linecap', 'stroke-linejoin', 'opacity',
  'font-family', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline',
]);

/** Values that could fetch or run something even in an allowed attribute. */
const unsafeValue = /url\s*\(|script\s*:|data\s*:|expression\s*\(/i;

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: true,
  htmlEntities: false,
});

/**
 * An SVG read from a file, rebuilt from the elements and attributes the lab itself draws; everything
 * else (scripts, event handlers, links, foreign content, styles, comments) is dropped, and all text
 * is escaped again. Undefined when the file is not one well-formed SVG document (or declares a DTD).
 * Content read from files must never become script on the report page.
 */
export function allowListedSvg(svg: string): string | undefined {
  if (/<!DOCTYPE|<!ENTITY/i.test(svg) || XMLValidator.validate(svg) !== true) return undefined;
  let nodes: XmlNode[];
  try {
    nodes = parser.parse(svg) as XmlNode[];
  } catch {
    return undefined;
  }
  const roots = nodes.filter((n) => !('#text' in n));
  if (roots.length !== 1 || tagOf(roots[0]!) !== 'svg') return undefined;
  // Rebuilt with a stack of its own: a hostile file may nest deeper than the call stack.
  const out: string[] = [];
  const stack: (XmlNode | string)[] = [roots[0]!];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (typeof item === 'string') {
      out.push(item);
      continue;
    }
    if ('#text' in item) {
      out.push(escapeXml(String(item['#text'])));
      continue;
    }
    const tag = tagOf(item);
    if (tag === undefined || !allowedElements.has(tag)) continue;
    out.push(`<${tag}${attributesOf(item)}>`);
    stack.push(`</${tag}>`);
    const children = (item[tag] as XmlNode[] | undefined) ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out.join('');
}

function tagOf(node: XmlNode): string | undefined {
  return Object.keys(node).find((k) => k !== ':@');
}

function attributesOf(node: XmlNode): string {
  const attributes = (node[':@'] ?? {}) as Record<string, unknown>;
  return Object.entries(attributes)
    .filter(([name, value]) => allowedAttributes.has(name) && typeof value === 'string' && !unsafeValue.test(value))
    .filter(([name, value]) => name !== 'xmlns' || value === 'http://www.w3.org/2000/svg')
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
}
