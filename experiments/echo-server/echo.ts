/**
 * A side wing, outside the layer chain: the TCP echo servers and client load of the `echo-server`
 * experiment. It opens sockets and starts worker threads of its own because that I/O is what it
 * measures; it builds on the scheduler (servers are tasks parked on socket reads) and prints nothing.
 */
export { runClientLoad, type ClientLoad, type LoadResult } from './client-load.ts';
export { ClientThread } from './client-thread.ts';
export { runEcho, type EchoLoadSize, type EchoRun, type EchoThreads } from './echo-run.ts';
export { EchoMismatchError, EchoTimeoutError } from './errors.ts';
export { latency, percentile, type Latency } from '../../src/measure/percentile.ts';
export { messageBytes } from './message.ts';
export { startNetServer } from './net-server.ts';
export { startSchedulerServer, type SchedulerServerStyle } from './scheduler-server.ts';
export { echoServerKinds, type EchoServerKind, type RunningServer, type ServeOptions, type ServerReport } from './server-report.ts';
export { WorkerServers } from './worker-servers.ts';
