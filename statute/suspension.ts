// A statutory period stopped by a court or the law and resumed: the time before the suspension
// counts, the remainder runs after it. Pure. (First version; see test/statute/suspension.test.ts.)
import type { Calendar } from './calendar/index.js';
import { dayToIso, isoToDay } from './calendar/dates.js';
import type { DatedPeriod } from './deadlines.js';
import { endOfDayInstant, startOfDayInstant } from './time.js';
import type { IsoDate } from './types.js';

export interface Suspension {
  rule: string;
  suspendedFrom: IsoDate;
  resumedOn: IsoDate;
  /** calendar days the clock stood still: suspendedFrom inclusive to resumedOn exclusive */
  days: number;
  originalDate: IsoDate;
  date: IsoDate;
}

/** The period moved by the days suspended; for working days the end moves to the next working day. */
export function suspendPeriod(period: DatedPeriod, suspendedFrom: IsoDate, resumedOn: IsoDate, calendar: Calendar): { period: DatedPeriod; suspension: Suspension } {
  const days = Math.max(0, isoToDay(resumedOn) - isoToDay(suspendedFrom));
  let day = isoToDay(period.date) + days;
  if (period.unit === 'working_day') while (!calendar.isWorkingDay(dayToIso(day))) day++;
  const date = dayToIso(day);
  const instant = period.kind === 'deadline' ? endOfDayInstant(date) : startOfDayInstant(isoToDay(date));
  return {
    period: { ...period, date, instant: instant.instant, utcOffset: instant.utcOffset },
    suspension: { rule: period.rule, suspendedFrom, resumedOn, days, originalDate: period.date, date },
  };
}
