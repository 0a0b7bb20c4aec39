import { describe, expect, it } from 'vitest';
import { completeContext, runOptionsFor, runSettings } from '../src/experiment/context.ts';
import { processPoolResource, queueResource, resourcesOf, type LabPool, type ProcessPool } from '../src/modes/index.ts';
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

  it('passes the pool and the resources it is given, and no other (no empty resources)', () => {
    const context = handMadeContext();
    const resources = resourcesOf<ProcessPool | QueueSession>([processPoolResource, processPool], [queueResource, queue]);
    expect(runOptionsFor(context, pool, resources)).toStrictEqual({ signal: context.signal, pool, resources });
    expect(runOptionsFor(context, undefined, resources)).toStrictEqual({ signal: context.signal, resources });
    expect(runOptionsFor(context, pool)).toStrictEqual({ signal: context.signal, pool });
    expect(runOptionsFor(context, undefined, new Map())).toStrictEqual({ signal: context.signal });
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

describe('completeContext', () => {
  const defaults = { repeats: 7, quickRepeats: 3, processes: (threads: number) => threads * 8, maxThreads: (threads: number) => threads * 2 };
  it('takes the counts the flags gave over the experiment\'s defaults', () => {
    const complete = completeContext(handMadeContext({ threads: 3, processes: 5, workers: 4, maxThreads: 12 }), defaults);
    expect([complete.processes, complete.workers, complete.maxThreads]).toEqual([5, 4, 12]);
  });

  it('fills the counts left open from the experiment\'s defaults of the threads, else the threads', () => {
    const complete = completeContext(handMadeContext({ threads: 3 }), defaults);
    expect([complete.processes, complete.workers, complete.maxThreads]).toEqual([24, 3, 6]);
    const plain = completeContext(handMadeContext({ threads: 3 }), { repeats: 7, quickRepeats: 3 });
    expect([plain.processes, plain.workers, plain.maxThreads]).toEqual([3, 3, 3]);
  });
});
