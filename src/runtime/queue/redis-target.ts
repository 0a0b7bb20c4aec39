import { isAbsolute, resolve } from 'node:path';
import type { RedisOptions } from 'ioredis';
import { RedisTargetError } from './errors.ts';

/** The user name and password a Redis asks for (`redis://[USER]:PASSWORD@HOST`); never printed, never on a command line. */
export interface RedisCredentials {
  readonly username?: string;
  readonly password: string;
}

/** Where a Redis listens: a TCP host and port, or a unix socket; `url` is how the lab names it in messages (without credentials). */
export type RedisTarget =
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number; readonly db: number; readonly url: string; readonly credentials?: RedisCredentials }
  | { readonly kind: 'socket'; readonly path: string; readonly url: string };

const ACCEPTED = 'accepted: redis://[[USER]:PASSWORD@]HOST:PORT[/DB] or the path of a unix socket (e.g. /tmp/redis.sock)';
const DEFAULT_PORT = 6379;
/** Redis numbers its databases from 0; it has 16 unless its `databases` setting says otherwise, which only the server can tell. */
export const DEFAULT_DATABASES = 16;
const DATABASE_RANGE = `a whole number from 0 to ${DEFAULT_DATABASES - 1} (Redis has ${DEFAULT_DATABASES} databases unless its "databases" setting gives more)`;
/** The largest database index Redis can have (its `databases` setting is a C int). */
const MAX_DATABASE = 2 ** 31 - 2;

/** Reads `--redis`: `redis://[[USER]:PASSWORD@]HOST[:PORT][/DB]` (no TLS, no options) or a socket path (absolute, or starting with ./). */
export function parseRedisTarget(given: string): RedisTarget {
  const text = given.trim();
  // Messages echo what was given, but never a password in it.
  const raw = given.replace(/\/\/[^/@]*@/, '//...@');
  if (text === '') throw new RedisTargetError(`--redis needs a value; ${ACCEPTED}`);
  if (text.startsWith('unix://')) return socket(text.slice('unix://'.length), raw);
  if (isAbsolute(text) || text.startsWith('./') || text.startsWith('../../')) return socket(text, raw);
  if (!text.startsWith('redis://')) throw new RedisTargetError(`--redis "${raw}" is neither a redis:// URL nor a socket path; ${ACCEPTED}`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new RedisTargetError(`--redis "${raw}" is not a valid URL; ${ACCEPTED}`);
  }
  // From here on, messages name the URL without its credentials.
  const shown = `redis://${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  if (url.hostname === '') throw new RedisTargetError(`--redis "${shown}" names no host; ${ACCEPTED}`);
  if (url.search !== '' || url.hash !== '') throw new RedisTargetError(`--redis "${shown}": options (?... or #...) are not supported; ${ACCEPTED}`);
  if (url.username !== '' && url.password === '') throw new RedisTargetError(`--redis "${shown}": a user name needs its password (redis://USER:PASSWORD@HOST); ${ACCEPTED}`);
  const port = url.port === '' ? DEFAULT_PORT : Number(url.port);
  const dbText = url.pathname.replace(/^\//, '');
  const db = dbText === '' ? 0 : /^\d{1,10}$/.test(dbText) && Number(dbText) <= MAX_DATABASE ? Number(dbText) : Number.NaN;
  if (!Number.isInteger(db)) throw new RedisTargetError(`--redis "${shown}": the database after the port must be ${DATABASE_RANGE}, got "/${dbText}"; ${ACCEPTED}`);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const credentials: RedisCredentials | undefined =
    url.password === '' ? undefined : { password: decodeURIComponent(url.password), ...(url.username !== '' && { username: decodeURIComponent(url.username) }) };
  return { kind: 'tcp', host, port, db, url: `redis://${url.host}${db === 0 ? '' : `/${db}`}`, ...(credentials !== undefined && { credentials }) };
}

function socket(path: string, raw: string): RedisTarget {
  if (path === '') throw new RedisTargetError(`--redis "${raw}" names no socket; ${ACCEPTED}`);
  const absolute = resolve(path);
  return { kind: 'socket', path: absolute, url: absolute };
}

/** How ioredis reaches the target, signing in with its credentials if it has any. */
export function connectionOptions(target: RedisTarget): RedisOptions {
  if (target.kind === 'socket') return { path: target.path };
  return { host: target.host, port: target.port, db: target.db, ...target.credentials };
}

/** The target without its credentials, and them apart: a child process gets the first on its command line (which `ps` shows every user) and the second in its environment. */
export function splitCredentials(target: RedisTarget): { readonly target: RedisTarget; readonly credentials?: RedisCredentials } {
  if (target.kind === 'socket' || target.credentials === undefined) return { target };
  const { credentials, ...rest } = target;
  return { target: rest, credentials };
}

/** The target with `credentials` put back (see `splitCredentials`). */
export function withCredentials(target: RedisTarget, credentials: RedisCredentials | undefined): RedisTarget {
  return target.kind === 'tcp' && credentials !== undefined ? { ...target, credentials } : target;
}
