import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a TypeScript entry file as a user would (`node --import tsx file args`), from the repository root. */
export function runTs(file: string, args: readonly string[] = [], env: NodeJS.ProcessEnv = {}, onStart?: (child: ChildProcess) => void): Promise<Finished> {
  return runCommand(process.execPath, ['--import', tsxLoader, file, ...args], env, onStart);
}

/** Any command from the repository root, its output collected; `onStart` gets the child process (to signal it); `asUser` runs it as that uid and gid. */
export function runCommand(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}, onStart?: (child: ChildProcess) => void, options: { readonly detached?: boolean; readonly asUser?: number } = {}): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const user = options.asUser === undefined ? {} : { uid: options.asUser, gid: options.asUser };
    const child = spawn(command, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: options.detached === true, ...user });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) => {
      // Run as another user, a binary under a folder only its owner may enter (mktemp -d makes 0700
      // folders) cannot be started: say which, rather than a bare EACCES.
      if (options.asUser !== undefined && error.code === 'EACCES') reject(new Error(`user ${options.asUser} cannot start ${command}: a folder above it, or the file, does not let others in (${error.message})`));
      else reject(error);
    });
    // Killed by a signal (code null), the shell would see 128 + its number.
    child.on('close', (code, signal) => resolve({ code: code ?? (signal === null ? null : 128 + constants.signals[signal]), stdout, stderr }));
    onStart?.(child);
  });
}

/** The lab's command line as `npm run lab -- args` and the `lab` command run it: the compiled entry (built by the test run's global setup). */
export function runLabCli(args: readonly string[], onStart?: (child: ChildProcess) => void): Promise<Finished> {
  return runCommand(process.execPath, ['dist/experiments/lab.js', ...args], {}, onStart);
}

/** The lab's command line from its TypeScript sources (`node --import tsx experiments/lab.ts`), as a developer runs it. */
export function runLabFromSource(args: readonly string[], onStart?: (child: ChildProcess) => void): Promise<Finished> {
  return runTs('experiments/lab.ts', args, {}, onStart);
}
