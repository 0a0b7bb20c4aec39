// Types of what tests import from the build script (plain JavaScript, run by node before anything is compiled).
export function readByTheBuild(file: string): boolean;
export function isStale(): boolean;
export function build(): Promise<void>;
export function buildStoppably(): Promise<void>;
