// Every activity the worker registers, built from the runtime's resources.
import type pg from 'pg';
import { procedureRegistryActivities } from '../activities/procedure-registry.js';
import { closeActivities, createActivities, type RecordsConfig } from '../activities/index.js';
import { senateRecallActivities } from '../activities/senate-recall.js';

export type ChannelsConfig = Pick<RecordsConfig, 'mail' | 'webhook'>;

const closers = new WeakMap<object, () => Promise<void>>();

export function buildActivities(pool: pg.Pool, channels: ChannelsConfig = {}) {
  // runtime writes go through the restricted role: it can append to the ledger, never change it
  const records = createActivities({ pool, role: 'tartip_worker', ...channels });
  const all = { ...procedureRegistryActivities(pool), ...records, ...senateRecallActivities({ pool, role: 'tartip_worker' }) };
  closers.set(all, () => closeActivities(records));
  return all;
}
export type TartipActivities = ReturnType<typeof buildActivities>;

/** Closes the notification channels (SMTP pool) of a set built by buildActivities. */
export async function closeBuiltActivities(a: object): Promise<void> {
  await closers.get(a)?.();
}
