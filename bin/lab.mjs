#!/usr/bin/env node
// The `lab` command runs the compiled lab. From a checkout (its sources beside it) it first builds
// dist/ when the build is missing or older than a source; an installed package ships its build.
import { existsSync } from 'node:fs';

const buildScript = new URL('../scripts/build.mjs', import.meta.url);
if (existsSync(new URL('../src', import.meta.url)) && existsSync(buildScript)) {
  const { buildStoppably, isStale } = await import(buildScript.href);
  if (isStale()) {
    process.stderr.write('lab: compiling to dist/ (no build yet, or a source changed since the last one)\n');
    try {
      await buildStoppably();
    } catch (error) {
      process.stderr.write(`lab: ${error.message}\n`);
      process.exit(1);
    }
  }
}
await import('../dist/experiments/lab.js');
