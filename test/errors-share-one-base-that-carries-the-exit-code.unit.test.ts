import { describe, expect, it } from 'vitest';
import { InterruptedError } from '../src/cli/interrupt.ts';
import { runLab } from '../src/cli/main.ts';
import { UsageError } from '../src/errors/usage-error.ts';
import { EchoMismatchError, EchoTimeoutError } from '../experiments/echo-server/errors.ts';
import { WorkerChannelError } from '../src/runtime/worker-channel-error.ts';
import { BytecodeNotFoundError } from '../experiments/async-is-generators/bytecode.ts';
import { ProcessFailedError } from '../src/runtime/run-process.ts';
import { RunFailedError, WorkerLostError } from '../src/modes/index.ts';
import { OutputPathError, SaveError } from '../src/report/file-fault.ts';
import { ResultFileError } from '../src/report/saved-result.ts';
import { CancelledError, DeadlockError, RunTimeoutError, TaskFailedError, UnknownEffectError } from '../src/scheduler/index.ts';
import { ExitCode, LabError } from '../src/errors/lab-error.ts';
import { FaultRefusedError } from '../src/workload/fault.ts';
import { WorkloadError } from '../src/workload/validate.ts';
import { Capture } from './helpers/streams.ts';

const badInput = [new UsageError('u'), new WorkloadError('w'), new ResultFileError('r'), new OutputPathError('o')];
const failures = [
  new SaveError('s'),
  new TaskFailedError('t', 'p', new Error('x')),
  new CancelledError('t'),
  new DeadlockError(['t']),
  new RunTimeoutError(5),
  new UnknownEffectError(1),
  new RunFailedError('sequential', 'w', new Error('x')),
  new WorkerLostError(['t'], 'exited', new Error('x')),
  new EchoTimeoutError('client', 5, 'late'),
  new EchoMismatchError(1, 2),
  new WorkerChannelError('server', 'died'),
  new FaultRefusedError('f'),
  new ProcessFailedError('node', 1, ''),
  new BytecodeNotFoundError('f'),
];

describe('the errors the lab throws', () => {
  it('all extend LabError, which carries the exit code: 2 for bad input, 1 for a failed run, 128 + signal for an interrupt', () => {
    for (const error of badInput) expect([error.name, error.exitCode]).toEqual([error.name, ExitCode.badInput]);
    for (const error of failures) expect([error.name, error.exitCode]).toEqual([error.name, ExitCode.failed]);
    expect(new InterruptedError('SIGINT').exitCode).toBe(ExitCode.interrupted);
    expect(new InterruptedError('SIGTERM').exitCode).toBe(ExitCode.terminated);
    for (const error of [...badInput, ...failures, new InterruptedError()]) expect(error).toBeInstanceOf(LabError);
  });

  it('reach the command line as one line and the exit code their base carries', async () => {
    const stderr = new Capture();
    expect(await runLab(['no-such-experiment'], [], { stdout: new Capture(), stderr })).toBe(ExitCode.badInput);
    expect(stderr.text).toMatch(/^lab: unknown experiment "no-such-experiment"[^\n]*\n$/);
  });
});
