import { describe, expect, it } from 'vitest';
import { progressLine } from '../src/report/progress.ts';
import { Capture } from './helpers/streams.ts';

const step = { label: 'cpu-bound parallel', phase: 'measure', repeat: 2, of: 5 } as const;

describe('progress line', () => {
  it('stays silent for the first two seconds, then draws experiment, label and repeat i/N, and clears itself', () => {
    let now = 0;
    const tty = new Capture(true);
    const progress = progressLine(tty, 'headline', true, () => now);
    progress.update(step);
    now = 1_999;
    progress.update(step);
    expect(tty.text).toBe('');
    now = 2_000;
    progress.update(step);
    expect(tty.text).toBe('\r\x1b[2Kheadline: cpu-bound parallel, repeat 2/5');
    progress.done();
    expect(tty.text.endsWith('\r\x1b[2K')).toBe(true);
  });

  it('draws nothing when the stream is piped, or when disabled (--json)', () => {
    let now = 0;
    const piped = new Capture(false);
    const disabled = new Capture(true);
    const a = progressLine(piped, 'headline', true, () => now);
    const b = progressLine(disabled, 'headline', false, () => now);
    now = 10_000;
    a.update(step);
    b.update(step);
    a.done();
    b.done();
    expect(piped.text + disabled.text).toBe('');
  });
});
