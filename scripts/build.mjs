// Compiles the lab to dist/ (tsc, with .ts imports rewritten to .js), copies the plain JavaScript
// entries beside it, so that the CLI and every thread and process it starts run without a loader,
// and bundles each worker entry into one file (see bundle-entries.mjs).
// `--if-stale` builds only when a source is newer than the last build.
import { execFileSync, spawn } from 'node:child_process';
import { constants } from 'node:os';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const stamp = join(dist, '.built');
const SOURCES = ['src', 'experiments'];
const PLAIN = /\.(mjs|cjs|json)$/;

function* filesUnder(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) if (entry.isFile()) yield join(entry.parentPath, entry.name);
}

/** The newest modification of anything the build reads. */
function newestSource() {
  const own = ['tsconfig.json', 'tsconfig.build.json', 'scripts/build.mjs', 'scripts/bundle-entries.mjs'];
  let newest = Math.max(...own.map((file) => statSync(join(root, file)).mtimeMs));
  for (const folder of SOURCES) for (const file of filesUnder(join(root, folder))) newest = Math.max(newest, statSync(file).mtimeMs);
  return newest;
}

export function isStale() {
  return !existsSync(stamp) || statSync(stamp).mtimeMs < newestSource();
}

const tscScript = () => join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
const tscArgs = (outDir) => [tscScript(), '-p', join(root, 'tsconfig.build.json'), '--outDir', outDir];

/**
 * Builds into a folder of its own and then swaps it in, so that a lab or a test run already using
 * dist/ (another terminal, a second test run) keeps finding every module while this one builds.
 */
export async function build() {
  const fresh = `${dist}.building-${process.pid}`;
  rmSync(fresh, { recursive: true, force: true });
  try {
    execFileSync(process.execPath, tscArgs(fresh), { stdio: 'inherit' });
    await completed(fresh);
  } catch (error) {
    // A failed compile (a type error) or bundle leaves no half-written folder beside dist/.
    rmSync(fresh, { recursive: true, force: true });
    throw error;
  }
  swapIn(fresh);
}

/**
 * The same build for the `lab` command, which a Ctrl-C or SIGTERM may stop: the compiler runs in a
 * process group of its own, ended with its half-written folder at the first signal (esbuild's
 * process, during the bundling, ends with this one), so that nothing
 * the command started outlives it. Ends the process (128 + the signal) when stopped.
 */
export async function buildStoppably() {
  const fresh = `${dist}.building-${process.pid}`;
  rmSync(fresh, { recursive: true, force: true });
  const compiler = spawn(process.execPath, tscArgs(fresh), { stdio: 'inherit', detached: true });
  const stop = (signal) => {
    try {
      process.kill(-compiler.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    rmSync(fresh, { recursive: true, force: true });
    process.exit(128 + constants.signals[signal]);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    const code = await new Promise((resolve, reject) => {
      compiler.once('error', reject);
      compiler.once('exit', (exitCode) => resolve(exitCode));
    });
    if (code !== 0) throw new Error(`the TypeScript compiler failed (exit code ${code}); its errors are above`);
    await completed(fresh);
  } catch (error) {
    rmSync(fresh, { recursive: true, force: true });
    throw error;
  } finally {
    process.removeListener('SIGINT', stop);
    process.removeListener('SIGTERM', stop);
  }
  swapIn(fresh);
}

/** Copies the plain JavaScript entries beside the compiled files, then bundles the worker entries. */
async function completed(fresh) {
  for (const folder of SOURCES) {
    for (const file of filesUnder(join(root, folder))) {
      if (!PLAIN.test(file)) continue;
      const target = join(fresh, relative(root, file));
      mkdirSync(dirname(target), { recursive: true });
      cpSync(file, target);
    }
  }
  // Loaded only to build: `lab --help` imports this file for its stale check, and must not load esbuild.
  const { bundleWorkerEntries } = await import('./bundle-entries.mjs');
  await bundleWorkerEntries(root, SOURCES, fresh);
}

/** Stamps the build and puts it in place of dist/. */
function swapIn(fresh) {
  const old = `${dist}.old-${process.pid}`;
  writeFileSync(join(fresh, '.built'), `${new Date().toISOString()}\n`);
  if (existsSync(dist)) renameSync(dist, old);
  renameSync(fresh, dist);
  rmSync(old, { recursive: true, force: true });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!process.argv.includes('--if-stale') || isStale()) await build();
}
