// A statutory period stopped and resumed: a court stays the procedure, or the law stops the clock.
// Pure; safe in workflow code.
//
// Civil Code style (period.suspension_resumes, statute/periods.ts): the days of the period before
// `suspendedFrom` count; `suspendedFrom` … `resumedOn` do not; the remainder runs from the day
// after `resumedOn` (default) or from `resumedOn` itself (resumption_day).
//   calendar_day, month, year: the last day moves by the calendar days suspended
//     (resumedOn − suspendedFrom + 1 by default), then the deadline rule of the original
//     derivation applies again (moved off a non-working day unless it recorded no_move).
//   working_day: the working days left are counted in working days from the first running day.
//   waiting periods: the first allowed day is the day after the new last day (never moved).
// A suspension must start inside the counted days of the period (after the anchor, on or before
// its last counted day `rawEnd`): one that starts later stops nothing (refused `too_late`).
import type { Calendar, DayInfo } from './calendar/calendar.js';
import { dayToIso, isoToDay, requireIsoDate, type DayNumber } from './calendar/dates.js';
import type { DatedPeriod } from './deadlines.js';
import { StatuteError } from './errors.js';
import { PERIOD_INTERPRETATIONS } from './periods.js';
import { endOfDayInstant, requireRegion, startOfDayInstant } from './time.js';
import type { InterpretationUse, IsoDate, SkippedDay } from './types.js';

export interface SuspensionDerivation {
  suspendedFrom: IsoDate;
  resumedOn: IsoDate;
  /** the first day the clock runs again */
  runsAgainFrom: IsoDate;
  /** calendar days the clock stood still (suspendedFrom … the day before runsAgainFrom) */
  daysSuspended: number;
  /** units of the period elapsed before the suspension: calendar days, or working days for a working-day period */
  elapsedBefore: number;
  /** working days still to run after the suspension (working-day periods only) */
  workingDaysRemaining?: number;
  originalRawEnd: IsoDate;
  originalDate: IsoDate;
  originalInstant: string;
  newRawEnd: IsoDate;
  newDate: IsoDate;
  interpretation: InterpretationUse;
}

export type SuspendedPeriod = DatedPeriod & { suspension: SuspensionDerivation };

function chosen(p: DatedPeriod, id: string, fallback: string): string {
  return p.interpretations.find((u) => u.id === id)?.chosen ?? fallback;
}

function skippedDay(info: DayInfo): SkippedDay {
  const s: SkippedDay = { date: info.date, reason: info.reason ?? 'holiday', label: info.labels?.ru ? `${info.labels.ru} / ${info.labels.en}` : (info.label ?? 'non-working day') };
  if (info.source !== undefined) s.source = info.source;
  if (info.labels) s.labels = info.labels;
  return s;
}

/**
 * `period` moved by the days its clock was stopped, with the derivation in `suspension`.
 * `recorded`: the procedure's option for period.suspension_resumes, if any.
 * Throws StatuteError: invalid_date, out_of_order (resumedOn before suspendedFrom), too_early
 * (suspension before the period started), too_late (after its last counted day),
 * unsupported_direction (a lead time), invalid_count (a day, not a period), invalid_calendar
 * (not the calendar the period was computed on).
 */
export function suspendPeriod(
  period: DatedPeriod,
  suspendedFrom: IsoDate,
  resumedOn: IsoDate,
  calendar: Calendar,
  recorded: readonly InterpretationUse[] = [],
): SuspendedPeriod {
  requireIsoDate(suspendedFrom, 'suspendedFrom');
  requireIsoDate(resumedOn, 'resumedOn');
  const citation = period.citations[0];
  const base = { rule: period.rule, ...(citation ? { citation } : {}) };
  if (period.direction === 'before') {
    throw new StatuteError(
      { code: 'unsupported_direction', field: 'period', ...base, params: { rule: period.rule } },
      `${period.rule} is a lead time counted back from ${period.anchor}; a suspension does not apply to it`,
    );
  }
  if (period.count < 1) {
    throw new StatuteError({ code: 'invalid_count', field: 'period.count', ...base, params: { field: 'period.count', value: period.count } }, `${period.rule}: a day, not a period, cannot be suspended`);
  }
  if (calendar.id !== period.calendarId || calendar.version !== period.calendarVersion) {
    throw new StatuteError(
      { code: 'invalid_calendar', field: 'calendar', ...base, params: { field: 'calendar' } },
      `calendar: the period was computed on ${period.calendarId}@${period.calendarVersion}, not ${calendar.id}@${calendar.version}`,
    );
  }
  const from = isoToDay(suspendedFrom);
  const resumed = isoToDay(resumedOn);
  if (resumed < from) {
    throw new StatuteError(
      { code: 'out_of_order', field: 'resumedOn', ...base, params: { value: resumedOn } },
      `resumedOn: ${resumedOn} is before suspendedFrom ${suspendedFrom}`,
    );
  }
  const anchor = isoToDay(period.anchor);
  const start: DayNumber = chosen(period, 'period.start_next_day', 'next_day') === 'same_day' ? anchor : anchor + 1;
  const rawEnd = isoToDay(period.rawEnd);
  if (from < start) {
    throw new StatuteError(
      { code: 'too_early', field: 'suspendedFrom', ...base, date: dayToIso(start), params: { value: suspendedFrom } },
      `suspendedFrom: ${suspendedFrom} is before the period ${period.rule} starts (${dayToIso(start)})`,
    );
  }
  if (from > rawEnd) {
    throw new StatuteError(
      { code: 'too_late', field: 'suspendedFrom', ...base, date: period.rawEnd, params: { value: suspendedFrom } },
      `suspendedFrom: ${suspendedFrom} is after the last counted day of ${period.rule} (${period.rawEnd}); nothing is left to suspend`,
    );
  }

  const I = PERIOD_INTERPRETATIONS.suspension;
  const option = recorded.find((u) => u.id === I.id)?.chosen ?? I.default;
  if (!(I.options as readonly string[]).includes(option)) {
    throw new StatuteError(
      { code: 'invalid_option', field: `interpretations.${I.id}`, params: { interpretation: I.id, option } },
      `interpretation ${I.id} has no option ${option}`,
    );
  }
  const runsAgain: DayNumber = option === 'resumption_day' ? resumed : resumed + 1;
  const daysSuspended = runsAgain - from;

  const provisional = new Set<number>(period.provisionalYears ?? []);
  const look = (n: DayNumber): DayInfo => {
    const info = calendar.dayInfo(dayToIso(n));
    if (info.provisional) provisional.add(Number(info.date.slice(0, 4)));
    return info;
  };
  // days skipped before the suspension stay in the record; new ones are added as counted
  const skipped: SkippedDay[] = period.skipped.filter((s) => isoToDay(s.date) < from);
  let newRawEnd: DayNumber;
  let elapsedBefore: number;
  let workingDaysRemaining: number | undefined;
  if (period.unit === 'working_day') {
    elapsedBefore = 0;
    for (let n = start; n < from; n++) if (look(n).working) elapsedBefore += 1;
    workingDaysRemaining = period.count - elapsedBefore;
    let n = runsAgain;
    for (let counted = 0; ; n++) {
      const info = look(n);
      if (info.working) {
        counted += 1;
        if (counted === workingDaysRemaining) break;
      } else {
        skipped.push(skippedDay(info));
      }
    }
    newRawEnd = n;
  } else {
    elapsedBefore = from - start;
    newRawEnd = rawEnd + daysSuspended;
  }

  let date: DayNumber;
  let instant: { instant: string; utcOffset: string };
  const region = requireRegion(period.region ?? 'astana');
  if (period.kind === 'deadline') {
    date = newRawEnd;
    if (chosen(period, 'period.deadline_non_working_day', 'next_working_day') === 'next_working_day') {
      for (;;) {
        const info = look(date);
        if (info.working) break;
        skipped.push(skippedDay(info));
        date += 1;
      }
    }
    instant = endOfDayInstant(dayToIso(date), region);
  } else {
    date = chosen(period, 'period.waiting_first_allowed_day', 'day_after_last_day') === 'day_after_last_day' ? newRawEnd + 1 : newRawEnd;
    instant = startOfDayInstant(date, region);
  }

  const use: InterpretationUse = { id: I.id, chosen: option };
  const suspension: SuspensionDerivation = {
    suspendedFrom,
    resumedOn,
    runsAgainFrom: dayToIso(runsAgain),
    daysSuspended,
    elapsedBefore,
    ...(workingDaysRemaining !== undefined ? { workingDaysRemaining } : {}),
    originalRawEnd: period.rawEnd,
    originalDate: period.date,
    originalInstant: period.instant,
    newRawEnd: dayToIso(newRawEnd),
    newDate: dayToIso(date),
    interpretation: use,
  };
  return {
    ...period,
    rawEnd: dayToIso(newRawEnd),
    date: dayToIso(date),
    instant: instant.instant,
    utcOffset: instant.utcOffset,
    skipped,
    provisional: provisional.size > 0,
    provisionalYears: [...provisional].sort((a, b) => a - b),
    interpretations: [...period.interpretations.filter((u) => u.id !== I.id), use],
    suspension,
  };
}

// ---- the engine's use: every open deadline of a procedure, each suspension in turn ------------

/** A period as it stands after every suspension of its clock, each listed for the auditor. */
export type MovedPeriod = DatedPeriod & { suspensions?: SuspensionDerivation[] };

/**
 * Applies one suspension of a procedure's clock to one of its open deadlines, or null when it
 * stops nothing of it (a lead time, a period whose counted days had all run, a suspension that
 * ended before the period began). A clock stopped before the period began stops it from its
 * first day; a period already moved runs on from where its last suspension left it.
 */
export function applySuspension(period: MovedPeriod, suspendedFrom: IsoDate, resumedOn: IsoDate, calendar: Calendar, recorded: readonly InterpretationUse[] = []): MovedPeriod | null {
  if (period.direction === 'before' || period.count < 1) return null;
  const last = period.suspensions?.at(-1);
  // after a suspension the period is, in effect, the remainder counted from the day it ran again
  const base: DatedPeriod = last
    ? {
        ...period,
        anchor: dayToIso(isoToDay(last.runsAgainFrom) - (chosen(period, 'period.start_next_day', 'next_day') === 'same_day' ? 0 : 1)),
        count: last.workingDaysRemaining ?? isoToDay(last.newRawEnd) - isoToDay(last.runsAgainFrom) + 1,
        unit: last.workingDaysRemaining !== undefined ? 'working_day' : 'calendar_day',
      }
    : period;
  const start = isoToDay(base.anchor) + (chosen(base, 'period.start_next_day', 'next_day') === 'same_day' ? 0 : 1);
  const from = Math.max(isoToDay(suspendedFrom), start);
  if (from > isoToDay(base.rawEnd) || from > isoToDay(resumedOn)) return null;
  const moved = suspendPeriod(base, dayToIso(from), resumedOn, calendar, recorded);
  const { suspension, ...rest } = moved;
  return { ...rest, anchor: period.anchor, count: period.count, unit: period.unit, suspensions: [...(period.suspensions ?? []), suspension] };
}

/** The recorded suspensions applied again to a freshly computed period (tartip audit verify). */
export function reapplySuspensions(fresh: DatedPeriod, recorded: readonly SuspensionDerivation[] | undefined, calendar: Calendar): MovedPeriod {
  let p: MovedPeriod = fresh;
  for (const s of recorded ?? []) p = applySuspension(p, s.suspendedFrom, s.resumedOn, calendar, [s.interpretation]) ?? p;
  return p;
}
