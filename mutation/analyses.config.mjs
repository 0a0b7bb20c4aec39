import { mutationConfig } from './stryker.base.mjs';

// Every experiment's analysis: its `analyse` and the helpers it alone uses, kept pure in
// experiments/NAME/analysis.ts so that hand-made figures can test it without running anything.
const config = mutationConfig('analyses', ['test/**/*.unit.test.ts', 'experiments/**/*.unit.test.ts'], ['experiments/*/analysis.ts', 'experiments/*/analysis-notes.ts']);

// Stryker leaves out of the sandbox only its own temp folder (.stryker-tmp/analyses). Another scope
// running at the same time keeps its sandbox beside it, under .stryker-tmp/, and copying that one
// while it changes fails the run (ENOENT on a file the other run had just removed).
export default { ...config, ignorePatterns: [...(config.ignorePatterns ?? []), '/.stryker-tmp'] };
