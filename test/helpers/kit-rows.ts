import type { ModeComparison } from '../../src/measure/compare-modes.ts';
import type { ModeName } from '../../src/modes/index.ts';
import { comparedRow } from './analysis-mode-rows.ts';

/**
 * A compared row written out by hand: `medianMs` in every one of three rounds, against a sequential
 * baseline of `baselineMs`; `extra` overrides any field (threads, verdict, checksumOk, impossible, ...).
 */
export function handMadeRow(mode: ModeName, medianMs: number, baselineMs: number, extra: Partial<ModeComparison> = {}): ModeComparison {
  return comparedRow('w', mode, extra.threads ?? 1, [medianMs, medianMs, medianMs], baselineMs, { medianCoverage: 0.75, checksum: 0x1234, ...extra });
}
