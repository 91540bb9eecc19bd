// A regular session of a maslikhat: Law 148, Arts 7(2), 10(2)-(3), 11, 18, 19 (catalogue P-03,
// P-05, P-06). Every number and citation comes from the pinned edition (rules art10.*, art11.*,
// art18.*, art19.*, art7.p2.*); the texts are in regular-session.texts.ts.
//
// Design. One procedure is one session, from the chair's decision to convene (its start) to the
// publication of its decisions: the law's deadlines are all counted from or back to the session
// day (10(3)) or a break (11(4)), so one session is the unit that has them. Agenda items are not
// procedures of their own: each is voted as an act of the sitting (`decide`), with the quorum of
// 11(3), the majority of the total, the chair's casting vote (18(6)) and the fiscal gate of 7(2).
// What spans sessions is not kept in any one history: the regular sessions of a year (10(2)) and
// the chair elections of a deputy in a calendar year (18(3)) are marks in PostgreSQL
// (activities/sessions.ts, as senate_recall_bars keeps 24-1(6)), written in an act's `load` and
// counted there, so the year is tracked from the records of all sessions, whatever their runs.
// A session held while the year still lacks regular sessions opens the deadline by which the next
// one must be announced for four to fit (see `yearPlan`), and warns the secretary at once; when it
// passes with too few sessions convened, the secretary is told the fourth can no longer fit.
import type { IsoDate } from '../statute/types.js';
import { defineProcedure, kit } from './engine/spec.js';
import { definitionOf } from './engine/pipeline.js';
import { runProcedure } from './engine/interpreter.js';
import type { Book } from './engine/book.js';
import type { ProcedureState } from './procedure.js';
import { castingVote, checkSessionCounts, dateOfAt, noticeTo, refuseAboveChairCap, rosterFor, sessionVote, shown, totalDeputies, unitAndMaslikhat } from './lib/maslikhat.js';
import { ACT_TITLES, PROCEDURE_TEXT, TITLE } from './regular-session.texts.js';
import { AkimConclusion, Announce, CloseSession, ClosedSitting, Decide, ElectChair, Materials, Open, Publish, Recess, RegularSessionInput, Reschedule, Resume, SignProtocol, type Input, type Item, type RegularSessionFacts, type Stage } from './regular-session.schema.js';

export { RegularSessionInput, type RegularSessionFacts };
type B = Book<RegularSessionFacts, Stage>;
const { act, expiry, expiryWith } = kit<RegularSessionFacts, Stage, Input>();
const [NOTICE, MATERIALS, BREAK, YEAR] = ['art10.p3.notice_regular', 'art10.p3.materials_regular', 'art11.p4.break_max', 'art10.p2.regular_per_year'] as const;
const total = (b: B) => totalDeputies(b, b.facts.roster);
const day = (at: string) => dateOfAt(at);
/** A period computed for a check, not noted (the act may still be refused). */
const addDays = (d: IsoDate, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

// ---- the convening: 10(3), counted back from the session day ---------------------------------
/** A session day on `d` leaves time for the notice of 10(3) when decided on `decided`; refused otherwise (both readings of art10.p3.lead_time_missed). */
function checkSessionDay(b: B, d: IsoDate, decided: IsoDate, field: string): void {
  const notice = b.peekPeriod(NOTICE, d);
  if (notice.date < decided) {
    b.tooLate(NOTICE, notice.date, `${field}: a session on ${d} needed its notice by ${notice.date} (Art. 10(3)); decided on ${decided}`, field);
  }
}

function openLeadTimes(b: B, d: IsoDate): void {
  b.open(NOTICE, d, 'notice_overdue');
  b.open(MATERIALS, d, 'materials_overdue');
}

// ---- the year: 10(2), four regular sessions; the calendar year or the term year --------------

/** The year (art10.p2.year) that holds `d`. */
function yearOf(b: B, d: IsoDate, input: Input): { from: IsoDate; to: IsoDate } {
  if (b.use('art10.p2.year') === 'term_year' && input.termStart) {
    let y = Number(d.slice(0, 4));
    // an anniversary on 29 February falls on the 28th in other years (as period.month_end, last_day_of_month)
    const md = input.termStart.slice(4) === '-02-29' ? '-02-28' : input.termStart.slice(4);
    const at = (year: number) => `${year}${md}`;
    if (at(y) > d) y--;
    return { from: at(y), to: addDays(at(y + 1), -1) };
  }
  return { from: `${d.slice(0, 4)}-01-01`, to: `${d.slice(0, 4)}-12-31` };
}

/**
 * The last day on which the notice of the next regular session can go out so that `needed` more
 * fit before `end`: the last on `end` at the latest, each one before it by the notice day of the
 * one after it (its chair is elected at the session before, 18(3), and decides to convene, 18(4)(1),
 * so a notice cannot precede the session before), the next one's notice 10(3) days before that.
 */
function yearPlan(b: B, end: IsoDate, needed: number) {
  let last = end;
  for (let i = 1; i < needed; i++) last = b.period(NOTICE, last).date;
  return b.period(NOTICE, last);
}

// ---- the votes: 11(3) majority of the total, 11(6) of those present, 18(6) the casting vote ------

function counts(b: B, a: { present: number; votesFor: number; votesAgainst: number }): void {
  checkSessionCounts(b, total(b), a.present, a.votesFor);
  if (a.votesFor + a.votesAgainst > a.present) b.refuse({ code: 'count_exceeds_base', field: 'votesAgainst', params: { field: 'votesAgainst', actual: a.votesFor + a.votesAgainst, base: a.present } }, `votesFor + votesAgainst (${a.votesFor + a.votesAgainst}) exceed the deputies present (${a.present})`);
}

export const regularSessionSpec = defineProcedure<RegularSessionFacts, Stage, Input>({
  kind: 'regular_session', workflowType: 'regularSession', procedure: 'P-03', title: TITLE,
  input: RegularSessionInput,
  // one procedure per session of a maslikhat
  workflowId: (i) => `regular_session:${i.maslikhatId}:${i.session.number}`,
  registered: (i) => unitAndMaslikhat(i),
  unit: (i) => i.unit,
  initial: 'convened',
  stages: ['convened', 'sitting', 'break', 'ended', 'signed', 'closed'],
  interpretations: ['total_deputies.base', 'art10.p2.year', 'art10.p3.lead_time_missed', 'art18.p6.casting_vote', 'art18.p3.year_of_election', 'art11.p4.break_end'],

  async start(b, input, io) {
    const c = input.convening;
    b.notFuture(c.at, 'convening.at');
    const decided = day(c.at);
    if (c.day <= decided) b.refuse({ code: 'not_after_decision', field: 'convening.day', params: { value: c.day, decided } }, `convening.day: the session day ${c.day} must come after the decision to convene (${decided})`);
    checkSessionDay(b, c.day, decided, 'convening.day');
    if (b.use('art10.p2.year') === 'term_year' && !input.termStart) b.refuse({ code: 'invalid_input', field: 'termStart', params: { field: 'termStart' } }, 'termStart: the term year (art10.p2.year = term_year) counts from the first session');
    // 18(3) read as art18.p3.year_of_election = chaired_session_day: the chairing is counted when the session is convened
    if (b.use('art18.p3.year_of_election') === 'chaired_session_day') {
      const y = `${c.day.slice(0, 4)}`;
      const n = await io.countSessionMarks({ maslikhatId: input.maslikhatId, mark: 'chaired', subjectId: c.chair.deputyId, from: `${y}-01-01`, to: `${y}-12-31`, exceptProcedureId: b.procedureId });
      capChair(b, n.count, 'convening.chair.deputyId');
    }
    const roster = await rosterFor(io, input.maslikhatId, decided, input.roster);
    b.facts = {
      maslikhatId: input.maslikhatId, session: input.session.number, roster: shown(roster), convenedBy: c.by, chair: c.chair.deputyId, day: c.day, place: c.place, agenda: c.agenda,
      announced: null, materials: null, presiding: null, closedSitting: null, conclusions: {}, decisions: [], breaks: [], nextChair: null, year: null, protocol: null, published: null,
    };
    openLeadTimes(b, c.day);
    b.record('convened', {
      type: 'regular_session_convened', at: c.at, actor: input.startedBy,
      payload: { session: input.session.number, by: c.by, chair: c.chair.deputyId, day: c.day, place: c.place, agenda: c.agenda, interpretations: b.interpretations },
      citation: [b.cite('art18.p4.convening_decision'), ...(c.by === 'secretary' ? [b.cite('art18.p3.chair_absent')] : [])],
    });
    return b.facts;
  },

  acts: {
    // ---- 10(3): notice and materials, no later than 10 and 5 days before -----------------------
    announce: act({
      title: ACT_TITLES.announce!, input: Announce, roles: ['administrator'], stages: ['convened'],
      check(b) {
        if (b.facts.announced) b.refuse({ code: 'already_done', field: 'act', params: { act: 'announce' } }, 'the session has been announced');
      },
      async load(b, a, input, io) {
        await io.recordSessionMark({ procedureId: b.procedureId, maslikhatId: input.maslikhatId, mark: 'convened', onDate: b.facts.day, citation: b.cite(YEAR) });
      },
      apply(b, a, input) {
        const late = b.isLate(NOTICE, a.at);
        b.facts.announced = { at: a.at, late };
        b.cancel(NOTICE);
        b.record(`announced/${b.facts.day}`, { type: 'regular_session_announced', at: a.at, actor: a.actor, payload: { day: b.facts.day, place: b.facts.place, agenda: b.facts.agenda.map((i) => i.title), late }, citation: b.cite(NOTICE) });
        const params = { maslikhat: input.maslikhatName, session: input.session.number, sessionDate: b.facts.day, place: b.facts.place, agenda: b.facts.agenda.map((i) => i.title).join('; ') };
        for (const to of ['deputies', 'population', 'akim'] as const) b.notify(`announced/${to}/${b.facts.day}`, noticeTo(input.addressees[to], 'regular_session_notice', b.cite(NOTICE), a.at, params));
      },
    }),
    materials: act({
      title: ACT_TITLES.materials!, input: Materials, roles: ['administrator'], stages: ['convened'],
      check(b, a) {
        const unknown = a.documents.find((d) => !b.facts.agenda.some((i) => i.id === d.itemId));
        if (unknown) b.refuse({ code: 'unknown_item', field: 'documents', params: { value: unknown.itemId } }, `documents: ${unknown.itemId} is not on the agenda`);
      },
      apply(b, a, input) {
        const late = b.isLate(MATERIALS, a.at);
        b.facts.materials = { at: a.at, late };
        b.cancel(MATERIALS);
        b.record(`materials/${b.acts.length}`, { type: 'regular_session_materials', at: a.at, actor: a.actor, payload: { documents: a.documents, late }, citation: b.cite(MATERIALS) });
        const params = { maslikhat: input.maslikhatName, session: input.session.number, sessionDate: b.facts.day, materials: a.documents.map((d) => d.title).join('; ') };
        for (const to of ['deputies', 'akim'] as const) b.notify(`materials/${to}/${b.acts.length}`, noticeTo(input.addressees[to], 'regular_session_materials', b.cite(MATERIALS), a.at, params));
      },
    }),
    reschedule: act({
      title: ACT_TITLES.reschedule!, input: Reschedule, roles: ['administrator'], stages: ['convened'],
      check(b, a) {
        if (a.day <= day(a.at)) b.refuse({ code: 'not_after_decision', field: 'day', params: { value: a.day, decided: day(a.at) } }, `day: the new session day must come after ${day(a.at)}`);
        checkSessionDay(b, a.day, day(a.at), 'day');
      },
      apply(b, a) {
        // the notice and the materials of the old day do not announce the new one: both are due again
        b.record(`rescheduled/${a.day}`, { type: 'regular_session_rescheduled', at: a.at, actor: a.actor, payload: { from: b.facts.day, to: a.day, reason: a.reason }, citation: b.cite('art18.p4.convening_decision') });
        b.facts.day = a.day;
        b.facts.announced = null;
        b.facts.materials = null;
        openLeadTimes(b, a.day);
      },
    }),
    // 7(2): "лишь при наличии положительного заключения акима"
    akimConclusion: act({
      title: ACT_TITLES.akimConclusion!, input: AkimConclusion, roles: ['administrator'], stages: ['convened', 'sitting', 'break'],
      check(b, a) {
        item(b, a.itemId);
      },
      apply(b, a) {
        b.facts.conclusions[a.itemId] = { positive: a.positive, document: a.document };
        b.record(`conclusion/${a.itemId}/${b.acts.length}`, { type: 'akim_conclusion', at: a.at, actor: a.actor, payload: { itemId: a.itemId, positive: a.positive, document: a.document }, citation: b.cite('art7.p2.fiscal_gate') });
      },
    }),

    // ---- 11(3): the sitting opens with a quorum of 2/3 of the total ------------------------------
    open: act({
      title: ACT_TITLES.open!, input: Open, roles: ['administrator'], stages: ['convened'],
      check(b, a) {
        if (day(a.at) !== b.facts.day) b.refuse({ code: 'not_session_day', field: 'at', params: { value: day(a.at), date: b.facts.day } }, `at: the session was convened for ${b.facts.day}`);
        if (b.use('art10.p3.lead_time_missed') === 'session_postponed') {
          for (const [rule, done] of [[NOTICE, b.facts.announced], [MATERIALS, b.facts.materials]] as const) {
            const p = b.periodNow(rule)!;
            if (!done ? true : done.late) b.tooLate(rule, p.date, `at: the ${rule === NOTICE ? 'notice' : 'materials'} of 10(3) were due by ${p.date}; the session cannot be held on ${b.facts.day} (art10.p3.lead_time_missed = session_postponed): reschedule`);
          }
        }
        checkSessionCounts(b, total(b), a.present, 0);
      },
      async load(b, a, input, io) {
        const y = yearOf(b, b.facts.day, input);
        await io.recordSessionMark({ procedureId: b.procedureId, maslikhatId: input.maslikhatId, mark: 'convened', onDate: b.facts.day, citation: b.cite(YEAR) });
        await io.recordSessionMark({ procedureId: b.procedureId, maslikhatId: input.maslikhatId, mark: 'held', onDate: b.facts.day, citation: b.cite(YEAR) });
        if (a.presiding === 'chair') await io.recordSessionMark({ procedureId: b.procedureId, maslikhatId: input.maslikhatId, mark: 'chaired', subjectId: b.facts.chair, onDate: b.facts.day, citation: b.cite('art18.p3.chair_twice_a_year') });
        return (await io.countSessionMarks({ maslikhatId: input.maslikhatId, mark: 'held', from: y.from, to: y.to, exceptProcedureId: b.procedureId })).count;
      },
      apply(b, a, input, heldBefore) {
        b.facts.presiding = a.presiding;
        const quorum = b.threshold('art11.p3.quorum', total(b), a.present);
        const late = { notice: !b.facts.announced || b.facts.announced.late, materials: !b.facts.materials || b.facts.materials.late };
        b.cancel(NOTICE);
        b.cancel(MATERIALS);
        b.setStage('sitting');
        b.record('opened', { type: 'regular_session_opened', at: a.at, actor: a.actor, payload: { presiding: a.presiding, present: a.present, quorum, late, roster: b.facts.roster }, citation: [...quorum.citations, ...(a.presiding === 'secretary' ? [b.cite('art18.p3.chair_absent')] : [])] });
        planYear(b, input, a.at, heldBefore + 1);
      },
    }),

    // ---- 11(6): a closed sitting ------------------------------------------------------------
    closedSitting: act({
      title: ACT_TITLES.closedSitting!, input: ClosedSitting, roles: ['administrator'], stages: ['sitting'],
      check(b, a) {
        counts(b, a);
        // "по предложению председателя сессии маслихата или одной трети от числа депутатов, присутствующих на сессии"
        if (a.proposedBy === 'deputies') b.require(b.peekThreshold('art11.p6.closed_session_proposers', a.present, a.proposers), 'proposers', `proposers: a closed sitting is proposed by the chair or a third of the ${a.present} deputies present`);
        castingVote(b, a);
      },
      apply(b, a) {
        const v = sessionVote(b, 'art11.p6.closed_session_decision', a.present, a);
        b.facts.closedSitting = v.adopted;
        b.record(`closed-sitting/${b.acts.length}`, { type: 'closed_sitting_vote', at: a.at, actor: a.actor, payload: { proposedBy: a.proposedBy, proposers: a.proposers, ...v }, citation: v.citations });
      },
    }),

    // ---- 11(3), 7(2), 18(6): an agenda item --------------------------------------------------
    decide: act({
      title: ACT_TITLES.decide!, input: Decide, roles: ['administrator'], stages: ['sitting'],
      check(b, a) {
        const it = item(b, a.itemId);
        if (b.facts.decisions.some((d) => d.itemId === a.itemId)) b.refuse({ code: 'already_done', field: 'itemId', params: { value: a.itemId } }, `itemId: ${a.itemId} has been voted`);
        if (it.fiscal !== 'none' && !b.facts.conclusions[it.id]?.positive) {
          b.refuse({ code: 'fiscal_gate', field: 'itemId', rule: 'art7.p2.fiscal_gate', citation: b.cite('art7.p2.fiscal_gate'), params: { value: a.itemId } }, `itemId: ${a.itemId} (${it.fiscal}) may be considered only with the akim's positive conclusion (Art. 7(2))`);
        }
        counts(b, a);
        castingVote(b, a);
      },
      apply(b, a) {
        const v = sessionVote(b, 'art11.p3.decision_majority', total(b), a);
        b.facts.decisions.push({ itemId: a.itemId, adopted: v.adopted, votesFor: a.votesFor, votesAgainst: a.votesAgainst, casting: a.castingVote ?? null });
        b.record(`decision/${a.itemId}`, { type: 'session_decision', at: a.at, actor: a.actor, payload: { itemId: a.itemId, closed: b.facts.closedSitting === true, ...v }, citation: v.citations });
      },
    }),

    // ---- 11(4): a break of at most 15 calendar days --------------------------------------------
    recess: act({
      title: ACT_TITLES.recess!, input: Recess, roles: ['administrator'], stages: ['sitting'],
      check(b, a) {
        counts(b, a);
        castingVote(b, a);
        const last = b.peekPeriod(BREAK, day(a.at)).date;
        if (a.resumesOn <= day(a.at)) b.refuse({ code: 'not_after_decision', field: 'resumesOn', params: { value: a.resumesOn, decided: day(a.at) } }, `resumesOn: a break ends after the day it is decided (${day(a.at)})`);
        if (a.resumesOn > last) b.tooLate(BREAK, last, `resumesOn: a break from ${day(a.at)} may not exceed fifteen calendar days: the session resumes by ${last} (Art. 11(4))`, 'resumesOn');
      },
      apply(b, a) {
        const v = sessionVote(b, 'art11.p3.decision_majority', total(b), a);
        b.record(`break/${b.facts.breaks.length + 1}`, { type: 'session_break', at: a.at, actor: a.actor, payload: { resumesOn: a.resumesOn, ...v }, citation: [...v.citations, b.cite(BREAK)] });
        if (!v.adopted) return;
        b.facts.breaks.push({ from: day(a.at), resumesOn: a.resumesOn, resumedOn: null, late: false });
        b.open(BREAK, day(a.at), 'break_overdue');
        b.setStage('break');
      },
    }),
    resume: act({
      title: ACT_TITLES.resume!, input: Resume, roles: ['administrator'], stages: ['break'],
      check(b, a) {
        checkSessionCounts(b, total(b), a.present, 0);
      },
      apply(b, a) {
        const br = b.facts.breaks.at(-1)!;
        br.resumedOn = day(a.at);
        br.late = b.isLate(BREAK, a.at);
        const quorum = b.threshold('art11.p3.quorum', total(b), a.present);
        b.cancel(BREAK);
        b.setStage('sitting');
        b.record(`resumed/${b.facts.breaks.length}`, { type: 'session_resumed', at: a.at, actor: a.actor, payload: { present: a.present, quorum, late: br.late }, citation: [...quorum.citations, b.cite(BREAK)] });
      },
    }),

    // ---- 18(2)-(3): the chair of the next regular session, at most twice a calendar year ---------
    electChair: act({
      title: ACT_TITLES.electChair!, input: ElectChair, roles: ['administrator'], stages: ['sitting'],
      check(b, a) {
        if (b.facts.nextChair) b.refuse({ code: 'already_done', field: 'deputyId', params: { value: b.facts.nextChair } }, `deputyId: ${b.facts.nextChair} has been elected chair of the next session`);
        counts(b, a);
        castingVote(b, a);
      },
      async load(b, a, input, io) {
        const v = sessionVote(b, 'art18.p2.chair_majority', total(b), a, true);
        if (!v.adopted || b.use('art18.p3.year_of_election') !== 'election_day') return;
        const y = day(a.at).slice(0, 4);
        const n = await io.countSessionMarks({ maslikhatId: input.maslikhatId, mark: 'chair_elected', subjectId: a.deputyId, from: `${y}-01-01`, to: `${y}-12-31`, exceptProcedureId: b.procedureId });
        capChair(b, n.count, 'deputyId');
        await io.recordSessionMark({ procedureId: b.procedureId, maslikhatId: input.maslikhatId, mark: 'chair_elected', subjectId: a.deputyId, onDate: day(a.at), citation: b.cite('art18.p3.chair_twice_a_year') });
      },
      apply(b, a) {
        const v = sessionVote(b, 'art18.p2.chair_majority', total(b), a);
        if (v.adopted) b.facts.nextChair = a.deputyId;
        b.record(`chair/${b.acts.length}`, { type: 'session_chair_elected', at: a.at, actor: a.actor, payload: { deputyId: a.deputyId, ...v }, citation: [...v.citations, b.cite('art18.p3.chair_elected_previous'), b.cite('art18.p3.chair_twice_a_year')] });
      },
    }),

    closeSession: act({
      title: ACT_TITLES.closeSession!, input: CloseSession, roles: ['administrator'], stages: ['sitting'],
      apply(b, a) {
        b.setStage('ended');
        // 18(3): the law asks the session to elect the next chair; one that did not is shown, not refused
        b.record('ended', { type: 'regular_session_ended', at: a.at, actor: a.actor, payload: { decisions: b.facts.decisions, nextChair: b.facts.nextChair, nextChairMissing: b.facts.nextChair === null }, citation: b.cite('art18.p3.chair_elected_previous') });
      },
    }),

    // ---- 18(4)(4), 19(3)(1): the protocol; 19(3)(10): publication --------------------------------
    signProtocol: act({
      title: ACT_TITLES.signProtocol!, input: SignProtocol, roles: ['administrator'], stages: ['ended'],
      check(b, a) {
        const chair = b.facts.presiding === 'secretary' ? 'secretary' : b.facts.chair;
        if (b.facts.presiding === 'chair' && a.chair !== chair) b.refuse({ code: 'not_the_chair', field: 'chair', rule: 'art18.p4.signs_protocol', citation: b.cite('art18.p4.signs_protocol'), params: { value: a.chair } }, `chair: the protocol is signed by the chair of this session (${chair})`);
      },
      apply(b, a) {
        b.facts.protocol = { chair: a.chair, secretary: a.secretary, at: a.at };
        const adopted = b.facts.decisions.some((d) => d.adopted);
        b.setStage(adopted ? 'signed' : 'closed', adopted ? null : 'held');
        b.record('protocol', { type: 'session_protocol_signed', at: a.at, actor: a.actor, payload: { chair: a.chair, secretary: a.secretary, decisions: b.facts.decisions.length }, citation: [b.cite('art18.p4.signs_protocol'), b.cite('art19.p3.protocol')] });
      },
    }),
    publish: act({
      title: ACT_TITLES.publish!, input: Publish, roles: ['administrator'], stages: ['signed'],
      apply(b, a) {
        b.facts.published = { where: a.where, reference: a.reference, at: a.at };
        b.setStage('closed', 'published');
        b.record('published', { type: 'session_decisions_published', at: a.at, actor: a.actor, payload: { where: a.where, reference: a.reference, decisions: b.facts.decisions.filter((d) => d.adopted).map((d) => d.itemId) }, citation: b.cite('art19.p3.publication') });
      },
    }),
  },

  expiry: {
    // the law names no consequence for a late notice, materials or a long break: shown overdue
    notice_overdue: expiry(() => 'overdue'),
    materials_overdue: expiry(() => 'overdue'),
    break_overdue: expiry(() => 'overdue'),
    // 10(2): the last day to announce the next session has passed; the sessions convened since are counted
    year_short: expiryWith({
      async load(b, _d, input, io) {
        const y = b.facts.year!;
        return (await io.countSessionMarks({ maslikhatId: input.maslikhatId, mark: 'convened', from: y.from, to: y.to, exceptProcedureId: b.procedureId })).count + 1;
      },
      apply(b, d, input, convened: number) {
        const y = b.facts.year!;
        if (convened >= y.held + y.needed) return 'fits';
        b.notify(`year/missed/${y.from}`, noticeTo(input.addressees.secretary, 'regular_session_year_missed', b.cite(YEAR), d.period.instant, { maslikhat: input.maslikhatName, year: PROCEDURE_TEXT.year(y.from, y.to), held: convened, needed: y.held + y.needed - convened, latestNotice: d.period.date }, d.period.instant));
        return 'cannot_fit';
      },
    }),
  },
});

function item(b: B, id: string): Item {
  const it = b.facts.agenda.find((i) => i.id === id);
  if (!it) b.refuse({ code: 'unknown_item', field: 'itemId', params: { value: id } }, `itemId: ${id} is not on the agenda`);
  return it;
}

function capChair(b: B, before: number, field: string): void {
  refuseAboveChairCap(b, before, field, (limit) => `${field}: a deputy may be elected session chair at most ${limit} times in a calendar year (Art. 18(3)); this would be the ${before + 1}th`);
}

/** 10(2): after a session held, what the year still needs; the secretary is told at once. */
function planYear(b: B, input: Input, at: string, held: number): void {
  const y = yearOf(b, b.facts.day, input);
  const cap = b.edition.rules[YEAR];
  const needed = cap?.kind === 'cap' ? Math.max(0, cap.cap.limit - held) : 0;
  b.facts.year = { ...y, held, needed, latestNotice: null };
  if (needed === 0) return;
  const p = yearPlan(b, y.to, needed);
  b.facts.year.latestNotice = p.date;
  const params = { maslikhat: input.maslikhatName, year: PROCEDURE_TEXT.year(y.from, y.to), held, needed, latestNotice: p.date };
  if (p.date < day(at)) {
    b.notify(`year/missed/${y.from}`, noticeTo(input.addressees.secretary, 'regular_session_year_missed', b.cite(YEAR), at, params));
    return;
  }
  b.openPeriod(p, 'year_short', { key: YEAR, afterOutcome: true });
  b.notify(`year/plan/${b.facts.day}`, noticeTo(input.addressees.secretary, 'regular_session_year_plan', b.cite(YEAR), at, params));
}

export const regularSessionDefinition = definitionOf(regularSessionSpec);
export async function regularSession(raw: RegularSessionInput): Promise<ProcedureState> {
  return runProcedure(regularSessionSpec, raw);
}
