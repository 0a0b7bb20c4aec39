import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/cli.ts';
import { sourceFiles } from './helpers/import-graph.ts';

/** Code without its comments and string literals, so that a call named in prose or a message does not count. */
function codeOnly(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g, (m) => (m.startsWith('/') ? ' ' : "''"));
}

/** Every call of os.availableParallelism() or os.cpus() in the lab's sources, as `file: name`. */
function processorQueries(): string[] {
  return sourceFiles(repoRoot, ['src', 'experiments', 'scripts', 'examples']).flatMap((file) =>
    [...codeOnly(readFileSync(join(repoRoot, file), 'utf8')).matchAll(/\b(availableParallelism|cpus)\s*\(/g)].map((m) => `${file}: ${m[1]}`),
  );
}

describe('the processors are asked of the OS in one place', () => {
  it('only processors() in src/runtime/cores.ts calls availableParallelism or cpus (once each: the model, then the usable count)', () => {
    expect(processorQueries()).toEqual(['src/runtime/cores.ts: cpus', 'src/runtime/cores.ts: availableParallelism']);
  });

  it('does not count a call named in a comment or a string', () => {
    expect(codeOnly("// os.cpus()\nconst a = 'cpus()'; /* availableParallelism() */ f(`cpus()`);")).not.toMatch(/cpus\s*\(|availableParallelism\s*\(/);
    expect(codeOnly('const n = availableParallelism();')).toMatch(/availableParallelism\s*\(/);
  });
});
