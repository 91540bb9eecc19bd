// Vote of no confidence in an akim: Law 148, Art. 24 (catalogue P-17). Each act below is a
// paragraph of the article; its words sit next to the code. Deadlines and thresholds come from
// the pinned edition (statute/editions/kz-148-2018.ts, rules art24.*).
import { z } from 'zod';
import type { DatedPeriod } from '../statute/deadlines.js';
import { rule as ruleOf, type RuleId } from '../statute/rules.js';
import type { Citation } from '../statute/types.js';
import { defineProcedure, kit } from './engine/spec.js';
import { definitionOf } from './engine/pipeline.js';
import { runProcedure } from './engine/interpreter.js';
import { TIMER, type Book } from './engine/book.js';
import { legalDateOf } from './engine/time.js';
import { ActBase, StartBase, type Actor, type OpenDeadline, type ProcedureState, LegalDate } from './procedure.js';
import { checkSessionCounts, dateOfAt, NoticeTarget, noticeTo, onlyInSimulations, RosterInput, rosterFor, shown, totalDeputies, type RosterShown, unitAndMaslikhat } from './lib/maslikhat.js';
import { OVERDUE_NOTICE, PROCEDURE_TITLE, STEP_TITLES } from './no-confidence.texts.js';

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
    nonApprovals: z.array(z.strictObject({ decision: z.string().min(1), date: LegalDate, report: z.string().min(1) })).min(1),
  }),
  /** 24(4): "письменного обращения инициаторов-депутатов маслихата" */
  appeal: z.strictObject({ at: ActBase.shape.at, initiators: z.array(DeputyId).min(1), text: z.string().max(20_000).optional() }),
  /** what-if runs only: the roster instead of the register */
  roster: RosterInput.optional(),
}).refine((i) => !i.roster || i.simulation, onlyInSimulations);
export type NoConfidenceInput = z.input<typeof NoConfidenceInput>;
type Input = z.output<typeof NoConfidenceInput>;

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

export type NoConfidenceStage =
  | 'collecting' // 24(3),(4): signature sheets
  | 'verifying' // 24(4): the secretary's authenticity check
  | 'session_due' // 24(5): session within one month of the protocol
  | 'superior_deciding' // 24(7): ten working days
  | 'repeat_vote_possible' // 24(8): after the superior kept the akim
  | 'dismissal_due' // 24(8): "освобождает от должности акима"
  | 'closed';

export interface NoConfidenceFacts {
  akim: { postId: string; personId: string; name: string };
  maslikhatId: string;
  roster: RosterShown;
  /** the deputies on the day of the appeal: the only signatures that count */
  deputyIds: string[];
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

type B = Book<NoConfidenceFacts, NoConfidenceStage>;
const { act, expiry } = kit<NoConfidenceFacts, NoConfidenceStage, Input>();
const total = (b: B) => totalDeputies(b, b.facts.roster);
const signed = (b: B) => new Set(b.facts.sheets.flatMap((s) => s.deputyIds));
const COLLECTION = 'art24.p4.signature_collection';
const GATE = 'art24.p8.repeat_vote';
/** the rule's period as it stands: the open deadline (moved by a suspension), else the last one computed */
const periodNow = (b: B, id: RuleId): DatedPeriod => b.periodNow(id)!;

// ---- 24(3),(4): the sheets go to the secretary ----------------------------------------------
function closeCollection(b: B, at: string, date: string, actor: Actor, by: 'initiators' | 'timer'): void {
  b.facts.sheetsHandedIn = date;
  b.cancel(COLLECTION);
  // 24(4): "Заполненные подписные листы сдаются секретарю маслихата, который в течение пяти рабочих дней организует проверку"
  const verification = b.open('art24.p4.signature_verification', date, 'overdue_verification');
  b.setStage('verifying');
  b.record('sheets_handed_in', {
    type: 'sheets_handed_in', at, actor,
    payload: { by, sheets: b.facts.sheets.length, signatures: signed(b).size, verificationDeadline: verification.date },
    citation: verification.citations,
  });
}

// ---- 24(7),(8): the President or superior akim ------------------------------------------------
function keep(b: B, at: string, actor: Actor, act: string, how: 'keep' | 'deemed_keep'): void {
  b.facts.superiorDecision = { decision: how, date: dateOfAt(at), act };
  b.cancel('art24.p7.superior_decision');
  // 24(8): "В случае если Президент ... либо вышестоящий аким отклоняет вотум недоверия акиму, депутаты ... вправе
  // по истечении шести месяцев со дня первого выражения вотума недоверия повторно выразить вотум недоверия"
  b.open(GATE, b.facts.firstVoteDate!, 'repeat_vote_allowed');
  b.setStage('repeat_vote_possible');
  b.record('superior_decision', { type: 'superior_decision', at, actor, payload: { decision: how, act }, citation: b.cite('art24.p7.superior_decision') });
}

function dismiss(b: B, input: Input, at: string, actor: Actor, act: string, how: 'terminate' | 'deemed_terminate'): void {
  const afterRepeat = b.is('dismissal_due');
  b.facts.superiorDecision = { decision: how, date: dateOfAt(at), act };
  b.setStage('closed', 'dismissed');
  b.record(afterRepeat ? 'dismissal' : 'superior_decision', { type: afterRepeat ? 'dismissal' : 'superior_decision', at, actor, payload: { decision: how, act, akim: input.akim }, citation: b.cite(afterRepeat ? GATE : 'art24.p7.superior_decision') });
}

// 24(6): "решение сессии маслихата в незамедлительном порядке направляется Президенту ... либо вышестоящему акиму"
function notifySuperior(b: B, input: Input, step: string, templateId: 'no_confidence_in_akim' | 'no_confidence_repeat', at: string, votesFor: number, basis: Citation, then?: (b: B) => void): void {
  // "в незамедлительном порядке": no number of days; due the day after the session
  b.notify(step, noticeTo(input.superior, templateId, basis, at, {
    maslikhat: input.maslikhat.name, sessionDate: dateOfAt(at), akim: input.akim.name, votesFor, totalDeputies: total(b),
    ...(templateId === 'no_confidence_repeat' ? { firstVoteDate: b.facts.firstVoteDate! } : {}),
  }), then);
}

/** The law names no consequence of the overdue deadline (T-12): the maslikhat or the superior is told. */
function notifyOverdue(b: B, input: Input, d: OpenDeadline, to: 'superior' | 'maslikhat'): void {
  b.notify(`overdue/${d.rule}`, noticeTo(input[to], 'akim_procedure_overdue', d.period.citations[0]!, d.period.instant, {
    procedure: PROCEDURE_TITLE, subject: input.akim.name, deadlineDate: d.period.date,
    step: STEP_TITLES[d.rule] ?? { en: d.rule, ru: d.rule, kk: d.rule }, consequence: OVERDUE_NOTICE,
  }, d.period.instant));
}

// ---- the procedure ---------------------------------------------------------------------------

export const noConfidenceSpec = defineProcedure<NoConfidenceFacts, NoConfidenceStage, Input>({
  kind: 'no_confidence',
  workflowType: 'noConfidence',
  procedure: 'P-17',
  title: { en: 'Vote of no confidence in an akim', ru: 'Выражение вотума недоверия акиму', kk: 'Әкімге сенімсіздік вотумын білдіру' },
  input: NoConfidenceInput,
  // one open no-confidence procedure per akim post (the six-month gate of 24(8) lives inside it)
  workflowId: (i) => `no_confidence:${i.akim.postId}`,
  registered: (i) => unitAndMaslikhat(i),
  initial: 'collecting',
  stages: ['collecting', 'verifying', 'session_due', 'superior_deciding', 'repeat_vote_possible', 'dismissal_due', 'closed'],
  // every choice the law leaves open for this procedure, recorded up front
  interpretations: ['total_deputies.base', 'art24.p4.insufficient_signatures', 'art24.p4.verification_overdue', 'art24.p5.session_not_held', 'art24.p7.decision_received', 'art24.p7.superior_silence', 'art24.p8.repeat_vote_procedure'],

  async start(b, input, io) {
    const appealDate = dateOfAt(input.appeal.at);
    // 24(2): "Основанием ... является двукратное неутверждение маслихатом представленных акимом отчетов"
    const ground = ruleOf(b.edition, 'art24.p2.ground_two_non_approvals', 'cap');
    const decisions = new Set(input.ground.nonApprovals.map((n) => n.decision));
    if (decisions.size < ground.cap.limit) {
      b.refuse(
        { code: 'below_threshold', field: 'ground.nonApprovals', rule: ground.id, citation: ground.cite, params: { rule: ground.id, required: ground.cap.limit, actual: decisions.size, base: 'non_approvals_of_akim_reports' } },
        `ground.nonApprovals: Art. 24(2) needs ${ground.cap.limit} distinct non-approvals of the akim's reports, got ${decisions.size}`,
      );
    }
    if (input.ground.nonApprovals.some((n) => n.date > appealDate)) {
      b.refuse({ code: 'out_of_order', field: 'ground.nonApprovals', params: { value: appealDate } }, 'ground.nonApprovals: a non-approval is dated after the appeal');
    }
    b.notFuture(input.appeal.at, 'appeal.at');
    // the deputies of this maslikhat on the day of the appeal
    const roster = await rosterFor(io, input.maslikhatId, appealDate, input.roster);
    const isDeputy = new Set(roster.deputies.map((d) => d.id));
    input.appeal.initiators.forEach((id, i) => {
      if (!isDeputy.has(id)) b.refuse({ code: 'not_a_deputy', field: `appeal.initiators.${i}`, params: { value: id, maslikhat: input.maslikhatId, date: appealDate } }, `appeal.initiators.${i}: ${id} is not a deputy of ${input.maslikhatId} on ${appealDate}`);
    });
    if (new Set(input.appeal.initiators).size !== input.appeal.initiators.length) {
      b.refuse({ code: 'duplicate', field: 'appeal.initiators', params: { field: 'appeal.initiators', value: input.appeal.initiators.join(', ') } }, 'appeal.initiators: a deputy is listed twice');
    }
    b.facts = {
      akim: input.akim, maslikhatId: input.maslikhatId, roster: shown(roster), deputyIds: [...isDeputy], ground: input.ground.nonApprovals,
      appeal: { date: appealDate, initiators: input.appeal.initiators }, sheets: [], sheetsHandedIn: null, protocol: null, votes: [],
      firstVoteDate: null, decisionReceived: null, superiorDecision: null, dismissalDuty: null,
    };
    // 24(4): "Сбор подписных листов осуществляется в течение десяти рабочих дней со дня письменного обращения"
    const collection = b.open(COLLECTION, appealDate, 'close_collection');
    b.record('appeal', {
      type: 'appeal', at: input.appeal.at, actor: input.startedBy,
      payload: { akim: input.akim, maslikhatId: input.maslikhatId, initiators: input.appeal.initiators, text: input.appeal.text ?? null, ground: input.ground.nonApprovals, roster: b.facts.roster, interpretations: b.interpretations },
      citation: [b.cite('art24.p1.initiators_one_fifth'), ground.cite, ...collection.citations],
    });
    return b.facts;
  },

  acts: {
    // ---- 24(3),(4): signature sheets ----------------------------------------------------------
    submitSheet: act({
      title: { en: 'Submit a signature sheet', ru: 'Сдать подписной лист', kk: 'Қол қою парағын тапсыру' },
      // sheets of one collection may come in any order
      input: SubmitSheet, roles: ['administrator'], stages: ['collecting'], ordered: false,
      outOfStage(b) {
        const c = periodNow(b, COLLECTION);
        b.tooLate(COLLECTION, c.date, `at: signature collection ended on ${c.date}`);
      },
      check(b, a, input) {
        // "в течение десяти рабочих дней": a sheet after the end of the period is refused
        const c = periodNow(b, COLLECTION);
        if (Date.parse(a.at) >= Date.parse(c.instant)) b.tooLate(COLLECTION, c.date, `at: signature collection ended on ${c.date}`);
        if (Date.parse(a.at) < Date.parse(input.appeal.at)) b.tooEarly(COLLECTION, b.facts.appeal.date, 'at: a sheet before the written appeal');
        if (b.facts.sheets.some((s) => s.sheet === a.sheet)) b.refuse({ code: 'duplicate', field: 'sheet', params: { field: 'sheet', value: a.sheet } }, `sheet: ${a.sheet} was already submitted`);
        const already = signed(b);
        const inSheet = new Set<string>();
        a.signatures.forEach((s, i) => {
          const field = `signatures.${i}.deputyId`;
          if (!b.facts.deputyIds.includes(s.deputyId)) {
            b.refuse({ code: 'not_a_deputy', field, params: { value: s.deputyId, maslikhat: input.maslikhatId, date: b.facts.roster.date } }, `${field}: ${s.deputyId} is not a deputy of ${input.maslikhatId} on ${b.facts.roster.date}`);
          }
          if (already.has(s.deputyId) || inSheet.has(s.deputyId)) b.refuse({ code: 'duplicate', field, params: { field, value: s.deputyId } }, `${field}: ${s.deputyId} has already signed`);
          inSheet.add(s.deputyId);
        });
      },
      apply(b, a) {
        b.facts.sheets.push({ sheet: a.sheet, at: a.at, deputyIds: a.signatures.map((s) => s.deputyId) });
        b.record(`sheet/${a.sheet}`, { type: 'signature_sheet', at: a.at, actor: a.actor, payload: { sheet: a.sheet, signatures: a.signatures }, citation: periodNow(b, COLLECTION).citations });
      },
    }),

    handInSheets: act({
      title: { en: 'Hand the sheets to the secretary', ru: 'Сдать подписные листы секретарю', kk: 'Қол қою парақтарын хатшыға тапсыру' },
      input: HandInSheets, roles: ['administrator'], stages: ['collecting'],
      check(b) {
        if (b.facts.sheets.length === 0) b.refuse({ code: 'no_sheets', field: 'act', params: { act: 'handInSheets' } }, 'no signature sheet has been submitted');
      },
      apply(b, a) {
        closeCollection(b, a.at, dateOfAt(a.at), a.actor, 'initiators');
      },
    }),

    // ---- 24(4): "По результатам проверки составляется протокол о подлинности подписей" ----------
    recordProtocol: act({
      title: { en: 'Record the authenticity protocol', ru: 'Зарегистрировать протокол о подлинности подписей', kk: 'Қолдардың түпнұсқалығы туралы хаттаманы тіркеу' },
      input: RecordProtocol, roles: ['administrator'], stages: ['verifying'],
      check(b, a) {
        const all = signed(b);
        const seen = new Set<string>();
        a.invalid.forEach((x, i) => {
          const field = `invalid.${i}.deputyId`;
          if (!all.has(x.deputyId)) b.refuse({ code: 'not_signed', field, params: { value: x.deputyId } }, `${field}: ${x.deputyId} did not sign`);
          if (seen.has(x.deputyId)) b.refuse({ code: 'duplicate', field, params: { field, value: x.deputyId } }, `${field}: ${x.deputyId} listed twice`);
          seen.add(x.deputyId);
        });
      },
      apply(b, a) {
        const date = dateOfAt(a.at);
        const bad = new Set(a.invalid.map((x) => x.deputyId));
        const valid = [...signed(b)].filter((d) => !bad.has(d)).length;
        b.facts.protocol = { number: a.protocol.number, date, valid, invalid: a.invalid };
        b.cancel('art24.p4.signature_verification');
        // 24(1): "По инициативе не менее одной пятой от общего числа депутатов маслихата"
        const oneFifth = b.threshold('art24.p1.initiators_one_fifth', total(b), valid);
        b.record('protocol', { type: 'protocol', at: a.at, actor: a.actor, payload: { protocol: a.protocol, invalid: a.invalid, valid, threshold: oneFifth }, citation: [b.cite('art24.p4.signature_verification'), b.cite('art24.p1.initiators_one_fifth')] });
        if (!oneFifth.met && b.use('art24.p4.insufficient_signatures') === 'initiative_ends') {
          b.setStage('closed', 'initiative_ended');
          b.record('initiative_ended', { type: 'procedure_closed', at: a.at, actor: a.actor, payload: { outcome: 'initiative_ended', valid, required: oneFifth.required, interpretation: 'art24.p4.insufficient_signatures' }, citation: oneFifth.citations });
          return;
        }
        // 24(5): "Сессия ... проводится в течение одного месяца со дня оформления протокола"
        b.open('art24.p5.session', date, 'overdue_session');
        b.setStage('session_due');
      },
    }),

    // ---- 24(5),(8): the votes --------------------------------------------------------------------
    recordVote: act({
      title: { en: 'Record the session vote', ru: 'Зарегистрировать результаты голосования сессии', kk: 'Сессиядағы дауыс беру нәтижесін тіркеу' },
      input: RecordVote, roles: ['administrator'], stages: ['session_due', 'repeat_vote_possible'],
      check(b, a) {
        checkSessionCounts(b, total(b), a.present, a.votesFor);
        if (b.is('repeat_vote_possible')) {
          // 24(8): "по истечении шести месяцев со дня первого выражения вотума недоверия"
          const gate = periodNow(b, GATE);
          if (Date.parse(a.at) < Date.parse(gate.instant)) b.tooEarly(GATE, gate.date, `at: a repeat vote is allowed from ${gate.date}`);
        }
      },
      apply(b, a, input) {
        const date = dateOfAt(a.at);
        const repeat = b.is('repeat_vote_possible');
        // 24(5): "считается состоявшимся, если за это решение проголосовало большинство от общего числа депутатов"
        const majority = b.threshold(repeat ? 'art24.p8.repeat_vote_majority' : 'art24.p5.vote_majority', total(b), a.votesFor);
        b.facts.votes.push({ round: repeat ? 'repeat' : 'first', date, session: a.session.number, present: a.present, votesFor: a.votesFor, passed: majority.met });
        b.record(repeat ? `vote/repeat/${b.facts.votes.length}` : 'vote/first', {
          type: 'session_decision', at: a.at, actor: a.actor,
          payload: { round: repeat ? 'repeat' : 'first', session: a.session, present: a.present, votesFor: a.votesFor, passed: majority.met, threshold: majority },
          citation: majority.citations,
        });
        if (!repeat) {
          b.cancel('art24.p5.session');
          if (!majority.met) return b.setStage('closed', 'no_confidence_not_expressed');
          b.facts.firstVoteDate = date;
          b.setStage('superior_deciding');
          // 24(7): "со дня получения решения ... в течение десяти рабочих дней рассматривает вопрос"
          const received = (bb: B, day: string): void => {
            if (!bb.is('superior_deciding')) return; // decided already, while the notice was on its way
            bb.facts.decisionReceived = day;
            bb.open('art24.p7.superior_decision', day, 'superior_silence');
          };
          const onDelivery = b.use('art24.p7.decision_received') === 'notice_delivered';
          notifySuperior(b, input, 'decision', 'no_confidence_in_akim', a.at, a.votesFor, b.cite('art24.p7.superior_decision'), onDelivery ? (bb) => received(bb, legalDateOf(bb.now())) : undefined);
          if (!onDelivery) received(b, date);
          return;
        }
        if (!majority.met) return; // the deputies may try again: 24(8) sets no limit
        b.cancel(GATE);
        // 24(8): "В этом случае Президент ... либо вышестоящий аким освобождает от должности акима"
        b.facts.dismissalDuty = { since: date, basis: b.cite(GATE) };
        b.setStage('dismissal_due');
        b.record('dismissal_duty', { type: 'dismissal_duty', at: a.at, actor: TIMER, payload: { akim: input.akim, since: date }, citation: b.cite(GATE) });
        notifySuperior(b, input, 'repeat_decision', 'no_confidence_repeat', a.at, a.votesFor, b.cite(GATE));
      },
    }),

    recordSuperiorDecision: act({
      title: { en: "Record the President's or superior akim's decision", ru: 'Зарегистрировать решение Президента или вышестоящего акима', kk: 'Президенттің немесе жоғары тұрған әкімнің шешімін тіркеу' },
      input: RecordSuperiorDecision, roles: ['administrator'], stages: ['superior_deciding', 'dismissal_due'],
      check(b, a) {
        // 24(8): after the repeat vote the superior has no choice
        if (b.is('dismissal_due') && a.decision === 'keep') {
          b.refuse({ code: 'dismissal_mandatory', field: 'decision', rule: GATE, citation: b.cite(GATE), params: { value: a.decision } }, 'decision: after a repeat vote of no confidence the akim is dismissed (Art. 24(8))');
        }
      },
      apply(b, a, input) {
        if (a.decision === 'keep') keep(b, a.at, a.actor, a.act.number, 'keep');
        else dismiss(b, input, a.at, a.actor, a.act.number, 'terminate');
      },
    }),

    withdraw: act({
      title: { en: 'Close the procedure (akim left office, initiative withdrawn)', ru: 'Закрыть процедуру (аким оставил должность, инициатива отозвана)', kk: 'Рәсімді жабу (әкім қызметінен кетті, бастама кері қайтарылды)' },
      // a procedure with a mandatory dismissal cannot be withdrawn: only the dismissal closes it
      input: Withdraw, roles: ['administrator'], stages: ['collecting', 'verifying', 'session_due', 'superior_deciding', 'repeat_vote_possible'],
      apply(b, a) {
        b.setStage('closed', 'withdrawn');
        b.record('withdrawn', { type: 'procedure_closed', at: a.at, actor: a.actor, payload: { outcome: 'withdrawn', reason: a.reason } });
      },
    }),
  },

  // ---- timers: what happens when a period ends -------------------------------------------------
  expiry: {
    // closed automatically: later sheets are refused
    close_collection: expiry((b, d) => {
      closeCollection(b, d.period.instant, d.period.date, TIMER, 'timer');
      return 'close_collection';
    }),
    overdue_verification: expiry((b, d, input) => {
      const how = b.use('art24.p4.verification_overdue');
      if (how === 'initiative_lapses') b.setStage('closed', 'lapsed');
      else notifyOverdue(b, input, d, 'maslikhat');
      return how;
    }),
    overdue_session: expiry((b, d, input) => {
      const how = b.use('art24.p5.session_not_held');
      if (how === 'initiative_lapses') b.setStage('closed', 'lapsed');
      else notifyOverdue(b, input, d, 'maslikhat');
      return how;
    }),
    superior_silence: expiry((b, d, input) => {
      const how = b.use('art24.p7.superior_silence');
      if (how === 'deemed_rejected') keep(b, d.period.instant, TIMER, 'deemed', 'deemed_keep');
      else if (how === 'deemed_terminated') dismiss(b, input, d.period.instant, TIMER, 'deemed', 'deemed_terminate');
      else notifyOverdue(b, input, d, 'superior');
      return how;
    }),
    // the gate opens; the stage stays, the vote is now allowed
    repeat_vote_allowed: expiry((b, d) => {
      b.cancel(d.rule);
      return 'repeat_vote_allowed';
    }),
  },
});

export const noConfidenceDefinition = definitionOf(noConfidenceSpec);

export async function noConfidence(raw: NoConfidenceInput): Promise<ProcedureState> {
  return runProcedure(noConfidenceSpec, raw);
}
