import { describe, expect, it } from 'vitest';
import { CLEANUP_DEADLINE_MS, InterruptedError, interruptResponder, SAME_SIGNAL_MS, whileSaving, type InterruptEnvironment } from '../src/cli/interrupt.ts';
import { deferred } from './helpers/deferred.ts';

/** The interrupt handling on a clock the test moves, recording what it says and when it would leave. */
function handling(): { controller: AbortController; responder: ReturnType<typeof interruptResponder>; at(ms: number): void; said: string[]; left: number[] } {
  let now = 0;
  let timers: { at: number; fire: () => void }[] = [];
  const said: string[] = [];
  const left: number[] = [];
  const environment: InterruptEnvironment = {
    now: () => now,
    after: (ms, fire) => void timers.push({ at: now + ms, fire }),
    say: (line) => void said.push(line),
    leave: (code) => void left.push(code),
  };
  const controller = new AbortController();
  return {
    controller,
    responder: interruptResponder(controller, environment),
    at(ms) {
      now = ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const timer of due) timer.fire();
    },
    said,
    left,
  };
}

describe('signals to the lab', () => {
  it('the first aborts the run with why; the same signal again within a second is that one (npm passes on what the terminal sent the group)', () => {
    const lab = handling();
    lab.responder.onSignal('SIGTERM');
    lab.at(5);
    lab.responder.onSignal('SIGTERM');
    lab.at(SAME_SIGNAL_MS - 1);
    lab.responder.onSignal('SIGTERM');
    expect(lab.controller.signal.reason).toBeInstanceOf(InterruptedError);
    expect((lab.controller.signal.reason as InterruptedError).exitCode).toBe(143);
    expect(lab.left).toEqual([]);
  });

  it('a second signal a second or more later ends the lab at once, saying why unless the line is out', () => {
    const lab = handling();
    lab.responder.onSignal('SIGINT');
    lab.at(SAME_SIGNAL_MS);
    lab.responder.onSignal('SIGINT');
    expect(lab.said).toEqual(['lab: interrupted: the run was stopped and nothing was saved for it\n']);
    expect(lab.left).toEqual([130]);

    const reported = handling();
    reported.responder.onSignal('SIGINT');
    (reported.controller.signal.reason as InterruptedError).reported = true;
    reported.at(2 * SAME_SIGNAL_MS);
    reported.responder.onSignal('SIGINT');
    expect(reported.said).toEqual([]);
    expect(reported.left).toEqual([130]);
  });

  it('another kind of signal is no repeat, even at once', () => {
    const lab = handling();
    lab.responder.onSignal('SIGINT');
    lab.responder.onSignal('SIGTERM');
    expect(lab.left).toEqual([130]);
  });

  it('the lab ends itself at the deadline after the first signal, however many steps are still closing', () => {
    const lab = handling();
    lab.at(100);
    lab.responder.onSignal('SIGTERM');
    lab.at(100 + CLEANUP_DEADLINE_MS - 1);
    expect(lab.left).toEqual([]);
    lab.at(100 + CLEANUP_DEADLINE_MS);
    expect(lab.said).toEqual(['lab: terminated (SIGTERM): the run was stopped and nothing was saved for it\n']);
    expect(lab.left).toEqual([143]);
  });

  it('a command that has finished leaves with its own exit code at the deadline, without a second line', () => {
    const lab = handling();
    lab.responder.onSignal('SIGINT');
    (lab.controller.signal.reason as InterruptedError).reported = true;
    const before = process.exitCode;
    process.exitCode = 130;
    try {
      lab.responder.finished();
      lab.at(CLEANUP_DEADLINE_MS);
      expect(lab.left).toEqual([130]);
      expect(lab.said).toEqual([]);
    } finally {
      process.exitCode = before;
    }
  });

  it('neither a later signal nor the deadline ends a save in progress: the lab leaves when it is done', async () => {
    const lab = handling();
    const save = deferred<string>();
    const saving = whileSaving(() => save.promise);
    lab.responder.onSignal('SIGTERM');
    lab.at(2 * SAME_SIGNAL_MS);
    lab.responder.onSignal('SIGTERM');
    lab.at(CLEANUP_DEADLINE_MS + 1);
    expect(lab.left).toEqual([]);
    save.resolve('saved');
    expect(await saving).toBe('saved');
    expect(lab.left).toEqual([143]);
  });
});
