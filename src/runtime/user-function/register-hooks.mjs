// Loaded with `--import` after tsx by the child process of `try` (and so by its pool workers):
// resolves the effects specifier and compiles a user's .ts file as an ES module, wherever it lives.
import { register } from 'node:module';

register(new URL('./loader-hooks.mjs', import.meta.url));
