import { parse as parseTolerantly, printParseErrorCode, type ParseError } from 'jsonc-parser';

/**
 * The first JSON syntax error of `text`, for a message after the file's name: ":3:14: JSON syntax error:
 * a value was expected (a trailing comma?)", with its true line and column, or without any place when
 * it cannot be found, never a wrong one.
 */
export function jsonSyntaxError(text: string): string {
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
  return `:${line}:${column}: JSON syntax error: ${what}`;
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
