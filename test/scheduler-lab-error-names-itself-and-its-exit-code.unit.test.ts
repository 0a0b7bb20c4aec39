import { describe, expect, it } from 'vitest';
import { ExitCode, LabError } from '../src/errors/lab-error.ts';

describe('LabError, the base of every error the lab throws on purpose', () => {
  // Mutant: `override name = 'LabError'` -> `''`.
  it('names itself and ends a command as a failed run unless a subclass says otherwise', () => {
    const error = new LabError('the run failed');
    expect(error.name).toBe('LabError');
    expect(String(error)).toBe('LabError: the run failed');
    expect(error.exitCode).toBe(ExitCode.failed);
    expect(error).toBeInstanceOf(Error);
  });
});
