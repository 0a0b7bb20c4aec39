import { describe, expect, it } from 'vitest';
import { tryMaxThreads } from '../src/cli/commands/try-threads.ts';
import { UsageError } from '../src/errors/usage-error.ts';
import { Capture } from './helpers/streams.ts';

describe('try --max-threads', () => {
  it('defaults to the cores and says nothing', () => {
    const err = new Capture(false);
    expect(tryMaxThreads(undefined, 4, err)).toBe(4);
    expect(tryMaxThreads(8, 4, err)).toBe(8);
    expect(err.text).toBe('');
  });

  it('notes a count above twice the cores, and refuses one above 8 per core with exit 2 in one line', () => {
    const err = new Capture(false);
    expect(tryMaxThreads(5, 2, err)).toBe(5);
    expect(err.text).toBe('lab: note: --max-threads 5 is more than 2 × the 2 cores: the threads take turns on them, and each costs start-up time and memory\n');
    expect(() => tryMaxThreads(17, 2, err)).toThrow(UsageError);
    expect(() => tryMaxThreads(256, 2, err)).toThrow('--max-threads 256: try accepts 1 to 16 (8 per core on this machine\'s 2); the cores, 2, is the default');
    expect(new UsageError('x').exitCode).toBe(2);
  });
});
