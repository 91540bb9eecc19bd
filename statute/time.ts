// Kazakhstan's legal time, as needed to turn "the end of a day" into an instant.
//
// Since 00:00 on 1 March 2024 the whole country keeps UTC+5 (the Government's 2024 decision
// unifying the time zones; act number not verified here). Before that, regions differed:
//   UTC+5: Aktobe, Atyrau, Mangystau and West Kazakhstan regions; Kyzylorda region from
//          21 December 2018 (UTC+6 before);
//   UTC+6: everyone else, Astana, Almaty and Shymkent included; Kostanay region kept UTC+6 until
//          1 March 2024.
// These dates agree with the IANA time zone database (Asia/Qyzylorda, Asia/Qostanay, Asia/Almaty,
// Asia/Aqtobe, Asia/Atyrau, Asia/Aqtau, Asia/Oral). Summer time has not been used since 2005, and
// this module answers for dates from 2005 on.
//
// Default region: Astana, the capital, where the central state bodies sit. A procedure of a local
// body in a western region should pass its region for dates before 1 March 2024.
import { StatuteError } from './errors.js';
import type { IsoDate } from './types.js';
import { type DayNumber, isoToDay } from './calendar/dates.js';

export const REGIONS = [
  'astana',
  'almaty',
  'shymkent',
  'abai',
  'akmola',
  'aktobe',
  'almaty_region',
  'atyrau',
  'east_kazakhstan',
  'zhambyl',
  'zhetisu',
  'west_kazakhstan',
  'karaganda',
  'kostanay',
  'kyzylorda',
  'mangystau',
  'pavlodar',
  'north_kazakhstan',
  'turkistan',
  'ulytau',
] as const;

export type Region = (typeof REGIONS)[number];

export const DEFAULT_REGION: Region = 'astana';

const UNIFIED_FROM = isoToDay('2024-03-01');
const KYZYLORDA_WEST_FROM = isoToDay('2018-12-21');
const ALWAYS_WEST: ReadonlySet<Region> = new Set(['aktobe', 'atyrau', 'mangystau', 'west_kazakhstan']);

export function isRegion(value: unknown): value is Region {
  return typeof value === 'string' && (REGIONS as readonly string[]).includes(value);
}

export function requireRegion(value: unknown, field = 'region'): Region {
  if (value === undefined) return DEFAULT_REGION;
  if (!isRegion(value)) {
    throw new StatuteError(
      { code: 'invalid_region', field, params: { value: String(value), known: REGIONS.join(', ') } },
      `${field}: "${String(value)}" is not a known region (${REGIONS.join(', ')})`,
    );
  }
  return value;
}

/** Offset from UTC, in hours, of the legal time in force from the start of the given day. */
export function utcOffsetHours(day: DayNumber, region: Region = DEFAULT_REGION): number {
  if (day >= UNIFIED_FROM) return 5;
  if (ALWAYS_WEST.has(region)) return 5;
  if (region === 'kyzylorda' && day >= KYZYLORDA_WEST_FROM) return 5;
  return 6;
}

export function formatOffset(hours: number): string {
  const sign = hours < 0 ? '-' : '+';
  return `${sign}${String(Math.abs(hours)).padStart(2, '0')}:00`;
}

/**
 * The instant (ISO 8601, UTC) at which the given day begins in legal time: 00:00 local.
 * The end of day D (24:00) is the beginning of day D + 1, in the time in force at that moment
 * (on 29 February 2024 in Astana, 24:00 came at 00:00 UTC+5 of 1 March).
 */
export function startOfDayInstant(day: DayNumber, region: Region = DEFAULT_REGION): { instant: string; utcOffset: string } {
  const hours = utcOffsetHours(day, region);
  const ms = day * 86_400_000 - hours * 3_600_000;
  return { instant: new Date(ms).toISOString(), utcOffset: formatOffset(hours) };
}

export function endOfDayInstant(date: IsoDate, region: Region = DEFAULT_REGION): { instant: string; utcOffset: string } {
  return startOfDayInstant(isoToDay(date) + 1, region);
}
