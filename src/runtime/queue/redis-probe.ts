import { Redis } from 'ioredis';
import { RedisTargetError } from './errors.ts';
import { withTimeout } from '../with-timeout.ts';
import { DEFAULT_DATABASES, type RedisTarget } from './redis-target.ts';

/** How long the first contact may take in all: a Redis that does not answer by then is not one to run on. */
export const PROBE_TIMEOUT_MS = 3000;

/** The key the probe writes (expiring within a second) to learn that the lab may write there. */
const PROBE_KEY = 'lab:probe';

/** What the lab's own commands accept when nothing answers at `--redis`. */
export const LAB_REDIS_REMEDY = 'give the URL or socket of a running Redis, or leave --redis out to let the lab start its own';
/** What `worker` accepts: it serves a lab run through that run's Redis, so it cannot start one of its own. */
export const WORKER_REDIS_REMEDY = "give the URL or socket of the running Redis that the lab's distributed run was given with --redis";

/**
 * Checks, before anything starts, that a Redis answers at `target` and takes its credentials and
 * database, or throws a `RedisTargetError` (exit code 2) saying which of these failed and what to
 * give instead. `whenNothingAnswers` ends the line when nothing answers: what this command accepts.
 */
export async function checkReachable(target: RedisTarget, whenNothingAnswers: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<void> {
  // Connected as nobody, in RESP2, to database 0, each step sent by hand: a refusal can then be told
  // apart by step, and ioredis never prints one of its own warnings (it does, about a needless password).
  const probe = new Redis({
    ...(target.kind === 'tcp' ? { host: target.host, port: target.port } : { path: target.path }),
    protocol: 2,
    lazyConnect: true,
    enableReadyCheck: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: timeoutMs,
  });
  let lastError: unknown;
  probe.on('error', (error: unknown) => (lastError = error));
  const refuse = (what: string): RedisTargetError => new RedisTargetError(`--redis ${target.url}: ${what}`);
  const nobodyThere = (error: unknown): RedisTargetError => refuse(`no Redis answered there (${messageOf(lastError ?? error)}); ${whenNothingAnswers}`);
  try {
    await withTimeout(
      (async () => {
        await probe.connect().catch((error: unknown) => {
          throw nobodyThere(error);
        });
        if (target.kind === 'tcp' && target.credentials !== undefined) {
          const { username, password } = target.credentials;
          await (username === undefined ? probe.auth(password) : probe.auth(username, password)).catch((error: unknown) => {
            throw refuse(authRefusal(messageOf(error)));
          });
        }
        await probe.ping().catch((error: unknown) => {
          const message = messageOf(error);
          if (!message.startsWith('NOAUTH')) throw nobodyThere(error);
          throw refuse(
            target.kind === 'tcp'
              ? 'this Redis requires a password (NOAUTH): give it in the URL, redis://:PASSWORD@HOST:PORT, or redis://USER:PASSWORD@HOST:PORT for a user of its ACL'
              : 'this Redis requires a password (NOAUTH), which a socket path cannot carry: give its TCP address with the password, redis://:PASSWORD@HOST:PORT',
          );
        });
        if (target.kind === 'tcp' && target.db !== 0) {
          await probe.select(target.db).catch(async (error: unknown) => {
            throw refuse(`database ${target.db} is out of this Redis's range (${messageOf(error)}): ${await databaseRange(probe)}`);
          });
        }
        // The lab writes its queue there: a read-only replica, a user without write rights or a full Redis is found now, not mid-setup.
        await probe.set(PROBE_KEY, '1', 'PX', 1000).catch((error: unknown) => {
          throw refuse(`this Redis refused a write (${messageOf(error)}); the lab writes its queue there: give a primary Redis, and a user allowed to write`);
        });
      })(),
      timeoutMs,
    );
  } catch (error) {
    throw error instanceof RedisTargetError ? error : nobodyThere(error);
  } finally {
    probe.disconnect();
  }
}

function authRefusal(message: string): string {
  if (/no password is set|without any password configured/i.test(message)) return `this Redis asks for no password, and refused the one in the URL (${message}): leave it out, redis://HOST:PORT`;
  if (message.startsWith('WRONGPASS') || /invalid (username-)?password/i.test(message)) return `this Redis refused the user name or password in the URL (${message})`;
  return `signing in with the URL's credentials failed (${message})`;
}

/** The databases this Redis has, as a sentence, from its `databases` setting where it shows it. */
async function databaseRange(probe: Redis): Promise<string> {
  const reply = (await probe.config('GET', 'databases').catch(() => [])) as string[];
  const count = Number(reply[1]);
  if (Number.isInteger(count) && count > 0) return `it has ${count} database${count === 1 ? '' : 's'}, numbered 0 to ${count - 1}`;
  return `a Redis has ${DEFAULT_DATABASES} (0 to ${DEFAULT_DATABASES - 1}) unless its "databases" setting gives more`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
