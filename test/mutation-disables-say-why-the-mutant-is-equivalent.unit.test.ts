import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = join(import.meta.dirname, '..');
/** Where mutated code lives: every Stryker scope's files are under one of these. */
const MUTATED_ROOTS = ['src', 'experiments'];
/** `Stryker disable [next-line] Mutator[,Mutator]: why` — a disable with no reason would hide a survivor. */
const DISABLE_WITH_REASON = /Stryker disable(?: next-line)? [\w,]+: \S.{9,}/;

function typeScriptFilesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Every line, in the mutated folders, that turns a mutator off: `path:line: text`. */
function disableLines(): { where: string; text: string }[] {
  return MUTATED_ROOTS.flatMap((root) => typeScriptFilesUnder(join(repoRoot, root))).flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((text, index) => (text.includes('Stryker disable') ? [{ where: `${relative(repoRoot, file)}:${index + 1}`, text: text.trim() }] : [])),
  );
}

describe('a Stryker disable comment counts as a survivor unless it says why the mutant is equivalent', () => {
  it('finds the disables that the scheduler already carries (the scan reaches nested folders)', () => {
    expect(disableLines().some(({ where }) => where.startsWith('src/scheduler/'))).toBe(true);
  });

  it('every disable names its mutators and gives a reason after a colon', () => {
    const unexplained = disableLines().filter(({ text }) => !DISABLE_WITH_REASON.test(text));
    expect(unexplained).toEqual([]);
  });

  it('the rule refuses a bare disable, a disable of everything without a reason and a two-word excuse', () => {
    for (const bare of ['// Stryker disable next-line all', '// Stryker disable next-line EqualityOperator', '// Stryker disable all: ok', '// Stryker disable next-line StringLiteral:']) {
      expect(DISABLE_WITH_REASON.test(bare), bare).toBe(false);
    }
    expect(DISABLE_WITH_REASON.test('// Stryker disable next-line EqualityOperator: equivalent; the count never passes the capacity.')).toBe(true);
  });
});
