import { findNodeAtLocation, parse as parseTolerantly, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { capText } from '../workload/describe-value.ts';

/**
 * The first JSON syntax error of `text`, for a message after the file's name: ":3:14: JSON syntax error:
 * a value was expected (a trailing comma?)", with its true line and column, or without any place when
 * it cannot be found, never a wrong one.
 */
export function jsonSyntaxError(text: string): string {
  if (text.startsWith('\uFEFF')) return ':1:1: JSON syntax error: the file starts with a UTF-8 byte-order mark (bytes EF BB BF); save it as UTF-8 without a BOM';
  let errors: ParseError[] = [];
  try {
    parseTolerantly(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  } catch {
    errors = []; // its parser recurses: nesting deep enough to overflow it gets no position, not a wrong one
  }
  const first = errors[0];
  if (first === undefined) return ': JSON syntax error (place unknown)';
  const before = text.slice(0, first.offset);
  const line = before.split('\n').length;
  const column = first.offset - before.lastIndexOf('\n');
  const what = first.offset >= text.length ? 'the file ends too early' : describe(printParseErrorCode(first.error));
  return `:${line}:${column}: JSON syntax error: ${what}${unusual(text.codePointAt(first.offset))}`;
}

/** Names a character a reader cannot see or type, " (U+200B)", so that an invisible fault is found. */
function unusual(code: number | undefined): string {
  if (code === undefined || (code >= 0x21 && code <= 0x7e)) return '';
  const name = code === 0xfffd ? ', a byte that is not UTF-8: is the file UTF-16 or Latin-1?' : code === 0xfeff ? ', a byte-order mark' : '';
  return ` (U+${code.toString(16).toUpperCase().padStart(4, '0')}${name})`;
}

/**
 * ":2:9: [1].ms is 1e999, beyond the largest number a double holds (about 1.8e308)": JSON.parse turns
 * such a number into Infinity (or -Infinity), which would be echoed as Infinity, or as null once
 * written back as JSON. Undefined when every number of `parsed` is finite.
 */
export function numberBeyondDoubles(text: string, parsed: unknown): string | undefined {
  const path = nonFinitePath(parsed);
  if (path === undefined) return undefined;
  let raw: string | undefined;
  let place = '';
  try {
    const node = findNodeAtLocation(parseTree(text)!, path);
    if (node !== undefined) {
      raw = text.slice(node.offset, node.offset + node.length);
      const before = text.slice(0, node.offset);
      place = `:${before.split('\n').length}:${node.offset - before.lastIndexOf('\n')}`;
    }
  } catch {
    // nesting deep enough to overflow the tolerant parser: the path alone still names the place
  }
  const where = path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`)).join('').replace(/^\./, '') || 'the value';
  return `${place}: ${where} is ${capText(raw ?? 'a number')}, beyond the largest number a double holds (about 1.8e308)`;
}

/** The path of the first non-finite number, walked with a stack of its own and linked paths (values may be 100,000 deep). */
function nonFinitePath(root: unknown): (string | number)[] | undefined {
  interface Step {
    readonly key: string | number;
    readonly up: Step | undefined;
  }
  const stack: [unknown, Step | undefined][] = [[root, undefined]];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [value, at] = item;
    if (typeof value === 'number' && !Number.isFinite(value)) {
      const path: (string | number)[] = [];
      for (let step = at; step !== undefined; step = step.up) path.unshift(step.key);
      return path;
    }
    if (Array.isArray(value)) for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], { key: i, up: at }]);
    else if (typeof value === 'object' && value !== null) for (const [key, v] of Object.entries(value).reverse()) stack.push([v, { key, up: at }]);
  }
  return undefined;
}
const descriptions: Readonly<Record<string, string>> = {
  InvalidSymbol: 'a character JSON does not allow here (NaN, Infinity, a bare word, a stray character?)',
  InvalidNumberFormat: 'a badly formed number',
  PropertyNameExpected: 'a property name was expected (a trailing comma?)',
  ValueExpected: 'a value was expected (a trailing comma?)',
  ColonExpected: 'a colon was expected',
  CommaExpected: 'a comma was expected',
  CloseBraceExpected: 'a closing brace } was expected',
  CloseBracketExpected: 'a closing bracket ] was expected',
  EndOfFileExpected: 'the file should end here',
  InvalidCommentToken: 'comments are not JSON',
  UnexpectedEndOfComment: 'an unfinished comment',
  UnexpectedEndOfString: 'an unfinished string',
  UnexpectedEndOfNumber: 'an unfinished number',
  InvalidUnicode: 'a bad \\u escape',
  InvalidEscapeCharacter: 'a bad escape in a string',
  InvalidCharacter: 'a control character inside a string',
};

function describe(code: string): string {
  return descriptions[code] ?? code;
}
