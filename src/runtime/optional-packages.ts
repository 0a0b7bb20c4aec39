import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ExitCode, LabError } from '../errors/lab-error.ts';
import { labVersion, packageRoot } from './package-root.ts';

/**
 * Packages that one experiment or mode needs and a runtime install (`npm ci --omit=dev`, `npx` of the
 * tarball) leaves out: they are development dependencies, so that the lab's command installs light.
 * Exit code 2; `all` reports the line and goes on with the other experiments (`skippable`).
 */
export class OptionalPackagesMissingError extends LabError {
  override name = 'OptionalPackagesMissingError';
  override readonly exitCode: number = ExitCode.badInput;
  readonly skippable = true;
  constructor(need: string, packages: readonly string[], command: string) {
    const specs = packages.map(versionedSpec);
    super(
      `${need}, which this install of the lab leaves out (${packages.length === 1 ? 'a development dependency' : 'development dependencies'}): ` +
        `run npm install ${specs.join(' ')} where the lab is installed, or from its tarball npx ${specs.map((s) => `-p ${s} `).join('')}-p ./concurrency-parallelism-lab-${labVersion()}.tgz lab ${command}`,
    );
  }
}

/** `name@MAJOR` from the lab's own devDependencies (`^9.0.0` gives `name@9`), so the line never names a version of its own. */
function versionedSpec(name: string): string {
  let range: string | undefined;
  try {
    const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { devDependencies?: Record<string, string> };
    range = manifest.devDependencies?.[name];
  } catch {
    range = undefined;
  }
  const major = /^\^(\d+)\.\d+\.\d+$/.exec(range ?? '')?.[1];
  return major === undefined ? name : `${name}@${major}`;
}

const fromHere = createRequire(import.meta.url);

/**
 * Throws `OptionalPackagesMissingError` unless every package resolves from the lab's own files, as
 * the code that imports them will. Resolving reads no module, so the check costs nothing when it passes.
 */
export function assertPackagesInstalled(need: string, packages: readonly string[], command: string, resolve: (name: string) => string = fromHere.resolve): void {
  const missing = packages.filter((name) => {
    try {
      resolve(name);
      return false;
    } catch (error) {
      if ((error as { code?: unknown }).code === 'MODULE_NOT_FOUND') return true;
      throw error;
    }
  });
  if (missing.length > 0) throw new OptionalPackagesMissingError(need, missing, command);
}
