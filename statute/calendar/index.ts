export type { Calendar, DayInfo, DayReason, YearInfo } from './calendar.js';
export { calendarFromData } from './calendar.js';
export {
  officialCalendar,
  calendarFromJson,
  officialCalendarVersions,
  OFFICIAL_CALENDAR_ID,
  LATEST_OFFICIAL_VERSION,
} from './registry.js';
export type { CalendarData, CalendarDataInput, CalendarOverlay, DatedEntry, HolidayRule, Labels, YearStatus } from './schema.js';
export { calendarFileSchema, calendarDataSchema, calendarOverlaySchema, CALENDAR_FORMAT } from './schema.js';
export {
  addMonthsClamped,
  dayToIso,
  isIsoDate,
  isoToDay,
  parseYmd,
  requireIsoDate,
  weekday,
  type DayNumber,
} from './dates.js';
