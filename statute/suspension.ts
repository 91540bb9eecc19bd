// A statutory period stopped (a court's ruling, a norm) and resumed. Law 148 names no general
// rule; the engine applies the common one (interpretation `clock.suspension`): the days before the
// suspension count, the clock stands still from the day of suspension, and the remainder runs
// again from the day of resumption. Pure; an auditor reapplies it from the record.
//   calendar days, months, years, waiting periods: the end moves by the calendar days stood still
//     (a deadline that had moved off a non-working day moves off one again);
//   working days: the working days not yet run at the suspension are counted again from the day
//     of resumption.
import type { Calendar } from './calendar/index.js';
import { dayToIso, isoToDay } from './calendar/dates.js';
import type { DatedPeriod } from './deadlines.js';
import { endOfDayInstant, startOfDayInstant } from './time.js';
import type { IsoDate } from './types.js';

export interface Suspension {
  rule: string;
  /** the first day the clock stood still */
  suspendedFrom: IsoDate;
  /** the first day it ran again */
  resumedOn: IsoDate;
  /** calendar days the period stood still (from the later of suspension and the period's start) */
  days: number;
  /** working days of the period not yet run at the suspension (working-day periods) */
  remainingWorkingDays?: number;
  originalDate: IsoDate;
  date: IsoDate;
}

/** A period that has been moved; `suspensions` lists every move, in order, for the auditor. */
export type MovedPeriod = DatedPeriod & { suspensions?: Suspension[] };

export function suspendPeriod(period: MovedPeriod, suspendedFrom: IsoDate, resumedOn: IsoDate, calendar: Calendar): { period: MovedPeriod; suspension: Suspension } {
  const firstRunning = isoToDay(period.anchor) + 1;
  const from = Math.max(isoToDay(suspendedFrom), firstRunning);
  const resumed = isoToDay(resumedOn);
  const end = isoToDay(period.date);
  const days = Math.max(0, resumed - from);
  let day: number;
  let remainingWorkingDays: number | undefined;
  if (days === 0 || from > end) {
    day = end;
  } else if (period.unit === 'working_day') {
    let left = 0;
    for (let d = from; d <= end; d++) if (calendar.isWorkingDay(dayToIso(d))) left++;
    remainingWorkingDays = left;
    day = resumed - 1;
    for (let counted = 0; counted < left; ) if (calendar.isWorkingDay(dayToIso(++day))) counted++;
    if (left === 0) day = end;
  } else {
    day = end + days;
    const movedOffHoliday = period.kind === 'deadline' && period.date !== period.rawEnd;
    if (movedOffHoliday) while (!calendar.isWorkingDay(dayToIso(day))) day++;
  }
  const date = dayToIso(day);
  const t = period.kind === 'deadline' ? endOfDayInstant(date) : startOfDayInstant(day);
  const suspension: Suspension = { rule: period.rule, suspendedFrom, resumedOn, days, ...(remainingWorkingDays !== undefined ? { remainingWorkingDays } : {}), originalDate: period.date, date };
  return { period: { ...period, date, instant: t.instant, utcOffset: t.utcOffset, suspensions: [...(period.suspensions ?? []), suspension] }, suspension };
}

/** The recorded moves applied again to a freshly computed period (tartip audit verify). */
export function reapplySuspensions(fresh: DatedPeriod, recorded: readonly Suspension[] | undefined, calendar: Calendar): MovedPeriod {
  let p: MovedPeriod = fresh;
  for (const s of recorded ?? []) p = suspendPeriod(p, s.suspendedFrom, s.resumedOn, calendar).period;
  return p;
}
