// P-19: election of the akim of a city of district significance, village, settlement or rural
// district (Art. 36(1), 36-1; catalogue P-19). One open procedure per unit: it waits for the call,
// runs the election calendar of the edition (statute/election-calendar.ts) as open deadlines (each
// milestone's expiry does what the law says happens that day), the electors' sitting, repeat
// elections, registration and the special check, then continues as new for the next term with the
// next call deadline armed (36(1): "сроком на четыре года").
import type { z } from 'zod';
import { requireMinAge } from '../statute/election-calendar.js';
import { useOf } from '../statute/interpretations.js';
import { rule } from '../statute/rules.js';
import { runProcedure } from './engine/interpreter.js';
import { definitionOf } from './engine/pipeline.js';
import { defineProcedure, kit } from './engine/spec.js';
import {
  CallAct, CheckAct, Documents, ExtendAct, FundReportAct, KIND, NominateAct, PublishAct, RefuseAct, RegisterAct, ReinstateAct,
  RepeatAct, RuralAkimElectionInput, SittingAct, STAGES, VoidAct, WinnerAct, WithdrawAct,
  type Candidate, type Electors, type Input, type RuralAkimFacts, type RuralAkimState, type Stage,
} from './rural-akim-election.schema.js';
import {
  announce, applyCall, beforeFreeze, cal, candidate, dayOf, EXPIRY, keyOf, ms, notAfter, notBefore, notice, nowIso, openMilestones,
  readRoster, registered, roundFailed, sittingCandidates, sittingCounts, startRound, step, strategy, tookOffice, wantStatus, elected,
} from './rural-akim-election.rounds.js';
import { ACT_TITLES, appealText, TEXT, TITLE, withdrawnText } from './rural-akim-election.texts.js';

export * from './rural-akim-election.schema.js';

const { act } = kit<RuralAkimFacts, Stage, Input>();

const ROUND_OPEN: Stage[] = ['called', 'nomination', 'registration', 'registration_shortfall', 'registration_extended', 'campaign', 'silence'];
const NOMINATION: Stage[] = ['nomination', 'registration', 'registration_shortfall', 'registration_extended'];
const EC = ['commission'] as const;
const BOTH = ['administrator', 'commission'] as const;

function statusAct(name: 'refuseRegistration' | 'cancelRegistration') {
  return act({
    title: ACT_TITLES[name], input: RefuseAct, roles: EC, stages: ROUND_OPEN,
    check(b, a) {
      wantStatus(b, candidate(b, a.candidateId), [name === 'refuseRegistration' ? 'nominated' : 'registered']);
      if (name === 'cancelRegistration') beforeFreeze(b, a.at);
    },
    apply(b, a, input) {
      const c = candidate(b, a.candidateId);
      c.status = name === 'refuseRegistration' ? 'refused' : 'cancelled';
      // 36-1(5): "могут быть в трехдневный срок обжалованы кандидатом"
      c.appealWindow = b.openPeriod(b.period('art36_1.p5.registration_appeal', dayOf(a.at)), 'appeal_window_closes', { key: `art36_1.p5.registration_appeal/${c.id}` });
      const s = step(b, name);
      b.record(s, { type: `rural_akim.registration_${name === 'refuseRegistration' ? 'refused' : 'cancelled'}`, at: a.at, actor: a.actor, payload: { candidateId: c.id, decisionNumber: a.decisionNumber, ground: a.ground, appealWindow: c.appealWindow }, citation: c.appealWindow.citations });
      notice(b, input, `${s}/candidate`, 'rural_akim_deadline_passed', c.appealWindow.citations[0]!, c.appealWindow.instant, { what: appealText(c.fullName), date: c.appealWindow.date, rule: c.appealWindow.rule });
    },
  });
}

// ---- the procedure ------------------------------------------------------------------------------

export const ruralAkimElectionSpec = defineProcedure<RuralAkimFacts, Stage, Input>({
  kind: KIND,
  workflowType: 'ruralAkimElection',
  procedure: 'P-19',
  title: TITLE,
  input: RuralAkimElectionInput,
  workflowId: (i) => `${KIND}:${i.unit}`,
  registered: (i) => [{ field: 'unit', register: 'admin_units', id: i.unit }, { field: 'districtMaslikhatId', register: 'maslikhats', id: i.districtMaslikhatId }],
  // the akimat opens it to watch the term; the district election commission calls the election (36-1(10))
  startRoles: ['administrator', 'commission'],
  initial: 'awaiting_call',
  stages: STAGES,
  stepPrefix: (i) => `c${i.cycle}`,

  start(b, input) {
    for (const u of input.interpretations) useOf(u.id, input.interpretations); // an unknown option is refused
    b.note(input.interpretations);
    const s = strategy(b);
    const t = s.triggerDeadline(b.edition, input.trigger, b.calendar, b.chosen);
    b.note(t.interpretations);
    b.facts = {
      cycle: input.cycle, strategy: s.id, districtMaslikhatId: input.districtMaslikhatId, trigger: input.trigger, triggerDeadline: t,
      incumbent: input.incumbent ?? null, round: 0, call: null, calendar: null, originalElectionDay: null, extension: null, candidates: [],
      publishedRegistered: null, electors: null, sittings: [], voided: null, winner: null, winnerRegistered: null,
      specialCheck: null, term: null, nextCallDeadline: null, fundReports: {}, rounds: [],
    };
    // 36-1(10): the call deadline (term end) or the three months to hold the early election
    b.openPeriod(t, input.trigger.kind === 'term_end' ? 'call_overdue_notice' : 'overdue_notice');
    // 36(1): "сроком на четыре года" — the term of the akim in office runs out
    if (input.incumbent) b.openPeriod(b.period('art36.p1.term', input.incumbent.termStart), 'record_term_end');
    b.record('start', { type: 'procedure_started', at: nowIso(b), actor: input.startedBy, payload: { cycle: input.cycle, trigger: input.trigger, triggerDeadline: t, incumbent: input.incumbent ?? null, strategy: s.id, interpretations: input.interpretations }, citation: t.citations });
    return b.facts;
  },

  acts: {
    callElection: act({
      title: ACT_TITLES.callElection, input: CallAct, roles: EC, stages: ['awaiting_call', 'call_overdue'],
      check(b, a, input) {
        applyCall(b, a.electionDay, a.at, input.trigger);
      },
      apply(b, a, input) {
        const { check, c } = applyCall(b, a.electionDay, a.at, input.trigger);
        b.note(check.interpretations);
        b.note(c.interpretations);
        const t = b.facts.triggerDeadline;
        const late = input.trigger.kind === 'term_end' && Date.parse(a.at) >= Date.parse(t.instant);
        b.cancel(t.rule);
        Object.assign(b.facts, { call: { decisionNumber: a.decisionNumber, at: a.at, electionDay: a.electionDay, late }, calendar: c, originalElectionDay: a.electionDay, round: 1 });
        const s = step(b, 'callElection');
        b.record(s, { type: 'rural_akim.election_called', at: a.at, actor: a.actor, payload: { decisionNumber: a.decisionNumber, electionDay: a.electionDay, late, calendar: c, check }, citation: [check.latest.citations[0]!, ...(input.trigger.kind === 'term_end' ? t.citations : [])] });
        announce(b, input, s, 'regular');
        startRound(b, input, true);
      },
    }),

    nominateCandidate: act({
      title: ACT_TITLES.nominateCandidate, input: NominateAct, roles: BOTH, stages: NOMINATION,
      check(b, a) {
        notBefore(b, a.at, 'nomination_opens');
        notAfter(b, a.at, 'nomination_closes');
        if (b.facts.candidates.some((c) => c.id === a.candidate.id)) b.refuse({ code: 'duplicate', field: 'candidate.id', params: { field: 'candidate.id', value: a.candidate.id } }, `candidate.id: ${a.candidate.id} is already nominated`);
        requireMinAge(b.edition, a.candidate.dateOfBirth, cal(b).electionDay);
        // 36-1(3): "Согласование кандидатур с собранием местного сообщества может проводиться с момента назначения выборов"
        const callDate = dayOf(b.facts.call!.at);
        if (a.sobranieAgreement.date < callDate || a.sobranieAgreement.date > dayOf(a.at)) {
          b.refuse({ code: 'agreement_out_of_period', field: 'sobranieAgreement.date', date: callDate }, `sobranieAgreement.date: the собрание agrees candidates from the call (${callDate}) until the nomination (36-1(3))`);
        }
      },
      apply(b, a) {
        const age = requireMinAge(b.edition, a.candidate.dateOfBirth, cal(b).electionDay);
        const c: Candidate = { ...a.candidate, ageOnElectionDay: age.age, status: 'nominated', submissionRef: a.submissionRef, consentRef: a.consentRef, sobranieAgreement: a.sobranieAgreement };
        // 36-1(3): "проверяется органами государственных доходов в течение семи дней со дня получения деклараций"
        if (a.declarationsReceivedOn) c.declarationCheck = b.openPeriod(b.period('art36_1.p3.declaration_check', a.declarationsReceivedOn), 'check_overdue', { key: `art36_1.p3.declaration_check/${c.id}` });
        b.facts.candidates.push(c);
        b.record(step(b, 'nominateCandidate'), { type: 'rural_akim.candidate_nominated', at: a.at, actor: a.actor, payload: { candidate: c, minAge: age }, citation: [b.cite('art36_1.p3.nomination_opens'), b.cite('art36.p1.min_age')] });
      },
    }),

    registerCandidate: act({
      title: ACT_TITLES.registerCandidate, input: RegisterAct, roles: EC, stages: NOMINATION,
      check(b, a) {
        notAfter(b, a.at, 'registration_ends');
        wantStatus(b, candidate(b, a.candidateId), ['nominated']);
        // 36-1(4): "Регистрация кандидатов осуществляется при наличии следующих документов"
        const docs = Documents.safeParse(a.documents);
        const r = rule(b.edition, 'art36_1.p4.registration_documents', 'cap');
        if (!docs.success) {
          const missing = docs.error.issues.map((i) => `documents.${i.path.join('.')}`);
          b.refuse({ code: 'missing_documents', field: missing[0] ?? 'documents', rule: r.id, citation: r.cite, params: { missing: missing.join(', '), required: r.cap.limit } }, `${missing.join(', ')}: the ${r.cap.limit} documents of 36-1(4) are required`);
        }
      },
      apply(b, a) {
        candidate(b, a.candidateId).status = 'registered';
        b.record(step(b, 'registerCandidate'), { type: 'rural_akim.candidate_registered', at: a.at, actor: a.actor, payload: { candidateId: a.candidateId, decisionNumber: a.decisionNumber, documents: a.documents }, citation: [b.cite('art36_1.p4.registration_documents'), ms(b, 'registration_ends').period.citations[0]!] });
      },
    }),

    refuseRegistration: statusAct('refuseRegistration'),
    cancelRegistration: statusAct('cancelRegistration'),

    reinstateCandidate: act({
      title: ACT_TITLES.reinstateCandidate, input: ReinstateAct, roles: EC, stages: ROUND_OPEN,
      check(b, a) {
        wantStatus(b, candidate(b, a.candidateId), ['refused', 'cancelled']);
        beforeFreeze(b, a.at);
      },
      apply(b, a) {
        candidate(b, a.candidateId).status = 'registered';
        b.cancel(`art36_1.p5.registration_appeal/${a.candidateId}`);
        b.record(step(b, 'reinstateCandidate'), { type: 'rural_akim.candidate_reinstated', at: a.at, actor: a.actor, payload: { candidateId: a.candidateId, basis: a.basis }, citation: ms(b, 'freeze_starts').period.citations });
      },
    }),

    withdrawCandidate: act({
      title: ACT_TITLES.withdrawCandidate, input: WithdrawAct, roles: BOTH, stages: ROUND_OPEN,
      check(b, a) {
        wantStatus(b, candidate(b, a.candidateId), ['nominated', 'registered']);
        // 36-1(6) "Кандидат … за два дня до голосования может снять свою кандидатуру"; 36-1(3) the akim's recall
        notAfter(b, a.at, a.by === 'candidate' ? 'candidate_withdrawal_deadline' : 'submission_withdrawal_deadline');
      },
      apply(b, a, input) {
        const c = candidate(b, a.candidateId);
        const m = ms(b, a.by === 'candidate' ? 'candidate_withdrawal_deadline' : 'submission_withdrawal_deadline');
        c.status = 'withdrawn';
        c.withdrawnBy = a.by;
        const s = step(b, 'withdrawCandidate');
        b.record(s, { type: 'rural_akim.candidate_withdrawn', at: a.at, actor: a.actor, payload: { candidateId: c.id, by: a.by, deadline: m.period }, citation: m.period.citations });
        // "информирует о принятом решении акима района"
        notice(b, input, `${s}/akim`, 'rural_akim_election_result', m.period.citations[0]!, m.instant, { summary: withdrawnText(c.fullName), electionDay: cal(b).electionDay }, 'districtAkim');
      },
    }),

    // 36-1(3): "продлевает срок выдвижения и регистрации кандидатов, но не более чем на десять дней"
    extendRegistration: act({
      title: ACT_TITLES.extendRegistration, input: ExtendAct, roles: EC, stages: ['registration_shortfall'],
      check(b, a) {
        strategy(b).calendar(b.edition, { electionDay: cal(b).electionDay, originalElectionDay: b.facts.originalElectionDay!, electionDayRule: ms(b, 'election_day').rule, recorded: b.chosen, registrationExtendedTo: a.until }, b.calendar);
        if (a.until < dayOf(a.at)) b.refuse({ code: 'too_early', field: 'until', date: dayOf(a.at) }, `until: ${a.until} is before the decision`);
      },
      apply(b, a, input) {
        b.facts.calendar = strategy(b).calendar(b.edition, { electionDay: cal(b).electionDay, originalElectionDay: b.facts.originalElectionDay!, electionDayRule: ms(b, 'election_day').rule, recorded: b.chosen, registrationExtendedTo: a.until }, b.calendar);
        b.facts.extension = { decisionNumber: a.decisionNumber, until: a.until };
        b.cancel('art36_1.p3.extension_max');
        b.setStage('registration_extended');
        const s = step(b, 'extendRegistration');
        b.record(s, { type: 'rural_akim.registration_extended', at: a.at, actor: a.actor, payload: { decisionNumber: a.decisionNumber, until: a.until, calendar: b.facts.calendar }, citation: b.cite('art36_1.p3.extension_max') });
        announce(b, input, s, 'regular');
        openMilestones(b, input, ['nomination_closes', 'registration_ends', ...(b.facts.publishedRegistered ? [] : ['publish_registered' as const])]);
      },
    }),

    // 36-1(5)(1): "не позднее чем на седьмой день после окончания регистрации кандидатов"
    publishRegistered: act({
      title: ACT_TITLES.publishRegistered, input: PublishAct, roles: EC, stages: ['campaign', 'silence', 'voting'],
      check(b) {
        if (b.facts.publishedRegistered) b.refuse({ code: 'duplicate', field: 'act', params: { field: 'publishRegistered', value: b.facts.publishedRegistered } }, 'the registered candidates are already published');
      },
      apply(b, a) {
        b.facts.publishedRegistered = a.at;
        const m = ms(b, 'publish_registered');
        b.cancel(keyOf(m));
        b.record(step(b, 'publishRegistered'), { type: 'rural_akim.registered_published', at: a.at, actor: a.actor, payload: { medium: a.medium, late: Date.parse(a.at) >= Date.parse(m.instant), candidates: registered(b).map((c) => ({ id: c.id, fullName: c.fullName, yearOfBirth: c.dateOfBirth.slice(0, 4) })) }, citation: m.period.citations });
      },
    }),

    // 36-1(2): "избранным считается кандидат, набравший большее число голосов выборщиков, принявших участие в голосовании"
    recordSitting: act<z.output<typeof SittingAct>, Electors | null>({
      title: ACT_TITLES.recordSitting, input: SittingAct, roles: EC, stages: ['voting', 'revote'],
      check(b, a) {
        notBefore(b, a.at, 'election_day');
        // 36-1(10): "Повторное голосование проводится в день выборов"
        notAfter(b, a.at, 'election_day_ends');
        if (b.facts.electors) sittingCounts(b, a, b.facts.electors.deputies);
        const want = sittingCandidates(b);
        const got = a.tallies.map((t) => t.candidateId);
        if (got.length !== want.length || want.some((id) => !got.includes(id))) {
          b.refuse({ code: 'wrong_candidates', field: 'tallies', params: { expected: want.join(', '), actual: got.join(', ') } }, `tallies: one entry for each of ${want.join(', ')} expected`);
        }
        strategy(b).decideVote(b.edition, a.tallies, a.participated, b.chosen);
      },
      // the register was unreadable at the call: read now, or refuse (records_refused)
      load: async (b, a, input, io) => (b.facts.electors ? null : readRoster(io, input.districtMaslikhatId, cal(b).electionDay).then(({ ids: _, ...e }) => e)),
      apply(b, a, input, loaded) {
        const electors = (b.facts.electors ??= loaded!);
        sittingCounts(b, a, electors.deputies);
        const base = b.use('total_deputies.base') === 'mandates_held' ? electors.deputies : electors.seats;
        // 36-1(10): the electors' sitting is valid with two thirds of the deputies (art36_1.p10.elector_quorum)
        const quorum = b.threshold(strategy(b).electorate.quorumRule, base, Math.min(a.present, base));
        const vote = b.is('revote') ? 'revote' : 'first';
        const decision = quorum.met ? strategy(b).decideVote(b.edition, a.tallies, a.participated, b.chosen) : null;
        if (decision) b.note(decision.interpretations);
        b.facts.sittings.push({ round: b.facts.round, vote, at: a.at, protocolRef: a.protocolRef, present: a.present, participated: a.participated, tallies: a.tallies, quorum, decision });
        b.record(step(b, 'recordSitting'), { type: 'vote_result', at: a.at, actor: a.actor, payload: { round: b.facts.round, vote, protocolRef: a.protocolRef, present: a.present, participated: a.participated, tallies: a.tallies, quorum, decision, electorsDigest: electors.digest }, citation: [...quorum.citations, ...(decision?.citations ?? [])] });
        if (decision?.result === 'elected') elected(b, input, decision);
        // "повторное голосование не позволило определить избранного кандидата"
        else if (decision && vote === 'revote') roundFailed(b, input, 'failed');
        // "В случае равенства голосов выборщиков проводится повторное голосование"
        else if (decision?.result === 'tie') b.setStage('revote');
      },
    }),

    declareVoid: act({
      title: ACT_TITLES.declareVoid, input: VoidAct, roles: EC, stages: ['voting', 'revote', 'registering_winner'],
      check(b) {
        if (b.facts.voided) b.refuse({ code: 'duplicate', field: 'act', params: { field: 'declareVoid', value: b.facts.voided.decisionNumber } }, 'the election is already declared invalid');
      },
      apply(b, a, input) {
        b.facts.voided = { decisionNumber: a.decisionNumber, by: a.by, ground: a.ground, at: a.at };
        b.record(step(b, 'declareVoid'), { type: 'rural_akim.election_invalidated', at: a.at, actor: a.actor, payload: b.facts.voided, citation: b.cite('art36_1.p10.repeat_election') });
        roundFailed(b, input, b.is('registering_winner') ? 'void' : 'failed');
      },
    }),

    callRepeatElection: act({
      title: ACT_TITLES.callRepeatElection, input: RepeatAct, roles: EC, stages: ['repeat_pending'],
      check(b, a) {
        applyCall(b, a.electionDay, a.at, { kind: 'repeat', originalElectionDay: b.facts.originalElectionDay! });
      },
      apply(b, a, input) {
        const { check, c } = applyCall(b, a.electionDay, a.at, { kind: 'repeat', originalElectionDay: b.facts.originalElectionDay! });
        b.note(c.interpretations);
        b.cancel(keyOf(ms(b, 'repeat_election_deadline')));
        Object.assign(b.facts, { calendar: c, round: b.facts.round + 1, call: { decisionNumber: a.decisionNumber, at: a.at, electionDay: a.electionDay, late: false } });
        const s = step(b, 'callRepeatElection');
        b.record(s, { type: 'rural_akim.repeat_election_called', at: a.at, actor: a.actor, payload: { decisionNumber: a.decisionNumber, electionDay: a.electionDay, round: b.facts.round, calendar: c, check }, citation: check.latest.citations });
        const fresh = b.use('art36_1.p10.repeat_calendar') === 'full_calendar';
        if (fresh) b.facts.candidates = [];
        announce(b, input, s, 'repeat');
        startRound(b, input, fresh);
      },
    }),

    // 36-1(11): "в пятидневный срок со дня проведения выборов регистрирует избранного акима"
    registerWinner: act({
      title: ACT_TITLES.registerWinner, input: WinnerAct, roles: EC, stages: ['registering_winner'],
      apply(b, a) {
        const m = ms(b, 'register_winner');
        b.facts.winnerRegistered = { decisionNumber: a.decisionNumber, at: a.at, late: Date.parse(a.at) >= Date.parse(m.instant) };
        b.cancel(keyOf(m));
        b.record(step(b, 'registerWinner'), { type: 'rural_akim.winner_registered', at: a.at, actor: a.actor, payload: { ...b.facts.winnerRegistered, winner: b.facts.winner }, citation: m.period.citations });
        // 36-1(11): "До дня получения результатов специальной проверки лицо временно исполняет обязанности акима"
        b.setStage('acting');
        b.use('art36_1.p11.special_check');
      },
    }),

    submitFundReport: act({
      title: ACT_TITLES.submitFundReport, input: FundReportAct, roles: EC, stages: ['registering_winner', 'acting', 'in_office', 'repeat_pending'],
      check(b, a) {
        const c = candidate(b, a.candidateId);
        if (b.facts.fundReports[c.id]) b.refuse({ code: 'duplicate', field: 'candidateId', params: { field: 'candidateId', value: c.id } }, `candidateId: ${c.id} has already reported`);
      },
      apply(b, a) {
        b.facts.fundReports[a.candidateId] = a.at;
        const m = ms(b, 'fund_report');
        b.record(step(b, 'submitFundReport'), { type: 'rural_akim.fund_report', at: a.at, actor: a.actor, payload: { candidateId: a.candidateId, late: Date.parse(a.at) >= Date.parse(m.instant) }, citation: m.period.citations });
        if (registered(b).every((c) => b.facts.fundReports[c.id])) b.cancel(keyOf(m));
      },
    }),

    recordSpecialCheck: act({
      title: ACT_TITLES.recordSpecialCheck, input: CheckAct, roles: ['administrator'], stages: ['acting'],
      apply(b, a, input) {
        b.facts.specialCheck = { result: a.result, reference: a.reference, at: a.at };
        b.record(step(b, 'recordSpecialCheck'), { type: 'rural_akim.special_check', at: a.at, actor: a.actor, payload: b.facts.specialCheck, citation: b.cite('art36_1.p11.register_winner') });
        if (a.result === 'positive') return tookOffice(b, input, a.at);
        // T-42: the law says nothing of a negative result; escalated, nothing inferred
        notice(b, input, step(b, 'special_check_negative'), 'rural_akim_election_result', b.cite('art36_1.p11.register_winner'), nowIso(b), { summary: TEXT.checkNegative, electionDay: cal(b).electionDay });
        b.setStage('special_check_negative', b.use('art36_1.p11.special_check') === 'acting_until_result' ? 'special_check_negative' : 'special_check_negative_repeat_required');
      },
    }),
  },

  expiry: EXPIRY,

  // the next term: its call deadline counted from the end of the term that began (36-1(10))
  next(b, input) {
    const { term, winner } = b.facts;
    if (!b.is('in_office') || !term || !winner) return null;
    return {
      ...input, cycle: input.cycle + 1, trigger: { kind: 'term_end', termEnd: term.date },
      incumbent: { candidateId: winner.candidateId, fullName: winner.fullName, termStart: term.anchor, termEnd: term.date },
      ...(input.simulation ? { simulation: { legalStart: nowIso(b) } } : {}),
    };
  },
});

export const ruralAkimElectionDefinition = definitionOf(ruralAkimElectionSpec);

export async function ruralAkimElection(raw: RuralAkimElectionInput): Promise<RuralAkimState> {
  return (await runProcedure(ruralAkimElectionSpec, raw)) as unknown as RuralAkimState;
}
