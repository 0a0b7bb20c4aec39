import { findOnPath } from '../../src/runtime/find-on-path.ts';

/**
 * Programs some tests need that the README's two commands do not install. `.ci/run` installs every
 * one of them, so under CI=true a missing one fails the test that needs it instead of skipping it.
 */
export const SERVICES = {
  'redis-server': { binaries: ['redis-server'], install: 'apt-get install redis-server' },
  chromium: { binaries: ['chromium', 'chromium-browser'], install: 'apt-get install chromium' },
  tmux: { binaries: ['tmux'], install: 'apt-get install tmux' },
  hyperfine: { binaries: ['hyperfine'], install: 'apt-get install hyperfine' },
} as const;

export type ServiceName = keyof typeof SERVICES;

/** The services the running test file declared with `needsService`; the spawn guard reads it. */
export function declaredServices(): Set<ServiceName> {
  const holder = globalThis as { labDeclaredServices?: Set<ServiceName> };
  holder.labDeclaredServices ??= new Set();
  return holder.labDeclaredServices;
}

/** The service a program belongs to, by its file name (`/usr/bin/redis-server` -> `redis-server`). */
export function serviceOfProgram(program: string): ServiceName | undefined {
  const base = program.split('/').pop() ?? program;
  for (const [name, service] of Object.entries(SERVICES)) if ((service.binaries as readonly string[]).includes(base)) return name as ServiceName;
  return undefined;
}

export { findOnPath };

export interface ServiceNeed {
  /** The program's path when installed. */
  readonly path: string | undefined;
  /** True where the service is missing and CI is not set: the test skips, saying why. */
  readonly skip: boolean;
  /** A title that says, when skipped, what is missing and how to get it. */
  title(title: string): string;
}

/**
 * Declares that this test file starts `name` (directly, or through the lab as `distributed` does).
 * Only a declared service may be started under the test runner (test/setup/guard-services.ts).
 * Where it is missing the tests skip and say what to install, except under CI=true, where
 * `.ci/run` installed it: there a missing service fails the file, naming it.
 */
export function needsService(name: ServiceName): ServiceNeed {
  declaredServices().add(name);
  const service = SERVICES[name];
  const path = findOnPath(service.binaries);
  if (path === undefined && process.env.CI === 'true') {
    throw new Error(`${name} is missing under CI=true: .ci/run installs it (${service.install}); the tests that need it cannot be skipped there`);
  }
  const skip = path === undefined;
  return { path, skip, title: (title) => (skip ? `${title}: SKIPPED, no ${name} on PATH (${service.install})` : title) };
}

/**
 * Declares that a test needs root (to mount a tmpfs, make a device node, or run as another user).
 * Elsewhere it skips and says why; CI runs as root, so under CI=true a non-root run fails instead.
 */
export function needsRoot(why: string): { readonly skip: boolean; title(title: string): string } {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot && process.env.CI === 'true') throw new Error(`this test needs root (${why}) and CI runs as root: run the suite as root under CI=true`);
  return { skip: !isRoot, title: (title) => (isRoot ? title : `${title}: SKIPPED, needs root (${why})`) };
}
