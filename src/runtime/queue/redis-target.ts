import { isAbsolute, resolve } from 'node:path';
import type { RedisOptions } from 'ioredis';
import { RedisTargetError } from './errors.ts';

/** Where a Redis listens: a TCP host and port, or a unix socket; `url` is how the lab names it in messages. */
export type RedisTarget =
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number; readonly db: number; readonly url: string }
  | { readonly kind: 'socket'; readonly path: string; readonly url: string };

const ACCEPTED = 'accepted: redis://HOST:PORT[/DB] or the path of a unix socket (e.g. /tmp/redis.sock)';
const DEFAULT_PORT = 6379;

/** Reads `--redis`: `redis://HOST[:PORT][/DB]` (TLS and passwords are not supported) or a socket path (absolute, or starting with ./). */
export function parseRedisTarget(raw: string): RedisTarget {
  const text = raw.trim();
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
  if (url.hostname === '') throw new RedisTargetError(`--redis "${raw}" names no host; ${ACCEPTED}`);
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') throw new RedisTargetError(`--redis "${raw}": credentials and options are not supported; ${ACCEPTED}`);
  const port = url.port === '' ? DEFAULT_PORT : Number(url.port);
  const dbText = url.pathname.replace(/^\//, '');
  const db = dbText === '' ? 0 : /^\d{1,2}$/.test(dbText) ? Number(dbText) : Number.NaN;
  if (!Number.isInteger(db)) throw new RedisTargetError(`--redis "${raw}": the database must be a number after the port, got "/${dbText}"; ${ACCEPTED}`);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return { kind: 'tcp', host, port, db, url: `redis://${url.host}${db === 0 ? '' : `/${db}`}` };
}

function socket(path: string, raw: string): RedisTarget {
  if (path === '') throw new RedisTargetError(`--redis "${raw}" names no socket; ${ACCEPTED}`);
  const absolute = resolve(path);
  return { kind: 'socket', path: absolute, url: absolute };
}

/** How ioredis reaches the target. */
export function connectionOptions(target: RedisTarget): RedisOptions {
  return target.kind === 'tcp' ? { host: target.host, port: target.port, db: target.db } : { path: target.path };
}

/** The form a worker on another machine is given: the URL, or the socket path. */
export function targetArgument(target: RedisTarget): string {
  return target.url;
}
