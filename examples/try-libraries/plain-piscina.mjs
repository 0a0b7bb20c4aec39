// An independent check of `try`, with nothing of the lab in it: the module's function in a plain
// loop and on a plain Piscina pool (one call a task, then BATCH calls a task), rounds alternating,
// medians printed. Usage, from the directory where the libraries and piscina are installed:
//   node plain-piscina.mjs ./bcrypt.mjs [THREADS=2] [BATCH=16] [ROUNDS=9]
import { isMainThread, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { Piscina } from 'piscina';

const moduleUrl = isMainThread ? pathToFileURL(resolve(process.argv[2] ?? '')).href : workerData.moduleUrl;
const { default: fn, inputs: makeInputs } = await import(moduleUrl);

/** The pool's task: the calls of one batch, one after the other. */
export default function calls(batch) {
  return batch.map((input) => fn(input));
}

if (isMainThread) {
  const [threads, batch, rounds] = [Number(process.argv[3] ?? 2), Number(process.argv[4] ?? 16), Number(process.argv[5] ?? 9)];
  const inputs = typeof makeInputs === 'function' ? makeInputs() : makeInputs;
  const pool = new Piscina({ filename: new URL(import.meta.url).href, minThreads: threads, maxThreads: threads, workerData: { moduleUrl }, idleTimeout: 2 ** 31 - 1 });
  const loop = async () => inputs.map((input) => fn(input));
  const onPool = (size) => async () => {
    const tasks = [];
    for (let i = 0; i < inputs.length; i += size) tasks.push(pool.run(inputs.slice(i, i + size)));
    return (await Promise.all(tasks)).flat();
  };
  const subjects = { loop, [`pool ${threads}, batch 1`]: onPool(1), [`pool ${threads}, batch ${batch}`]: onPool(batch) };
  const times = Object.fromEntries(Object.keys(subjects).map((k) => [k, []]));
  for (let round = -3; round < rounds; round++) {
    const order = Object.keys(subjects);
    if (round % 2 !== 0) order.reverse();
    for (const name of order) {
      const start = performance.now();
      await subjects[name]();
      if (round >= 0) times[name].push(performance.now() - start);
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const base = median(times.loop);
  for (const [name, ms] of Object.entries(times)) console.log(`${name}: median ${median(ms).toFixed(1)} ms, ${(base / median(ms)).toFixed(2)}x the loop's speed`);
  await pool.destroy();
}
