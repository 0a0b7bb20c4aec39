import { createRequire } from 'node:module';
import { ExitCode, LabError } from '../../src/errors/lab-error.ts';

/** The package the load process drives, a development dependency: a runtime install leaves it out. */
export const LOAD_GENERATOR = 'autocannon';

/**
 * autocannon is not installed where the lab is: the experiment cannot run here as installed.
 * Exit code 2; `all` reports the line and goes on with the other experiments (`skippable`).
 */
export class LoadGeneratorMissingError extends LabError {
  override name = 'LoadGeneratorMissingError';
  override readonly exitCode: number = ExitCode.badInput;
  readonly skippable = true;
  constructor() {
    super(
      `event-loop-delay needs the load generator ${LOAD_GENERATOR}, which this install of the lab leaves out (a development dependency): ` +
        `run npm install ${LOAD_GENERATOR} where the lab is installed, or npx -p ${LOAD_GENERATOR} -p concurrency-parallelism-lab lab event-loop-delay`,
    );
  }
}

const fromHere = createRequire(import.meta.url);

/**
 * Throws `LoadGeneratorMissingError` unless autocannon resolves from the lab's own files, as the load
 * process will import it. Resolving reads no module, so the check costs nothing when it passes.
 */
export function assertLoadGeneratorInstalled(resolve: (name: string) => string = fromHere.resolve): void {
  try {
    resolve(LOAD_GENERATOR);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'MODULE_NOT_FOUND') throw new LoadGeneratorMissingError();
    throw error;
  }
}
