// The pins a client fills before starting a procedure: the edition of Law 148 in force today and
// the newest official calendar. The running procedure keeps both for its whole life.
import { editionInForce } from '../statute/rules.js';
import { officialCalendar } from '../statute/calendar/index.js';
import type { IsoDate } from '../statute/types.js';

/** Today's date in Kazakhstan's legal time (UTC+5 since 01.03.2024). */
export function legalToday(now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now) as IsoDate;
}

export interface Pins {
  editionId: string;
  calendarRef: string;
}

/** The pins for a procedure started on `date`. Throws StatuteError when no edition is in force. */
export function currentPins(date: IsoDate = legalToday()): Pins {
  return { editionId: editionInForce(date).id, calendarRef: officialCalendar().ref };
}

/**
 * Fills `editionId` and `calendarRef` of a start input where absent; given values are kept
 * (the workflow refuses unknown ones). Non-objects are returned as they are, for the schema to refuse.
 */
export function withPins<T>(input: T, date?: IsoDate): T {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return input;
  const o = input as Record<string, unknown>;
  if (o.editionId !== undefined && o.calendarRef !== undefined) return input;
  const p = currentPins(date);
  return { ...o, editionId: o.editionId ?? p.editionId, calendarRef: o.calendarRef ?? p.calendarRef } as T;
}
