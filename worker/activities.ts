// Every activity the worker registers, built from the runtime's resources.
import type pg from 'pg';
import { procedureRegistryActivities } from '../activities/procedure-registry.js';
import { closeActivities, createActivities, RecordsInputError, type RecordsConfig } from '../activities/index.js';
import { senateRecallActivities } from '../activities/senate-recall.js';
import { integrityActivities } from '../activities/integrity.js';
import { barActivities } from '../activities/bars.js';
import { sessionActivities } from '../activities/sessions.js';

export type ChannelsConfig = Pick<RecordsConfig, 'mail' | 'webhook' | 'outbox'>;

const closers = new WeakMap<object, () => Promise<void>>();

/**
 * PostgreSQL refusing the data itself (class 22: a NUL in a text, a value out of range; class 23:
 * a constraint) will refuse it on every retry: the activity fails for good, as bad input, and the
 * workflow records a refusal instead of retrying for ever. Connection and server errors retry.
 */
export function dataErrorsFinal<T extends Record<string, (input: never) => Promise<unknown>>>(acts: T): T {
  const wrapped: Record<string, (input: never) => Promise<unknown>> = {};
  for (const [name, fn] of Object.entries(acts)) {
    wrapped[name] = async (input: never) => {
      try {
        return await fn(input);
      } catch (e) {
        const code = (e as { code?: unknown }).code;
        if (typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code) && !(e instanceof RecordsInputError)) {
          throw new RecordsInputError(name, [{ path: '(data)', message: `PostgreSQL refused the data (${code}): ${(e as Error).message}` }]);
        }
        throw e;
      }
    };
  }
  return wrapped as T;
}

export function buildActivities(pool: pg.Pool, channels: ChannelsConfig & { auditors?: readonly string[] } = {}) {
  // runtime writes go through the restricted role: it can append to the ledger, never change it
  const records = createActivities({ pool, role: 'tartip_worker', ...channels });
  const integrity = integrityActivities({ pool, role: 'tartip_worker', ...(channels.mail ? { mail: channels.mail } : {}), ...(channels.auditors ? { auditors: channels.auditors } : {}) });
  const all = dataErrorsFinal({ ...procedureRegistryActivities(pool), ...records, ...senateRecallActivities({ pool, role: 'tartip_worker' }), ...barActivities({ pool, role: 'tartip_worker' }), ...sessionActivities({ pool, role: 'tartip_worker' }), ...integrity });
  closers.set(all, () => closeActivities(records));
  return all;
}
export type TartipActivities = ReturnType<typeof buildActivities>;

/** Closes the notification channels (SMTP pool) of a set built by buildActivities. */
export async function closeBuiltActivities(a: object): Promise<void> {
  await closers.get(a)?.();
}
