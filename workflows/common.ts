// What every procedure workflow shares: input validation that refuses with a typed failure,
// pinned edition/calendar resolution, and activity proxies with explicit retry policies.
import { ApplicationFailure } from '@temporalio/workflow';
import type { z } from 'zod';
import { officialCalendar, type Calendar } from '../statute/calendar/index.js';
import { getEdition } from '../statute/rules.js';
import type { Edition } from '../statute/editions/types.js';
import { StatuteError } from '../statute/errors.js';

/** Parses workflow input or an act; a bad one fails with type 'InvalidInput' naming each field. */
export function parseOrRefuse<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({ field: i.path.join('.') || '(root)', rule: i.code, message: i.message }));
  throw ApplicationFailure.create({
    type: 'InvalidInput',
    nonRetryable: true,
    message: `${what}: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`,
    details: issues,
  });
}

/** A StatuteError as a non-retryable failure that keeps its typed body. */
export function refusal(e: unknown): never {
  if (e instanceof StatuteError) {
    throw ApplicationFailure.create({ type: `Refused:${e.body.code}`, nonRetryable: true, message: e.message, details: [e.body] });
  }
  throw e;
}

export interface Pinned {
  edition: Edition;
  calendar: Calendar;
}

/** The edition and calendar a procedure started with; both refs are part of its input. */
export function pinned(editionId: string, calendarRef: string): Pinned {
  try {
    return { edition: getEdition(editionId), calendar: officialCalendar(calendarRef) };
  } catch (e) {
    return refusal(e);
  }
}

/** Milliseconds from workflow time to an ISO instant (never negative). */
export function msUntil(instant: string): number {
  return Math.max(0, Date.parse(instant) - Date.now());
}
