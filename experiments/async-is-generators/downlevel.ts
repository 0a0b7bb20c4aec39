import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { runProcess, type ProcessOptions } from '../../src/runtime/run-process.ts';

/** What tsc made of a source file. */
export interface Downlevelled {
  readonly target: string;
  readonly tscVersion: string;
  readonly js: string;
}

/** The project's own TypeScript command line (typescript/bin/tsc), run by this node. */
function tscBin(): { path: string; version: string } {
  const packageJson = createRequire(import.meta.url).resolve('typescript/package.json');
  return { path: join(dirname(packageJson), 'bin', 'tsc'), version: (createRequire(import.meta.url)(packageJson) as { version: string }).version };
}

/**
 * Compiles `source` as `pudding.ts` in `dir` with tsc's command line for `target` and returns
 * the emitted JavaScript. Files named on the command line make tsc ignore any tsconfig.json.
 */
export async function compileWithTsc(dir: string, source: string, target: string, options: ProcessOptions = {}): Promise<Downlevelled> {
  const { path, version } = tscBin();
  await writeFile(join(dir, 'pudding.ts'), source);
  await runProcess(process.execPath, [path, '--target', target, '--outDir', 'out', '--pretty', 'false', 'pudding.ts'], { ...options, cwd: dir });
  return { target, tscVersion: version, js: await readFile(join(dir, 'out', 'pudding.js'), 'utf8') };
}

/** The lines of a top-level `function name(...)` declaration, up to its closing brace at column 0. */
export function functionLines(js: string, name: string): string[] {
  const lines = js.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`function ${name}(`));
  if (start < 0) return [];
  const end = lines.findIndex((l, i) => i >= start && l.startsWith('}'));
  return lines.slice(start, end < 0 ? undefined : end + 1);
}

/** The line of the emitted helper that resumes the generator whenever a yielded promise settles. */
export function awaiterStepLine(js: string): string | undefined {
  return js.split('\n').find((l) => l.includes('function step('))?.trim();
}

/** Occurrences of a literal piece of text. */
export function occurrences(text: string, piece: string): number {
  return text.split(piece).length - 1;
}

/** Occurrences of a keyword as a whole word (`await` in `__awaiter` does not count). */
export function keywordCount(text: string, keyword: string): number {
  return text.match(new RegExp(`\\b${keyword}\\b`, 'g'))?.length ?? 0;
}
