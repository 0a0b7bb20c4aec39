// The postMessage floor on its own lives below the experiments, so that `try` measures it with the same code.
export { measurePostMessageFloor, type PostMessageFloor } from '../../src/measure/post-message-floor.ts';
