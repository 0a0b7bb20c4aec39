/** Longest value a message echoes; the rest is cut and counted. */
export const MAX_ECHO = 60;

/**
 * A short, one-line description of an untrusted value for an error message: numbers and short
 * strings as JSON, long strings cut, arrays and objects by their kind. Never recursive, so a
 * 100,000-deep value cannot overflow the stack, and never longer than about `MAX_ECHO` characters.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return `an array of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return JSON.stringify(capText(value));
  return typeof value === 'object' ? 'an object' : typeof value;
}

/** `text` cut to `max` characters, saying how many were left out. */
export function capText(text: string, max: number = MAX_ECHO): string {
  return text.length <= max ? text : `${text.slice(0, max)}... (${text.length - max} more characters)`;
}

// C0 and C1 controls, DEL, line and paragraph separators, and the bidirectional overrides and
// isolates that reorder what a terminal shows.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** The first control character of `text` as "U+001B at 4" (1-based), or undefined when it has none. */
export function controlCharacterIn(text: string): string | undefined {
  const match = CONTROL.exec(text);
  if (match === null) return undefined;
  return `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} at character ${match.index + 1}`;
}

/** `text` with every control character written as a `\uXXXX` escape, so it cannot act on a terminal. */
export function escapeControlCharacters(text: string): string {
  return text.replace(new RegExp(CONTROL.source, 'g'), (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
