/**
 * Entry of one task as its own process (forked, loaded as the lab is): says it is ready with its
 * resident memory, waits on a timer, does its CPU work, sends the checksum and exits.
 */
import { checksumOfText, cpuKernel, foldChecksum } from '../../src/workload/cpu-kernel.ts';
import type { ProcessTaskMessage } from './process-task-message.ts';

const [name = 't', waitMs = '0', units = '1'] = process.argv.slice(2);
// In a process group of its own, it no longer gets a terminal's Ctrl-C: it ends when the lab does.
let finished = false;
process.on('disconnect', () => finished || process.exit(0));
const send = (message: ProcessTaskMessage): void => {
  process.send?.(message);
};
send({ kind: 'ready', rssBytes: process.memoryUsage().rss });
setTimeout(() => {
  const checksum = cpuKernel(Number(units), foldChecksum(checksumOfText(name), Number(waitMs)));
  send({ kind: 'done', checksum });
  finished = true;
  process.disconnect?.();
}, Number(waitMs));
