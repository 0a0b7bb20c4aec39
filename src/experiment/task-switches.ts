/** Task switches in a trace: consecutive steps on the same lane that belong to different tasks. */
export function taskSwitches(trace: readonly { readonly task: string; readonly lane: number }[]): number {
  const lastTask = new Map<number, string>();
  let switches = 0;
  for (const e of trace) {
    const previous = lastTask.get(e.lane);
    if (previous !== undefined && previous !== e.task) switches++;
    lastTask.set(e.lane, e.task);
  }
  return switches;
}
