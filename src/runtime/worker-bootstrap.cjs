// A worker's entry file is loaded before tsx's ESM hooks apply to it (Node 20), but tsx's require
// hook works from the start: this plain CommonJS entry requires the TypeScript one (as Piscina does).
require(require('node:worker_threads').workerData.entry);
