// Shared StrykerJS settings for `npm run mutate` (one run per folder: see scheduler.config.mjs
// and measure.config.mjs beside this file). Reports go to reports/mutation/ (git-ignored).

/**
 * @param {string} name the scope's name: the folder under src/ to mutate, unless `mutate` says otherwise
 * @param {string[]} testFiles the tests that concern it: only in-process tests can kill mutants,
 *   because a child process (the CLI tests) or a worker thread loads the code without Stryker's
 *   switch for the active mutant.
 * @param {string[]} [mutate] the files to mutate, when they are not the folder src/NAME
 * @returns {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export function mutationConfig(name, testFiles, mutate = [`src/${name}/**/*.ts`]) {
  return {
    testRunner: 'vitest',
    mutate,
    testFiles,
    // Only the test files that concern the folder, so that one folder's score is earned by its own tests.
    // Own vitest config: the project's, with the fast tests ordered first (see mutation/vitest.config.mjs).
    vitest: { related: false, configFile: 'mutation/vitest.config.mjs' },
    coverageAnalysis: 'perTest',
    // Static mutants (code that runs once, when a module loads: a module-level constant, an exported
    // arrow function) are never activated by the vitest runner 9.6.1 with vitest 4: every one of them
    // came out "Survived", even those that a test kills when the same change is made by hand (the
    // scheduler's CONTINUE = +1, sleep = () => undefined, the shared clock's offset). Counting them
    // would report gaps that are not there, so they are left out of the score.
    ignoreStatic: true,
    // Stryker's tsconfig step calls ts.parseConfigFileTextToJson, which TypeScript 7 no longer has.
    // The project's tsconfig has no `extends` or `references` for that step to rewrite, so point
    // it at a file that does not exist and the step is skipped.
    tsconfigFile: 'mutation/no-tsconfig-rewrite.json',
    // Many scheduler mutants loop forever (a task that never ends, a timer that never fires).
    // A short absolute margin keeps those from taking minutes each; the scheduler run took about an
    // hour with the default 5000 ms. 1.5x the mutant's tests' own time plus 2.5 s still leaves
    // ample room for the slowest honest test on a busy 2-core machine.
    timeoutMS: 2500,
    timeoutFactor: 1.5,
    // The machine is shared (2 cores): one test runner, one core left for everything else.
    concurrency: 1,
    // A change re-tests only the mutants it touched; the file is committed so CI and everyone
    // start from the last full run.
    incremental: true,
    incrementalFile: `mutation/${name}.incremental.json`,
    reporters: ['clear-text', 'progress', 'html', 'json'],
    htmlReporter: { fileName: `reports/mutation/${name}.html` },
    jsonReporter: { fileName: `reports/mutation/${name}.json` },
    clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
    // One folder per scope, so that two scopes can run at once.
    tempDirName: `.stryker-tmp/${name}`,
    // ...and none copies another's live sandbox into its own (it vanished mid-copy: ENOENT).
    ignorePatterns: ['/.stryker-tmp'],
    thresholds: { high: 90, low: 80, break: null },
  };
}
