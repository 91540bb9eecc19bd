// What `tartip calendar` and `tartip deadline` share: the calendar a command line names, and the
// words for weekdays and the reasons a day is not a working day, in kk/ru/en.
import { StatuteError } from '../statute/errors.js';
import { type Calendar, calendarFromJson, officialCalendar } from '../statute/calendar/index.js';
import { type Lang, UsageError, readJsonInput } from './cli-kit.js';

export const calendarFileOption = '--calendar <FILE>';
export const CALENDAR_FILE_HELP = 'a calendar or an overlay on the official one (JSON, docs/calendar-format.md; - for standard input)';

/** The official calendar, or the user's file or `-` (a full calendar or an overlay; docs/calendar-format.md). */
export async function loadCalendar(file: string | undefined): Promise<Calendar> {
  if (file === undefined) return officialCalendar();
  const obj = await readJsonInput(file, '--calendar');
  try {
    return calendarFromJson(obj);
  } catch (e) {
    if (e instanceof StatuteError) throw new UsageError(`--calendar: "${file}": ${e.message.replace(/^calendar: /, '')}`);
    throw e;
  }
}

const WEEKDAYS: Record<Lang, string[]> = {
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  ru: ['вс', 'пн', 'вт', 'ср', 'чт', 'пт', 'сб'],
  kk: ['жс', 'дс', 'сс', 'ср', 'бс', 'жм', 'сн'],
};

export function weekdayName(date: string, lang: Lang): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return WEEKDAYS[lang][new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
}

export const REASONS: Record<Lang, Record<string, string>> = {
  en: { weekend: 'weekend', holiday: 'holiday', carry_over: 'carry-over', transfer: 'transfer' },
  ru: { weekend: 'выходной', holiday: 'праздник', carry_over: 'перенос с выходного', transfer: 'перенос (акт)' },
  kk: { weekend: 'демалыс', holiday: 'мереке', carry_over: 'ауыстырылған демалыс', transfer: 'ауыстыру (акт)' },
};

export function labelIn(labels: { en: string; ru?: string; kk?: string } | undefined, lang: Lang, fallback = ''): string {
  if (!labels) return fallback;
  return (lang === 'kk' ? labels.kk ?? labels.ru : lang === 'ru' ? labels.ru : undefined) ?? labels.en;
}
