import { readFile, stat } from 'node:fs/promises';
import { controlCharacterIn } from '../workload/describe-value.ts';
import { fileFault } from './file-fault.ts';
import { jsonSyntaxError, numberBeyondDoubles } from './json-syntax.ts';
import { kindOf } from './output-paths.ts';
import { ResultFileError } from './saved-result.ts';

/**
 * Reads a results file (the lab's or another tool's) as parsed JSON: a regular file only, its JSON
 * fault named by line and column, and no string in it with a control character, since its names are
 * printed on terminals. Every fault is a `ResultFileError` naming the file.
 */
export async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    // A FIFO or a device would block or never end: only a regular file is read.
    const info = await stat(file);
    if (!info.isFile()) throw new ResultFileError(`${file}: cannot be read (it is ${kindOf(info)}; a results file is a regular file)`);
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof ResultFileError) throw error;
    throw new ResultFileError(`${file}: cannot be read (${fileFault(error)})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not V8's message: it quotes the file's own bytes, and gives a character position, not a line and column.
    throw new ResultFileError(`${file}${jsonSyntaxError(text)}`);
  }
  const beyond = numberBeyondDoubles(text, parsed);
  if (beyond !== undefined) throw new ResultFileError(`${file}${beyond}`);
  const control = firstControlCharacter(parsed);
  if (control !== undefined) throw new ResultFileError(`${file}: ${control}; a results file holds only printable text`);
  return parsed;
}

/**
 * Where the first string with a control character is in a parsed JSON value ("machine.id contains
 * U+001B at character 3"), walked with a stack of its own: results files are printed on terminals.
 */
function firstControlCharacter(root: unknown): string | undefined {
  const stack: [unknown, string][] = [[root, '']];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [value, path] = item;
    if (typeof value === 'string') {
      const control = controlCharacterIn(value);
      if (control !== undefined) return `${path || 'the file'} contains a control character (${control})`;
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push([v, `${path}[${i}]`]));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, v] of Object.entries(value)) {
        const control = controlCharacterIn(key);
        if (control !== undefined) return `a key of ${path || 'the file'} contains a control character (${control})`;
        stack.push([v, path ? `${path}.${key}` : key]);
      }
    }
  }
  return undefined;
}
