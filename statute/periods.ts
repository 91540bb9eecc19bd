// ONE function computes every statutory period: computePeriod(). Law 148 says nothing about how
// a period is counted (catalogue T-9), so each rule used here is a named interpretation with the
// Civil Code of the Republic of Kazakhstan (General Part, 27.12.1994), chapter «Исчисление
// сроков», as its rationale. The Civil Code is not among shared/sources/, so it appears as
// rationale text, not as a Citation; its article numbers are from memory and marked so: each
// interpretation carries them in `external` with `verified: false` (shown by `tartip rules`).
//
// Semantics, with the example 17 March 2025 + 6 months:
//   counting starts the day after the anchor (period.start_next_day): the period runs
//   18.03.2025 – 17.09.2025, its last day (`rawEnd`) is 17 September.
//   kind 'deadline' ("в течение", "не позднее"): `date` is the last day on which the act may be
//     done, 17.09.2025, moved to the next working day when it is not a working day
//     (period.deadline_non_working_day); it ends at 24:00 legal time of `date`.
//   kind 'waiting' ("по истечении шести месяцев"): `date` is the first day on which the act is
//     allowed, the day after the last day: 18.09.2025 (period.waiting_first_allowed_day). It never
//     moves, even onto a working day: the non-working-day rule protects someone who must act by a
//     time limit, and a waiting period limits no one. `instant` is 00:00 legal time of `date`.
//   units: calendar_day counts every day; working_day counts only working days of the calendar
//     (the first counted day is the first working day after the anchor); month/year end on the
//     same date of the last month (period.month_end: 31 January + 1 month → 28/29 February).
//
// Lead times, `direction: 'before'` ("не позднее чем за десять дней до сессии", 10(3); "не позднее
// чем за десять календарных дней до дня их проведения", 39-3(8)), counted back from the anchor (the
// event), with the example of a session on Saturday 22 March 2025, 10 calendar days:
//   the event day is not counted; the day before it is day 1 (21.03), the 10th day back is 12.03
//   (period.days_before = e_minus_n; n_clear_days leaves 10 whole days in between: 11.03). `rawEnd`
//   and `date` are that day. kind 'deadline': the last day the act is in time ("не позднее"),
//   until 24:00 of `date`; an act on 13.03 is late. kind 'waiting' ("начинается за N дней до"):
//   the first day the act is allowed, from 00:00 of `date`. working_day counts only working days
//   back, listing the days skipped; month/year go back to the same date (period.month_end when
//   there is none). The day never moves forward (that would shorten the lead time); by
//   period.before_non_working_day it stays (default) or moves back to the previous working day.
import { StatuteError } from './errors.js';
import type {
  Citation,
  Interpretation,
  InterpretationUse,
  IsoDate,
  PeriodDerivation,
  PeriodKind,
  PeriodUnit,
  SkippedDay,
} from './types.js';
import type { Calendar, DayInfo } from './calendar/calendar.js';
import { addMonthsClamped, type DayNumber, dayToIso, dayToYmd, requireIsoDate, ymdToDay } from './calendar/dates.js';
import { type Region, endOfDayInstant, requireRegion, startOfDayInstant } from './time.js';
import { BEFORE_NON_WORKING_DAY, DAYS_BEFORE, civilCodeReference } from './interpretations.js';

const CIVIL_CODE = 'Гражданский кодекс РК (Общая часть) от 27.12.1994, гл. «Исчисление сроков»';

export const PERIOD_INTERPRETATIONS = {
  startNextDay: {
    id: 'period.start_next_day',
    question: 'T-9: does a period counted from an event ("со дня") start on the day of the event or on the day after?',
    options: ['next_day', 'same_day'],
    default: 'next_day',
    rationale: `Law 148 is silent. ${CIVIL_CODE}, ст. 170 (номер по памяти, не сверен): «Течение срока, определенного периодом времени, начинается на следующий день после календарной даты или наступления события, которыми определено его начало.» Counting from the next day never shortens a period. Same question as 'period.anchor_day' (statute/interpretations.ts); either id is accepted.`,
    external: [civilCodeReference('170', 'начало течения срока')],
  },
  monthEnd: {
    id: 'period.month_end',
    question: 'A period in months or years whose last month has no such date (31 January + 1 month): on which day does it end?',
    options: ['last_day_of_month', 'first_day_of_next_month'],
    default: 'last_day_of_month',
    rationale: `${CIVIL_CODE}, ст. 171 (номер по памяти, не сверен): «Срок, исчисляемый месяцами, истекает в соответствующее число последнего месяца срока. Если окончание срока, исчисляемого месяцами, приходится на такой месяц, в котором нет соответствующего числа, то срок истекает в последний день этого месяца.» Applied to years by analogy (29 February + 1 year → 28 February).`,
    external: [civilCodeReference('171', 'окончание срока, исчисляемого месяцами')],
  },
  deadlineNonWorkingDay: {
    id: 'period.deadline_non_working_day',
    question: 'T-9: a deadline whose last day is not a working day — does it move to the next working day?',
    options: ['next_working_day', 'no_move'],
    default: 'next_working_day',
    rationale: `Law 148 is silent. ${CIVIL_CODE}, ст. 172 (номер по памяти, не сверен): «Если последний день срока приходится на нерабочий день, днем окончания срока считается ближайший следующий за ним рабочий день.»`,
    external: [civilCodeReference('172', 'окончание срока в нерабочий день')],
  },
  waitingFirstAllowedDay: {
    id: 'period.waiting_first_allowed_day',
    question: 'An act allowed "по истечении" (after the expiry of) a period: is the first allowed day the day after the period\'s last day, or the last day itself?',
    options: ['day_after_last_day', 'last_day'],
    default: 'day_after_last_day',
    rationale: `A period expires at 24:00 of its last day (${CIVIL_CODE}, ст. 173, номер по памяти: действие может быть совершено до двадцати четырех часов последнего дня срока), so "по истечении" it is the next day. The date does not move off a non-working day: that rule serves someone who must act within a time limit, and a waiting period sets none. E.g. 6 months from 17.03.2025: the period runs 18.03–17.09, the act is allowed from 18.09.2025.`,
    external: [civilCodeReference('173', 'совершение действия в последний день срока (до 24 часов)')],
  },
  /** applied by suspendPeriod (statute/suspension.ts) when a court or the law stops a period */
  suspension: {
    id: 'period.suspension_resumes',
    question: 'A period stopped from day S and resumed on day R (a court order, a statutory stay): does the remainder run from the day after R, or from R itself?',
    options: ['day_after_resumption', 'resumption_day'],
    default: 'day_after_resumption',
    rationale: `Law 148 is silent. By analogy with the suspension of a limitation period (${CIVIL_CODE.replace(', гл. «Исчисление сроков»', '')}, ст. 181, номер по памяти, не сверен: the time before the suspension counts, the period continues after the ground ends), the days before S count, S…R do not, and, as with any period counted from an event (period.start_next_day), the remainder starts the day after R: a calendar-day or month period ends R − S + 1 days later; a working-day period's remaining working days are counted from the day after R. resumption_day treats R as the first running day (R − S days).`,
    external: [civilCodeReference('181', 'приостановление течения срока исковой давности (по аналогии)')],
  },
  /** lead times (direction 'before'): defined in statute/interpretations.ts, applied here */
  daysBefore: DAYS_BEFORE,
  beforeNonWorkingDay: BEFORE_NON_WORKING_DAY,
} as const satisfies Record<string, Interpretation>;

type PeriodInterpretationId = (typeof PERIOD_INTERPRETATIONS)[keyof typeof PERIOD_INTERPRETATIONS]['id'];

const ALIASES: Readonly<Record<string, PeriodInterpretationId>> = { 'period.anchor_day': 'period.start_next_day' };

export const PERIOD_UNITS: readonly PeriodUnit[] = ['calendar_day', 'working_day', 'month', 'year'];
export const PERIOD_KINDS: readonly PeriodKind[] = ['deadline', 'waiting'];

/** Upper bounds, to refuse nonsense before a loop runs away. */
const MAX_COUNT: Readonly<Record<PeriodUnit, number>> = { calendar_day: 36_600, working_day: 25_000, month: 1_200, year: 100 };

export interface PeriodInput {
  /** the day of the event the period is counted from */
  anchor: IsoDate;
  count: number;
  unit: PeriodUnit;
  kind: PeriodKind;
  /** 'after' (default): counted forward from the anchor; 'before': a lead time counted back from it (see the top of this file) */
  direction?: 'after' | 'before';
  /** region whose legal time applies before 1 March 2024; default Astana (see statute/time.ts) */
  region?: Region;
  /** the norms the period comes from; copied to the result */
  citations?: Citation[];
  /**
   * options a procedure recorded; any period interpretation not given uses its default. Ids outside
   * the `period.` namespace are ignored here (the caller records them beside the derivation).
   */
  interpretations?: InterpretationUse[];
}

function choices(uses: InterpretationUse[] | undefined): Map<PeriodInterpretationId, string> {
  const known = new Map<string, Interpretation>(Object.values(PERIOD_INTERPRETATIONS).map((i) => [i.id, i]));
  const out = new Map<PeriodInterpretationId, string>();
  (uses ?? []).forEach((u, i) => {
    // A procedure's recorded uses may include choices outside period arithmetic (the day type of
    // an unqualified "дней", thresholds): they are not this function's to apply, and are skipped.
    // Only an unknown id in the `period.` namespace is an error.
    if (!u.id.startsWith('period.')) return;
    const id = ALIASES[u.id] ?? u.id;
    const def = known.get(id);
    if (!def) {
      throw new StatuteError(
        { code: 'unknown_interpretation', field: `interpretations.${i}.id`, params: { interpretation: u.id } },
        `interpretations.${i}.id: unknown interpretation "${u.id}" for periods (known: ${[...known.keys()].join(', ')})`,
      );
    }
    if (!def.options.includes(u.chosen)) {
      throw new StatuteError(
        { code: 'invalid_option', field: `interpretations.${i}.chosen`, params: { interpretation: u.id, option: u.chosen } },
        `interpretations.${i}.chosen: interpretation ${u.id} has no option "${u.chosen}" (options: ${def.options.join(', ')})`,
      );
    }
    out.set(id as PeriodInterpretationId, u.chosen);
  });
  return out;
}

function validate(input: PeriodInput): void {
  if (!PERIOD_UNITS.includes(input.unit)) {
    throw new StatuteError(
      { code: 'invalid_unit', field: 'unit', params: { value: String(input.unit) } },
      `unit: "${String(input.unit)}" is not a period unit (${PERIOD_UNITS.join(', ')})`,
    );
  }
  if (!PERIOD_KINDS.includes(input.kind)) {
    throw new StatuteError(
      { code: 'invalid_kind', field: 'kind', params: { value: String(input.kind) } },
      `kind: "${String(input.kind)}" is not a period kind (${PERIOD_KINDS.join(', ')})`,
    );
  }
  if (input.direction !== undefined && input.direction !== 'after' && input.direction !== 'before') {
    throw new StatuteError(
      { code: 'invalid_direction', field: 'direction', params: { value: String(input.direction) } },
      `direction: "${String(input.direction)}" is not 'after' or 'before'`,
    );
  }
  const max = MAX_COUNT[input.unit];
  if (typeof input.count !== 'number' || !Number.isInteger(input.count) || input.count < 1 || input.count > max) {
    throw new StatuteError(
      { code: 'invalid_count', field: 'count', params: { field: 'count', value: String(input.count) } },
      `count: ${String(input.count)} is not a whole number from 1 to ${max}`,
    );
  }
}

function skippedFrom(info: DayInfo): SkippedDay {
  const reason = info.reason ?? 'holiday';
  const labels = info.labels;
  const s: SkippedDay = {
    date: info.date,
    reason,
    label: labels?.ru ? `${labels.ru} / ${labels.en}` : (info.label ?? reason),
  };
  if (info.source !== undefined) s.source = info.source;
  if (labels) s.labels = labels;
  return s;
}

/**
 * Computes a statutory period and how it was obtained. See the semantics at the top of this file.
 * Throws StatuteError: invalid_date (field anchor), invalid_count, invalid_unit, invalid_kind,
 * invalid_region, unknown_interpretation, invalid_option.
 */
export function computePeriod(input: PeriodInput, calendar: Calendar): PeriodDerivation {
  const anchorYmd = requireIsoDate(input.anchor, 'anchor');
  validate(input);
  const region = requireRegion(input.region, 'region');
  const chosen = choices(input.interpretations);
  const pick = (i: Interpretation): string => chosen.get(i.id as PeriodInterpretationId) ?? i.default;

  const used: InterpretationUse[] = [];
  const use = (i: Interpretation): string => {
    const c = pick(i);
    used.push({ id: i.id, chosen: c });
    return c;
  };

  const anchor = ymdToDay(anchorYmd);
  const provisionalYears = new Set<number>();
  const look = (n: DayNumber): DayInfo => {
    const info = calendar.dayInfo(dayToIso(n));
    if (info.provisional) provisionalYears.add(dayToYmd(n).year);
    return info;
  };
  const skipped: SkippedDay[] = [];
  const result = (rawEnd: DayNumber, date: DayNumber): PeriodDerivation => {
    const instant = input.kind === 'deadline' ? endOfDayInstant(dayToIso(date), region) : startOfDayInstant(date, region);
    const years = [...provisionalYears].sort((a, b) => a - b);
    const d: PeriodDerivation = {
      anchor: dayToIso(anchor),
      count: input.count,
      unit: input.unit,
      kind: input.kind,
      rawEnd: dayToIso(rawEnd),
      date: dayToIso(date),
      instant: instant.instant,
      utcOffset: instant.utcOffset,
      region,
      skipped,
      provisional: years.length > 0,
      provisionalYears: years,
      calendarId: calendar.id,
      calendarVersion: calendar.version,
      citations: [...(input.citations ?? [])],
      interpretations: used,
    };
    // only lead times carry the field: forward derivations stay as recorded before it existed
    if (input.direction === 'before') d.direction = 'before';
    return d;
  };

  if (input.direction === 'before') {
    // the event day is not counted; `extra` = 1 under n_clear_days (N whole days in between)
    const extra = use(PERIOD_INTERPRETATIONS.daysBefore) === 'n_clear_days' ? 1 : 0;
    let rawEnd: DayNumber;
    switch (input.unit) {
      case 'calendar_day':
        rawEnd = anchor - input.count - extra;
        break;
      case 'working_day': {
        let n = anchor;
        for (let counted = 0; counted < input.count + extra; ) {
          n -= 1;
          const info = look(n);
          if (info.working) counted += 1;
          else skipped.push(skippedFrom(info));
        }
        rawEnd = n;
        break;
      }
      case 'month':
      case 'year': {
        const months = input.unit === 'year' ? input.count * 12 : input.count;
        const { ymd, clamped } = addMonthsClamped(anchorYmd, -months);
        let end = ymdToDay(ymd);
        if (clamped && use(PERIOD_INTERPRETATIONS.monthEnd) === 'first_day_of_next_month') end += 1;
        rawEnd = end - extra;
        break;
      }
    }
    let date = rawEnd;
    if (input.kind === 'deadline' && use(PERIOD_INTERPRETATIONS.beforeNonWorkingDay) === 'previous_working_day') {
      for (;;) {
        const info = look(date);
        if (info.working) break;
        skipped.push(skippedFrom(info));
        date -= 1;
      }
    }
    return result(rawEnd, date);
  }

  const startsNextDay = use(PERIOD_INTERPRETATIONS.startNextDay) === 'next_day';
  const start = startsNextDay ? anchor + 1 : anchor;

  let rawEnd: DayNumber;
  switch (input.unit) {
    case 'calendar_day':
      rawEnd = start + input.count - 1;
      break;
    case 'working_day': {
      let n = start;
      let counted = 0;
      for (;;) {
        const info = look(n);
        if (info.working) {
          counted += 1;
          if (counted === input.count) break;
        } else {
          skipped.push(skippedFrom(info));
        }
        n += 1;
      }
      rawEnd = n;
      break;
    }
    case 'month':
    case 'year': {
      const months = input.unit === 'year' ? input.count * 12 : input.count;
      const { ymd, clamped } = addMonthsClamped(anchorYmd, months);
      let end = ymdToDay(ymd);
      if (clamped && use(PERIOD_INTERPRETATIONS.monthEnd) === 'first_day_of_next_month') end += 1;
      rawEnd = startsNextDay ? end : end - 1;
      break;
    }
  }

  let date: DayNumber;
  if (input.kind === 'deadline') {
    date = rawEnd;
    if (use(PERIOD_INTERPRETATIONS.deadlineNonWorkingDay) === 'next_working_day') {
      for (;;) {
        const info = look(date);
        if (info.working) break;
        skipped.push(skippedFrom(info));
        date += 1;
      }
    }
  } else {
    date = use(PERIOD_INTERPRETATIONS.waitingFirstAllowedDay) === 'day_after_last_day' ? rawEnd + 1 : rawEnd;
  }
  return result(rawEnd, date);
}
