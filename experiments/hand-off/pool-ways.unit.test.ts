import { describe, expect, it } from 'vitest';
import { missing, optional } from './pool-ways.ts';

// The packed lab ships without its dev dependencies: a pool that is not installed is skipped with the
// command that installs it, while any other failure to load it is not hidden.
const notFound = (specifier: string): Error => Object.assign(new Error(`Cannot find package '${specifier}' imported from /lab/dist/experiments/hand-off/pool-ways.js`), { code: 'ERR_MODULE_NOT_FOUND' });

describe('loading a pool that may not be installed', () => {
  it('gives undefined when the package itself is not found, and names the install command', async () => {
    await expect(optional(() => Promise.reject(notFound('workerpool')), 'workerpool')).resolves.toBeUndefined();
    expect(missing('workerpool')).toEqual({ state: 'missing', note: 'workerpool is not installed, so its way was skipped: npm install -D workerpool' });
  });

  it('throws when something else is missing or fails, and loads what is there', async () => {
    await expect(optional(() => Promise.reject(notFound('some-dependency-of-it')), 'workerpool')).rejects.toThrow("Cannot find package 'some-dependency-of-it'");
    await expect(optional(() => Promise.reject(new SyntaxError('Unexpected token')), 'workerpool')).rejects.toThrow(SyntaxError);
    await expect(optional(() => Promise.resolve({ loaded: true }), 'workerpool')).resolves.toEqual({ loaded: true });
  });
});
