import type { Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { fileFault } from '../report/file-fault.ts';
import { kindOf } from '../report/output-paths.ts';
import { jsonSyntaxError, numberBeyondDoubles } from '../report/json-syntax.ts';

/** How a file the user named is read, and what a failure says. */
export interface FileToRead {
  readonly path: string;
  /** What the message starts with: the path as given, or e.g. "--inputs FILE". */
  readonly named: string;
  /** What to give instead of a FIFO, device or directory, e.g. "a regular JSON file". */
  readonly give: string;
  /** The error the one-line message is thrown as. */
  readonly error: new (message: string) => Error;
}

/**
 * A user's file as text, only if it is a regular file: a FIFO or a device (/dev/zero) would block or
 * never end. Every failure is one line, "NAMED: cannot be read (why)".
 */
export async function readRegularFile(file: FileToRead): Promise<string> {
  const fail = (why: string): Error => new file.error(`${file.named}: cannot be read (${why})`);
  let info: Stats;
  try {
    info = await stat(file.path);
  } catch (error) {
    throw fail(readFault(error));
  }
  if (!info.isFile()) throw fail(`it is ${kindOf(info)}; give ${file.give}`);
  try {
    return await readFile(file.path, 'utf8');
  } catch (error) {
    throw fail(readFault(error));
  }
}

/**
 * A user's JSON file, parsed; a syntax error is one line with its line and column, "NAMED:3:14: JSON
 * syntax error: ...", and so is a number too large for a double (JSON.parse would make it Infinity).
 */
export async function readJsonFile(file: FileToRead): Promise<unknown> {
  const text = await readRegularFile(file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch {
    throw new file.error(`${file.named}${jsonSyntaxError(text)}`);
  }
  const beyond = numberBeyondDoubles(text, parsed);
  if (beyond !== undefined) throw new file.error(`${file.named}${beyond}`);
  return parsed;
}

/** Why a file cannot be read, in the words the lab's messages use. */
function readFault(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such file' : fileFault(error);
}
