// P-18: early termination of a Senate deputy's powers by decision of the electors (recall),
// Art. 6(7) and 24-1 (RU 2018; the English "three years" of 24-1(6) is wrong, RU says one year).
// Signatures live in PostgreSQL (activities/senate-recall.ts); the procedure keeps the totals,
// the protocol digest, every deadline with its derivation and every threshold decision.
import type { z } from 'zod';
import { periodOf } from '../statute/deadlines.js';
import { StatuteError } from '../statute/errors.js';
import { rule } from '../statute/rules.js';
import { senateRecallSupport, type SenateRecallSupport } from '../statute/thresholds.js';
import { dayToIso } from '../statute/calendar/dates.js';
import type { Citation, IsoDate, ThresholdDerivation } from '../statute/types.js';
import type { VerificationTotals } from '../activities/senate-recall.js';
import { defineProcedure, kit } from './engine/spec.js';
import { definitionOf } from './engine/pipeline.js';
import { runProcedure } from './engine/interpreter.js';
import type { Book, Notice } from './engine/book.js';
import { legalDateOf } from './engine/time.js';
import {
  Appeal, EstablishResult, IssueSheets, JointSitting, KIND, SendProtocol, SheetsReceived, STAGES, SubmitSheets, Verify,
  type Appealable, type Input, type Outcome, type SenateRecallFacts, SenateRecallInput, type SenateRecallState, type Stage,
} from './senate-recall.types.js';
import { ACT_TITLES, REASON_TEXT, RESULT_TEXT, TITLE } from './senate-recall.texts.js';

export * from './senate-recall.types.js';
export { legalDateOf };
const APPEAL = 'art24_1.p11.appeal';

type B = Book<SenateRecallFacts, Stage>;
const { act, expiry } = kit<SenateRecallFacts, Stage, Input>();

/** Interpretations this procedure uses, recorded at start (defaults unless the input chose). */
const USED_INTERPRETATIONS = ['art24_1.p1.initiation_decision', 'art24_1.p2.one_maslikhat', 'art24_1.p6.same_grounds', 'art24_1.p8.vote_not_held'] as const;
const workflowIdOf = (i: Input) => `${KIND}:${i.senator.id}`;
const dayBefore = (d: IsoDate) => dayToIso(Math.round(Date.parse(`${d}T00:00:00Z`) / 86_400_000) - 1);
const who = {
  commission: (i: Input) => ({ name: i.commission.name, role: 'election_commission', address: i.commission.address }),
  senator: (i: Input) => ({ name: i.senator.fullName, role: 'senate_deputy', address: i.senator.address }),
};
const notice = (i: Input, to: keyof typeof who, templateId: string, basis: Citation, deadline: string, params: Notice['params']): Notice =>
  ({ addressee: who[to](i), channel: i.channel, languages: i.languages, basis, deadline, templateId, params });

// 24-1(11): "в течение десяти дней со дня принятия решения или совершения действия (бездействия)"; the latest is shown
function openAppeal(b: B, what: Appealable, on: IsoDate): void {
  b.facts.appealAnchors[what] = on;
  b.open(APPEAL, on, 'close_appeals', { afterOutcome: true });
}
const appealPeriod = (b: B, anchor: IsoDate) => periodOf(b.edition, APPEAL, anchor, b.calendar, b.chosen);

/** The outcome; the procedure stays open while an appeal period runs (24-1(11)). */
function conclude(b: B, outcome: Outcome): void {
  b.setStage('appeal_window', outcome);
  const ap = b.deadline(APPEAL);
  if (ap && Date.parse(ap.period.instant) > b.now()) return;
  b.cancel(APPEAL);
  b.setStage('closed');
}

// 24-1(2): "не менее чем двадцатью пятью процентами ... но не менее чем двадцатью пятью процентами голосов выборщиков от одного маслихата"
// 24-1(6): "свыше одного процента собранных подписей являются недостоверными" → refusal
function decide(b: B, t: VerificationTotals): { support: SenateRecallSupport; invalid: ThresholdDerivation; reasons: string[] } {
  const support = senateRecallSupport(rule(b.edition, 'art24_1.p2.electors_25pct', 'threshold'), rule(b.edition, 'art24_1.p2.one_maslikhat_25pct', 'threshold'), t.perMaslikhat, b.chosen);
  const invalid = b.peekThreshold('art24_1.p6.invalid_max_1pct', t.collected, t.invalid);
  const reasons: string[] = [];
  if (!support.total.met) reasons.push('below_25pct_of_all_electors');
  if (support.total.met && !support.met) reasons.push('below_25pct_of_one_maslikhat');
  if (!invalid.met) reasons.push('more_than_1pct_invalid');
  return { support, invalid, reasons };
}
/** 24-1(6): "в течение года со дня отказа": the bar of a refusal on `on` */
const barOf = (b: B, on: IsoDate) => periodOf(b.edition, 'art24_1.p6.reinitiation_bar', on, b.calendar, b.chosen);

// 24-1(1): the notice delivered to both the commission and the deputy; 24-1(3) counts from its receipt
const delivered = (to: 'commission' | 'senator') => (bb: B): void => {
  bb.facts.delivered[to] = bb.today();
  if (!bb.facts.delivered.commission || !bb.facts.delivered.senator || !bb.is('initiation')) return;
  bb.cancel('art24_1.p1.notify');
  // 24-1(3): "не позднее десяти рабочих дней со дня получения уведомления маслихата"
  bb.facts.noticeReceived = bb.facts.delivered.commission;
  bb.open('art24_1.p3.sheet_issue', bb.facts.noticeReceived, 'record_missed');
  bb.setStage('sheet_issue');
};

export const senateRecallSpec = defineProcedure<SenateRecallFacts, Stage, Input>({
  kind: KIND,
  workflowType: 'senateRecall',
  procedure: 'P-18',
  title: TITLE,
  input: SenateRecallInput,
  // one open recall per Senate deputy
  workflowId: workflowIdOf,
  registered: (i) => [{ field: 'unit', register: 'admin_units', id: i.unit }],
  initial: 'initiation',
  stages: STAGES,
  interpretations: USED_INTERPRETATIONS,
  stepPrefix: (i) => i.initiation.decisionDate,

  async start(b, input, io) {
    for (const [i, u] of input.interpretations.entries()) {
      if (!(USED_INTERPRETATIONS as readonly string[]).includes(u.id) && !u.id.startsWith('period.') && u.id !== 'days.unqualified_are_calendar') {
        throw new StatuteError({ code: 'unknown_interpretation', field: `interpretations.${i}.id`, params: { interpretation: u.id } }, `interpretations.${i}.id: ${u.id} is not used by ${KIND}`);
      }
    }
    const runKey = input.initiation.decisionDate;
    const today = b.today();
    if (runKey > today) b.refuse({ code: 'in_future', field: 'initiation.decisionDate', date: today }, `initiation.decisionDate ${runKey} is after today (${today})`);
    // 24-1(6): "Повторное возбуждение вопроса ... по тем же основаниям в течение года со дня отказа ... не допускается"
    const sameGrounds = b.use('art24_1.p6.same_grounds') as 'recorded_grounds' | 'any_grounds';
    const bar = await io.senateRecallBarCheck({ senatorId: input.senator.id, grounds: input.grounds, sameGrounds, date: runKey });
    if (bar.barred) {
      const endsOn = dayBefore(bar.allowedFrom);
      b.refuse({ code: 'barred', field: 'initiation.decisionDate', rule: 'art24_1.p6.reinitiation_bar', date: endsOn, citation: b.cite('art24_1.p6.reinitiation_bar'), params: { date: endsOn, allowedFrom: bar.allowedFrom, refusedOn: bar.refusedOn } },
        `a recall of ${input.senator.id} on the same grounds is barred until ${endsOn} inclusive (refusal of ${bar.refusedOn} in ${bar.procedureId}); allowed from ${bar.allowedFrom}`);
    }
    b.facts = { senator: { id: input.senator.id, fullName: input.senator.fullName }, grounds: input.grounds, runKey, delivered: {}, sittings: [], appealAnchors: {}, appeals: [], missed: [] };
    // 24-1(1): the maslikhat's decision; "о чем в трехдневный срок уведомляются ... избирательная комиссия и депутат Сената"
    b.record('initiation', {
      type: 'senate_recall_initiated', at: new Date(b.now()).toISOString(), actor: input.startedBy,
      payload: { senator: input.senator.id, grounds: input.grounds, decision: input.initiation, unit: input.unit, interpretations: b.interpretations },
      citation: [b.cite('art24_1.p1.notify'), b.cite('art24_1.p2.electors_25pct')],
    });
    const by = b.open('art24_1.p1.notify', runKey, 'record_missed');
    const params = { maslikhat: input.maslikhatName, senator: input.senator.fullName, decisionDate: runKey, decisionNumber: input.initiation.decisionNumber, grounds: input.grounds };
    b.notify('initiated/commission', notice(input, 'commission', 'senate_recall_initiated', by.citations[0]!, by.instant, params), delivered('commission'));
    b.notify('initiated/senator', notice(input, 'senator', 'senate_recall_initiated', by.citations[0]!, by.instant, params), delivered('senator'));
    return b.facts;
  },

  acts: {
    // 24-1(3): the commission issues numbered sheets to the initiators
    issueSheets: act({
      title: ACT_TITLES.issueSheets, input: IssueSheets, roles: ['commission'], stages: ['sheet_issue'],
      load: (b, a, input, io) => io.issueSignatureSheets({ procedureId: b.procedureId, runKey: b.facts.runKey, senator: b.facts.senator, initiators: a.initiators, count: a.count, issuedOn: legalDateOf(Date.parse(a.at)) }),
      apply(b, a, _input, issued) {
        const on = legalDateOf(Date.parse(a.at));
        const late = b.isLate('art24_1.p3.sheet_issue', a.at);
        const first = issued.sheets[0]!.serial;
        const last = issued.sheets[issued.sheets.length - 1]!.serial;
        b.facts.sheets = { count: issued.sheets.length, issuedOn: on, first, last, digest: issued.digest, late };
        b.record('sheets-issued', { type: 'senate_recall_sheets_issued', at: a.at, actor: a.actor, payload: { count: issued.sheets.length, first, last, digest: issued.digest, initiators: a.initiators, late }, citation: b.cite('art24_1.p3.sheet_issue') });
        b.cancel('art24_1.p3.sheet_issue');
        openAppeal(b, 'sheet_issue', on);
        b.setStage('sheets_issued');
      },
    }),

    // 24-1(4): "в течение тридцати дней со дня получения выборщиками подписных листов"
    sheetsReceived: act({
      title: ACT_TITLES.sheetsReceived, input: SheetsReceived, roles: ['administrator', 'commission'], stages: ['sheets_issued'],
      apply(b, a) {
        const on = legalDateOf(Date.parse(a.at));
        b.facts.sheetsReceivedOn = on;
        const p = b.open('art24_1.p4.collection', on, 'close_collection');
        b.record('sheets-received', { type: 'senate_recall_sheets_received', at: a.at, actor: a.actor, payload: { on, collectionEnds: p.date }, citation: b.cite('art24_1.p4.collection') });
        b.setStage('collection');
      },
    }),

    // 24-1(4): "Подписные листы, представленные по истечении срока ..., приему не подлежат"
    submitSheets: act({
      title: ACT_TITLES.submitSheets, input: SubmitSheets, roles: ['administrator'], stages: ['collection'],
      outOfStage(b, a) {
        const closed = b.facts.collectionClosed;
        if (closed) b.tooLate('art24_1.p4.collection', closed, `sheets submitted at ${a.at}: the collection period ended on ${closed}; late sheets are not accepted`);
      },
      check(b, a) {
        const c = b.deadline('art24_1.p4.collection');
        if (c && b.isLate(c.rule, a.at)) b.tooLate('art24_1.p4.collection', c.period.date, `sheets submitted at ${a.at}: the collection period ended on ${c.period.date}; late sheets are not accepted`);
      },
      async load(b, a, input, io) {
        try {
          return await io.senateRecallBatchInfo({ procedureId: b.procedureId, runKey: b.facts.runKey, files: a.files });
        } catch (e) {
          const why = (e as { cause?: { message?: string } }).cause?.message ?? (e as Error).message;
          return b.refuse({ code: 'unknown_batch', field: 'files' }, `files: ${why}`);
        }
      },
      apply(b, a, _input, batches) {
        const on = legalDateOf(Date.parse(a.at));
        b.facts.submission = { on, batches };
        b.cancel('art24_1.p4.collection');
        const p = b.open('art24_1.p4.verification', on, 'record_missed');
        b.record('sheets-submitted', { type: 'senate_recall_sheets_submitted', at: a.at, actor: a.actor, payload: { batches, rows: batches.reduce((s, x) => s + x.rows, 0), verifyBy: p.date }, citation: b.cite('art24_1.p4.collection') });
        b.setStage('verification');
      },
    }),

    // 24-1(4)–(6): verification, then the commission's decision
    verify: act({
      title: ACT_TITLES.verify, input: Verify, roles: ['commission'], stages: ['verification'],
      // the bar of a refusal goes to PostgreSQL here, before apply: the decision is a pure function of the totals
      // (the same `decide` in apply), and senateRecallRecordBar is idempotent (ON CONFLICT DO NOTHING)
      async load(b, a, input, io) {
        const on = legalDateOf(Date.parse(a.at));
        const t = await io.verifySignatures({ procedureId: b.procedureId, runKey: b.facts.runKey, areaId: input.unit, date: on, batches: b.facts.submission!.batches.map((x) => x.batchId) });
        if (decide(b, t).reasons.length > 0) {
          await io.senateRecallRecordBar({ procedureId: b.procedureId, runKey: b.facts.runKey, senatorId: input.senator.id, grounds: input.grounds, refusedOn: on, allowedFrom: barOf(b, on).date, citation: b.cite('art24_1.p6.reinitiation_bar') });
        }
        return t;
      },
      apply(b, a, input, t) {
        const on = legalDateOf(Date.parse(a.at));
        const late = b.isLate('art24_1.p4.verification', a.at);
        b.facts.verification = { on, collected: t.collected, valid: t.valid, invalid: t.invalid, reasons: t.reasons, perMaslikhat: t.perMaslikhat, protocolDigest: t.protocolDigest, electorsDigest: t.electorsDigest, late };
        b.record('verification', { type: 'senate_recall_verification_protocol', at: a.at, actor: a.actor, payload: { ...b.facts.verification }, citation: b.cite('art24_1.p4.verification') });
        b.cancel('art24_1.p4.verification');
        const { support, invalid, reasons } = decide(b, t);
        const thresholds = [support.total, ...support.perMaslikhat, invalid];
        b.noteThreshold(...thresholds);
        b.note(support.interpretations);
        const putToVote = reasons.length === 0;
        const decision: NonNullable<SenateRecallFacts['decision']> = { on, putToVote, reasons, readings: support.readings, chosenReading: support.chosen };
        b.facts.decision = decision;
        openAppeal(b, 'decision', on);
        if (putToVote) {
          const notifyBy = b.open('art24_1.p7.notify_deputy', on, 'record_missed');
          const sitting = b.open('art24_1.p7.joint_sitting', on, 'record_missed');
          b.record('decision', { type: 'senate_recall_put_to_vote', at: a.at, actor: a.actor, payload: { ...decision, thresholds, notifyBy: notifyBy.date, sittingBy: sitting.date }, citation: [b.cite('art24_1.p2.electors_25pct'), b.cite('art24_1.p6.invalid_max_1pct')] });
          b.setStage('put_to_vote');
          // 24-1(7): "секретарь ... письменно уведомляет депутата Сената ... не позднее пяти дней"
          b.notify('put-to-vote/senator', notice(input, 'senator', 'senate_recall_put_to_vote', notifyBy.citations[0]!, notifyBy.instant, {
            senator: input.senator.fullName, region: input.regionName, decisionDate: on, sittingBy: sitting.date,
          }), (bb) => bb.cancel('art24_1.p7.notify_deputy'));
          return;
        }
        const bar = b.period('art24_1.p6.reinitiation_bar', on);
        decision.bar = { allowedFrom: bar.date, endsOn: dayBefore(bar.date) };
        b.record('decision', { type: 'senate_recall_refused', at: a.at, actor: a.actor, payload: { ...decision, thresholds, bar }, citation: [b.cite('art24_1.p6.invalid_max_1pct'), b.cite('art24_1.p6.reinitiation_bar')] });
        conclude(b, 'refused');
        // not required by 24-1; sent so the parties learn of the refusal while they can appeal (24-1(11))
        const reason = { kk: '', ru: '', en: '' };
        for (const l of ['kk', 'ru', 'en'] as const) reason[l] = reasons.map((r) => REASON_TEXT[r]![l]).join('; ');
        b.notify('refused/senator', notice(input, 'senator', 'senate_recall_refused', b.cite('art24_1.p6.reinitiation_bar'), b.deadline(APPEAL)!.period.instant, {
          senator: input.senator.fullName, decisionDate: on, reason, allowedFrom: bar.date,
        }));
      },
    }),

    // 24-1(8): quorum and participation; 24-1(10): "более пятидесяти процентов"
    jointSitting: act({
      title: ACT_TITLES.jointSitting, input: JointSitting, roles: ['administrator', 'commission'], stages: ['put_to_vote'],
      check(b, a) {
        if (a.voted > a.present) b.refuse({ code: 'count_exceeds_base', field: 'voted', params: { field: 'voted', actual: a.voted, base: a.present } }, `voted (${a.voted}) cannot exceed present (${a.present})`);
        if (a.votesFor > a.voted) b.refuse({ code: 'count_exceeds_base', field: 'votesFor', params: { field: 'votesFor', actual: a.votesFor, base: a.voted } }, `votesFor (${a.votesFor}) cannot exceed voted (${a.voted})`);
      },
      load: (_b, a, input, io) => io.electorsAsOf({ areaId: input.unit, date: legalDateOf(Date.parse(a.at)) }),
      apply(b, a, _input, roster) {
        const on = legalDateOf(Date.parse(a.at));
        const elected = roster.electors.length;
        if (a.present > elected) b.refuse({ code: 'count_exceeds_base', field: 'present', params: { actual: a.present, base: elected } }, `present: ${a.present} exceeds the ${elected} elected deputies of the region's maslikhats on ${on}`);
        const late = b.isLate('art24_1.p7.joint_sitting', a.at);
        // "правомочно, если на нем присутствует не менее двух третей от числа избранных депутатов"
        const quorum = b.threshold('art24_1.p8.quorum', elected, a.present);
        // "считается состоявшимся, если в нем приняло участие не менее двух третей от общего числа присутствующих выборщиков"
        const participation = quorum.met ? b.threshold('art24_1.p8.participation', a.present, a.voted) : null;
        const held = quorum.met && participation!.met;
        const sitting = { on, elected, present: a.present, voted: a.voted, votesFor: a.votesFor, held, electorsDigest: roster.digest, late };
        b.facts.sittings.push(sitting);
        const n = b.facts.sittings.length;
        if (!held) {
          const adjourn = b.use('art24_1.p8.vote_not_held') === 'adjourn_within_month';
          b.record(`sitting-${n}`, { type: 'senate_recall_vote_not_held', at: a.at, actor: a.actor, payload: { sitting, quorum, participation, consequence: adjourn ? 'adjourned' : 'did_not_take_place' }, citation: [b.cite('art24_1.p8.quorum'), b.cite('art24_1.p8.participation')] });
          if (!adjourn) conclude(b, 'vote_not_held');
          return;
        }
        const pass = b.threshold('art24_1.p10.pass_more_than_50pct', a.voted, a.votesFor);
        b.facts.votingDay = on;
        const toCec = b.open('art24_1.p9.protocol_to_cec', on, 'record_missed');
        const cec = b.open('art24_1.p10.cec_result', on, 'record_missed');
        b.cancel('art24_1.p7.joint_sitting');
        b.record(`sitting-${n}`, { type: 'senate_recall_vote_held', at: a.at, actor: a.actor, payload: { sitting, quorum, participation, pass, protocolBy: toCec.date, resultBy: cec.date }, citation: [b.cite('art24_1.p8.quorum'), b.cite('art24_1.p8.participation'), b.cite('art24_1.p10.pass_more_than_50pct')] });
        openAppeal(b, 'vote_count', on);
        b.setStage('counting');
      },
    }),

    // 24-1(9): "пересылается в Центральную избирательную комиссию не более чем в двухдневный срок"
    sendProtocolToCec: act({
      title: ACT_TITLES.sendProtocolToCec, input: SendProtocol, roles: ['commission'], stages: ['counting'],
      check(b) {
        if (b.facts.protocol) b.refuse({ code: 'duplicate', field: 'act' }, 'the protocol was already sent');
      },
      apply(b, a) {
        b.facts.protocol = { on: legalDateOf(Date.parse(a.at)), number: a.protocolNumber, late: b.isLate('art24_1.p9.protocol_to_cec', a.at) };
        b.record('protocol-to-cec', { type: 'senate_recall_protocol_sent', at: a.at, actor: a.actor, payload: b.facts.protocol, citation: b.cite('art24_1.p9.protocol_to_cec') });
        b.cancel('art24_1.p9.protocol_to_cec');
      },
    }),

    // 24-1(10): "Итоги голосования устанавливаются Центральной избирательной комиссией не позднее чем в семидневный срок"
    establishResult: act({
      title: ACT_TITLES.establishResult, input: EstablishResult, roles: ['commission'], stages: ['counting'],
      apply(b, a, input) {
        const on = legalDateOf(Date.parse(a.at));
        const pass = b.thresholds.filter((t) => t.rule === 'art24_1.p10.pass_more_than_50pct').at(-1)!;
        b.facts.result = { on, terminated: pass.met, late: b.isLate('art24_1.p10.cec_result', a.at) };
        b.record('result', { type: 'senate_recall_result', at: a.at, actor: a.actor, payload: { ...b.facts.result, pass }, citation: b.cite('art24_1.p10.pass_more_than_50pct') });
        b.cancel('art24_1.p10.cec_result');
        b.cancel('art24_1.p9.protocol_to_cec');
        openAppeal(b, 'result', on);
        conclude(b, pass.met ? 'powers_terminated' : 'not_terminated');
        const sitting = b.facts.sittings.at(-1)!;
        b.notify('result/senator', notice(input, 'senator', 'senate_recall_result', b.cite('art24_1.p10.pass_more_than_50pct'), b.deadline(APPEAL)!.period.instant, {
          senator: input.senator.fullName, votingDate: b.facts.votingDay!, votesFor: sitting.votesFor, voted: sitting.voted, result: pass.met ? RESULT_TEXT.terminated : RESULT_TEXT.not_terminated,
        }));
      },
    }),

    // 24-1(11): "в течение десяти дней со дня принятия решения или совершения действия (бездействия)"; late: not considered
    appeal: act({
      title: ACT_TITLES.appeal, input: Appeal, roles: ['administrator', 'commission'], stages: 'until_ended', ordered: false,
      check(b, a) {
        const anchor = b.facts.appealAnchors[a.against];
        if (!anchor) return b.refuse({ code: 'nothing_to_appeal', field: 'against', params: { against: a.against } }, `against: no ${a.against} has been made yet`);
        // "со дня принятия решения": an appeal cannot come before what it appeals
        if (legalDateOf(Date.parse(a.at)) < anchor) b.tooEarly(APPEAL, anchor, `appeal at ${a.at} against the ${a.against} of ${anchor}: it was not yet made`);
        const p = appealPeriod(b, anchor);
        if (Date.parse(a.at) > Date.parse(p.instant)) b.tooLate(APPEAL, p.date, `appeal at ${a.at} against the ${a.against} of ${anchor}: the ten days ended on ${p.date}; a late appeal is not considered`);
      },
      apply(b, a) {
        const p = b.period(APPEAL, b.facts.appealAnchors[a.against]!);
        b.facts.appeals.push({ at: a.at, against: a.against, to: a.to, summary: a.summary, period: { date: p.date } });
        b.record(`appeal-${b.facts.appeals.length}`, { type: 'senate_recall_appeal', at: a.at, actor: a.actor, payload: { against: a.against, to: a.to, summary: a.summary, anchor: p.anchor, lastDay: p.date }, citation: b.cite(APPEAL) });
      },
    }),
  },

  expiry: {
    // the law names no consequence: the missed deadline is shown (the late act is accepted and flagged)
    record_missed: expiry((b, d) => {
      b.facts.missed.push({ rule: d.rule, date: d.period.date });
      return 'missed';
    }),
    // 24-1(4): no sheets within the thirty days: the collection lapses (the closing is appealable, 24-1(11))
    close_collection: expiry((b, d) => {
      if (!b.is('collection')) return 'none';
      b.facts.missed.push({ rule: d.rule, date: d.period.date });
      b.facts.collectionClosed = d.period.date;
      b.cancel(d.rule);
      b.setStage('appeal_window', 'lapsed');
      openAppeal(b, 'collection_closed', d.period.date);
      return 'lapsed';
    }),
    // 24-1(11): the last appeal period ended
    close_appeals: expiry((b, d) => {
      b.cancel(d.rule);
      if (!b.outcome) return 'appeals_closed';
      b.setStage('closed');
      return 'closed';
    }),
  },
});

export const senateRecallDefinition = definitionOf(senateRecallSpec);

export async function senateRecall(raw: SenateRecallInput): Promise<SenateRecallState> {
  return (await runProcedure(senateRecallSpec, raw)) as unknown as SenateRecallState;
}
