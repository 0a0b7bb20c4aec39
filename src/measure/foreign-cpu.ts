/**
 * Above this many cores of other programs' CPU, averaged over a run, the run counts as disturbed:
 * parallel figures then understate what the threads can do on an idle machine.
 */
export const DISTURBED_FROM_CORES = 0.25;
