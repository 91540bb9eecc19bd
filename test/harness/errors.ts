import { StatuteError } from '../../statute/errors.js';

/** Runs `fn` and returns the StatuteError it throws; fails the test if it throws nothing or something else. */
export function statuteError(fn: () => unknown): StatuteError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StatuteError) return e;
    throw e;
  }
  throw new Error('expected a StatuteError');
}
