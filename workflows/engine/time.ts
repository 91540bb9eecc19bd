// Legal time of acts: Kazakhstan's legal date of an instant (statute/time.ts gives the offset).
import { dayToIso } from '../../statute/calendar/dates.js';
import { utcOffsetHours } from '../../statute/time.js';
import type { IsoDate } from '../../statute/types.js';

/** Legal date (Astana time; regional offsets before 01.03.2024 as statute/time.ts says) of an epoch instant. */
export function legalDateOf(ms: number): IsoDate {
  const guess = Math.floor((ms + 5 * 3_600_000) / 86_400_000);
  return dayToIso(Math.floor((ms + utcOffsetHours(guess) * 3_600_000) / 86_400_000));
}

/** How far in the future an act may be dated (clocks of people and servers differ). */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;
