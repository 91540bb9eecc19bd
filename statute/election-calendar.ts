// The calendar and the electorate of a rural-level akim election (Art. 36, 36-1; catalogue P-19),
// chosen by the edition. Pure: safe in workflow code.
//
// Edition kz-148@2018-07-12 has one strategy, `indirect_by_district_maslikhat`: the electors are the
// deputies of the district maslikhat (36-1(10)), the dates are counted back from election day E
// (36-1(3),(6),(7)). A later edition with direct elections registers its own strategy in
// STRATEGIES; nothing here invents its rules.
//
// computePeriod counts forward only, so the lead times ("за N дней до") are counted here, by
// periodBefore(), under the named interpretation `art36_1.p3.days_before` (E−N by default).
import type { Calendar } from './calendar/index.js';
import { addMonthsClamped, dayToIso, isoToDay, requireIsoDate, ymdToDay } from './calendar/dates.js';
import type { DatedPeriod } from './deadlines.js';
import { periodOf } from './deadlines.js';
import type { Edition, Titles } from './editions/types.js';
import { StatuteError } from './errors.js';
import { useOf } from './interpretations.js';
import { rule, ruleById } from './rules.js';
import type { RuleId } from './editions/index.js';
import { endOfDayInstant, startOfDayInstant } from './time.js';
import type { Citation, InterpretationUse, IsoDate, SkippedDay } from './types.js';

// ── Lead times ──────────────────────────────────────────────────────────────────────────────

/** Rules whose text names the day itself ("дня, предшествующего дню выборов"): no "за N дней" counting. */
const NAMED_DAY_RULES: ReadonlySet<string> = new Set(['art36_1.p7.campaign_ends', 'art36_1.p7.silence']);

/**
 * A lead time of the edition (`direction: 'before'`) counted back from `anchor`.
 * `boundary` 'starts': something begins on the day (instant 00:00, kind 'waiting');
 * 'ends': the last day on which an act may be done (instant 24:00, kind 'deadline').
 * The day is never moved off a non-working day (see `art36_1.p3.days_before`).
 */
export function periodBefore(
  edition: Edition,
  ruleId: string,
  anchor: IsoDate,
  calendar: Calendar,
  recorded: readonly InterpretationUse[] = [],
  boundary: 'starts' | 'ends' = 'ends',
): DatedPeriod {
  const r = ruleById(edition, ruleId);
  if (r.kind !== 'period' && r.kind !== 'bar') {
    throw new StatuteError(
      { code: 'wrong_rule_kind', field: 'rule', rule: r.id, params: { rule: r.id, kind: 'period', actual: r.kind } },
      `rule ${r.id} is a ${r.kind}, not a period`,
    );
  }
  const p = r.kind === 'period' ? r.period : r.bar.period;
  if (p.direction !== 'before') {
    throw new StatuteError(
      { code: 'unsupported_direction', field: 'rule', rule: r.id, params: { rule: r.id, anchor: p.anchor } },
      `rule ${r.id} counts forward from ${p.anchor}; use periodOf`,
    );
  }
  const anchorDay = ymdToDay(requireIsoDate(anchor, 'anchor'));
  const uses: InterpretationUse[] = [];
  let unit = p.unit;
  if (unit === 'calendar_day' && !NAMED_DAY_RULES.has(r.id) && (r.interpretations ?? []).some((u) => u.id === 'days.unqualified_are_calendar')) {
    const u = useOf('days.unqualified_are_calendar', recorded);
    uses.push(u);
    if (u.chosen === 'working_day') unit = 'working_day';
  }
  let extra = 0;
  if (!NAMED_DAY_RULES.has(r.id)) {
    const u = useOf('art36_1.p3.days_before', recorded);
    uses.push(u);
    if (u.chosen === 'n_clear_days') extra = 1;
  }
  const skipped: SkippedDay[] = [];
  let day: number;
  if (unit === 'working_day') {
    day = anchorDay;
    for (let counted = 0; counted < p.count + extra; ) {
      day -= 1;
      const info = calendar.dayInfo(dayToIso(day));
      if (info.working) counted += 1;
      else skipped.push({ date: info.date, reason: info.reason ?? 'holiday', label: info.labels?.ru ?? info.label ?? 'non-working day' });
    }
  } else if (unit === 'calendar_day') {
    day = anchorDay - p.count - extra;
  } else {
    throw new StatuteError(
      { code: 'invalid_unit', field: 'unit', rule: r.id, params: { value: unit } },
      `rule ${r.id}: lead times in ${unit} are not supported`,
    );
  }
  const date = dayToIso(day);
  const t = boundary === 'starts' ? startOfDayInstant(day) : endOfDayInstant(date);
  const info = calendar.dayInfo(date);
  return {
    anchor,
    count: p.count,
    unit,
    kind: boundary === 'starts' ? 'waiting' : 'deadline',
    rawEnd: date,
    date,
    instant: t.instant,
    utcOffset: t.utcOffset,
    skipped,
    provisional: info.provisional,
    provisionalYears: info.provisional ? [Number(date.slice(0, 4))] : [],
    calendarId: calendar.id,
    calendarVersion: calendar.version,
    citations: [r.cite],
    interpretations: uses,
    rule: r.id,
    editionId: edition.id,
  };
}

/** A day named by the law itself (election day, the day a registration ends), as a period of zero length. */
function onDay(edition: Edition, ruleId: string, date: IsoDate, calendar: Calendar, boundary: 'starts' | 'ends', extraCites: Citation[] = []): DatedPeriod {
  const r = ruleById(edition, ruleId);
  const day = isoToDay(date);
  const t = boundary === 'starts' ? startOfDayInstant(day) : endOfDayInstant(date);
  const info = calendar.dayInfo(date);
  return {
    anchor: date, count: 0, unit: 'calendar_day', kind: boundary === 'starts' ? 'waiting' : 'deadline',
    rawEnd: date, date, instant: t.instant, utcOffset: t.utcOffset, skipped: [],
    provisional: info.provisional, provisionalYears: info.provisional ? [Number(date.slice(0, 4))] : [],
    calendarId: calendar.id, calendarVersion: calendar.version,
    citations: [r.cite, ...extraCites], interpretations: [], rule: r.id, editionId: edition.id,
  };
}

function shift(p: DatedPeriod, days: number, boundary: 'starts' | 'ends', use: InterpretationUse): DatedPeriod {
  const day = isoToDay(p.date) + days;
  const date = dayToIso(day);
  const t = boundary === 'starts' ? startOfDayInstant(day) : endOfDayInstant(date);
  return { ...p, date, rawEnd: date, instant: t.instant, utcOffset: t.utcOffset, kind: boundary === 'starts' ? 'waiting' : 'deadline', interpretations: [...p.interpretations, use] };
}

// ── The election calendar ───────────────────────────────────────────────────────────────────

export type MilestoneId =
  | 'nomination_opens' | 'nomination_closes' | 'registration_ends' | 'publish_registered'
  | 'campaign_starts' | 'campaign_ends' | 'candidate_withdrawal_deadline' | 'submission_withdrawal_deadline'
  | 'freeze_starts' | 'silence_starts' | 'election_day' | 'election_day_ends' | 'register_winner'
  | 'fund_report' | 'repeat_election_deadline';

export interface Milestone {
  id: MilestoneId;
  /** edition rule the date comes from */
  rule: string;
  date: IsoDate;
  /** the legal instant: 00:00 of `date` for what starts, 24:00 for a last day */
  instant: string;
  boundary: 'starts' | 'ends';
  /** one line a person reads: "E−30 = 2025-05-02 (art36_1.p3.days_before: e_minus_n)" */
  derivation: string;
  /** only if the election fails (void, no winner) */
  conditional?: boolean;
  title: Titles;
  period: DatedPeriod;
}

export interface ElectionCalendar {
  strategy: string;
  editionId: string;
  calendarRef: string;
  electionDay: IsoDate;
  /** the election day of the original election, when this is a repeat election */
  originalElectionDay: IsoDate;
  /** the day the extended nomination and registration end (36-1(3)), if extended */
  registrationExtendedTo?: IsoDate;
  milestones: Milestone[];
  /** every interpretation the dates depend on */
  interpretations: InterpretationUse[];
}

export interface CalendarInput {
  electionDay: IsoDate;
  /** the original election day (repeat elections count their two months from it); default electionDay */
  originalElectionDay?: IsoDate;
  /** 36-1(3) extension: the new last day of nomination and registration */
  registrationExtendedTo?: IsoDate;
  /** the rule that fixes election day: hold_within_month, early_vacancy or repeat_election */
  electionDayRule: string;
  recorded?: readonly InterpretationUse[];
}

const TITLES: Record<MilestoneId, Titles> = {
  nomination_opens: { en: 'Nomination opens', ru: 'Начало выдвижения кандидатов', kk: 'Кандидаттарды ұсыну басталады' },
  nomination_closes: { en: 'Nomination closes', ru: 'Окончание выдвижения кандидатов', kk: 'Кандидаттарды ұсыну аяқталады' },
  registration_ends: { en: 'Registration of candidates ends', ru: 'Окончание регистрации кандидатов', kk: 'Кандидаттарды тіркеу аяқталады' },
  publish_registered: { en: 'Registered candidates published by', ru: 'Сообщение о зарегистрированных кандидатах не позднее', kk: 'Тіркелген кандидаттар туралы хабарлаудың соңғы күні' },
  campaign_starts: { en: 'Campaigning starts', ru: 'Начало предвыборной агитации', kk: 'Сайлауалды үгіт басталады' },
  campaign_ends: { en: 'Campaigning ends (00:00 of the day before election day)', ru: 'Окончание агитации (0 часов дня, предшествующего дню выборов)', kk: 'Үгіт аяқталады (сайлау алдындағы күннің сағат 0-і)' },
  candidate_withdrawal_deadline: { en: 'Last day a candidate may withdraw', ru: 'Последний день снятия кандидатуры', kk: 'Кандидатураны алып тастаудың соңғы күні' },
  submission_withdrawal_deadline: { en: "Last day the district akim may recall a nomination", ru: 'Последний день отзыва представления акима района', kk: 'Аудан әкімінің ұсынуды кері қайтарып алуының соңғы күні' },
  freeze_starts: { en: 'No cancellation or reinstatement of registration from', ru: 'Отмена или восстановление регистрации не допускается с', kk: 'Тіркеуді жоюға немесе қалпына келтіруге тыйым салынған күн' },
  silence_starts: { en: 'Silence day: no campaigning', ru: 'День тишины: агитация запрещена', kk: 'Үнсіздік күні: үгітке тыйым салынады' },
  election_day: { en: "Election day: the electors' sitting", ru: 'День выборов: заседание выборщиков', kk: 'Сайлау күні: таңдаушылар отырысы' },
  election_day_ends: { en: 'End of election day (a tie is re-voted the same day)', ru: 'Окончание дня выборов (повторное голосование — в тот же день)', kk: 'Сайлау күнінің соңы (қайта дауыс беру — сол күні)' },
  register_winner: { en: 'Elected akim registered by', ru: 'Регистрация избранного акима не позднее', kk: 'Сайланған әкімді тіркеудің соңғы күні' },
  fund_report: { en: "Candidates' election-fund reports due", ru: 'Отчёты кандидатов об избирательных фондах', kk: 'Кандидаттардың сайлау қоры туралы есептері' },
  repeat_election_deadline: { en: 'Repeat elections held by (if the election fails)', ru: 'Повторные выборы не позднее (если выборы не состоялись)', kk: 'Қайталама сайлаудың соңғы күні (сайлау өтпесе)' },
};

function describe(p: DatedPeriod, e: IsoDate, label: string): string {
  const offset = isoToDay(p.date) - isoToDay(e);
  const rel = offset === 0 ? 'E' : offset < 0 ? `E−${-offset}` : `E+${offset}`;
  const uses = p.interpretations.map((u) => `${u.id}: ${u.chosen}`).join(', ');
  return `${label}${rel} = ${p.date}${uses ? ` (${uses})` : ''}`;
}

/** Interpretation ids whose defaults the calendar of this edition uses. */
export const CALENDAR_INTERPRETATIONS = ['art36_1.p3.days_before', 'art36_1.p6.two_days_boundary', 'days.unqualified_are_calendar'] as const;

/** Every dated milestone of an election from its election day (edition kz-148@2018-07-12). */
export function electionCalendar(edition: Edition, input: CalendarInput, calendar: Calendar): ElectionCalendar {
  const recorded = input.recorded ?? [];
  const e = input.electionDay;
  requireIsoDate(e, 'electionDay');
  const original = input.originalElectionDay ?? e;
  const ms: Milestone[] = [];
  const add = (id: MilestoneId, p: DatedPeriod, boundary: 'starts' | 'ends', label = '', conditional = false) => {
    const m: Milestone = { id, rule: p.rule, date: p.date, instant: p.instant, boundary, derivation: describe(p, e, label), title: TITLES[id], period: p };
    if (conditional) m.conditional = true;
    ms.push(m);
  };

  // 36-1(3): "Выдвижение кандидатов начинается за тридцать дней и заканчивается за двадцать пять дней до дня выборов"
  add('nomination_opens', periodBefore(edition, 'art36_1.p3.nomination_opens', e, calendar, recorded, 'starts'), 'starts');
  // 36-1(6): "Регистрация кандидатов заканчивается за пятнадцать дней до дня голосования"
  let closes = periodBefore(edition, 'art36_1.p3.nomination_closes', e, calendar, recorded, 'ends');
  let regEnd = periodBefore(edition, 'art36_1.p6.registration_ends', e, calendar, recorded, 'ends');
  if (input.registrationExtendedTo !== undefined) {
    // 36-1(3): "продлевает срок выдвижения и регистрации кандидатов, но не более чем на десять дней"
    const ext = checkExtension(edition, regEnd.date, input.registrationExtendedTo, calendar, recorded);
    closes = { ...onDay(edition, 'art36_1.p3.extension_max', input.registrationExtendedTo, calendar, 'ends', [closes.citations[0]!]), interpretations: ext.interpretations };
    regEnd = { ...onDay(edition, 'art36_1.p3.extension_max', input.registrationExtendedTo, calendar, 'ends', [regEnd.citations[0]!]), interpretations: ext.interpretations };
  }
  add('nomination_closes', closes, 'ends', input.registrationExtendedTo ? 'extended: ' : '');
  add('registration_ends', regEnd, 'ends', input.registrationExtendedTo ? 'extended: ' : '');
  // 36-1(5)(1): "не позднее чем на седьмой день после окончания регистрации кандидатов"
  add('publish_registered', periodOf(edition, 'art36_1.p5.publish_registered', regEnd.date, calendar, recorded), 'ends', 'registration end + 7: ');
  // 36-1(7): "Предвыборная агитация начинается со дня окончания регистрации … и заканчивается в ноль
  // часов по местному времени дня, предшествующего дню выборов"
  add('campaign_starts', onDay(edition, 'art36_1.p7.campaign_ends', regEnd.date, calendar, 'starts', [regEnd.citations[0]!]), 'starts', 'day registration ends: ');
  add('campaign_ends', periodBefore(edition, 'art36_1.p7.campaign_ends', e, calendar, recorded, 'starts'), 'starts', '00:00 of ');
  // 36-1(6) and 36-1(3): withdrawal "за два дня до голосования"; the boundary day is art36_1.p6.two_days_boundary (T-9)
  const boundary = useOf('art36_1.p6.two_days_boundary', recorded);
  const lastDay = (p: DatedPeriod) => (boundary.chosen === 'from_e_minus_2' ? shift(p, -1, 'ends', boundary) : { ...p, interpretations: [...p.interpretations, boundary] });
  add('candidate_withdrawal_deadline', lastDay(periodBefore(edition, 'art36_1.p6.candidate_withdrawal', e, calendar, recorded, 'ends')), 'ends');
  add('submission_withdrawal_deadline', lastDay(periodBefore(edition, 'art36_1.p3.submission_withdrawal', e, calendar, recorded, 'ends')), 'ends');
  // 36-1(6): "Отмена решения о регистрации или восстановление … за два дня до голосования не допускается"
  const freeze = periodBefore(edition, 'art36_1.p6.freeze', e, calendar, recorded, 'starts');
  add('freeze_starts', boundary.chosen === 'from_e_minus_2' ? { ...freeze, interpretations: [...freeze.interpretations, boundary] } : shift(freeze, 1, 'starts', boundary), 'starts');
  // 36-1(7): "В день выборов и предшествующий ему день любая предвыборная агитация запрещается"
  add('silence_starts', periodBefore(edition, 'art36_1.p7.silence', e, calendar, recorded, 'starts'), 'starts');
  add('election_day', onDay(edition, input.electionDayRule, e, calendar, 'starts'), 'starts');
  // 36-1(10): "Повторное голосование проводится в день выборов"
  add('election_day_ends', onDay(edition, 'art36_1.p10.revote_same_day', e, calendar, 'ends'), 'ends');
  // 36-1(11): "в пятидневный срок со дня проведения выборов регистрирует избранного акима"
  add('register_winner', periodOf(edition, 'art36_1.p11.register_winner', e, calendar, recorded), 'ends', 'from election day: ');
  // 36-1(9): "Не позднее пяти дней после установления итогов выборов" (results established at the sitting, E)
  add('fund_report', periodOf(edition, 'art36_1.p9.fund_report', e, calendar, recorded), 'ends', 'from the results (E): ');
  // 36-1(10): "не позднее чем в двухмесячный срок после первоначальных выборов"
  add('repeat_election_deadline', periodOf(edition, 'art36_1.p10.repeat_election', original, calendar, recorded), 'ends', 'original election + 2 months: ', true);

  const seen = new Map<string, InterpretationUse>();
  for (const m of ms) for (const u of m.period.interpretations) if (!seen.has(u.id)) seen.set(u.id, u);
  const out: ElectionCalendar = {
    strategy: INDIRECT_BY_DISTRICT_MASLIKHAT,
    editionId: edition.id,
    calendarRef: calendar.ref,
    electionDay: e,
    originalElectionDay: original,
    milestones: ms,
    interpretations: [...seen.values()],
  };
  if (input.registrationExtendedTo !== undefined) out.registrationExtendedTo = input.registrationExtendedTo;
  return out;
}

export function milestone(cal: ElectionCalendar, id: MilestoneId): Milestone {
  const m = cal.milestones.find((x) => x.id === id);
  if (!m) throw new StatuteError({ code: 'unknown_rule', field: 'milestone', params: { rule: id, edition: cal.editionId } }, `no milestone ${id}`);
  return m;
}

/**
 * 36-1(3): the extended last day of nomination and registration must lie after the ordinary one and
 * within `art36_1.p3.extension_max` of it. Returns that maximum period.
 */
export function checkExtension(edition: Edition, registrationEnd: IsoDate, extendedTo: IsoDate, calendar: Calendar, recorded: readonly InterpretationUse[] = []): DatedPeriod {
  requireIsoDate(extendedTo, 'registrationExtendedTo');
  const max = periodOf(edition, 'art36_1.p3.extension_max', registrationEnd, calendar, recorded);
  // the extension is "не более чем на десять дней": the raw count, not moved off a non-working day
  if (extendedTo <= registrationEnd || extendedTo > max.rawEnd) {
    throw new StatuteError(
      { code: extendedTo <= registrationEnd ? 'too_early' : 'too_late', field: 'until', rule: max.rule, citation: max.citations[0]!, date: extendedTo <= registrationEnd ? dayToIso(isoToDay(registrationEnd) + 1) : max.rawEnd },
      `until: the extension must end after ${registrationEnd} and no later than ${max.rawEnd} (${max.rule})`,
    );
  }
  return max;
}

// ── Calling the election ────────────────────────────────────────────────────────────────────

export type ElectionTrigger =
  /** the akim's term ends on `termEnd` (regular election, 36-1(10)) */
  | { kind: 'term_end'; termEnd: IsoDate }
  /** the akim's powers ended early on `terminatedOn` (36-1(10)) */
  | { kind: 'early_termination'; terminatedOn: IsoDate };

/** The deadline the trigger sets before anything is called: the call deadline, or the last day to hold the election. */
export function triggerDeadline(edition: Edition, trigger: ElectionTrigger, calendar: Calendar, recorded: readonly InterpretationUse[] = []): DatedPeriod {
  // 36-1(10): "назначаются … не позднее чем за сорок дней до окончания срока полномочий акима"
  if (trigger.kind === 'term_end') return periodBefore(edition, 'art36_1.p10.call_deadline', trigger.termEnd, calendar, recorded, 'ends');
  // 36-1(10): "выборы проводятся в течение трех месяцев со дня досрочного прекращения полномочий"
  return periodOf(edition, 'art36_1.p10.early_vacancy', trigger.terminatedOn, calendar, recorded);
}

export interface ElectionDayCheck {
  /** the rule that fixes how late election day may be */
  rule: string;
  latest: DatedPeriod;
  /** the rule id that names election day in the calendar */
  electionDayRule: string;
  interpretations: InterpretationUse[];
}

/**
 * Whether an election day may be fixed on `callDate`: not before the call, nomination (E−30) not
 * before the call, and no later than the rule for the trigger allows. Throws StatuteError naming
 * the field `electionDay` and the rule.
 */
export function checkElectionDay(
  edition: Edition,
  args: { trigger: ElectionTrigger | { kind: 'repeat'; originalElectionDay: IsoDate }; callDate: IsoDate; electionDay: IsoDate; fullCalendar?: boolean },
  calendar: Calendar,
  recorded: readonly InterpretationUse[] = [],
): ElectionDayCheck {
  const { trigger, callDate, electionDay } = args;
  requireIsoDate(electionDay, 'electionDay');
  requireIsoDate(callDate, 'at');
  const uses: InterpretationUse[] = [];
  let latest: DatedPeriod;
  let earliestDate: IsoDate | undefined;
  let ruleId: RuleId;
  if (trigger.kind === 'term_end') {
    const anchor = useOf('art36_1.p10.month_anchor', recorded);
    uses.push(anchor);
    ruleId = 'art36_1.p10.hold_within_month';
    if (anchor.chosen === 'from_calling') {
      // 36-1(10): "и проводятся в течение месяца" — from the calling (T-14)
      latest = periodOf(edition, ruleId, callDate, calendar, recorded);
    } else {
      // T-14, other reading: within the last month of the term
      latest = onDay(edition, ruleId, trigger.termEnd, calendar, 'ends');
      const { ymd } = addMonthsClamped(requireIsoDate(trigger.termEnd, 'termEnd'), -1);
      earliestDate = dayToIso(ymdToDay(ymd));
    }
  } else if (trigger.kind === 'early_termination') {
    ruleId = 'art36_1.p10.early_vacancy';
    latest = periodOf(edition, ruleId, trigger.terminatedOn, calendar, recorded);
  } else {
    ruleId = 'art36_1.p10.repeat_election';
    latest = periodOf(edition, ruleId, trigger.originalElectionDay, calendar, recorded);
  }
  const cite = latest.citations[0]!;
  if (electionDay > latest.date) {
    throw new StatuteError(
      { code: 'too_late', field: 'electionDay', rule: ruleId, citation: cite, date: latest.date },
      `electionDay: ${electionDay} is after ${latest.date}, the last day allowed by ${ruleId}`,
    );
  }
  if (earliestDate !== undefined && electionDay < earliestDate) {
    throw new StatuteError(
      { code: 'too_early', field: 'electionDay', rule: ruleId, citation: cite, date: earliestDate },
      `electionDay: ${electionDay} is before ${earliestDate} (${ruleId}, art36_1.p10.month_anchor = before_term_end)`,
    );
  }
  if (electionDay <= callDate) {
    throw new StatuteError(
      { code: 'too_early', field: 'electionDay', rule: ruleId, citation: cite, date: dayToIso(isoToDay(callDate) + 1) },
      `electionDay: ${electionDay} is not after the decision of ${callDate}`,
    );
  }
  if (args.fullCalendar !== false) {
    const opens = periodBefore(edition, 'art36_1.p3.nomination_opens', electionDay, calendar, recorded, 'starts');
    if (opens.date < callDate) {
      throw new StatuteError(
        { code: 'nomination_before_call', field: 'electionDay', rule: opens.rule, citation: opens.citations[0]!, date: opens.date },
        `electionDay: nomination would open on ${opens.date}, before the election is called on ${callDate} (${opens.rule})`,
      );
    }
  }
  return { rule: ruleId, latest, electionDayRule: ruleId, interpretations: [...uses, ...latest.interpretations] };
}

// ── Candidates and the vote ─────────────────────────────────────────────────────────────────

/** Full years of age on `day` (calendar years, exact; a 29 February birthday comes on 1 March). */
export function ageOn(dateOfBirth: IsoDate, day: IsoDate): number {
  const b = requireIsoDate(dateOfBirth, 'dateOfBirth');
  const d = requireIsoDate(day, 'day');
  const before = d.month < b.month || (d.month === b.month && d.day < b.day);
  return d.year - b.year - (before ? 1 : 0);
}

/** 36(1): "из кандидатур в возрасте не моложе двадцати пяти лет" — on election day. */
export function requireMinAge(edition: Edition, dateOfBirth: IsoDate, electionDay: IsoDate, field = 'candidate.dateOfBirth'): { age: number; required: number; rule: string } {
  const r = rule(edition, 'art36.p1.min_age', 'cap');
  const age = ageOn(dateOfBirth, electionDay);
  if (age < r.cap.limit) {
    throw new StatuteError(
      { code: 'below_threshold', field, rule: r.id, citation: r.cite, date: electionDay, params: { rule: r.id, required: r.cap.limit, actual: age, base: 'years of age on election day' } },
      `${field}: the candidate is ${age} on election day ${electionDay}; at least ${r.cap.limit} required (${r.id})`,
    );
  }
  return { age, required: r.cap.limit, rule: r.id };
}

export interface Tally {
  candidateId: string;
  votes: number;
}

export interface VoteDecision {
  /** elected; tie (a re-vote or, after a re-vote, repeat elections); no_winner (no votes cast for anyone) */
  result: 'elected' | 'tie' | 'no_winner';
  winner: string | null;
  /** the candidates with the most votes */
  leaders: string[];
  topVotes: number;
  rule: string;
  citations: Citation[];
  interpretations: InterpretationUse[];
}

/**
 * 36-1(2): "избранным считается кандидат, набравший большее число голосов выборщиков, принявших
 * участие в голосовании"; 36-1(10): "В случае равенства голосов выборщиков проводится повторное голосование".
 */
export function decideVote(edition: Edition, tallies: readonly Tally[], participated: number, recorded: readonly InterpretationUse[] = []): VoteDecision {
  const r = rule(edition, 'art36_1.p2.plurality', 'cap');
  const sum = tallies.reduce((s, t) => s + t.votes, 0);
  if (sum > participated) {
    throw new StatuteError(
      { code: 'count_exceeds_base', field: 'tallies', rule: r.id, params: { field: 'tallies', actual: sum, base: participated } },
      `tallies: ${sum} votes exceed the ${participated} electors who took part`,
    );
  }
  const top = tallies.reduce((m, t) => Math.max(m, t.votes), 0);
  const leaders = tallies.filter((t) => t.votes === top).map((t) => t.candidateId);
  const lead = Math.min(...tallies.filter((t) => t.votes !== top).map((t) => top - t.votes), Number.MAX_SAFE_INTEGER);
  const elected = leaders.length === 1 && top > 0 && lead >= r.cap.limit;
  return {
    result: elected ? 'elected' : top === 0 ? 'no_winner' : 'tie',
    winner: elected ? leaders[0]! : null,
    leaders,
    topVotes: top,
    rule: r.id,
    citations: [r.cite],
    interpretations: [useOf('art36_1.p10.revote_candidates', recorded)],
  };
}

// ── Strategies by edition ───────────────────────────────────────────────────────────────────

export const INDIRECT_BY_DISTRICT_MASLIKHAT = 'indirect_by_district_maslikhat';

/** Who elects, and by which rules of the edition. */
export interface ElectorateSpec {
  /** 36-1(10): "Выборы акима проводятся на заседании выборщиков – депутатов маслихата соответствующего района" */
  kind: 'district_maslikhat_deputies';
  quorumRule: RuleId;
  winnerRule: RuleId;
  revoteRule: RuleId;
}

export interface ElectionStrategy {
  id: string;
  electorate: ElectorateSpec;
  calendar: typeof electionCalendar;
  checkElectionDay: typeof checkElectionDay;
  triggerDeadline: typeof triggerDeadline;
  decideVote: typeof decideVote;
}

const INDIRECT: ElectionStrategy = Object.freeze<ElectionStrategy>({
  id: INDIRECT_BY_DISTRICT_MASLIKHAT,
  electorate: { kind: 'district_maslikhat_deputies' as const, quorumRule: 'art36_1.p10.elector_quorum', winnerRule: 'art36_1.p2.plurality', revoteRule: 'art36_1.p10.revote_same_day' },
  calendar: electionCalendar,
  checkElectionDay,
  triggerDeadline,
  decideVote,
});

/** Edition id → strategy. A later edition with direct elections adds its own entry here. */
const STRATEGIES: Readonly<Record<string, ElectionStrategy>> = { 'kz-148@2018-07-12': INDIRECT };

/** The election strategy of an edition: its own, else that of the edition it is based on. */
export function electionStrategy(edition: Edition, editions: readonly Edition[] = []): ElectionStrategy {
  for (let e: Edition | undefined = edition; e; e = e.basedOn ? editions.find((x) => x.id === e!.basedOn) : undefined) {
    const s = STRATEGIES[e.id];
    if (s) return s;
  }
  throw new StatuteError(
    { code: 'unknown_edition', field: 'editionId', params: { edition: edition.id, known: Object.keys(STRATEGIES).join(', ') } },
    `edition ${edition.id} has no rural-akim election strategy`,
  );
}
