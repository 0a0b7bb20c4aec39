// What a user's generator function imports as `concurrency-parallelism-lab/effects`: the effects of
// the lab instance running in this thread (published by `provideEffects`), so that the scheduler
// running the generator recognises what it yields, in the child process and in every pool worker.
const effects = globalThis[Symbol.for('concurrency-parallelism-lab/effects')];
if (effects === undefined) throw new Error('concurrency-parallelism-lab/effects works only in a module run by `npm run lab -- try`');

export const { sleep, waitFor, spawn, join, cancel, part } = effects;
