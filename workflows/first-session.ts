// The first session of a newly elected maslikhat: Law 148, Art. 10(1), 11(2), with 5(4) and the
// election of the session chair of 18(2)-(3) (catalogue P-02). Each act below is a sentence of
// those paragraphs; the threshold, the period and every citation come from the pinned edition.
import { z } from 'zod';
import { defineProcedure, kit } from './engine/spec.js';
import { definitionOf } from './engine/pipeline.js';
import { runProcedure } from './engine/interpreter.js';
import type { Book } from './engine/book.js';
import { ActBase, LegalDate, StartBase, type ProcedureState } from './procedure.js';
import { checkSessionCounts, dateOfAt, leadTimeGiven, refuseAboveChairCap, NoticeTarget, noticeTo, onlyInSimulations, RosterInput, rosterFor, shown, totalDeputies, type RosterShown, type RosterUsed, unitAndMaslikhat } from './lib/maslikhat.js';
import { ACT_TITLES, OVERDUE_TEXT, PROCEDURE_TITLE } from './first-session.texts.js';

// ---- input and acts ------------------------------------------------------------------------

const Id = z.string().min(1).max(128);
/** 20(2): a deputy's powers start on registration by the territorial election commission */
export const Registration = z.strictObject({ deputyId: Id, on: LegalDate });

export const FirstSessionInput = StartBase.extend({
  maslikhatId: z.string().min(1),
  maslikhatName: z.string().min(1).max(300),
  /** the convocation newly elected (e.g. 'VIII'): one first session per convocation */
  convocation: z.string().min(1).max(50),
  /** 10(1): "председателем соответствующей территориальной избирательной комиссии"; told when the convening is overdue */
  commission: NoticeTarget.extend({ chair: z.strictObject({ id: Id, fullName: z.string().min(1).max(300) }) }),
  /** told when the convening is overdue (art10.p1.first_session_overdue) */
  akim: NoticeTarget,
  /** the deputies registered so far, each with the day of its registration */
  registrations: z.array(Registration).min(1).max(9999),
  /** what-if runs only: the roster instead of the register */
  roster: RosterInput.optional(),
}).refine((i) => !i.roster || i.simulation, onlyInSimulations);
export type FirstSessionInput = z.input<typeof FirstSessionInput>;
type Input = z.output<typeof FirstSessionInput>;

export const RegisterDeputies = ActBase.extend({ registrations: z.array(Registration).min(1).max(9999) });
export const Convene = ActBase.extend({ session: z.strictObject({ date: LegalDate, place: z.string().min(1).max(500) }) });
export const OpenSession = ActBase.extend({ present: z.number().int().min(0).max(9999), presidedBy: z.strictObject({ id: Id }) });
export const ElectChair = ActBase.extend({
  deputyId: Id,
  present: z.number().int().min(0).max(9999),
  votesFor: z.number().int().min(0).max(9999),
  /** 18(3): the days this deputy was elected session chair before (the maslikhat's records), for the calendar-year cap */
  earlierElections: z.array(LegalDate).max(100).default([]),
});
export const Withdraw = ActBase.extend({ reason: z.string().min(1).max(2000) });
/** 10(3) (art10.p3.first_session_lead_times): how the deputies and the population were told */
export const Announce = ActBase.extend({ deputies: z.string().min(1).max(500), population: z.string().min(1).max(500) });
export const ProvideMaterials = ActBase.extend({ materials: z.array(z.strictObject({ title: z.string().min(1).max(500) })).min(1).max(500) });

export type FirstSessionStage =
  | 'registration' // 10(1): registered deputies; convened within thirty days
  | 'convened' // 11(2): the commission chair opens the session
  | 'opened' // 11(2): "до избрания председателя сессии маслихата ведет председатель … избирательной комиссии"
  | 'closed';

export interface FirstSessionFacts {
  maslikhatId: string;
  roster: RosterShown;
  registrations: z.output<typeof Registration>[];
  /** the day the thirty days run from (art10.p1.registration_anchor) */
  anchor: string | null;
  session: { date: string; place: string; convenedOn: string; late: boolean } | null;
  /** 10(3), when it applies (art10.p3.first_session_lead_times): the day each was given, and whether late */
  announced?: { on: string; late: boolean } | null;
  materials?: { on: string; late: boolean } | null;
  opened: { date: string; present: number; presidedBy: string } | null;
  votes: { deputyId: string; votesFor: number; present: number; elected: boolean }[];
  chair: { deputyId: string; date: string } | null;
}

type B = Book<FirstSessionFacts, FirstSessionStage>;
const { act, expiry } = kit<FirstSessionFacts, FirstSessionStage, Input>();
const PERIOD = 'art10.p1.first_session';
const THREE_QUARTERS = 'art10.p1.first_session_three_quarters';
const [NOTICE, MATERIALS, LEAD_TIMES] = ['art10.p3.notice_regular', 'art10.p3.materials_regular', 'art10.p3.first_session_lead_times'] as const;
/** Procedures started before the lead times were kept (their histories replay without them). */
const LEAD_TIMES_PATCH = 'first-session-lead-times';

/** Registrations checked against the roster and those already made; returns them sorted. */
function addRegistrations(b: B, roster: RosterUsed, regs: readonly z.output<typeof Registration>[], field: string): void {
  const today = b.today();
  for (const [i, r] of regs.entries()) {
    if (!roster.deputies.some((d) => d.id === r.deputyId)) b.refuse({ code: 'not_a_deputy', field: `${field}.${i}.deputyId`, params: { value: r.deputyId } }, `${field}.${i}.deputyId: ${r.deputyId} is not a deputy of ${b.facts?.maslikhatId ?? 'the maslikhat'} in the register`);
    if (b.facts.registrations.some((x) => x.deputyId === r.deputyId)) b.refuse({ code: 'duplicate', field: `${field}.${i}.deputyId`, params: { value: r.deputyId } }, `${field}.${i}.deputyId: ${r.deputyId} is registered already`);
    if (r.on > today) b.refuse({ code: 'in_future', field: `${field}.${i}.on`, params: { value: r.on } }, `${field}.${i}.on: ${r.on} is after today (${today})`);
    b.facts.registrations.push({ deputyId: r.deputyId, on: r.on });
  }
  b.facts.registrations.sort((x, y) => (x.on < y.on ? -1 : x.on > y.on ? 1 : 0));
}

// 10(1) "со дня регистрации депутатов маслихата" (T-41): the anchor when they were registered on different days
function anchorOf(b: B): string | null {
  const regs = b.facts.registrations;
  const how = b.use('art10.p1.registration_anchor');
  if (how === 'first_registration') return regs[0]!.on;
  if (how === 'last_registration') return regs.at(-1)!.on;
  const need = b.peekThreshold(THREE_QUARTERS, b.facts.roster.seats, regs.length);
  return need.met ? regs[need.required - 1]!.on : null;
}

/** (Re)opens the thirty days when the anchor is known or has moved. */
function openPeriod(b: B): void {
  const anchor = anchorOf(b);
  if (anchor === null || anchor === b.facts.anchor) return;
  b.facts.anchor = anchor;
  b.open(PERIOD, anchor, 'convening_overdue');
}

/** 10(3) kept for this procedure: the interpretation says so, and it started with this code. */
function leadTimesApply(b: B): boolean {
  return b.patched(LEAD_TIMES_PATCH) && b.use(LEAD_TIMES) === 'apply';
}

function leadTimeAct(b: B, act: string, done: { on: string } | null | undefined): void {
  if (done === undefined) b.refuse({ code: 'not_applicable', field: 'act', rule: LEAD_TIMES, params: { act, interpretation: LEAD_TIMES } }, `${act}: 10(3)'s lead times are not kept for this first session (${LEAD_TIMES} = ${b.use(LEAD_TIMES)})`);
  if (done) b.refuse({ code: 'duplicate', field: 'act', params: { value: act } }, `${act}: done already on ${done.on}`);
}

// ---- the procedure ---------------------------------------------------------------------------

export const firstSessionSpec = defineProcedure<FirstSessionFacts, FirstSessionStage, Input>({
  kind: 'first_session',
  workflowType: 'firstSession',
  procedure: 'P-02',
  title: { en: 'First session of a newly elected maslikhat', ru: 'Первая сессия вновь избранного маслихата', kk: 'Жаңадан сайланған мәслихаттың бірінші сессиясы' },
  input: FirstSessionInput,
  // one first session per convocation of the maslikhat
  workflowId: (i) => `first_session:${i.maslikhatId}:${i.convocation}`,
  startRoles: ['commission', 'administrator'],
  registered: (i) => unitAndMaslikhat(i),
  initial: 'registration',
  stages: ['registration', 'convened', 'opened', 'closed'],
  interpretations: ['total_deputies.base', 'art10.p1.registration_anchor', 'art10.p1.three_quarters_of', 'art10.convened', 'art10.p1.first_session_overdue', LEAD_TIMES],

  async start(b, input, io) {
    const roster = await rosterFor(io, input.maslikhatId, b.today(), input.roster);
    b.facts = { maslikhatId: input.maslikhatId, roster: shown(roster), registrations: [], anchor: null, session: null, opened: null, votes: [], chair: null };
    addRegistrations(b, roster, input.registrations, 'registrations');
    b.record('registrations', {
      type: 'first_session_registrations', at: new Date(b.now()).toISOString(), actor: input.startedBy,
      payload: { registrations: b.facts.registrations, roster: { source: roster.source, asOf: roster.date, seats: roster.seats, deputies: roster.deputies.length, ...(roster.digest ? { digest: roster.digest } : {}) }, interpretations: b.interpretations },
      citation: [b.cite('art10.p1.commission_chair_convenes'), b.cite(PERIOD)],
    });
    openPeriod(b);
    return b.facts;
  },

  acts: {
    // 20(2): more deputies registered (by-elections, late registrations)
    registerDeputies: act({
      title: ACT_TITLES.registerDeputies, input: RegisterDeputies, roles: ['commission', 'administrator'], stages: ['registration'],
      async load(b, a, input, io) {
        return rosterFor(io, input.maslikhatId, dateOfAt(a.at), input.roster);
      },
      apply(b, a, _input, roster) {
        addRegistrations(b, roster, a.registrations, 'registrations');
        b.facts.roster = shown(roster);
        b.record(`registrations/${b.facts.registrations.length}`, { type: 'first_session_registrations', at: a.at, actor: a.actor, payload: { added: a.registrations, registered: b.facts.registrations.length }, citation: b.cite(PERIOD) });
        openPeriod(b);
      },
    }),

    // 10(1): "созывается … при наличии не менее трех четвертей от числа депутатов, определенного для данного маслихата"
    convene: act({
      title: ACT_TITLES.convene, input: Convene, roles: ['commission'], stages: ['registration'],
      check(b, a) {
        const seats = b.facts.roster.seats;
        const n = b.facts.registrations.length;
        const d = b.peekThreshold(THREE_QUARTERS, seats, n);
        b.require(d, 'registrations', `registrations: ${n} of the ${seats} seats fixed for the maslikhat are filled; the first session needs ${d.required} (three quarters, Art. 10(1))`);
        if (a.session.date < dateOfAt(a.at)) b.refuse({ code: 'invalid_date', field: 'session.date', params: { value: a.session.date } }, `session.date: ${a.session.date} is before the act convening it (${dateOfAt(a.at)})`);
      },
      apply(b, a) {
        b.threshold(THREE_QUARTERS, b.facts.roster.seats, b.facts.registrations.length);
        const d = b.deadline(PERIOD)!;
        // art10.convened: the session day within the thirty days (default), or the act convening it
        const late = b.use('art10.convened') === 'session_day' ? d.overdue === true || a.session.date > d.period.date : b.isLate(PERIOD, a.at);
        b.cancel(PERIOD);
        b.facts.session = { date: a.session.date, place: a.session.place, convenedOn: dateOfAt(a.at), late };
        b.setStage('convened');
        // a day too near for the notice is not refused: the thirty days of 10(1) come first; the late notice is flagged (art10.p3.lead_time_missed)
        const lead = leadTimesApply(b) ? { noticeBy: b.open(NOTICE, a.session.date, 'notice_overdue').date, materialsBy: b.open(MATERIALS, a.session.date, 'materials_overdue').date } : {};
        if (leadTimesApply(b)) { b.facts.announced = null; b.facts.materials = null; }
        b.record('convened', { type: 'first_session_convened', at: a.at, actor: a.actor, payload: { session: b.facts.session, convenedBy: d.period.date, anchor: b.facts.anchor, thresholds: b.thresholds, ...lead }, citation: [b.cite('art10.p1.commission_chair_convenes'), b.cite(PERIOD), b.cite(THREE_QUARTERS), ...(leadTimesApply(b) ? [b.cite(NOTICE), b.cite(MATERIALS)] : [])] });
      },
    }),

    // 10(3) (art10.p3.first_session_lead_times): "сообщает депутатам, населению и акиму не позднее чем за десять дней до сессии"
    announce: act({
      title: ACT_TITLES.announce, input: Announce, roles: ['commission', 'administrator'], stages: ['convened'],
      check(b) {
        leadTimeAct(b, 'announce', b.facts.announced);
      },
      apply(b, a) {
        b.facts.announced = { on: dateOfAt(a.at), late: leadTimeGiven(b, NOTICE, a.at) };
        b.record('announced', { type: 'first_session_announced', at: a.at, actor: a.actor, payload: { deputies: a.deputies, population: a.population, late: b.facts.announced.late }, citation: b.cite(NOTICE) });
      },
    }),
    // 10(3): "не позднее чем за пять дней до сессии представляет депутатам и акиму необходимые материалы"
    provideMaterials: act({
      title: ACT_TITLES.provideMaterials, input: ProvideMaterials, roles: ['commission', 'administrator'], stages: ['convened'],
      check(b) {
        leadTimeAct(b, 'provideMaterials', b.facts.materials);
      },
      apply(b, a) {
        b.facts.materials = { on: dateOfAt(a.at), late: leadTimeGiven(b, MATERIALS, a.at) };
        b.record('materials', { type: 'first_session_materials', at: a.at, actor: a.actor, payload: { materials: a.materials, late: b.facts.materials.late }, citation: b.cite(MATERIALS) });
      },
    }),

    // 11(2): "Первую сессию маслихата открывает … председатель соответствующей избирательной комиссии"; 11(3): the quorum
    openSession: act({
      title: ACT_TITLES.openSession, input: OpenSession, roles: ['commission', 'administrator'], stages: ['convened'],
      check(b, a, input) {
        const day = b.facts.session!.date;
        if (dateOfAt(a.at) < day) b.refuse({ code: 'before_session', field: 'at', date: day, params: { date: day } }, `at: the session is convened for ${day}`);
        if (a.presidedBy.id !== input.commission.chair.id) {
          b.refuse({ code: 'not_presiding', field: 'presidedBy.id', rule: 'art11.p2.commission_chair_presides', citation: b.cite('art11.p2.commission_chair_presides'), params: { value: a.presidedBy.id } }, `presidedBy.id: ${a.presidedBy.id} is not the chair of the election commission (${input.commission.chair.id}), who presides until the session chair is elected (Art. 11(2))`);
        }
        checkSessionCounts(b, totalDeputies(b, b.facts.roster), a.present, 0);
        if (b.use('art10.p1.three_quarters_of') === 'present') b.require(b.peekThreshold(THREE_QUARTERS, b.facts.roster.seats, a.present), 'present', `present: three quarters of the seats must be present (art10.p1.three_quarters_of = present)`);
      },
      apply(b, a) {
        b.facts.opened = { date: dateOfAt(a.at), present: a.present, presidedBy: a.presidedBy.id };
        // the law names no consequence of a late or missing notice (art10.p3.lead_time_missed = flagged): recorded, the session opens
        const late = { notice: b.facts.announced === undefined ? undefined : !b.facts.announced || b.facts.announced.late, materials: b.facts.materials === undefined ? undefined : !b.facts.materials || b.facts.materials.late };
        if (b.facts.announced !== undefined) { b.cancel(NOTICE); b.cancel(MATERIALS); }
        b.threshold('art11.p3.quorum', totalDeputies(b, b.facts.roster), a.present);
        b.setStage('opened');
        b.record('opened', { type: 'first_session_opened', at: a.at, actor: a.actor, payload: { ...b.facts.opened, ...(late.notice === undefined ? {} : { late }) }, citation: [b.cite('art11.p2.commission_chair_presides'), b.cite('art11.p3.quorum')] });
      },
    }),

    // 18(2): "избирается открытым голосованием большинством голосов от общего числа депутатов"; 18(3): twice a calendar year at most
    electChair: act({
      title: ACT_TITLES.electChair, input: ElectChair, roles: ['commission', 'administrator'], stages: ['opened'],
      check(b, a) {
        if (!b.facts.registrations.some((r) => r.deputyId === a.deputyId)) b.refuse({ code: 'not_a_deputy', field: 'deputyId', params: { value: a.deputyId } }, `deputyId: ${a.deputyId} is not a registered deputy of this maslikhat`);
        checkSessionCounts(b, totalDeputies(b, b.facts.roster), a.present, a.votesFor);
        // "в течение календарного года": the elections of the same year (1 January – 31 December) as this one
        const year = dateOfAt(a.at).slice(0, 4);
        const earlier = a.earlierElections.filter((d) => d.slice(0, 4) === year && d <= dateOfAt(a.at)).length;
        refuseAboveChairCap(b, earlier, 'deputyId', (limit) => `deputyId: ${a.deputyId} was elected session chair ${earlier} times in ${year}; at most ${limit} in a calendar year (Art. 18(3))`);
      },
      apply(b, a) {
        const majority = b.threshold('art18.p2.chair_majority', totalDeputies(b, b.facts.roster), a.votesFor);
        b.facts.votes.push({ deputyId: a.deputyId, votesFor: a.votesFor, present: a.present, elected: majority.met });
        b.record(`chair/${b.facts.votes.length}`, { type: majority.met ? 'session_chair_elected' : 'session_chair_not_elected', at: a.at, actor: a.actor, payload: { deputyId: a.deputyId, present: a.present, votesFor: a.votesFor, threshold: majority }, citation: majority.citations });
        if (!majority.met) return;
        b.facts.chair = { deputyId: a.deputyId, date: dateOfAt(a.at) };
        // 11(2): from here the session chair presides; the procedure of the first session's convening ends
        b.setStage('closed', 'chair_elected');
      },
    }),

    withdraw: act({
      title: ACT_TITLES.withdraw, input: Withdraw, roles: ['commission', 'administrator'], stages: 'open',
      apply(b, a) {
        b.setStage('closed', 'withdrawn');
        b.record('withdrawn', { type: 'procedure_closed', at: a.at, actor: a.actor, payload: { outcome: 'withdrawn', reason: a.reason } });
      },
    }),
  },

  expiry: {
    // 10(3): the law names no consequence of a late notice or materials: shown overdue
    notice_overdue: expiry(() => 'overdue'),
    materials_overdue: expiry(() => 'overdue'),
    // the law names no consequence: a named interpretation; by default the commission and the akim are told
    convening_overdue: expiry((b, d, input) => {
      const how = b.use('art10.p1.first_session_overdue');
      if (how !== 'overdue_notice') return how;
      for (const to of [input.commission, input.akim]) {
        b.notify(`overdue/${to.role}/${d.period.date}`, noticeTo(to, 'akim_procedure_overdue', d.period.citations[0]!, d.period.instant, {
          procedure: PROCEDURE_TITLE, subject: input.maslikhatName, deadlineDate: d.period.date, step: OVERDUE_TEXT.step, consequence: OVERDUE_TEXT.consequence,
        }, d.period.instant));
      }
      return how;
    }),
  },
});

export const firstSessionDefinition = definitionOf(firstSessionSpec);

export async function firstSession(raw: FirstSessionInput): Promise<ProcedureState> {
  return runProcedure(firstSessionSpec, raw);
}
