// Date arithmetic on plain integer day numbers (days since 1970-01-01). Pure and deterministic:
// Date.UTC is only ever called with explicit arguments, never to read the clock.
import { StatuteError } from '../errors.js';
import type { IsoDate } from '../types.js';

/** Days since 1970-01-01 of a proleptic Gregorian date. */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface Ymd {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The parts of a valid `YYYY-MM-DD`, or undefined (2025-02-30, 2025-2-3, '' are all invalid). */
export function parseYmd(text: unknown): Ymd | undefined {
  if (typeof text !== 'string') return undefined;
  const m = ISO_RE.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function isIsoDate(text: unknown): text is IsoDate {
  return parseYmd(text) !== undefined;
}

/** Parses a date or throws StatuteError `invalid_date` naming the field. */
export function requireIsoDate(text: unknown, field: string): Ymd {
  const ymd = parseYmd(text);
  if (!ymd) {
    throw new StatuteError(
      { code: 'invalid_date', field, params: { value: String(text) } },
      `${field}: "${String(text)}" is not a valid date (YYYY-MM-DD)`,
    );
  }
  return ymd;
}

export function ymdToDay({ year, month, day }: Ymd): DayNumber {
  // Date.UTC maps years 0..99 to 1900..1999: parseYmd only admits years from 1000.
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function dayToYmd(n: DayNumber): Ymd {
  const d = new Date(n * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function ymdToIso({ year, month, day }: Ymd): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isoToDay(iso: IsoDate, field = 'date'): DayNumber {
  return ymdToDay(requireIsoDate(iso, field));
}

export function dayToIso(n: DayNumber): IsoDate {
  return ymdToIso(dayToYmd(n));
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(n: DayNumber): number {
  return (((n + 4) % 7) + 7) % 7;
}

/**
 * The date `months` months after `ymd`, on the same day of the month, or on the last day of the
 * month when that day does not exist there (31 January + 1 month → 28/29 February).
 */
export function addMonthsClamped(ymd: Ymd, months: number): { ymd: Ymd; clamped: boolean } {
  const index = ymd.year * 12 + (ymd.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = daysInMonth(year, month);
  return { ymd: { year, month, day: Math.min(ymd.day, last) }, clamped: ymd.day > last };
}

export function yearOf(n: DayNumber): number {
  return dayToYmd(n).year;
}
