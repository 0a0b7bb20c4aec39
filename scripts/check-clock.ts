// Checks the lab's clock against an outside one: runs a short and a long workload through the
// real command line, timed from outside by /usr/bin/time (and by this parent process), and
// compares the difference of the outside timings with the difference of the lab's reported
// wall times. Taking differences cancels the start-up cost (tsx, module loading) that the lab's
// own run timer rightly does not include. Exit code 1 when they disagree by more than 5%.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const TOLERANCE = 0.05;

interface Timing {
  readonly labMs: number;
  readonly parentMs: number;
  readonly gnuTimeMs: number | undefined;
}

function workload(waitMs: number, units: number): object {
  return { name: `clock-${waitMs}`, tasks: [{ name: 'only', parts: [{ kind: 'cpu', units }, { kind: 'wait', ms: waitMs }, { kind: 'cpu', units }] }] };
}

function timeRun(file: string): Timing {
  const lab = [process.execPath, '--import', tsxLoader, 'experiments/lab.ts', 'run', '--workload', file, '--modes', 'sequential', '--repeats', '1', '--warmups', '0', '--no-save', '--json'];
  const useGnuTime = existsSync('/usr/bin/time');
  const command = useGnuTime ? ['/usr/bin/time', '-f', 'gnu-time-seconds %e', ...lab] : lab;
  const started = process.hrtime.bigint();
  const child = spawnSync(command[0]!, command.slice(1), { cwd: repoRoot, encoding: 'utf8' });
  const parentMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status !== 0) throw new Error(`the lab failed (${child.status}): ${child.stderr}`);
  const labMs = (JSON.parse(child.stdout) as { rows: { medianMs: number }[] }).rows[0]!.medianMs;
  const gnu = /gnu-time-seconds ([\d.]+)/.exec(child.stderr);
  return { labMs, parentMs, gnuTimeMs: gnu ? Number(gnu[1]) * 1000 : undefined };
}

const dir = mkdtempSync(join(tmpdir(), 'lab-clock-'));
try {
  const shortFile = join(dir, 'short.json');
  const longFile = join(dir, 'long.json');
  writeFileSync(shortFile, JSON.stringify(workload(500, 20_000)));
  writeFileSync(longFile, JSON.stringify(workload(8_000, 200_000)));
  timeRun(shortFile); // warms tsx's transform cache, which would otherwise slow only the first run
  const short = timeRun(shortFile);
  const long = timeRun(longFile);
  const labDelta = long.labMs - short.labMs;
  const lines = [`lab-reported wall time: short ${short.labMs.toFixed(1)} ms, long ${long.labMs.toFixed(1)} ms, difference ${labDelta.toFixed(1)} ms`];
  let worst = 0;
  const judge = (name: string, a: number | undefined, b: number | undefined): void => {
    if (a === undefined || b === undefined) return;
    const delta = b - a;
    const disagreement = Math.abs(delta / labDelta - 1);
    worst = Math.max(worst, disagreement);
    lines.push(`${name}: short ${a.toFixed(0)} ms, long ${b.toFixed(0)} ms, difference ${delta.toFixed(1)} ms: ${(disagreement * 100).toFixed(2)}% from the lab's`);
  };
  judge('/usr/bin/time (whole process)', short.gnuTimeMs, long.gnuTimeMs);
  judge('parent process timer (spawn to exit)', short.parentMs, long.parentMs);
  lines.push(worst <= TOLERANCE ? `agree within ${TOLERANCE * 100}%` : `DISAGREE by more than ${TOLERANCE * 100}%`);
  process.stdout.write(`${lines.join('\n')}\n`);
  process.exitCode = worst <= TOLERANCE ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
