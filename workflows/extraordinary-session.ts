// An extraordinary session of the maslikhat: Law 148, Art. 10(2)-(3) (catalogue P-04). Each act
// below is a sentence of the article; its words sit next to the code. Thresholds, periods and
// citations come from the pinned edition (rules art10.p2.*, art10.p3.*_extraordinary, art11.p3.*).
import { z } from 'zod';
import { defineProcedure, kit, type Io } from './engine/spec.js';
import { definitionOf } from './engine/pipeline.js';
import { runProcedure } from './engine/interpreter.js';
import type { Book } from './engine/book.js';
import type { Citation } from '../statute/types.js';
import type { Titles } from '../statute/editions/types.js';
import { ActBase, LegalDate, LegalTime, StartBase, type ProcedureState } from './procedure.js';
import { checkSessionCounts, dateOfAt, NoticeTarget, noticeTo, onlyInSimulations, RosterInput, rosterFor, shown, totalDeputies, type RosterShown, unitAndMaslikhat, leadTimeGiven } from './lib/maslikhat.js';
import { ACT_TITLES, LINKED_TITLES, SESSION_TEXT } from './extraordinary-session.texts.js';

// ---- input and acts ------------------------------------------------------------------------

const Id = z.string().min(1).max(128);
/**
 * 10(2): "вопросы, послужившие основанием для ее созыва". `for`: the procedure the issue belongs to,
 * one whose question is considered at a session (no_confidence, Art. 24(5); akim_consent, Art. 23-1(3)).
 */
export const Issue = z.strictObject({ id: z.string().min(1).max(100), title: z.string().min(1).max(2000), for: z.strictObject({ procedureId: Id }).optional() });

export const ExtraordinarySessionInput = StartBase.extend({
  maslikhatId: z.string().min(1),
  maslikhatName: z.string().min(1).max(300),
  /** 10(3): "сообщает депутатам, населению и акиму": the akim receives the notice of the session */
  akim: NoticeTarget,
  /** 10(2): "по предложению не менее одной трети от числа депутатов, избранных в данный маслихат, а также акима" */
  proposal: z.strictObject({
    id: Id,
    at: LegalTime,
    by: z.enum(['deputies', 'akim']),
    /** the proposing deputies (by: 'deputies'); none when the akim proposes */
    deputies: z.array(Id).max(9999).default([]),
    issues: z.array(Issue).min(1).max(100),
  }),
  /** what-if runs only: the roster instead of the register */
  roster: RosterInput.optional(),
})
  .refine((i) => !i.roster || i.simulation, onlyInSimulations)
  .refine((i) => (i.proposal.by === 'deputies') === i.proposal.deputies.length > 0, { path: ['proposal', 'deputies'], message: 'the proposing deputies, when and only when deputies propose' });
export type ExtraordinarySessionInput = z.input<typeof ExtraordinarySessionInput>;
type Input = z.output<typeof ExtraordinarySessionInput>;

export const Decide = ActBase.extend({ decision: z.strictObject({ number: Id }) });
export const Decline = ActBase.extend({ reason: z.string().min(1).max(2000) });
export const Convene = ActBase.extend({ session: z.strictObject({ date: LegalDate, place: z.string().min(1).max(500) }) });
/** 10(3): how deputies and the population were told (the akim is told by the system as well) */
export const Announce = ActBase.extend({ deputies: z.string().min(1).max(500), population: z.string().min(1).max(500) });
export const ProvideMaterials = ActBase.extend({ materials: z.array(z.strictObject({ issueId: Id, title: z.string().min(1).max(500) })).min(1).max(500) });
export const HoldSession = ActBase.extend({ present: z.number().int().min(0).max(9999), agenda: z.array(Id).min(1).max(100) });
export const Withdraw = ActBase.extend({ reason: z.string().min(1).max(2000) });

export type ExtraordinarySessionStage =
  | 'proposed' // 10(2): the proposal awaits the decision to hold the session
  | 'decided' // 10(2): "не позднее чем в пятидневный срок со дня принятия решения"
  | 'convened' // 10(3): notice and materials "не позднее чем за три дня"
  | 'closed';

export interface ExtraordinarySessionFacts {
  maslikhatId: string;
  roster: RosterShown;
  proposal: { id: string; at: string; by: 'deputies' | 'akim'; deputies: number; issues: z.output<typeof Issue>[] };
  decision: { on: string; number: string } | null;
  session: { date: string; place: string; convenedOn: string } | null;
  /** which of the law's periods were missed */
  late: { convened?: boolean; notice?: boolean; materials?: boolean };
  announced: string | null;
  materials: string | null;
  held: { date: string; present: number; agenda: string[] } | null;
  /** the procedures the issues belong to (an issue's `for`), checked in the procedures registry at start */
  links: Link[];
}

/** An issue of the session linked to the procedure that needs the session. */
export interface Link {
  issueId: string;
  procedureId: string;
  kind: LinkedKind;
  title: Titles;
  /** the article of the linked procedure that puts its question to a session */
  citation: Citation;
}

type B = Book<ExtraordinarySessionFacts, ExtraordinarySessionStage>;
const { act, expiry } = kit<ExtraordinarySessionFacts, ExtraordinarySessionStage, Input>();
const CONVENED = 'art10.p2.extraordinary_convened';
const NOTICE = 'art10.p3.notice_extraordinary';
const MATERIALS = 'art10.p3.materials_extraordinary';

// 10(2): "исключительно вопросы, послужившие основанием для ее созыва"
function onlyGrounds(b: B, ids: readonly string[], field: string): void {
  for (const [i, id] of ids.entries()) {
    if (b.facts.proposal.issues.some((x) => x.id === id)) continue;
    b.refuse({ code: 'not_a_ground', field: `${field}.${i}`, rule: 'art10.p2.only_grounds', citation: b.cite('art10.p2.only_grounds'), params: { value: id } },
      `${field}.${i}: ${id} was not among the grounds of the extraordinary session (Art. 10(2))`);
  }
}

// The procedures whose question is considered at a session of the same maslikhat, and the rule saying so
const LINKED_RULES = {
  // 24(5): the question of no confidence is considered at a session "в течение одного месяца"
  no_confidence: 'art24.p5.session',
  // 23-1(3): the consent is considered at a session, "на внеочередной сессии" with the candidate present
  akim_consent: 'art23_1.p3.candidate_presence',
} as const;
type LinkedKind = keyof typeof LINKED_RULES;
const isLinkedKind = (k: string): k is LinkedKind => Object.hasOwn(LINKED_RULES, k);

/** Each issue's `for`: a registered no_confidence or akim_consent procedure of the same maslikhat (read through io). */
async function linksOf(b: B, input: Input, io: Io): Promise<Link[]> {
  const links: Link[] = [];
  for (const [i, issue] of input.proposal.issues.entries()) {
    if (!issue.for) continue;
    const field = `proposal.issues.${i}.for.procedureId`;
    const id = issue.for.procedureId;
    const reg = await io.procedureRegistration({ procedureId: id });
    if (!reg) b.refuse({ code: 'no_such_procedure', field, params: { value: id } }, `${field}: no procedure ${id} is registered`);
    if (!isLinkedKind(reg.kind)) {
      b.refuse({ code: 'not_a_session_procedure', field, rule: 'art10.p2.only_grounds', citation: b.cite('art10.p2.only_grounds'), params: { value: id, kind: reg.kind } },
        `${field}: ${id} is a ${reg.kind} procedure; an issue links only to no_confidence (Art. 24(5)) or akim_consent (Art. 23-1(3))`);
    }
    const of = (reg.input as { maslikhatId?: unknown } | null)?.maslikhatId;
    if (of !== input.maslikhatId) {
      b.refuse({ code: 'other_maslikhat', field, params: { value: id, maslikhat: String(of ?? ''), expected: input.maslikhatId } },
        `${field}: ${id} is a procedure of maslikhat ${String(of)}, not of ${input.maslikhatId}`);
    }
    links.push({ issueId: issue.id, procedureId: id, kind: reg.kind, title: LINKED_TITLES[reg.kind], citation: b.cite(LINKED_RULES[reg.kind]) });
  }
  return links;
}

/** A lead time of 10(3) met or missed by an act on `at`; closes the deadline. */
// ---- the procedure ---------------------------------------------------------------------------

export const extraordinarySessionSpec = defineProcedure<ExtraordinarySessionFacts, ExtraordinarySessionStage, Input>({
  kind: 'extraordinary_session',
  workflowType: 'extraordinarySession',
  procedure: 'P-04',
  title: { en: 'Extraordinary session of the maslikhat', ru: 'Внеочередная сессия маслихата', kk: 'Мәслихаттың кезектен тыс сессиясы' },
  input: ExtraordinarySessionInput,
  // one procedure per proposal
  workflowId: (i) => `extraordinary_session:${i.maslikhatId}:${i.proposal.id}`,
  registered: (i) => unitAndMaslikhat(i),
  initial: 'proposed',
  stages: ['proposed', 'decided', 'convened', 'closed'],
  interpretations: ['total_deputies.base', 'art10.convened', 'art10.p2.proposal_declined'],

  async start(b, input, io) {
    const p = input.proposal;
    b.notFuture(p.at, 'proposal.at');
    const roster = await rosterFor(io, input.maslikhatId, dateOfAt(p.at), input.roster);
    if (p.by === 'deputies') {
      const seen = new Set<string>();
      for (const [i, id] of p.deputies.entries()) {
        if (!roster.deputies.some((d) => d.id === id)) b.refuse({ code: 'not_a_deputy', field: `proposal.deputies.${i}`, params: { value: id } }, `proposal.deputies.${i}: ${id} is not a deputy of ${input.maslikhatId} on ${dateOfAt(p.at)}`);
        if (seen.has(id)) b.refuse({ code: 'duplicate', field: `proposal.deputies.${i}`, params: { value: id } }, `proposal.deputies.${i}: ${id} is listed twice`);
        seen.add(id);
      }
      // "не менее одной трети от числа депутатов, избранных в данный маслихат": the deputies elected, not the seats
      const third = b.threshold('art10.p2.extraordinary_initiators', roster.deputies.length, p.deputies.length);
      b.require(third, 'proposal.deputies', `proposal.deputies: ${p.deputies.length} of ${roster.deputies.length} elected deputies is fewer than a third (${third.required} needed, Art. 10(2))`);
    }
    const issues = new Set(p.issues.map((x) => x.id));
    if (issues.size !== p.issues.length) b.refuse({ code: 'duplicate', field: 'proposal.issues', params: { value: 'id' } }, 'proposal.issues: an issue id is listed twice');
    const links = await linksOf(b, input, io);
    b.facts = {
      maslikhatId: input.maslikhatId, roster: shown(roster), proposal: { id: p.id, at: p.at, by: p.by, deputies: p.deputies.length, issues: p.issues },
      decision: null, session: null, late: {}, announced: null, materials: null, held: null, links,
    };
    b.record('proposal', {
      type: 'extraordinary_session_proposed', at: p.at, actor: input.startedBy,
      // a linked issue: the link and the article of its procedure beside 10(2) (nothing added without one)
      payload: { proposal: p, roster: b.facts.roster, thresholds: b.thresholds, interpretations: b.interpretations, ...(links.length > 0 ? { links } : {}) },
      citation: links.length > 0 ? [b.cite('art10.p2.extraordinary_initiators'), ...links.map((l) => l.citation)] : b.cite('art10.p2.extraordinary_initiators'),
    });
    return b.facts;
  },

  acts: {
    // 10(2), 18(4)(1): the session chair decides to hold it; "не позднее чем в пятидневный срок со дня принятия решения"
    decide: act({
      title: ACT_TITLES.decide, input: Decide, roles: ['administrator'], stages: ['proposed'],
      apply(b, a) {
        b.facts.decision = { on: dateOfAt(a.at), number: a.decision.number };
        const by = b.open(CONVENED, b.facts.decision.on, 'convening_overdue');
        b.setStage('decided');
        b.record('decision', { type: 'extraordinary_session_decided', at: a.at, actor: a.actor, payload: { decision: b.facts.decision, convenedBy: by.date }, citation: [b.cite('art10.p2.chair_convenes'), b.cite(CONVENED)] });
      },
    }),

    // T-46: the law gives no power to decline; only under the interpretation that it does
    decline: act({
      title: ACT_TITLES.decline, input: Decline, roles: ['administrator'], stages: ['proposed'],
      check(b) {
        if (b.use('art10.p2.proposal_declined') !== 'may_decline') {
          b.refuse({ code: 'decline_not_allowed', field: 'act', rule: 'art10.p2.extraordinary_initiators', citation: b.cite('art10.p2.extraordinary_initiators') }, 'decline: the law gives no power to decline a valid proposal (interpretation art10.p2.proposal_declined = must_decide)');
        }
      },
      apply(b, a) {
        b.setStage('closed', 'declined');
        b.record('declined', { type: 'procedure_closed', at: a.at, actor: a.actor, payload: { outcome: 'declined', reason: a.reason }, citation: b.cite('art10.p2.extraordinary_initiators') });
      },
    }),

    // 10(2)-(3): the day and place of the session; the notice and the materials are owed three days before it
    convene: act({
      title: ACT_TITLES.convene, input: Convene, roles: ['administrator'], stages: ['decided'],
      check(b, a) {
        if (a.session.date < dateOfAt(a.at)) b.refuse({ code: 'invalid_date', field: 'session.date', params: { value: a.session.date } }, `session.date: ${a.session.date} is before the act convening it (${dateOfAt(a.at)})`);
      },
      apply(b, a, input) {
        const d = b.deadline(CONVENED)!;
        // art10.convened: the session day must fall within the five days (default), or the act convening it
        const late = b.use('art10.convened') === 'session_day' ? d.overdue === true || a.session.date > d.period.date : b.isLate(CONVENED, a.at);
        b.cancel(CONVENED);
        b.facts.session = { date: a.session.date, place: a.session.place, convenedOn: dateOfAt(a.at) };
        b.facts.late.convened = late;
        const notice = b.open(NOTICE, a.session.date, 'notice_overdue');
        const materials = b.open(MATERIALS, a.session.date, 'materials_overdue');
        b.setStage('convened');
        b.record('convened', {
          type: 'extraordinary_session_convened', at: a.at, actor: a.actor,
          payload: { session: b.facts.session, late, convenedBy: d.period.date, noticeBy: notice.date, materialsBy: materials.date },
          citation: [b.cite(CONVENED), b.cite(NOTICE), b.cite(MATERIALS)],
        });
        // the akim is one of the three the secretary tells (10(3)); the system sends it the notice too
        b.notify('convened/akim', noticeTo(input.akim, 'session_convened', b.cite(NOTICE), a.at, {
          maslikhat: input.maslikhatName, session: SESSION_TEXT, sessionDate: a.session.date, place: a.session.place, issues: b.facts.proposal.issues.map((x) => x.title).join('; '),
        }, notice.instant));
      },
    }),

    // 10(3): "сообщает депутатам, населению и акиму … не позднее чем за три дня"
    announce: act({
      title: ACT_TITLES.announce, input: Announce, roles: ['administrator'], stages: ['convened'],
      check(b) {
        if (b.facts.announced) b.refuse({ code: 'duplicate', field: 'act', params: { value: 'announce' } }, 'announce: the session was announced already');
      },
      apply(b, a) {
        b.facts.announced = dateOfAt(a.at);
        b.facts.late.notice = leadTimeGiven(b, NOTICE, a.at);
        b.record('announced', { type: 'extraordinary_session_announced', at: a.at, actor: a.actor, payload: { deputies: a.deputies, population: a.population, late: b.facts.late.notice }, citation: b.cite(NOTICE) });
      },
    }),

    // 10(3): "представляет депутатам и акиму необходимые материалы" on the issues of the session
    provideMaterials: act({
      title: ACT_TITLES.provideMaterials, input: ProvideMaterials, roles: ['administrator'], stages: ['convened'],
      check(b, a) {
        if (b.facts.materials) b.refuse({ code: 'duplicate', field: 'act', params: { value: 'provideMaterials' } }, 'provideMaterials: the materials were provided already');
        onlyGrounds(b, a.materials.map((m) => m.issueId), 'materials');
      },
      apply(b, a) {
        b.facts.materials = dateOfAt(a.at);
        b.facts.late.materials = leadTimeGiven(b, MATERIALS, a.at);
        b.record('materials', { type: 'extraordinary_session_materials', at: a.at, actor: a.actor, payload: { materials: a.materials, late: b.facts.late.materials }, citation: b.cite(MATERIALS) });
      },
    }),

    // 10(2): "исключительно вопросы, послужившие основанием для ее созыва"; 11(3): the quorum
    holdSession: act({
      title: ACT_TITLES.holdSession, input: HoldSession, roles: ['administrator'], stages: ['convened'],
      check(b, a) {
        const day = b.facts.session!.date;
        if (dateOfAt(a.at) < day) b.refuse({ code: 'before_session', field: 'at', date: day, params: { date: day } }, `at: the session is convened for ${day}`);
        onlyGrounds(b, a.agenda, 'agenda');
        checkSessionCounts(b, totalDeputies(b, b.facts.roster), a.present, 0);
      },
      apply(b, a) {
        b.facts.held = { date: dateOfAt(a.at), present: a.present, agenda: a.agenda };
        b.threshold('art11.p3.quorum', totalDeputies(b, b.facts.roster), a.present);
        b.setStage('closed', 'held');
        b.record('held', { type: 'extraordinary_session_held', at: a.at, actor: a.actor, payload: { ...b.facts.held, late: b.facts.late }, citation: [b.cite('art10.p2.only_grounds'), b.cite('art11.p3.quorum')] });
      },
    }),

    withdraw: act({
      title: ACT_TITLES.withdraw, input: Withdraw, roles: ['administrator'], stages: 'open',
      apply(b, a) {
        b.setStage('closed', 'withdrawn');
        b.record('withdrawn', { type: 'procedure_closed', at: a.at, actor: a.actor, payload: { outcome: 'withdrawn', reason: a.reason } });
      },
    }),
  },

  // the law names no consequence for any of the three periods: each is shown overdue until its act comes
  expiry: {
    convening_overdue: expiry(() => 'overdue'),
    notice_overdue: expiry(() => 'overdue'),
    materials_overdue: expiry(() => 'overdue'),
  },
});

export const extraordinarySessionDefinition = definitionOf(extraordinarySessionSpec);

export async function extraordinarySession(raw: ExtraordinarySessionInput): Promise<ProcedureState> {
  return runProcedure(extraordinarySessionSpec, raw);
}
