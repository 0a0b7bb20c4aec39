// Every tier: starting redis-server, Chromium, tmux or hyperfine fails unless the running test file
// declared that need with needsService(), so that a test cannot reach a service the README's two
// commands do not install without also skipping where it is missing. Enforced on the call that
// starts the program, whichever code makes it (a test, the lab's distributed mode, playwright).
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { promisify } from 'node:util';
import { declaredServices, serviceOfProgram } from '../helpers/services.ts';

const require = createRequire(import.meta.url);
const childProcess = require('node:child_process') as Record<string, unknown>;
const GUARDED = ['spawn', 'spawnSync', 'execFile', 'execFileSync', 'exec', 'execSync'] as const;

/** An undeclared service started under the test runner: the test must call needsService first. */
export class UndeclaredServiceError extends Error {
  override name = 'UndeclaredServiceError';
}

declaredServices().clear();
const marker = Symbol.for('lab.guardedServices');
const holder = childProcess as Record<symbol, boolean>;
if (holder[marker] !== true) {
  holder[marker] = true;
  for (const name of GUARDED) {
    const original = childProcess[name] as ((...args: unknown[]) => unknown) & { [promisify.custom]?: (...args: unknown[]) => unknown };
    const check = (command: unknown): void => {
      const program = typeof command === 'string' ? (name === 'exec' || name === 'execSync' ? command.trim().split(/\s+/)[0] ?? '' : command) : '';
      const service = serviceOfProgram(program);
      if (service !== undefined && !declaredServices().has(service)) {
        throw new UndeclaredServiceError(`this test starts ${service} without declaring it: call needsService('${service}') in the test file, so that it skips where ${service} is missing`);
      }
    };
    const guarded = function guarded(this: unknown, ...args: unknown[]): unknown {
      check(args[0]);
      return original.apply(this, args);
    };
    // exec and execFile promisify to { stdout, stderr }: keep that, guarded too.
    const custom = original[promisify.custom];
    if (custom !== undefined) {
      Object.defineProperty(guarded, promisify.custom, {
        value: function guardedPromise(this: unknown, ...args: unknown[]): unknown {
          check(args[0]);
          return custom.apply(this, args);
        },
      });
    }
    childProcess[name] = guarded;
  }
  syncBuiltinESMExports();
}
