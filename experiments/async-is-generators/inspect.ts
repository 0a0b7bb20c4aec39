/**
 * A side wing, outside the layer chain: what the `async-is-generators` experiment inspects. It runs
 * `node --print-bytecode` and `tsc` as child processes, and both read their input from files, so it
 * writes a few files into a temporary directory of its own (outside the repository) and removes it
 * (see temp-dir.ts). That I/O is the inspection itself, not a result: results are written only by report/.
 */
export { runAsyncStyleTask, sumAsync, sumTask, type AsyncStyleRun } from './async-style-task.ts';
export { BytecodeNotFoundError, countOpcodes, parseBytecode, suspensionLines, suspensionOpcodes, type Bytecode, type BytecodeListing } from './bytecode.ts';
export { functionLines, keywordCount, occurrences } from './downlevel.ts';
export { DOWNLEVEL_TARGET, inspectPudding, type FunctionBytecode, type PuddingInspection, type TscInspection } from './inspect-pudding.ts';
export { ProcessFailedError, type ProcessOptions } from '../../src/runtime/run-process.ts';
