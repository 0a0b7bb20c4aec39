import { describe, expect, it } from 'vitest';
import { runOptionsFor, runSettings } from '../src/experiment/context.ts';
import type { LabPool, ProcessPool } from '../src/modes/index.ts';
import type { QueueSession } from '../src/runtime/queue/queue-session.ts';
import { handMadeContext } from './helpers/kit-context.ts';

// Every mode run of an experiment gets the interrupt signal, and only what was set besides: no
// `steps: true`, no undefined timeout, no pool it was not given (toStrictEqual tells a missing key
// from one set to undefined). Every measured experiment states the common settings it ran with.

const pool = { kind: 'thread pool' } as unknown as LabPool;
const processPool = { kind: 'process pool' } as unknown as ProcessPool;
const queue = { kind: 'queue' } as unknown as QueueSession;

describe('runOptionsFor', () => {
  it('passes the signal alone when steps are on and nothing else was set', () => {
    const context = handMadeContext();
    expect(runOptionsFor(context)).toStrictEqual({ signal: context.signal });
  });

  it('turns steps off under --no-steps, and passes a timeout (even 0 ms) when one was given', () => {
    const context = handMadeContext({ steps: false, timeoutMs: 0 });
    expect(runOptionsFor(context)).toStrictEqual({ signal: context.signal, steps: false, timeoutMs: 0 });
    expect(runOptionsFor(handMadeContext({ timeoutMs: 2500 }))).toStrictEqual({ signal: expect.any(AbortSignal), timeoutMs: 2500 });
  });

  it('passes each pool it is given, and no other', () => {
    const context = handMadeContext();
    expect(runOptionsFor(context, pool, processPool, queue)).toStrictEqual({ signal: context.signal, pool, processPool, queue });
    expect(runOptionsFor(context, undefined, processPool)).toStrictEqual({ signal: context.signal, processPool });
    expect(runOptionsFor(context, pool)).toStrictEqual({ signal: context.signal, pool });
    expect(runOptionsFor(context, undefined, undefined, queue)).toStrictEqual({ signal: context.signal, queue });
  });
});

describe('runSettings', () => {
  it('states repeats, warm-ups, threads, seed, quick and steps as the context has them', () => {
    expect(runSettings(handMadeContext({ repeats: 9, warmups: 2, threads: 4, seed: 17, quick: false, steps: false }))).toStrictEqual({
      repeats: 9,
      warmups: 2,
      threads: 4,
      seed: 17,
      quick: false,
      steps: false,
    });
  });

  it('states repeats as auto under --repeats auto', () => {
    expect(runSettings(handMadeContext({ repeats: 5, auto: { deadlineMs: 1000 } })).repeats).toBe('auto');
  });
});
