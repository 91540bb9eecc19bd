// Vote of no confidence in an akim: Law 148, Art. 24 (catalogue P-17). Each stage below is a
// paragraph of the article; its words sit next to the code. Deadlines and thresholds come from
// the pinned edition (statute/editions/kz-148-2018.ts, rules art24.*).
import { defineQuery, defineUpdate, setHandler, allHandlersFinished, workflowInfo, proxyActivities } from '@temporalio/workflow';
import { z } from 'zod';
import { ruleById as rule } from '../statute/rules.js';
import type { Citation } from '../statute/types.js';
import { legalNow, parseOrRefuse, pinned, refusal, registerProcedure, TIMER, useLegalClock } from './common.js';
import { ActBase, StartBase, type OpenDeadline, type ProcedureDefinition, type ProcedureState } from './procedure.js';
import {
  checkActTime, dateOfAt, isAfterDeadline, legalDateOf, NoticeTarget, ProcedureBook, refuse, RosterInput, runTimers, type RosterUsed,
} from './lib/akim-procedures.js';
import type { TartipActivities } from '../worker/activities.js';

const KIND = 'no_confidence';

// ---- input and acts ------------------------------------------------------------------------

const DeputyId = z.string().min(1).max(128);

export const NoConfidenceInput = StartBase.extend({
  maslikhatId: z.string().min(1),
  akim: z.strictObject({ postId: z.string().min(1), personId: z.string().min(1), name: z.string().min(1) }),
  /** 24(1),(6): "перед Президентом Республики Казахстан либо вышестоящим акимом" */
  superior: NoticeTarget,
  /** the maslikhat (secretary, session chair): told of overdue deadlines */
  maslikhat: NoticeTarget,
  /** 24(2): "двукратное неутверждение маслихатом представленных акимом отчетов" */
  ground: z.strictObject({
    nonApprovals: z.array(z.strictObject({ decision: z.string().min(1), date: z.iso.date(), report: z.string().min(1) })).min(1),
  }),
  /** 24(4): "письменного обращения инициаторов-депутатов маслихата" */
  appeal: z.strictObject({ at: ActBase.shape.at, initiators: z.array(DeputyId).min(1), text: z.string().max(20_000).optional() }),
  /** what-if runs only: the roster instead of the register */
  roster: RosterInput.optional(),
}).refine((i) => !i.roster || i.simulation, { path: ['roster'], message: 'a roster in the input is allowed in simulations only; real procedures read the register' });
export type NoConfidenceInput = z.input<typeof NoConfidenceInput>;

export const SubmitSheet = ActBase.extend({
  sheet: z.string().min(1).max(100),
  signatures: z.array(z.strictObject({ deputyId: DeputyId })).min(1),
});
export const HandInSheets = ActBase;
export const RecordProtocol = ActBase.extend({
  protocol: z.strictObject({ number: z.string().min(1) }),
  /** signatures the check found not authentic */
  invalid: z.array(z.strictObject({ deputyId: DeputyId, reason: z.string().min(1) })).default([]),
});
export const RecordVote = ActBase.extend({
  session: z.strictObject({ number: z.string().min(1), kind: z.enum(['regular', 'extraordinary']) }),
  present: z.number().int().min(0),
  votesFor: z.number().int().min(0),
});
export const RecordSuperiorDecision = ActBase.extend({
  /** 24(7): "рассматривает вопрос о прекращении полномочий акима либо поручает ему дальнейшее осуществление его обязанностей" */
  decision: z.enum(['terminate', 'keep']),
  act: z.strictObject({ number: z.string().min(1), title: z.string().optional() }),
});
export const Withdraw = ActBase.extend({ reason: z.string().min(1).max(2000) });

export const submitSheet = defineUpdate<void, [z.input<typeof SubmitSheet>]>('submitSheet');
export const handInSheets = defineUpdate<void, [z.input<typeof HandInSheets>]>('handInSheets');
export const recordProtocol = defineUpdate<void, [z.input<typeof RecordProtocol>]>('recordProtocol');
export const recordVote = defineUpdate<void, [z.input<typeof RecordVote>]>('recordVote');
export const recordSuperiorDecision = defineUpdate<void, [z.input<typeof RecordSuperiorDecision>]>('recordSuperiorDecision');
export const withdraw = defineUpdate<void, [z.input<typeof Withdraw>]>('withdraw');
export const noConfidenceState = defineQuery<ProcedureState>('state');

export type NoConfidenceStage =
  | 'collecting' // 24(3),(4): signature sheets
  | 'verifying' // 24(4): the secretary's authenticity check
  | 'session_due' // 24(5): session within one month of the protocol
  | 'superior_deciding' // 24(7): ten working days
  | 'repeat_vote_possible' // 24(8): after the superior kept the akim
  | 'dismissal_due' // 24(8): "освобождает от должности акима"
  | 'closed';

export interface NoConfidenceFacts extends Record<string, unknown> {
  akim: { postId: string; personId: string; name: string };
  maslikhatId: string;
  roster: Omit<RosterUsed, 'deputies'> & { deputies: number };
  ground: { decision: string; date: string; report: string }[];
  appeal: { date: string; initiators: string[] };
  sheets: { sheet: string; at: string; deputyIds: string[] }[];
  sheetsHandedIn: string | null;
  protocol: { number: string; date: string; valid: number; invalid: { deputyId: string; reason: string }[] } | null;
  votes: { round: 'first' | 'repeat'; date: string; session: string; present: number; votesFor: number; passed: boolean }[];
  firstVoteDate: string | null;
  decisionReceived: string | null;
  superiorDecision: { decision: 'terminate' | 'keep' | 'deemed_keep' | 'deemed_terminate'; date: string; act: string } | null;
  dismissalDuty: { since: string; basis: Citation } | null;
}

const registers = proxyActivities<TartipActivities>({ startToCloseTimeout: '1 minute', retry: { maximumAttempts: 5, nonRetryableErrorTypes: ['RecordsInputError'] } });

// ---- the procedure ---------------------------------------------------------------------------

export async function noConfidence(raw: NoConfidenceInput): Promise<ProcedureState> {
  const input = parseOrRefuse(NoConfidenceInput, raw, 'noConfidence input');
  useLegalClock(input.simulation);
  const { edition, calendar } = pinned(input.editionId, input.calendarRef);
  const cite = (id: string): Citation => rule(edition, id).cite;
  const appealDate = dateOfAt(input.appeal.at);

  // 24(2): "Основанием ... является двукратное неутверждение маслихатом представленных акимом отчетов"
  const ground = rule(edition, 'art24.p2.ground_two_non_approvals', 'cap');
  const decisions = new Set(input.ground.nonApprovals.map((n) => n.decision));
  if (decisions.size < ground.cap.limit) {
    refuse(
      { code: 'below_threshold', field: 'ground.nonApprovals', rule: ground.id, citation: ground.cite, params: { rule: ground.id, required: ground.cap.limit, actual: decisions.size, base: 'non_approvals_of_akim_reports' } },
      `ground.nonApprovals: Art. 24(2) needs ${ground.cap.limit} distinct non-approvals of the akim's reports, got ${decisions.size}`,
    );
  }
  if (input.ground.nonApprovals.some((n) => n.date > appealDate)) {
    refuse({ code: 'out_of_order', field: 'ground.nonApprovals', params: { value: appealDate } }, 'ground.nonApprovals: a non-approval is dated after the appeal');
  }
  if (Date.parse(input.appeal.at) > legalNow() + 3_600_000) {
    refuse({ code: 'in_future', field: 'appeal.at', params: { value: input.appeal.at } }, `appeal.at: ${input.appeal.at} is in the future`);
  }

  // The deputies of this maslikhat on the day of the appeal.
  let roster: RosterUsed;
  if (input.roster) {
    roster = { source: 'input', date: appealDate, seats: input.roster.seats, deputies: input.roster.deputies };
  } else {
    const r = await registers.rosterAsOf({ maslikhatId: input.maslikhatId, date: appealDate });
    roster = { source: 'register', date: appealDate, seats: r.seats, deputies: r.deputies.map((d) => ({ id: d.id, fullName: d.fullName })), digest: r.digest };
  }
  const isDeputy = new Set(roster.deputies.map((d) => d.id));
  input.appeal.initiators.forEach((id, i) => {
    if (!isDeputy.has(id)) {
      refuse({ code: 'not_a_deputy', field: `appeal.initiators.${i}`, params: { value: id, maslikhat: input.maslikhatId, date: appealDate } }, `appeal.initiators.${i}: ${id} is not a deputy of ${input.maslikhatId} on ${appealDate}`);
    }
  });
  if (new Set(input.appeal.initiators).size !== input.appeal.initiators.length) {
    refuse({ code: 'duplicate', field: 'appeal.initiators', params: { field: 'appeal.initiators', value: input.appeal.initiators.join(', ') } }, 'appeal.initiators: a deputy is listed twice');
  }

  const facts: NoConfidenceFacts = {
    akim: input.akim,
    maslikhatId: input.maslikhatId,
    roster: { source: roster.source, date: roster.date, seats: roster.seats, deputies: roster.deputies.length, ...(roster.digest ? { digest: roster.digest } : {}) },
    ground: input.ground.nonApprovals,
    appeal: { date: appealDate, initiators: input.appeal.initiators },
    sheets: [],
    sheetsHandedIn: null,
    protocol: null,
    votes: [],
    firstVoteDate: null,
    decisionReceived: null,
    superiorDecision: null,
    dismissalDuty: null,
  };
  let book: ProcedureBook<NoConfidenceFacts>;
  try {
    book = new ProcedureBook(KIND, 'P-17', edition, calendar, input.interpretations, facts, 'collecting');
    // every choice the law leaves open for this procedure, recorded up front
    for (const id of ['total_deputies.base', 'art24.p4.insufficient_signatures', 'art24.p4.verification_overdue', 'art24.p5.session_not_held', 'art24.p7.decision_received', 'art24.p7.superior_silence', 'art24.p8.repeat_vote_procedure']) book.use(id);
  } catch (e) {
    return refusal(e);
  }
  const b = book;
  /** "общее число депутатов" (T-6): the seats fixed, or the mandates held */
  const totalDeputies = (): number => (b.use('total_deputies.base') === 'mandates_held' ? roster.deputies.length : roster.seats);

  // 24(4): "Сбор подписных листов осуществляется в течение десяти рабочих дней со дня письменного обращения"
  const collection = b.period('art24.p4.signature_collection', appealDate);
  b.open(collection, 'close_collection');
  setHandler(noConfidenceState, () => b.state(input.editionId, input.calendarRef));
  b.publish(input.unit);
  await registerProcedure({ procedureId: workflowInfo().workflowId, kind: KIND, editionId: edition.id, calendarId: calendar.ref, startedBy: input.startedBy.id, input });
  b.record('appeal', {
    type: 'appeal', at: input.appeal.at, actor: input.startedBy,
    payload: { akim: input.akim, maslikhatId: input.maslikhatId, initiators: input.appeal.initiators, text: input.appeal.text ?? null, ground: input.ground.nonApprovals, roster: facts.roster, interpretations: b.interpretations },
    citation: [cite('art24.p1.initiators_one_fifth'), ground.cite, ...collection.citations],
  });

  const signed = (): Set<string> => new Set(facts.sheets.flatMap((s) => s.deputyIds));
  const stageIs = (...s: NoConfidenceStage[]): boolean => (s as string[]).includes(b.stage);
  const wrongStage = (act: string, field = 'act'): never =>
    refuse({ code: 'wrong_stage', field, params: { act, stage: b.stage } }, `${act} is not allowed at stage ${b.stage}`);

  // ---- 24(3),(4): signature sheets -------------------------------------------------------
  const closeCollection = (at: string, date: string, by: 'initiators' | 'timer'): void => {
    facts.sheetsHandedIn = date;
    b.close('art24.p4.signature_collection');
    // 24(4): "Заполненные подписные листы сдаются секретарю маслихата, который в течение пяти рабочих дней организует проверку"
    const verification = b.period('art24.p4.signature_verification', facts.sheetsHandedIn);
    b.open(verification, 'overdue_verification');
    b.setStage('verifying');
    b.record(`sheets_handed_in`, {
      type: 'sheets_handed_in', at, actor: by === 'timer' ? TIMER : input.startedBy,
      payload: { by, sheets: facts.sheets.length, signatures: signed().size, verificationDeadline: verification.date },
      citation: verification.citations,
    });
  };

  setHandler(submitSheet, (rawAct) => {
    const a = SubmitSheet.parse(rawAct);
    facts.sheets.push({ sheet: a.sheet, at: a.at, deputyIds: a.signatures.map((s) => s.deputyId) });
    b.touch();
    b.record(`sheet/${a.sheet}`, { type: 'signature_sheet', at: a.at, actor: a.actor, payload: { sheet: a.sheet, signatures: a.signatures }, citation: collection.citations });
  }, {
    validator: (rawAct) => {
      const a = parseOrRefuse(SubmitSheet, rawAct, 'submitSheet');
      checkActTime(a.at, null);
      // sheets after the collection period are refused: "в течение десяти рабочих дней"
      if (!stageIs('collecting') || isAfterDeadline(a.at, collection)) {
        refuse({ code: 'too_late', field: 'at', rule: collection.rule, citation: collection.citations[0]!, date: collection.date, params: { date: collection.date } }, `at: signature collection ended on ${collection.date}`);
      }
      if (Date.parse(a.at) < Date.parse(input.appeal.at)) {
        refuse({ code: 'too_early', field: 'at', rule: collection.rule, date: appealDate, params: { date: appealDate } }, 'at: a sheet before the written appeal');
      }
      if (facts.sheets.some((s) => s.sheet === a.sheet)) {
        refuse({ code: 'duplicate', field: 'sheet', params: { field: 'sheet', value: a.sheet } }, `sheet: ${a.sheet} was already submitted`);
      }
      const already = signed();
      const inSheet = new Set<string>();
      a.signatures.forEach((s, i) => {
        const field = `signatures.${i}.deputyId`;
        if (!isDeputy.has(s.deputyId)) {
          refuse({ code: 'not_a_deputy', field, params: { value: s.deputyId, maslikhat: input.maslikhatId, date: roster.date } }, `${field}: ${s.deputyId} is not a deputy of ${input.maslikhatId} on ${roster.date}`);
        }
        if (already.has(s.deputyId) || inSheet.has(s.deputyId)) {
          refuse({ code: 'duplicate', field, params: { field, value: s.deputyId } }, `${field}: ${s.deputyId} has already signed`);
        }
        inSheet.add(s.deputyId);
      });
    },
  });

  setHandler(handInSheets, (rawAct) => {
    const a = HandInSheets.parse(rawAct);
    closeCollection(a.at, dateOfAt(a.at), 'initiators');
  }, {
    validator: (rawAct) => {
      const a = parseOrRefuse(HandInSheets, rawAct, 'handInSheets');
      checkActTime(a.at, b.lastAt());
      if (!stageIs('collecting')) wrongStage('handInSheets');
      if (facts.sheets.length === 0) refuse({ code: 'no_sheets', field: 'act', params: { act: 'handInSheets' } }, 'no signature sheet has been submitted');
    },
  });

  // ---- 24(4): "По результатам проверки составляется протокол о подлинности подписей" ----------
  setHandler(recordProtocol, (rawAct) => {
    const a = RecordProtocol.parse(rawAct);
    const date = dateOfAt(a.at);
    const bad = new Set(a.invalid.map((x) => x.deputyId));
    const valid = [...signed()].filter((d) => !bad.has(d)).length;
    facts.protocol = { number: a.protocol.number, date, valid, invalid: a.invalid };
    b.close('art24.p4.signature_verification');
    // 24(1): "По инициативе не менее одной пятой от общего числа депутатов маслихата"
    const oneFifth = b.threshold('art24.p1.initiators_one_fifth', totalDeputies(), valid);
    b.record('protocol', { type: 'protocol', at: a.at, actor: a.actor, payload: { protocol: a.protocol, invalid: a.invalid, valid, threshold: oneFifth }, citation: [cite('art24.p4.signature_verification'), cite('art24.p1.initiators_one_fifth')] });
    if (!oneFifth.met && b.use('art24.p4.insufficient_signatures') === 'initiative_ends') {
      b.setStage('closed', 'initiative_ended');
      b.record('initiative_ended', { type: 'procedure_closed', at: a.at, actor: a.actor, payload: { outcome: 'initiative_ended', valid, required: oneFifth.required, interpretation: 'art24.p4.insufficient_signatures' }, citation: oneFifth.citations });
      return;
    }
    // 24(5): "Сессия ... проводится в течение одного месяца со дня оформления протокола"
    b.open(b.period('art24.p5.session', date), 'overdue_session');
    b.setStage('session_due');
  }, {
    validator: (rawAct) => {
      const a = parseOrRefuse(RecordProtocol, rawAct, 'recordProtocol');
      checkActTime(a.at, b.lastAt());
      if (!stageIs('verifying')) wrongStage('recordProtocol');
      const all = signed();
      const seen = new Set<string>();
      a.invalid.forEach((x, i) => {
        const field = `invalid.${i}.deputyId`;
        if (!all.has(x.deputyId)) refuse({ code: 'not_signed', field, params: { value: x.deputyId } }, `${field}: ${x.deputyId} did not sign`);
        if (seen.has(x.deputyId)) refuse({ code: 'duplicate', field, params: { field, value: x.deputyId } }, `${field}: ${x.deputyId} listed twice`);
        seen.add(x.deputyId);
      });
    },
  });

  // ---- 24(5),(8): the votes --------------------------------------------------------------------
  setHandler(recordVote, (rawAct) => {
    const a = RecordVote.parse(rawAct);
    const date = dateOfAt(a.at);
    const repeat = stageIs('repeat_vote_possible');
    const ruleId = repeat ? 'art24.p8.repeat_vote_majority' : 'art24.p5.vote_majority';
    // 24(5): "считается состоявшимся, если за это решение проголосовало большинство от общего числа депутатов"
    const majority = b.threshold(ruleId, totalDeputies(), a.votesFor);
    facts.votes.push({ round: repeat ? 'repeat' : 'first', date, session: a.session.number, present: a.present, votesFor: a.votesFor, passed: majority.met });
    b.record(repeat ? `vote/repeat/${facts.votes.length}` : 'vote/first', {
      type: 'session_decision', at: a.at, actor: a.actor,
      payload: { round: repeat ? 'repeat' : 'first', session: a.session, present: a.present, votesFor: a.votesFor, passed: majority.met, threshold: majority },
      citation: majority.citations,
    });
    if (!repeat) {
      b.close('art24.p5.session');
      if (!majority.met) {
        b.setStage('closed', 'no_confidence_not_expressed');
        return;
      }
      facts.firstVoteDate = date;
      // 24(6): "решение сессии маслихата в незамедлительном порядке направляется Президенту ... либо вышестоящему акиму"
      b.setStage('superior_deciding');
      // 24(7): "со дня получения решения ... в течение десяти рабочих дней рассматривает вопрос"
      const received = (day: string): void => {
        if (!stageIs('superior_deciding')) return; // decided already, while the notice was on its way
        facts.decisionReceived = day;
        b.open(b.period('art24.p7.superior_decision', day), 'superior_silence');
      };
      const onDelivery = b.use('art24.p7.decision_received') === 'notice_delivered';
      notifySuperior('decision', 'no_confidence_in_akim', a.at, a.votesFor, cite('art24.p7.superior_decision'), onDelivery ? () => received(legalDateOf(legalNow())) : undefined);
      if (!onDelivery) received(date);
      return;
    }
    if (!majority.met) return; // the deputies may try again: 24(8) sets no limit
    b.close('art24.p8.repeat_vote');
    // 24(8): "В этом случае Президент ... либо вышестоящий аким освобождает от должности акима"
    facts.dismissalDuty = { since: date, basis: cite('art24.p8.repeat_vote') };
    b.setStage('dismissal_due');
    b.record('dismissal_duty', { type: 'dismissal_duty', at: a.at, actor: TIMER, payload: { akim: input.akim, since: date }, citation: cite('art24.p8.repeat_vote') });
    notifySuperior('repeat_decision', 'no_confidence_repeat', a.at, a.votesFor, cite('art24.p8.repeat_vote'));
  }, {
    validator: (rawAct) => {
      const a = parseOrRefuse(RecordVote, rawAct, 'recordVote');
      checkActTime(a.at, b.lastAt());
      if (!stageIs('session_due', 'repeat_vote_possible')) wrongStage('recordVote');
      const base = totalDeputies();
      if (a.present > base) refuse({ code: 'count_exceeds_base', field: 'present', params: { field: 'present', actual: a.present, base } }, `present (${a.present}) exceeds the total number of deputies (${base})`);
      if (a.votesFor > a.present) refuse({ code: 'count_exceeds_base', field: 'votesFor', params: { field: 'votesFor', actual: a.votesFor, base: a.present } }, `votesFor (${a.votesFor}) exceeds the deputies present (${a.present})`);
      // 11(3): "Сессия маслихата правомочна, если на ней присутствует не менее двух третей от общего числа депутатов"
      const quorum = b.peekThreshold('art11.p3.quorum', base, a.present);
      if (!quorum.met) refuse({ code: 'below_threshold', field: 'present', rule: quorum.rule, ...(quorum.citations[0] ? { citation: quorum.citations[0] } : {}), params: { rule: quorum.rule, required: quorum.required, actual: a.present, base } }, `present: a session needs ${quorum.required} of ${base} deputies (Art. 11(3)), got ${a.present}`);
      if (stageIs('repeat_vote_possible')) {
        // 24(8): "по истечении шести месяцев со дня первого выражения вотума недоверия"
        const gate = b.periods.find((p) => p.rule === 'art24.p8.repeat_vote')!;
        if (Date.parse(a.at) < Date.parse(gate.instant)) {
          refuse({ code: 'too_early', field: 'at', rule: gate.rule, citation: gate.citations[0]!, date: gate.date, params: { date: gate.date } }, `at: a repeat vote is allowed from ${gate.date}`);
        }
      }
    },
  });

  // ---- 24(7),(8): the President or superior akim ------------------------------------------------
  const keep = (at: string, actor: typeof TIMER, act: string, how: 'keep' | 'deemed_keep'): void => {
    facts.superiorDecision = { decision: how, date: dateOfAt(at), act };
    b.close('art24.p7.superior_decision');
    // 24(8): "В случае если Президент ... либо вышестоящий аким отклоняет вотум недоверия акиму, депутаты ... вправе
    // по истечении шести месяцев со дня первого выражения вотума недоверия повторно выразить вотум недоверия"
    b.open(b.period('art24.p8.repeat_vote', facts.firstVoteDate!), 'repeat_vote_allowed');
    b.setStage('repeat_vote_possible');
    b.record('superior_decision', { type: 'superior_decision', at, actor, payload: { decision: how, act }, citation: cite('art24.p7.superior_decision') });
  };
  const dismiss = (at: string, actor: typeof TIMER, act: string, how: 'terminate' | 'deemed_terminate'): void => {
    const afterRepeat = stageIs('dismissal_due');
    facts.superiorDecision = { decision: how, date: dateOfAt(at), act };
    b.setStage('closed', 'dismissed');
    b.record(afterRepeat ? 'dismissal' : 'superior_decision', { type: afterRepeat ? 'dismissal' : 'superior_decision', at, actor, payload: { decision: how, act, akim: input.akim }, citation: cite(afterRepeat ? 'art24.p8.repeat_vote' : 'art24.p7.superior_decision') });
  };

  setHandler(recordSuperiorDecision, (rawAct) => {
    const a = RecordSuperiorDecision.parse(rawAct);
    if (a.decision === 'keep') keep(a.at, a.actor, a.act.number, 'keep');
    else dismiss(a.at, a.actor, a.act.number, 'terminate');
  }, {
    validator: (rawAct) => {
      const a = parseOrRefuse(RecordSuperiorDecision, rawAct, 'recordSuperiorDecision');
      checkActTime(a.at, b.lastAt());
      if (!stageIs('superior_deciding', 'dismissal_due')) wrongStage('recordSuperiorDecision');
      if (stageIs('dismissal_due') && a.decision === 'keep') {
        // 24(8): after the repeat vote the superior has no choice
        refuse({ code: 'dismissal_mandatory', field: 'decision', rule: 'art24.p8.repeat_vote', citation: cite('art24.p8.repeat_vote'), params: { value: a.decision } }, 'decision: after a repeat vote of no confidence the akim is dismissed (Art. 24(8))');
      }
    },
  });

  setHandler(withdraw, (rawAct) => {
    const a = Withdraw.parse(rawAct);
    b.setStage('closed', 'withdrawn');
    b.record('withdrawn', { type: 'procedure_closed', at: a.at, actor: a.actor, payload: { outcome: 'withdrawn', reason: a.reason } });
  }, {
    validator: (rawAct) => {
      const a = parseOrRefuse(Withdraw, rawAct, 'withdraw');
      checkActTime(a.at, b.lastAt());
      if (b.outcome) wrongStage('withdraw');
      // a procedure with a mandatory dismissal cannot be withdrawn: only the dismissal closes it
      if (stageIs('dismissal_due')) wrongStage('withdraw');
    },
  });

  function notifySuperior(step: string, templateId: string, at: string, votesFor: number, basis: Citation, then?: () => void): void {
    b.notice(step, {
      addressee: { name: input.superior.name, role: input.superior.role, address: input.superior.address },
      channel: input.superior.channel,
      languages: ['kk', 'ru', 'en'],
      basis,
      // "в незамедлительном порядке": no number of days; due the day of the session
      deadline: new Date(Date.parse(at) + 86_400_000).toISOString(),
      templateId,
      params: { maslikhat: input.maslikhat.name, sessionDate: dateOfAt(at), akim: input.akim.name, votesFor, totalDeputies: totalDeputies(), ...(templateId === 'no_confidence_repeat' ? { firstVoteDate: facts.firstVoteDate! } : {}) },
    }, then);
  }

  function notifyOverdue(d: OpenDeadline, to: 'superior' | 'maslikhat', consequence: string): void {
    const t = input[to];
    b.notice(`overdue/${d.rule}`, {
      addressee: { name: t.name, role: t.role, address: t.address },
      channel: t.channel,
      languages: ['kk', 'ru', 'en'],
      basis: d.period.citations[0]!,
      deadline: d.period.instant,
      templateId: 'akim_procedure_overdue',
      params: { procedure: PROCEDURE_TITLE, subject: input.akim.name, deadlineDate: d.period.date, step: STEP_TITLES[d.rule] ?? { en: d.rule, ru: d.rule, kk: d.rule }, consequence: CONSEQUENCES[consequence] ?? CONSEQUENCES.overdue_notice! },
    });
  }

  // ---- timers: what happens when a period ends -------------------------------------------------
  function onExpiry(d: OpenDeadline): void {
    switch (d.rule) {
      case 'art24.p4.signature_collection': // closed automatically: later sheets are refused
        b.fired(d.rule);
        b.recordExpiry('expiry/collection', d, 'close_collection');
        closeCollection(d.period.instant, d.period.date, 'timer');
        return;
      case 'art24.p4.signature_verification': {
        const how = b.use('art24.p4.verification_overdue');
        b.fired(d.rule);
        b.recordExpiry('expiry/verification', d, how);
        if (how === 'initiative_lapses') {
          b.setStage('closed', 'lapsed');
          return;
        }
        notifyOverdue(d, 'maslikhat', 'overdue_notice');
        return;
      }
      case 'art24.p5.session': {
        const how = b.use('art24.p5.session_not_held');
        b.fired(d.rule);
        b.recordExpiry('expiry/session', d, how);
        if (how === 'initiative_lapses') {
          b.setStage('closed', 'lapsed');
          return;
        }
        notifyOverdue(d, 'maslikhat', 'overdue_notice');
        return;
      }
      case 'art24.p7.superior_decision': {
        const how = b.use('art24.p7.superior_silence');
        b.fired(d.rule);
        b.recordExpiry('expiry/superior_decision', d, how);
        if (how === 'deemed_rejected') return keep(d.period.instant, TIMER, 'deemed', 'deemed_keep');
        if (how === 'deemed_terminated') return dismiss(d.period.instant, TIMER, 'deemed', 'deemed_terminate');
        notifyOverdue(d, 'superior', 'overdue_notice');
        return;
      }
      case 'art24.p8.repeat_vote': // the gate opens; the stage stays, the vote is now allowed
        b.close(d.rule);
        b.recordExpiry('expiry/repeat_vote_gate', d, 'repeat_vote_allowed');
        b.publish();
        return;
    }
  }

  await runTimers(b, onExpiry);
  await allHandlersFinished();
  return b.state(input.editionId, input.calendarRef);
}

const PROCEDURE_TITLE = {
  en: 'vote of no confidence in the akim (Art. 24)',
  ru: 'выражение вотума недоверия акиму (ст. 24)',
  kk: 'әкімге сенімсіздік вотумын білдіру (24-бап)',
};

const STEP_TITLES: Record<string, { en: string; ru: string; kk: string }> = {
  'art24.p4.signature_verification': { en: 'verification of the signatures by the secretary', ru: 'проверка подлинности подписей секретарём маслихата', kk: 'мәслихат хатшысының қолдардың түпнұсқалығын тексеруі' },
  'art24.p5.session': { en: 'the no-confidence session', ru: 'сессия маслихата по выражению вотума недоверия', kk: 'сенімсіздік вотумы жөніндегі мәслихат сессиясы' },
  'art24.p7.superior_decision': { en: 'the decision on the termination of the akim\'s powers', ru: 'решение о прекращении полномочий акима', kk: 'әкімнің өкілеттігін тоқтату туралы шешім' },
};

const CONSEQUENCES: Record<string, { en: string; ru: string; kk: string }> = {
  overdue_notice: {
    en: 'The law attaches no consequence; the procedure remains open and awaits the act',
    ru: 'Закон не устанавливает последствий; процедура остаётся открытой и ожидает совершения действия',
    kk: 'Заң салдарын белгілемейді; рәсім ашық қалады және әрекеттің жасалуын күтеді',
  },
};

export const noConfidenceDefinition: ProcedureDefinition = {
  kind: KIND,
  workflowType: 'noConfidence',
  procedure: 'P-17',
  title: { en: 'Vote of no confidence in an akim', ru: 'Выражение вотума недоверия акиму', kk: 'Әкімге сенімсіздік вотумын білдіру' },
  input: NoConfidenceInput,
  // one open no-confidence procedure per akim post (the six-month gate of 24(8) lives inside it)
  workflowId: (i) => `no_confidence:${(i as { akim: { postId: string } }).akim.postId}`,
  acts: {
    submitSheet: { input: SubmitSheet, roles: ['administrator'], title: { en: 'Submit a signature sheet', ru: 'Сдать подписной лист', kk: 'Қол қою парағын тапсыру' } },
    handInSheets: { input: HandInSheets, roles: ['administrator'], title: { en: 'Hand the sheets to the secretary', ru: 'Сдать подписные листы секретарю', kk: 'Қол қою парақтарын хатшыға тапсыру' } },
    recordProtocol: { input: RecordProtocol, roles: ['administrator'], title: { en: 'Record the authenticity protocol', ru: 'Зарегистрировать протокол о подлинности подписей', kk: 'Қолдардың түпнұсқалығы туралы хаттаманы тіркеу' } },
    recordVote: { input: RecordVote, roles: ['administrator'], title: { en: 'Record the session vote', ru: 'Зарегистрировать результаты голосования сессии', kk: 'Сессиядағы дауыс беру нәтижесін тіркеу' } },
    recordSuperiorDecision: { input: RecordSuperiorDecision, roles: ['administrator'], title: { en: "Record the President's or superior akim's decision", ru: 'Зарегистрировать решение Президента или вышестоящего акима', kk: 'Президенттің немесе жоғары тұрған әкімнің шешімін тіркеу' } },
    withdraw: { input: Withdraw, roles: ['administrator'], title: { en: 'Close the procedure (akim left office, initiative withdrawn)', ru: 'Закрыть процедуру (аким оставил должность, инициатива отозвана)', kk: 'Рәсімді жабу (әкім қызметінен кетті, бастама кері қайтарылды)' } },
  },
};
