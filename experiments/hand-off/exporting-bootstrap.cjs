// For a pool that imports its task file as soon as its worker starts (tinypool), before tsx's ESM hooks
// apply (Node 20): requires the TypeScript task file with tsx's require hook and hands on its exports.
// tinypool passes its own data first and the pool's `workerData` second.
const data = require('node:worker_threads').workerData;
module.exports = require((Array.isArray(data) ? data[1] : data).entry);
