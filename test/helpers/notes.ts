import { expect } from 'vitest';

/** Asserts that the notes say every one of the phrases, in any order; a failure names the phrase that is missing. */
export function expectNotesToSay(notes: readonly string[] | string, phrases: readonly string[]): void {
  const text = typeof notes === 'string' ? notes : notes.join('\n');
  for (const phrase of phrases) expect(text).toContain(phrase);
}
