import { mutationConfig } from './stryker.base.mjs';

// Every experiment's analysis: its `analyse` and the helpers it alone uses, kept pure in
// experiments/NAME/analysis.ts so that hand-made figures can test it without running anything.
export default mutationConfig('analyses', ['test/**/*.unit.test.ts', 'experiments/**/*.unit.test.ts'], ['experiments/*/analysis.ts', 'experiments/*/analysis-notes.ts']);
