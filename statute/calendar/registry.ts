// The official calendar's published versions, and user calendars parsed from JSON objects.
// Reading a file is the caller's business (the CLI); everything here is pure.
import { StatuteError } from '../errors.js';
import { type Calendar, calendarFromData, zodToStatuteError } from './calendar.js';
import { KZ_OFFICIAL_2026_11_22 } from './kz-official.js';
import { type CalendarDataInput, type DatedEntry, calendarFileSchema, CALENDAR_FORMAT } from './schema.js';

export const OFFICIAL_CALENDAR_ID = 'kz-official';

/** Every published version, never edited once published: a running procedure may have pinned it. */
const OFFICIAL_VERSIONS: Readonly<Record<string, CalendarDataInput>> = {
  '2026-11-22': KZ_OFFICIAL_2026_11_22,
};

export const LATEST_OFFICIAL_VERSION = '2026-11-22';

export function officialCalendarVersions(): string[] {
  return Object.keys(OFFICIAL_VERSIONS).sort();
}

/**
 * The official calendar: the newest version, or the one a procedure pinned
 * (`'kz-official'`, `'kz-official@2026-11-22'` or just the version `'2026-11-22'`).
 */
export function officialCalendar(ref?: string): Calendar {
  let version = LATEST_OFFICIAL_VERSION;
  if (ref !== undefined && ref !== OFFICIAL_CALENDAR_ID) {
    const m = /^(?:kz-official@)?(.+)$/.exec(ref);
    version = m?.[1] ?? ref;
  }
  const data = OFFICIAL_VERSIONS[version];
  if (!data) {
    throw new StatuteError(
      { code: 'unknown_calendar', field: 'calendar', params: { ref: String(ref), known: officialCalendarVersions().join(', ') } },
      `calendar: unknown official calendar "${String(ref)}" (known versions: ${officialCalendarVersions().join(', ')})`,
    );
  }
  return calendarFromData(data);
}

/**
 * A calendar from a parsed JSON object (docs/calendar-format.md): either a full calendar
 * (`"type": "calendar"`) or an overlay (`"type": "overlay"`) adding holidays, days off or working
 * days to an official calendar. Throws StatuteError `invalid_calendar` with the field at fault.
 */
export function calendarFromJson(obj: unknown): Calendar {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    throw new StatuteError({ code: 'invalid_calendar', field: '(root)' }, 'calendar: (root): expected a JSON object');
  }
  const format = (obj as { format?: unknown }).format;
  if (format !== CALENDAR_FORMAT) {
    throw new StatuteError(
      { code: 'invalid_calendar', field: 'format', params: { expected: CALENDAR_FORMAT } },
      `calendar: format: expected "${CALENDAR_FORMAT}"`,
    );
  }
  const parsed = calendarFileSchema.safeParse(obj);
  if (!parsed.success) throw zodToStatuteError(parsed.error.issues);
  const file = parsed.data;
  if (file.type === 'calendar') return calendarFromData(file);

  let base: Calendar;
  try {
    base = officialCalendar(file.base);
  } catch (e) {
    if (e instanceof StatuteError) {
      throw new StatuteError({ ...e.body, code: 'invalid_calendar', field: 'base' }, `calendar: base: ${e.message.replace(/^calendar: /, '')}`);
    }
    throw e;
  }
  const overlaySource = `overlay ${file.id}@${file.version}`;
  const added: DatedEntry[] = file.add.map((a, i) => {
    const labels = a.labels ?? (a.label ? { en: a.label } : undefined);
    if (!labels) {
      throw new StatuteError(
        { code: 'invalid_calendar', field: `add.${i}.label` },
        `calendar: add.${i}.label: give "label" or "labels"`,
      );
    }
    return {
      date: a.date,
      kind: a.kind,
      labels,
      source: a.source ?? overlaySource,
      confirmed: true,
      ...(a.kind === 'holiday' ? { carryOver: a.carryOver ?? false } : {}),
    };
  });
  const years = new Map(base.data.years.map((y) => [y.year, y] as const));
  for (const y of file.years ?? []) years.set(y.year, y);
  return calendarFromData(
    {
      ...base.data,
      id: file.id,
      version: file.version,
      title: file.title ?? `${base.title ?? base.ref} + ${overlaySource}`,
      dated: [...base.data.dated, ...added],
      years: [...years.values()].sort((a, b) => a.year - b.year),
    },
    base.ref,
  );
}
