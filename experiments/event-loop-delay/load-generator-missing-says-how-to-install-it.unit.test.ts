import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors/lab-error.ts';
import { OptionalPackagesMissingError } from '../../src/runtime/optional-packages.ts';
import { labVersion } from '../../src/runtime/package-root.ts';
import { assertLoadGeneratorInstalled } from './load-generator.ts';

const notFound = (name: string): never => {
  throw Object.assign(new Error(`Cannot find module '${name}'`), { code: 'MODULE_NOT_FOUND' });
};

describe('autocannon, a development dependency, where a runtime install left it out', () => {
  it('is one line naming the install commands with the major version of package.json, exit code 2, and skipped by `all`', () => {
    let thrown: unknown;
    try {
      assertLoadGeneratorInstalled(notFound);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(OptionalPackagesMissingError);
    const error = thrown as OptionalPackagesMissingError;
    expect(error.exitCode).toBe(ExitCode.badInput);
    expect(error.skippable).toBe(true);
    expect(error.message).toBe(
      'event-loop-delay needs the load generator autocannon, which this install of the lab leaves out (a development dependency): ' +
        `run npm install autocannon@9 where the lab is installed, or from its tarball npx -p autocannon@9 -p ./concurrency-parallelism-lab-${labVersion()}.tgz lab event-loop-delay`,
    );
  });

  it('passes where it resolves, and lets any other failure through as it is', () => {
    const asked: string[] = [];
    expect(() => assertLoadGeneratorInstalled((name) => (asked.push(name), `/x/${name}/index.js`))).not.toThrow();
    expect(asked).toEqual(['autocannon']);
    expect(() => assertLoadGeneratorInstalled(() => { throw new Error('EACCES'); })).toThrow('EACCES');
    // In this checkout it is installed (npm ci brings the development dependencies).
    expect(() => assertLoadGeneratorInstalled()).not.toThrow();
  });
});
