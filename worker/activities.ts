// Every activity the worker registers, built from the runtime's resources.
import type pg from 'pg';
import { procedureRegistryActivities } from '../activities/procedure-registry.js';

export function buildActivities(pool: pg.Pool) {
  return {
    ...procedureRegistryActivities(pool),
  };
}
export type TartipActivities = ReturnType<typeof buildActivities>;
