export { sharedNow, toSharedMs, type Clock } from './clock.ts';
export { Decision, DecisionLog, type DecisionCode, type DecisionEvent, type DecisionKind } from './decisions.ts';
export { cancel, Effect, join, part, sleep, spawn, waitFor, type EffectKind } from './effects.ts';
export { CancelledError, DeadlockError, RunTimeoutError, TaskFailedError, UnknownEffectError } from './errors.ts';
export { policyNames, type PolicyName } from './policies/index.ts';
export { Scheduler } from './scheduler.ts';
export type { RunReport, SchedulerOptions } from './scheduler-options.ts';
export { StepEnd, StepRecorder, stepEndNames, type AllocateStepColumns, type StepColumns, type StepEndCode, type StepEndName, type StepTrace } from './step-trace.ts';
export type { Outcome, Task, TaskHandle, Yielded } from './task.ts';
