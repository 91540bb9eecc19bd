// The calendar data format (docs/calendar-format.md), declared once as zod schemas. The official
// calendar is written in this format and checked against it by the tests; user files (a full
// calendar or an overlay on the official one) are parsed with it.
import { z } from 'zod';
import { daysInMonth, isIsoDate } from './dates.js';

export const CALENDAR_FORMAT = 'tartip-calendar/1' as const;

const isoDate = z.string().refine(isIsoDate, { message: 'not a valid date (YYYY-MM-DD)' });
const year = z.number().int().min(1900).max(2999);
const text = z.string().trim().min(1);

export const labelsSchema = z.strictObject({
  en: text,
  ru: text.optional(),
  kk: text.optional(),
});

/** A holiday on a fixed day of the year, in force for the years validFrom..validTo (inclusive). */
export const holidayRuleSchema = z
  .strictObject({
    id: text,
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    validFrom: year,
    validTo: year.optional(),
    labels: labelsSchema,
    /** true: when it falls on a weekend day, the next working day is a day off (carry-over). */
    carryOver: z.boolean(),
    /** a religious holiday (informational; religious holidays are not carried over). */
    religious: z.boolean().optional(),
    source: text,
    confirmed: z.boolean(),
  })
  .refine((r) => r.day <= daysInMonth(2000, r.month), { message: 'no such day in that month', path: ['day'] })
  .refine((r) => r.validTo === undefined || r.validTo >= r.validFrom, {
    message: 'must not be before validFrom',
    path: ['validTo'],
  });

/**
 * A dated entry: a movable holiday (Kurban Ait), a day off by transfer, or a working day by
 * transfer (a working Saturday).
 */
export const datedEntrySchema = z.strictObject({
  date: isoDate,
  kind: z.enum(['holiday', 'day_off', 'working_day']),
  labels: labelsSchema,
  source: text,
  confirmed: z.boolean(),
  /** holidays only: carried over to the next working day when on a weekend (default false). */
  carryOver: z.boolean().optional(),
  /** for a transfer, the other day of the pair (the working Saturday, or the day off). */
  pairedWith: isoDate.optional(),
});

export const yearStatusSchema = z.strictObject({
  year,
  /** true only when the year's transfers and movable holidays are known from the acts. */
  confirmed: z.boolean(),
  note: z.string().optional(),
});

const calendarId = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, { message: 'lowercase letters, digits, . _ - only' });

export const calendarDataSchema = z
  .strictObject({
    format: z.literal(CALENDAR_FORMAT),
    type: z.literal('calendar'),
    id: calendarId,
    version: text,
    title: z.string().optional(),
    /** weekday numbers of the weekly rest days, 0 = Sunday … 6 = Saturday */
    weekend: z.array(z.number().int().min(0).max(6)).max(6).default([6, 0]),
    /** years the data is meant to answer; any other year is provisional */
    coverage: z.strictObject({ from: year, to: year }),
    /** where the carry-over rule comes from */
    carryOverSource: text,
    rules: z.array(holidayRuleSchema),
    dated: z.array(datedEntrySchema),
    years: z.array(yearStatusSchema),
  })
  .refine((c) => c.coverage.to >= c.coverage.from, { message: 'must not be before coverage.from', path: ['coverage', 'to'] });

export const overlayEntrySchema = z.strictObject({
  date: isoDate,
  kind: z.enum(['holiday', 'day_off', 'working_day']),
  label: text.optional(),
  labels: labelsSchema.optional(),
  source: text.optional(),
  carryOver: z.boolean().optional(),
});

export const calendarOverlaySchema = z.strictObject({
  format: z.literal(CALENDAR_FORMAT),
  type: z.literal('overlay'),
  /** the calendar it changes: "kz-official" (newest version) or a pinned "kz-official@<version>" */
  base: text,
  id: calendarId,
  version: text,
  title: z.string().optional(),
  add: z.array(overlayEntrySchema),
  /** optional: declare years confirmed or provisional in this what-if */
  years: z.array(yearStatusSchema).optional(),
});

export const calendarFileSchema = z.discriminatedUnion('type', [calendarDataSchema, calendarOverlaySchema]);

export type Labels = z.infer<typeof labelsSchema>;
export type HolidayRule = z.infer<typeof holidayRuleSchema>;
export type DatedEntry = z.infer<typeof datedEntrySchema>;
export type YearStatus = z.infer<typeof yearStatusSchema>;
export type CalendarData = z.output<typeof calendarDataSchema>;
/** What a data module may write (weekend may be left out). */
export type CalendarDataInput = z.input<typeof calendarDataSchema>;
export type CalendarOverlay = z.infer<typeof calendarOverlaySchema>;
export type OverlayEntry = z.infer<typeof overlayEntrySchema>;
