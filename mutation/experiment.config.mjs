import { mutationConfig } from './stryker.base.mjs';

// The experiment kit (src/experiment/): fits, intervals, rows and phrases every experiment shares.
// Its mutants are killed by in-process tests only, and those are the unit tier: all of it is handed
// over, and per-test coverage runs only the tests that reach a mutant.
export default mutationConfig('experiment', ['test/**/*.unit.test.ts', 'experiments/**/*.unit.test.ts']);
