import type { Said } from './every-experiment-figures.ts';

/**
 * A sentence compares when it holds a ratio ("1.9x", "2x", "6,112x") or one of these comparative
 * phrases. The list is the comparisons the lab's sentences make of one measured thing against
 * another: speed (faster, slower, quicker, as fast as, the speed of, x the speed), winning (beat,
 * outperform), cost (cheaper, costlier, costs more, cost less) and the comparative "than" (more,
 * less, fewer, better, worse, higher, lower, longer, shorter, larger, smaller). Left out on purpose:
 * percentages (mostly shares of one whole, "48% of its start-up") and "within"/"above" a target,
 * which always sit beside a ratio that the ratio rule catches.
 */
const RATIO = /(?<![\w.])\d[\d,]*(?:\.\d+)?x(?!\w)/;
const COMPARATIVE =
  /\b(?:faster|slower|quicker|beats?|beaten|outperform(?:s|ed)?|cheaper|costlier|as (?:fast|slow|quick|cheap) as|the speed of|costs? (?:more|less)|(?:more|less|fewer|better|worse|higher|lower|longer|shorter|larger|smaller) than)\b/i;

/**
 * What cites a verdict: a p-value, "measurably" or "no measurable difference", an interval (in
 * brackets, or named), or a named test. "too few repeats/rounds/requests for a verdict" is accepted too: it is
 * the verdict's own outcome when no test could reach p < 0.05, and the sentence says that it claims nothing.
 */
const VERDICT = [
  /\bp [=<] ?0?\.\d/,
  /\bmeasurably\b/i,
  /\bno measurable difference\b/i,
  /\[-?\d[\d.,]*\s?[-–]\s?-?\d[\d.,]*\]/,
  /\binterval\b/i,
  /\b(?:Wilcoxon|Mann-Whitney|Mann–Whitney|signed-rank|rank-sum|t-test|bootstrap)\b/i,
  /\btoo few (?:repeats|rounds|requests)\b/i,
];

/** Sentences of a note: split after . ! ? and a space, but not after "e.g.", "i.e.", "vs." or "cf.". */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=(?<!\b(?:e\.g|i\.e|vs|cf))[.!?])\s+(?=\S)/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** A sentence that compares without citing a verdict. */
export function comparesUntested(sentence: string): boolean {
  return (RATIO.test(sentence) || COMPARATIVE.test(sentence)) && !VERDICT.some((v) => v.test(sentence));
}

/**
 * Warnings that flag figures as unfit to read are not findings, and are not held to the rule: a noisy
 * row (its spread over a fixed threshold), an impossible figure ("This is not a finding"), different
 * checksums, failed echoes, wrong answers or acknowledgements.
 */
const FLAGS = /^(?:noisy:|IMPOSSIBLE \(|CHECKSUMS DIFFER|ECHO OR CLEAN-UP FAILED|ANSWERS WENT WRONG|ACKNOWLEDGEMENTS WERE WRONG)/;

/** Every sentence of the notes and of the warnings under the tables that compares without its test. */
export function untestedClaims(said: Said): string[] {
  const texts = [...said.notes, ...said.tables.flatMap((t) => t.warnings ?? [])].filter((text) => !FLAGS.test(text));
  return texts.flatMap(sentencesOf).filter(comparesUntested);
}

