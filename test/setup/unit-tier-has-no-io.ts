// The unit tier: pure functions, the scheduler on a virtual clock, statistics, drawing, analyses.
// Starting a thread, a process or a network connection there is a mistake of tiering, so it throws.
import { createRequire, syncBuiltinESMExports } from 'node:module';

const require = createRequire(import.meta.url);

/** A unit test reached for a thread, a process or the network: it belongs in the integration tier. */
export class NotInUnitTierError extends Error {
  override name = 'NotInUnitTierError';
}

function refuse(what: string): never {
  throw new NotInUnitTierError(`${what} in a unit test: name the file *.integration.test.ts (or *.e2e.test.ts) if it needs one`);
}

const threads = require('node:worker_threads') as Record<string, unknown>;
const childProcess = require('node:child_process') as Record<string, unknown>;
const net = require('node:net') as Record<string, unknown>;

threads.Worker = class RefusedWorker {
  constructor() {
    refuse('a worker thread');
  }
};
for (const name of ['spawn', 'spawnSync', 'fork', 'exec', 'execSync', 'execFile', 'execFileSync']) childProcess[name] = () => refuse(`child_process.${name}`);
for (const name of ['connect', 'createConnection', 'createServer']) net[name] = () => refuse(`net.${name}`);
syncBuiltinESMExports();
