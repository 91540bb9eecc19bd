// P-19 (Art. 36-1): the rounds of a rural-level akim election on the engine. Each milestone of the
// election calendar (statute/election-calendar.ts) is an open deadline whose expiry does what the
// law says happens that day; the refusals that count on the calendar. Pure.
import type { z } from 'zod';
import { electionStrategy, milestone, periodBefore, type Milestone, type MilestoneId, type VoteDecision } from '../statute/election-calendar.js';
import { EDITIONS } from '../statute/editions/index.js';
import type { Titles } from '../statute/editions/types.js';
import { rule } from '../statute/rules.js';
import type { Citation, IsoDate } from '../statute/types.js';
import { TIMER, type Book } from './engine/book.js';
import { kit, type ExpiryHandler, type Io } from './engine/spec.js';
import { legalDateOf } from './engine/time.js';
import type { OpenDeadline } from './procedure.js';
import type { Candidate, CandidateStatus, Electors, Input, RuralAkimFacts, SittingAct, Stage } from './rural-akim-election.schema.js';
import { electedText, TEXT, tookOfficeText } from './rural-akim-election.texts.js';

export type B = Book<RuralAkimFacts, Stage>;
const { expiry, expiryWith } = kit<RuralAkimFacts, Stage, Input>();
export const strategy = (b: B) => electionStrategy(b.edition, EDITIONS);
export const cal = (b: B) => b.facts.calendar!;
export const ms = (b: B, id: MilestoneId) => milestone(cal(b), id);
export const nowIso = (b: B) => new Date(b.now()).toISOString();
export const dayOf = (at: string): IsoDate => legalDateOf(Date.parse(at));
export const registered = (b: B) => b.facts.candidates.filter((c) => c.status === 'registered');
/** a unique record (or notice) step of this run: the round and the count of records so far */
export const step = (b: B, name: string) => `r${b.facts.round}/${b.acts.length + 1}-${name}`;

// ---- the calendar as open deadlines ----------------------------------------------------------

/** A milestone's deadline key: its rule, except the extended last days keep the rule they extend. */
export function keyOf(m: Milestone): string {
  if (m.id === 'nomination_closes') return 'art36_1.p3.nomination_closes';
  if (m.id === 'registration_ends') return 'art36_1.p6.registration_ends';
  return m.rule;
}
/** What each milestone's timer does (state.deadlines[].onExpiry). Withdrawals and the freeze only bound acts. */
const ON_EXPIRY: Partial<Record<MilestoneId, string>> = {
  nomination_opens: 'open_nomination', nomination_closes: 'close_nomination', registration_ends: 'close_registration_check_candidates',
  publish_registered: 'overdue_notice', campaign_ends: 'end_campaign', election_day: 'list_electors_open_voting',
  election_day_ends: 'close_voting', register_winner: 'overdue_notice', fund_report: 'fund_reports_due', repeat_election_deadline: 'overdue_notice',
};
const OVERDUE_TITLE: Record<string, MilestoneId> = {
  'art36_1.p5.publish_registered': 'publish_registered', 'art36_1.p11.register_winner': 'register_winner', 'art36_1.p10.repeat_election': 'repeat_election_deadline',
};

/** Opens the milestones; one already passed when it is set (nomination opening on the day of the call) takes effect at once. */
export function openMilestones(b: B, input: Input, ids: MilestoneId[]): void {
  for (const id of ids) {
    const m = ms(b, id);
    const d: OpenDeadline = { rule: keyOf(m), period: m.period, onExpiry: ON_EXPIRY[id]! };
    const h = EXPIRY[d.onExpiry]!;
    if (Date.parse(m.instant) <= b.now() && typeof h === 'function') h(b, d, input, undefined);
    else b.openPeriod(m.period, d.onExpiry, { key: d.rule });
  }
}

/** The round is over: none of its milestones applies any more. */
function cancelRound(b: B): void {
  for (const m of cal(b).milestones) b.cancel(keyOf(m));
  b.cancel('art36_1.p3.extension_max');
}

export function startRound(b: B, input: Input, fresh: boolean): void {
  b.facts.voided = null;
  b.facts.winner = null;
  b.facts.electors = null;
  b.setStage(fresh ? 'called' : 'campaign');
  const pub: MilestoneId[] = b.facts.publishedRegistered ? [] : ['publish_registered'];
  const ids: MilestoneId[] = fresh ? ['nomination_opens', 'nomination_closes', 'registration_ends', ...pub] : pub;
  openMilestones(b, input, [...ids, 'campaign_ends', 'election_day', 'election_day_ends']);
}

export function notice(b: B, input: Input, s: string, templateId: string, basis: Citation, deadline: string, params: Record<string, string | number | Titles>, to: 'commission' | 'districtAkim' = 'commission'): void {
  const n = input.notices;
  if (!n) return;
  const addressee = to === 'districtAkim' ? (n.districtAkim ?? n.commission) : n.commission;
  b.notify(s, { addressee, channel: n.channel, languages: n.languages, basis, deadline, templateId, params: { unit: input.unit, ...params } as never });
}

function overdueNotice(b: B, input: Input, d: OpenDeadline, what: Titles): void {
  notice(b, input, `overdue/${d.rule}/${b.acts.length}`, 'rural_akim_deadline_passed', d.period.citations[0]!, d.period.instant, { what, date: d.period.date, rule: d.period.rule });
}

export function announce(b: B, input: Input, s: string, kind: 'regular' | 'repeat'): void {
  const c = cal(b);
  const lines = (lang: keyof Titles) => c.milestones.filter((m) => !m.conditional).map((m) => `${m.date} — ${m.title[lang]} [${m.rule}]`).join('\n');
  const kindText = kind === 'repeat' ? TEXT.repeat : input.trigger.kind === 'early_termination' ? TEXT.early : TEXT.regular;
  // 36-1(3): "Сообщение о дне выборов доводится … через местные средства массовой информации"
  notice(b, input, `${s}/announce`, 'rural_akim_election_called', b.cite('art36_1.p3.nomination_opens'), ms(b, 'nomination_opens').instant, {
    kind: kindText, electionDay: c.electionDay, calendar: { kk: lines('kk'), ru: lines('ru'), en: lines('en') },
  });
}

// ---- what the law says happens at each point ---------------------------------------------------

export function applyCall(b: B, electionDay: IsoDate, at: string, trigger: Input['trigger'] | { kind: 'repeat'; originalElectionDay: IsoDate }) {
  const s = strategy(b);
  const fullCalendar = trigger.kind !== 'repeat' || b.use('art36_1.p10.repeat_calendar') === 'full_calendar';
  const check = s.checkElectionDay(b.edition, { trigger, callDate: dayOf(at), electionDay, fullCalendar }, b.calendar, b.chosen);
  const c = s.calendar(b.edition, { electionDay, originalElectionDay: b.facts.originalElectionDay ?? electionDay, electionDayRule: check.electionDayRule, recorded: b.chosen }, b.calendar);
  return { check, c };
}

/** The register as of election day, read with the call (an expiry cannot read it); null when unreadable then. */
export async function readRoster(io: Io, maslikhatId: string, date: IsoDate): Promise<Electors & { ids: string[] }> {
  const r = await io.rosterAsOf({ maslikhatId, date });
  return { maslikhatId: r.maslikhatId, date: r.date, seats: r.seats, deputies: r.deputies.length, digest: r.digest, ids: r.deputies.map((d) => d.id) };
}

// 36-1(3): "на день окончания срока регистрации кандидатов зарегистрировано менее двух кандидатов"
function checkCandidates(b: B, input: Input, d: OpenDeadline): string {
  const min = rule(b.edition, 'art36_1.p3.min_candidates', 'cap');
  if (registered(b).length >= min.cap.limit) return (b.setStage('campaign'), 'campaign');
  if (b.is('registration_extended')) return shortfall(b, input);
  // the commission may extend "не более чем на десять дней" (art36_1.p3.extension_max); it decides by then
  const max = b.period('art36_1.p3.extension_max', d.period.date);
  b.setStage('registration_shortfall');
  b.openPeriod(max, 'election_not_held');
  notice(b, input, step(b, 'registration_shortfall'), 'rural_akim_deadline_passed', min.cite, max.instant, { what: TEXT.shortfall, date: d.period.date, rule: min.id });
  return 'registration_shortfall';
}

/** Still fewer than two after the extension (or none decided): art36_1.p3.shortfall_after_extension. */
function shortfall(b: B, input: Input): string {
  const min = rule(b.edition, 'art36_1.p3.min_candidates', 'cap');
  if (registered(b).length >= min.cap.limit) return (b.setStage('campaign'), 'campaign');
  const chosen = b.use('art36_1.p3.shortfall_after_extension');
  if (chosen !== 'election_not_held' && registered(b).length > 0) return (b.setStage('campaign'), 'campaign_one_candidate');
  b.record(step(b, 'not_held'), { type: 'rural_akim.election_not_held', at: nowIso(b), actor: TIMER, payload: { reason: 'fewer_than_two_candidates', registered: registered(b).map((c) => c.id), interpretation: { id: 'art36_1.p3.shortfall_after_extension', chosen } }, citation: min.cite });
  roundFailed(b, input, 'not_held');
  return 'election_not_held';
}

// 36-1(10): "Выборы акима проводятся на заседании выборщиков – депутатов маслихата соответствующего района"
function listElectors(b: B, d: OpenDeadline, r: (Electors & { ids: string[] }) | null): void {
  b.setStage('voting');
  if (!r) return; // unreadable today: read at the first sitting
  const { ids, ...electors } = r;
  b.facts.electors = electors;
  b.record(step(b, 'electors'), { type: 'rural_akim.electors_listed', at: d.period.instant, actor: TIMER, payload: { ...electors, electors: ids }, citation: b.cite(strategy(b).electorate.quorumRule) });
}

export function elected(b: B, input: Input, decision: VoteDecision): void {
  const w = b.facts.candidates.find((c) => c.id === decision.winner)!;
  b.facts.winner = { candidateId: w.id, fullName: w.fullName, votes: decision.topVotes };
  b.facts.rounds.push({ round: b.facts.round, electionDay: cal(b).electionDay, result: 'elected' });
  b.cancel(keyOf(ms(b, 'election_day_ends')));
  b.setStage('registering_winner');
  const reg = ms(b, 'register_winner');
  notice(b, input, step(b, 'elected'), 'rural_akim_election_result', reg.period.citations[0]!, reg.instant, { summary: electedText(w.fullName, decision.topVotes), electionDay: cal(b).electionDay });
  openMilestones(b, input, ['register_winner', 'fund_report']);
}

/** No winner (tie after the re-vote, no valid sitting, invalid, no candidates): repeat elections, or a new call (T-41). */
export function roundFailed(b: B, input: Input, result: 'failed' | 'not_held' | 'void'): void {
  if (result === 'void') b.facts.rounds.at(-1)!.result = 'void';
  else b.facts.rounds.push({ round: b.facts.round, electionDay: cal(b).electionDay, result });
  cancelRound(b);
  if (result === 'not_held' && b.use('art36_1.p10.election_not_held') === 'new_call') {
    Object.assign(b.facts, { call: null, calendar: null, originalElectionDay: null, candidates: [] });
    b.setStage('awaiting_call');
    return;
  }
  // 36-1(10): "Повторные выборы проводятся не позднее чем в двухмесячный срок после первоначальных выборов"
  b.setStage('repeat_pending');
  const m = ms(b, 'repeat_election_deadline');
  b.openPeriod(m.period, 'overdue_notice', { key: keyOf(m) });
  notice(b, input, step(b, 'repeat_pending'), 'rural_akim_election_result', m.period.citations[0]!, m.instant, { summary: b.facts.voided ? TEXT.repeatVoid : TEXT.repeatNoWinner, electionDay: cal(b).electionDay });
}

// 36(1): "сроком на четыре года"; the start of the term is art36.p1.term_start
export function tookOffice(b: B, input: Input, at: string): void {
  const how = b.use('art36.p1.term_start');
  const termStart = how === 'election_day' ? cal(b).electionDay : how === 'winner_registered' ? dayOf(b.facts.winnerRegistered!.at) : dayOf(at);
  const term = b.period('art36.p1.term', termStart);
  const next = periodBefore(b.edition, 'art36_1.p10.call_deadline', term.date, b.calendar, b.chosen, 'ends');
  b.note(next.interpretations);
  b.facts.term = term;
  b.facts.nextCallDeadline = next;
  const w = b.facts.winner!;
  b.record('took_office', { type: 'rural_akim.took_office', at, actor: TIMER, payload: { winner: w, termStart, term, nextCallDeadline: next, interpretation: { id: 'art36.p1.term_start', chosen: how } }, citation: [...term.citations, ...next.citations] });
  notice(b, input, 'took_office', 'rural_akim_election_result', term.citations[0]!, next.instant, { summary: tookOfficeText(w.fullName, term.date, next.date), electionDay: cal(b).electionDay });
  // the candidates' fund reports are due within five days of the results: the next term's run waits for them
  const fund = b.deadline(keyOf(ms(b, 'fund_report')));
  b.setStage('in_office', 'took_office');
  if (fund && !fund.overdue) b.openPeriod(fund.period, fund.onExpiry, { key: fund.rule, afterOutcome: true });
}

/** A milestone that only moves the stage: it is passed, not overdue. */
const passes = (from: Stage[], to: Stage, done: string) => expiry((b, d) => {
  b.cancel(d.rule);
  if (!b.is(...from)) return 'no_effect';
  b.setStage(to);
  return done;
});

export const EXPIRY: Record<string, ExpiryHandler<RuralAkimFacts, Stage, Input>> = {
  // 36-1(10): "не позднее чем за сорок дней до окончания срока полномочий акима"
  call_overdue_notice: expiry((b, d, input) => {
    if (b.is('awaiting_call')) b.setStage('call_overdue');
    overdueNotice(b, input, d, TEXT.callDeadline);
    return 'call_overdue';
  }),
  overdue_notice: expiry((b, d, input) => {
    const id = OVERDUE_TITLE[d.rule];
    overdueNotice(b, input, d, id && b.facts.calendar ? ms(b, id).title : TEXT.holdBy);
    return 'overdue_notice';
  }),
  record_term_end: expiry((b, d) => (b.cancel(d.rule), 'term_ended')),
  check_overdue: expiry((b, d) => (b.cancel(d.rule), 'declaration_check_period_ended')),
  appeal_window_closes: expiry((b, d) => (b.cancel(d.rule), 'appeal_window_closed')),
  open_nomination: passes(['called'], 'nomination', 'nomination_open'),
  close_nomination: passes(['nomination'], 'registration', 'nomination_closed'),
  close_registration_check_candidates: expiry((b, d, input) => {
    b.cancel(d.rule);
    return b.is('registration', 'registration_extended') ? checkCandidates(b, input, d) : 'no_effect';
  }),
  election_not_held: expiry((b, d, input) => (b.cancel(d.rule), b.is('registration_shortfall') ? shortfall(b, input) : 'no_effect')),
  // 36-1(7): "заканчивается в ноль часов по местному времени дня, предшествующего дню выборов"
  end_campaign: passes(['campaign'], 'silence', 'silence'),
  // 36-1(10): the electors are the district maslikhat's deputies on election day, read that day
  list_electors_open_voting: expiryWith({
    load: (b, d, input, io) => (b.is('campaign', 'silence') ? readRoster(io, input.districtMaslikhatId, d.period.date).catch(() => null) : Promise.resolve(null)),
    apply(b, d, _input, roster) {
      b.cancel(d.rule);
      if (!b.is('campaign', 'silence')) return 'no_effect';
      listElectors(b, d, roster);
      return 'voting';
    },
  }),
  // 36-1(10): "Повторное голосование проводится в день выборов"; the day ended without a result
  close_voting: expiry((b, d, input) => {
    b.cancel(d.rule);
    if (!b.is('voting', 'revote')) return 'no_effect';
    b.record(step(b, 'not_held'), { type: 'rural_akim.election_not_held', at: d.period.instant, actor: TIMER, payload: { reason: 'no_valid_sitting', sittings: b.facts.sittings.filter((s) => s.round === b.facts.round).length }, citation: d.period.citations });
    roundFailed(b, input, 'not_held');
    return 'election_not_held';
  }),
  // 36-1(9): a report missing when the five days end; after the term began the run goes on without it
  fund_reports_due: expiry((b, d) => {
    if (b.outcome) b.cancel(d.rule);
    return 'fund_reports_missing';
  }),
};

// ---- refusals -------------------------------------------------------------------------------------

export function candidate(b: B, id: string, field = 'candidateId'): Candidate {
  const c = b.facts.candidates.find((x) => x.id === id);
  if (!c) b.refuse({ code: 'unknown_candidate', field, params: { candidateId: id } }, `${field}: no candidate ${id} in this election`);
  return c;
}
export function wantStatus(b: B, c: Candidate, ok: CandidateStatus[], what = ok.join(' or ')): void {
  if (!ok.includes(c.status)) b.refuse({ code: 'wrong_status', field: 'candidateId', params: { status: c.status } }, `candidateId: ${c.id} is ${c.status}, not ${what}`);
}
export function notBefore(b: B, at: string, id: MilestoneId, field = 'at'): void {
  const m = ms(b, id);
  if (Date.parse(at) < Date.parse(m.instant)) b.refuse({ code: 'too_early', field, rule: m.rule, citation: m.period.citations[0]!, date: m.date }, `${field}: allowed from ${m.date} (${m.rule})`);
}
export function notAfter(b: B, at: string, id: MilestoneId, field = 'at'): void {
  const m = ms(b, id);
  if (Date.parse(at) >= Date.parse(m.instant)) b.refuse({ code: 'too_late', field, rule: m.rule, citation: m.period.citations[0]!, date: m.date }, `${field}: the period ended on ${m.date} (${m.rule})`);
}
// 36-1(6): "Отмена решения о регистрации или восстановление … за два дня до голосования не допускается"
export function beforeFreeze(b: B, at: string): void {
  const m = ms(b, 'freeze_starts');
  if (Date.parse(at) >= Date.parse(m.instant)) b.refuse({ code: 'registration_frozen', field: 'at', rule: m.rule, citation: m.period.citations[0]!, date: m.date }, `at: no cancellation or reinstatement of a registration from ${m.date} (${m.rule})`);
}
export function sittingCounts(b: B, a: z.output<typeof SittingAct>, holders: number): void {
  if (a.present > holders) b.refuse({ code: 'count_exceeds_base', field: 'present', params: { field: 'present', actual: a.present, base: holders } }, `present: ${a.present} exceeds the ${holders} deputies holding a mandate`);
  if (a.participated > a.present) b.refuse({ code: 'count_exceeds_base', field: 'participated', params: { field: 'participated', actual: a.participated, base: a.present } }, `participated: ${a.participated} exceeds the ${a.present} present`);
}
/** 36-1(10): the re-vote is between the tied leaders or all registered candidates (art36_1.p10.revote_candidates). */
export function sittingCandidates(b: B): string[] {
  const last = b.facts.sittings.filter((s) => s.round === b.facts.round && s.decision?.result === 'tie').at(-1);
  if (b.is('revote') && last && b.use('art36_1.p10.revote_candidates') === 'tied_leaders') return last.decision!.leaders;
  return registered(b).map((c) => c.id);
}

