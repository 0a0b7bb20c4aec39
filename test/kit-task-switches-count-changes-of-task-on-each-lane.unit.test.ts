import { describe, expect, it } from 'vitest';
import { taskSwitches } from '../src/experiment/task-switches.ts';

// A task switch is a step on a lane whose previous step on that lane belonged to another task: what
// interleaving does at every yield, and what running to completion never does.

const step = (task: string, lane = 0) => ({ task, lane });

describe('taskSwitches', () => {
  it('counts no switch for no steps or one task, and one where a task ran to completion before the next', () => {
    expect(taskSwitches([])).toBe(0);
    expect(taskSwitches([step('a'), step('a'), step('a')])).toBe(0);
    expect(taskSwitches([step('a'), step('a'), step('b'), step('b')])).toBe(1);
  });

  it('counts every alternation on one lane', () => {
    expect(taskSwitches([step('a'), step('b'), step('a'), step('b'), step('b'), step('c')])).toBe(4);
  });

  it('counts each lane on its own: steps of other lanes in between do not break a run of one task', () => {
    // Lane 0 runs a, a, a; lane 1 runs b, c: one switch, on lane 1.
    expect(taskSwitches([step('a', 0), step('b', 1), step('a', 0), step('c', 1), step('a', 0)])).toBe(1);
    // The first step of a lane follows nothing on that lane, whatever ran on another.
    expect(taskSwitches([step('a', 0), step('b', 1)])).toBe(0);
  });
});
