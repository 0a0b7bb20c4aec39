#!/usr/bin/env node
// The `lab` command runs the compiled lab. From a checkout (its sources beside it) it first builds
// dist/ when the build is missing or older than a source; an installed package ships its build.
import { existsSync } from 'node:fs';

const buildScript = new URL('../scripts/build.mjs', import.meta.url);
if (existsSync(new URL('../src', import.meta.url)) && existsSync(buildScript)) {
  const { build, isStale } = await import(buildScript.href);
  if (isStale()) {
    process.stderr.write('lab: compiling to dist/ (no build yet, or a source changed since the last one)\n');
    build();
  }
}
await import('../dist/experiments/lab.js');
