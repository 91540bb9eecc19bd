// The working-day calendar: answers, for any date, whether it is a working day, why not, from
// which source, and whether the answer is provisional. Built from calendar data (./schema.ts).
//
// How a day is decided, first match wins:
//   1. a dated entry on that date (a transfer's day off or working day, a movable holiday such as
//      Kurban Ait, or an overlay's addition; a later entry on the same date replaces an earlier one);
//   2. a fixed holiday rule in force that year;
//   3. a carry-over: a holiday with `carryOver` that falls on a weekend day makes the next day that
//      is neither a weekend day, a holiday nor already a carry-over a day off. Carry-overs are
//      worked out from weekends and holidays only, before transfers, because a transfer act moves
//      the day off that the carry-over produced (2020: Victory Day on Saturday 9 May → Monday 11 May,
//      moved by the transfer to Friday 8 May);
//   4. a weekend day;
//   otherwise a working day.
import { StatuteError } from '../errors.js';
import type { IsoDate } from '../types.js';
import {
  type DayNumber,
  dayToIso,
  dayToYmd,
  isoToDay,
  weekday,
  ymdToDay,
} from './dates.js';
import {
  type CalendarData,
  type DatedEntry,
  type HolidayRule,
  type Labels,
  type YearStatus,
  calendarDataSchema,
} from './schema.js';

export type DayReason = 'weekend' | 'holiday' | 'carry_over' | 'transfer';

export interface DayInfo {
  date: IsoDate;
  working: boolean;
  /**
   * For a non-working day: why. For a working day: 'transfer' when a weekend day is made a working
   * day by a transfer act (a working Saturday), otherwise absent.
   */
  reason?: DayReason;
  /** English label; `labels` has ru/kk where known. */
  label?: string;
  labels?: Labels;
  source?: string;
  /** whether this entry is known from a named act or announcement */
  confirmed?: boolean;
  /** for a transfer: the other day of the pair */
  pairedWith?: IsoDate;
  /** for a carry-over: the holiday that fell on the weekend */
  carriedFrom?: IsoDate;
  /** true when the day's year is not confirmed in this calendar */
  provisional: boolean;
}

export interface YearInfo {
  year: number;
  provisional: boolean;
  /** why the year is provisional (empty when it is not) */
  reasons: string[];
  note?: string;
}

export interface Calendar {
  readonly id: string;
  readonly version: string;
  /** `${id}@${version}`: what a procedure pins */
  readonly ref: string;
  readonly title?: string;
  readonly coverage: { from: number; to: number };
  /** for an overlay: the ref of the calendar it changes */
  readonly basedOn?: string;
  readonly data: CalendarData;
  dayInfo(date: IsoDate): DayInfo;
  isWorkingDay(date: IsoDate): boolean;
  yearInfo(year: number): YearInfo;
  /** Holidays, carry-overs and transferred days off of a year, in date order (ordinary weekends left out). */
  nonWorkingDays(year: number): DayInfo[];
  /** Weekend days of a year made working days by a transfer (or by an overlay). */
  workingWeekendDays(year: number): DayInfo[];
}

interface Special {
  reason: DayReason;
  working: boolean;
  labels: Labels;
  source: string;
  confirmed: boolean;
  pairedWith?: IsoDate;
  carriedFrom?: IsoDate;
}

interface HolidayHit {
  labels: Labels;
  source: string;
  confirmed: boolean;
  carryOver: boolean;
}

function ruleInForce(r: HolidayRule, year: number): boolean {
  return year >= r.validFrom && (r.validTo === undefined || year <= r.validTo);
}

/** Validates calendar data (throws StatuteError `invalid_calendar` naming the field) and builds a Calendar. */
export function calendarFromData(input: unknown, basedOn?: string): Calendar {
  const parsed = calendarDataSchema.safeParse(input);
  if (!parsed.success) throw zodToStatuteError(parsed.error.issues);
  return new DataCalendar(parsed.data, basedOn);
}

export function zodToStatuteError(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
): StatuteError {
  const issue = issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
  const message = issue?.message ?? 'invalid';
  return new StatuteError(
    { code: 'invalid_calendar', field, params: { message } },
    `calendar: ${field}: ${message}`,
  );
}

class DataCalendar implements Calendar {
  readonly id: string;
  readonly version: string;
  readonly ref: string;
  readonly title?: string;
  readonly coverage: { from: number; to: number };
  readonly basedOn?: string;
  readonly data: CalendarData;

  private readonly weekend: ReadonlySet<number>;
  private readonly dated = new Map<DayNumber, DatedEntry>();
  private readonly years = new Map<number, YearStatus>();
  // Per-instance memo of derived tables; derived deterministically from immutable data.
  private readonly holidayMemo = new Map<number, Map<DayNumber, HolidayHit>>();
  private readonly carryMemo = new Map<number, Map<DayNumber, Special>>();
  private readonly yearMemo = new Map<number, YearInfo>();

  constructor(data: CalendarData, basedOn?: string) {
    this.data = data;
    this.id = data.id;
    this.version = data.version;
    this.ref = `${data.id}@${data.version}`;
    if (data.title !== undefined) this.title = data.title;
    this.coverage = data.coverage;
    if (basedOn !== undefined) this.basedOn = basedOn;
    this.weekend = new Set(data.weekend);
    for (const e of data.dated) this.dated.set(isoToDay(e.date), e);
    for (const y of data.years) this.years.set(y.year, y);
  }

  /** Holidays (fixed rules in force and dated holidays) of one year. */
  private holidays(year: number): Map<DayNumber, HolidayHit> {
    let m = this.holidayMemo.get(year);
    if (m) return m;
    m = new Map();
    for (const r of this.data.rules) {
      if (!ruleInForce(r, year)) continue;
      const n = ymdToDay({ year, month: r.month, day: r.day });
      if (r.month === 2 && r.day === 29 && dayToYmd(n).month !== 2) continue; // no 29 February
      if (!m.has(n)) m.set(n, { labels: r.labels, source: r.source, confirmed: r.confirmed, carryOver: r.carryOver });
    }
    for (const [n, e] of this.dated) {
      if (e.kind === 'holiday' && dayToYmd(n).year === year) {
        m.set(n, { labels: e.labels, source: e.source, confirmed: e.confirmed, carryOver: e.carryOver ?? false });
      }
    }
    this.holidayMemo.set(year, m);
    return m;
  }

  private isHoliday(n: DayNumber): HolidayHit | undefined {
    return this.holidays(dayToYmd(n).year).get(n);
  }

  private isWeekend(n: DayNumber): boolean {
    return this.weekend.has(weekday(n));
  }

  /** Carry-over days produced by the holidays of one year (a target may fall early next year). */
  private carryOvers(year: number): Map<DayNumber, Special> {
    let m = this.carryMemo.get(year);
    if (m) return m;
    m = new Map();
    const hs = [...this.holidays(year).entries()].sort((a, b) => a[0] - b[0]);
    for (const [n, h] of hs) {
      if (!h.carryOver || !this.isWeekend(n)) continue;
      let t = n + 1;
      while (this.isWeekend(t) || this.isHoliday(t) || m.has(t)) t += 1;
      m.set(t, {
        reason: 'carry_over',
        working: false,
        labels: {
          en: `${h.labels.en} (day off carried over from ${dayToIso(n)})`,
          ...(h.labels.ru ? { ru: `${h.labels.ru} (перенос выходного с ${dayToIso(n)})` } : {}),
          ...(h.labels.kk ? { kk: `${h.labels.kk} (${dayToIso(n)} күнінен ауыстырылған демалыс)` } : {}),
        },
        source: this.data.carryOverSource,
        confirmed: h.confirmed,
        carriedFrom: dayToIso(n),
      });
    }
    this.carryMemo.set(year, m);
    return m;
  }

  private special(n: DayNumber): Special | undefined {
    const e = this.dated.get(n);
    if (e) {
      const working = e.kind === 'working_day';
      return {
        reason: e.kind === 'holiday' ? 'holiday' : 'transfer',
        working,
        labels: e.labels,
        source: e.source,
        confirmed: e.confirmed,
        ...(e.pairedWith ? { pairedWith: e.pairedWith } : {}),
      };
    }
    const h = this.isHoliday(n);
    if (h) return { reason: 'holiday', working: false, labels: h.labels, source: h.source, confirmed: h.confirmed };
    const year = dayToYmd(n).year;
    return this.carryOvers(year).get(n) ?? this.carryOvers(year - 1).get(n);
  }

  dayInfo(date: IsoDate): DayInfo {
    const n = isoToDay(date, 'date');
    const iso = dayToIso(n);
    const provisional = this.yearInfo(dayToYmd(n).year).provisional;
    const s = this.special(n);
    const weekend = this.isWeekend(n);
    if (s) return { date: iso, working: s.working, ...describe(s), provisional };
    if (weekend) {
      return {
        date: iso,
        working: false,
        reason: 'weekend',
        label: 'Weekend',
        labels: { en: 'Weekend', ru: 'Выходной день', kk: 'Демалыс күні' },
        provisional,
      };
    }
    return { date: iso, working: true, provisional };
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.dayInfo(date).working;
  }

  yearInfo(year: number): YearInfo {
    const memo = this.yearMemo.get(year);
    if (memo) return memo;
    const reasons: string[] = [];
    const status = this.years.get(year);
    if (year < this.coverage.from || year > this.coverage.to) {
      reasons.push(`${year} is outside the years this calendar covers (${this.coverage.from}–${this.coverage.to})`);
    } else if (!status) {
      reasons.push(`no status recorded for ${year}`);
    }
    if (status && !status.confirmed) reasons.push(`${year} not confirmed${status.note ? `: ${status.note}` : ''}`);
    for (const r of this.data.rules) {
      if (ruleInForce(r, year) && !r.confirmed) reasons.push(`unconfirmed holiday rule ${r.id} (${r.labels.en})`);
    }
    for (const [n, e] of this.dated) {
      if (!e.confirmed && dayToYmd(n).year === year) reasons.push(`unconfirmed entry ${e.date} (${e.labels.en})`);
    }
    const info: YearInfo = {
      year,
      provisional: reasons.length > 0,
      reasons,
      ...(status?.note ? { note: status.note } : {}),
    };
    this.yearMemo.set(year, info);
    return info;
  }

  private daysOf(year: number): DayInfo[] {
    const from = ymdToDay({ year, month: 1, day: 1 });
    const to = ymdToDay({ year, month: 12, day: 31 });
    const out: DayInfo[] = [];
    for (let n = from; n <= to; n++) out.push(this.dayInfo(dayToIso(n)));
    return out;
  }

  nonWorkingDays(year: number): DayInfo[] {
    return this.daysOf(year).filter((d) => !d.working && d.reason !== 'weekend');
  }

  workingWeekendDays(year: number): DayInfo[] {
    return this.daysOf(year).filter((d) => d.working && this.isWeekend(isoToDay(d.date)));
  }
}

function describe(s: Special): Omit<DayInfo, 'date' | 'working' | 'provisional'> {
  return {
    reason: s.reason,
    label: s.labels.en,
    labels: s.labels,
    source: s.source,
    confirmed: s.confirmed,
    ...(s.pairedWith ? { pairedWith: s.pairedWith } : {}),
    ...(s.carriedFrom ? { carriedFrom: s.carriedFrom } : {}),
  };
}
