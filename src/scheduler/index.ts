export { sharedNow, toSharedMs, type Clock } from './clock.ts';
export { cancel, Effect, join, part, sleep, spawn, waitFor, type EffectKind } from './effects.ts';
export { CancelledError, DeadlockError, RunTimeoutError, TaskFailedError, UnknownEffectError } from './errors.ts';
export { policyNames, type PolicyName } from './policies/index.ts';
export { Scheduler } from './scheduler.ts';
export type { ReportOf, RunReport, SchedulerOptions } from './scheduler-options.ts';
export { StepEnd, StepRecorder, stepEndNames, type AllocateStepColumns, type StepColumns, type StepEndCode, type StepEndName, type RecordedSteps } from './step-record.ts';
export type { Task, Yielded } from './effects.ts';
export type { Outcome, TaskHandle } from './task.ts';
