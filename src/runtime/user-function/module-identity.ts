import { createHash } from 'node:crypto';
import { isAbsolute, relative, sep } from 'node:path';

/** What a `try` result is filed and compared under. */
export interface ModuleIdentity {
  /** The module's path relative to the project root (the current directory), or the `--name` given. */
  readonly identity: string;
  /** The experiment name, and so the results folder: `try-` and a readable form of the identity, made unique by a hash of it. */
  readonly experiment: string;
  /** A hash of the module file's bytes (not of what it imports): the same identity with another hash is the module changed. */
  readonly moduleHash: string;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * The identity of the module at `file` (absolute) holding `source`: `d1/fn.mjs` and `d2/fn.mjs`, or
 * `ä.mjs` and `ö.mjs`, are different experiments. The readable part keeps letters of any script and
 * digits; whatever it drops or folds (case, punctuation) the hash of the whole identity keeps apart.
 * A `name` made only of lower-case ASCII letters, digits and dashes is used as it is.
 */
export function moduleIdentity(file: string, source: string, name: string | undefined, root: string = process.cwd()): ModuleIdentity {
  const moduleHash = sha256(source).slice(0, 16);
  if (name !== undefined && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name)) return { identity: name, experiment: `try-${name}`, moduleHash };
  const path = relative(root, file);
  const identity = (name ?? (isAbsolute(path) ? file : path).split(sep).join('/')).normalize('NFC');
  const readable = identity.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60) || 'module';
  return { identity, experiment: `try-${readable}-${sha256(identity).slice(0, 8)}`, moduleHash };
}
