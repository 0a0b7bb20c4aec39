import { describe, expect, it } from 'vitest';
import { progressLine } from '../src/report/progress.ts';
import { estimateLeftMs, formatTimeLeft } from '../src/report/time-left.ts';
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

  it('draws nothing when disabled (--json), even past ten seconds', () => {
    let now = 0;
    const disabled = new Capture(true);
    const piped = new Capture(false);
    const a = progressLine(disabled, 'headline', false, () => now);
    const b = progressLine(piped, 'headline', false, () => now);
    now = 30_000;
    a.update(step);
    b.update(step);
    a.done();
    b.done();
    expect(disabled.text + piped.text).toBe('');
  });

  it('writes a plain line every ten seconds or so when the stream is piped (CI, logs), never a carriage return', () => {
    let now = 0;
    const piped = new Capture(false);
    const progress = progressLine(piped, 'headline', true, () => now);
    now = 9_999;
    progress.update(step);
    expect(piped.text).toBe('');
    now = 10_000;
    progress.update(step);
    now = 15_000;
    progress.update(step);
    now = 20_500;
    progress.update({ label: 'f.mjs', phase: 'check', repeat: 3, of: 32, runLeftMs: 42_000 });
    progress.done();
    expect(piped.text).toBe('headline: cpu-bound parallel, repeat 2/5\nheadline: f.mjs, checking 3/32, about 42 s left in all\n');
  });
});

describe('progress line: time left', () => {
  it('estimates the time left in a block from the rounds done, never before one is done', () => {
    let now = 0;
    const tty = new Capture(true);
    const progress = progressLine(tty, 'headline', true, () => now);
    progress.update({ label: 'cpu-bound sequential', phase: 'warm-up', repeat: 1, of: 1 });
    now = 1_000;
    progress.update({ label: 'cpu-bound sequential', phase: 'measure', repeat: 1, of: 7 });
    now = 3_000; // one round of 2 s done, 5 to go after this one's
    progress.update({ label: 'cpu-bound sequential', phase: 'measure', repeat: 2, of: 7 });
    expect(tty.text).toBe('\r\x1b[2Kheadline: cpu-bound sequential, repeat 2/7, about 12 s left');
    now = 11_000; // 5 rounds in 10 s: 2 to go
    progress.update({ label: 'cpu-bound sequential', phase: 'measure', repeat: 6, of: 7 });
    expect(tty.text.endsWith('repeat 6/7, about 4 s left')).toBe(true);
    now = 12_000;
    progress.update({ label: 'cpu-bound sequential', phase: 'warm-up', repeat: 1, of: 1 });
    expect(tty.text.endsWith('cpu-bound sequential, warm-up 1/1')).toBe(true);
    progress.update({ label: 'other', phase: 'measure', repeat: 3, of: 7 });
    expect(tty.text.endsWith('other, repeat 3/7')).toBe(true);
    progress.update({ label: 'f.mjs', phase: 'start', repeat: 1, of: 1, runLeftMs: 61_000 });
    expect(tty.text.endsWith('f.mjs, starting the pools, about 1 min 1 s left in all')).toBe(true);
    progress.update({ label: 'f.mjs', phase: 'costs', repeat: 4, of: 9, runLeftMs: 400 });
    expect(tty.text.slice(tty.text.lastIndexOf('\r'))).toBe('\r\x1b[2Kheadline: f.mjs, timing transfers 4/9, under 1 s left in all');
  });

  it('says the time left in seconds or minutes', () => {
    expect(estimateLeftMs(10_000, 1, 7)).toBeUndefined();
    expect(estimateLeftMs(10_000, 3, 7)).toBe(25_000);
    expect(estimateLeftMs(4_000, 5, 5)).toBe(1_000);
    expect(formatTimeLeft(400)).toBe('under 1 s left');
    expect(formatTimeLeft(1_000)).toBe('about 1 s left');
    expect(formatTimeLeft(59_400)).toBe('about 59 s left');
    expect(formatTimeLeft(59_600)).toBe('about 1 min 0 s left');
    expect(formatTimeLeft(125_000)).toBe('about 2 min 5 s left');
  });
});
