export { createExpensiveWay, expensiveWays, type ExpensiveWayName, type WorkSettings } from './expensive-way.ts';
export type { ExpensiveWay } from './expensive-way-contract.ts';
export type { BatchPolicy } from './batched-way.ts';
export { LoadClient, LoadClientError } from './load-client.ts';
export { assertLoadGeneratorInstalled } from './load-generator.ts';
export { CHEAP_BODY, routes, type LoadPlan, type LoadReply, type RouteResult } from './load-protocol.ts';
export { startLoadServer, type LoadServerOptions, type LoadServerReport, type RunningLoadServer } from './load-server.ts';
export { serveUnderLoad, type LoadShape, type WayUnderLoad } from './serve-under-load.ts';
