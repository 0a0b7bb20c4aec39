export { runAsyncStyleTask, sumAsync, sumTask, type AsyncStyleRun } from './async-style-task.ts';
export { BytecodeNotFoundError, countOpcodes, parseBytecode, suspensionLines, suspensionOpcodes, type Bytecode, type BytecodeListing } from './bytecode.ts';
export { functionLines, keywordCount, occurrences } from './downlevel.ts';
export { DOWNLEVEL_TARGET, inspectPudding, type FunctionBytecode, type PuddingInspection, type TscInspection } from './inspect-pudding.ts';
export { ProcessFailedError, type ProcessOptions } from './run-process.ts';
