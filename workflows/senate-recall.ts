// P-18: early termination of a Senate deputy's powers by decision of the electors (recall),
// Art. 6(7) and 24-1 (RU 2018; the English "three years" of 24-1(6) is wrong, RU says one year).
// Signatures live in PostgreSQL (activities/senate-recall.ts); this workflow keeps the totals,
// the protocol digest, every deadline with its derivation and every threshold decision.
import {
  ActivityFailure,
  ApplicationFailure,
  condition,
  defineQuery,
  defineUpdate,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { z } from 'zod';
import type { DatedPeriod } from '../statute/deadlines.js';
import { periodOfId as periodOf } from '../statute/deadlines.js';
import { ruleById as rule } from '../statute/rules.js';
import { StatuteError } from '../statute/errors.js';
import { useOf } from '../statute/interpretations.js';
import { evaluateThreshold, senateRecallSupport, type SenateRecallSupport } from '../statute/thresholds.js';
import { utcOffsetHours } from '../statute/time.js';
import { dayToIso } from '../statute/calendar/dates.js';
import type { Citation, InterpretationUse, IsoDate, ThresholdDerivation } from '../statute/types.js';
import type { TartipActivities } from '../worker/activities.js';
import { legalNow, msUntil, notify, parseOrRefuse, pinned, recordAct, refusal, registerProcedure, TIMER, useLegalClock } from './common.js';
import { NEXT_DEADLINE, PROCEDURE, STAGE, UNIT } from './search-attributes.js';
import { ActBase, StartBase, type ActSummary, type Actor, type OpenDeadline, type ProcedureDefinition, type ProcedureState } from './procedure.js';

export const KIND = 'senate_recall';
const APPEAL = 'art24_1.p11.appeal';

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/, 'identifier: letters, digits, _ . : - (max 128)');
const texts = z.strictObject({ kk: z.string().min(1), ru: z.string().min(1), en: z.string().min(1) });
const lang = z.enum(['kk', 'ru', 'en']);

export const SenateRecallInput = StartBase.extend({
  /** `unit`: the region, city of republican significance or capital (register id) whose maslikhats' deputies are the electors, 6(7) */
  senator: z.strictObject({ id, fullName: z.string().min(3).max(300), address: z.string().min(3).max(500) }),
  /** the election commission of the region (city, capital) */
  commission: z.strictObject({ name: z.string().min(1).max(300), address: z.string().min(3).max(500) }),
  /** the initiating maslikhat of the region (city, capital) and the region's name */
  maslikhatName: texts,
  regionName: texts,
  /** T-34: no grounds are listed in the law; recorded as text, compared for the 24-1(6) bar */
  grounds: z.string().trim().min(3).max(4000),
  /** 24-1(1): the maslikhat's decision to initiate (T-33: one act with the decision to collect) */
  initiation: z.strictObject({ decisionDate: z.iso.date(), decisionNumber: z.string().min(1).max(100) }),
  channel: z.enum(['email', 'webhook']).default('email'),
  languages: z.array(lang).min(1).default(['kk', 'ru']),
});
export type SenateRecallInput = z.input<typeof SenateRecallInput>;

// ---- acts (Update names) ----
export const IssueSheets = ActBase.extend({
  count: z.number().int().min(1).max(10_000),
  initiators: z.array(z.strictObject({ id, name: z.string().min(1).max(300) })).min(1).max(1000),
});
export const SheetsReceived = ActBase;
/** the imported CSV files of completed sheets, by their sha256 (as the import reported it) */
export const SubmitSheets = ActBase.extend({ files: z.array(z.string().regex(/^[0-9a-f]{64}$/, 'sha256 of an imported file (64 hex)')).min(1).max(100) });
export const Verify = ActBase;
export const JointSitting = ActBase.extend({
  present: z.number().int().min(0),
  voted: z.number().int().min(0),
  votesFor: z.number().int().min(0),
});
export const SendProtocol = ActBase.extend({ protocolNumber: z.string().min(1).max(100) });
export const EstablishResult = ActBase;
/** Appealable decisions and actions of the commission, 24-1(11); `collection_closed`: late sheets not accepted. */
export const APPEALABLE = ['sheet_issue', 'collection_closed', 'decision', 'vote_count', 'result'] as const;
export const Appeal = ActBase.extend({
  against: z.enum(APPEALABLE),
  to: z.enum(['higher_commission', 'court']),
  summary: z.string().min(1).max(4000),
});

export type Stage =
  | 'initiation'
  | 'sheet_issue'
  | 'sheets_issued'
  | 'collection'
  | 'verification'
  | 'put_to_vote'
  | 'counting'
  | 'appeal_window'
  | 'closed';
export type Outcome = 'refused' | 'lapsed' | 'vote_not_held' | 'powers_terminated' | 'not_terminated';

export interface SenateRecallFacts {
  senator: { id: string; fullName: string };
  grounds: string;
  /** the recall run: date of the initiation decision (ledger step prefix) */
  runKey: string;
  noticeReceived?: IsoDate;
  sheets?: { count: number; issuedOn: IsoDate; first: string; last: string; digest: string; late: boolean };
  sheetsReceivedOn?: IsoDate;
  submission?: { on: IsoDate; batches: { batchId: string; rows: number; fileSha256: string }[] };
  verification?: {
    on: IsoDate;
    collected: number;
    valid: number;
    invalid: number;
    reasons: Record<string, number>;
    perMaslikhat: { maslikhat: string; electors: number; signatures: number }[];
    protocolDigest: string;
    electorsDigest: string;
    late: boolean;
  };
  decision?: {
    on: IsoDate;
    putToVote: boolean;
    reasons: string[];
    /** T-5: the result under each reading of "от одного маслихата" */
    readings: SenateRecallSupport['readings'];
    chosenReading: string;
    bar?: { allowedFrom: IsoDate; endsOn: IsoDate };
  };
  sittings: { on: IsoDate; elected: number; present: number; voted: number; votesFor: number; held: boolean; electorsDigest: string; late: boolean }[];
  votingDay?: IsoDate;
  protocol?: { on: IsoDate; number: string; late: boolean };
  result?: { on: IsoDate; terminated: boolean; late: boolean };
  appeals: { at: string; against: string; to: string; summary: string; period: { date: IsoDate } }[];
  missed: { rule: string; date: IsoDate }[];
  notices: string[];
}

export type SenateRecallState = ProcedureState<SenateRecallFacts>;

export const stateQuery = defineQuery<SenateRecallState>('state');
export const issueSheets = defineUpdate<SenateRecallState, [z.input<typeof IssueSheets>]>('issueSheets');
export const sheetsReceived = defineUpdate<SenateRecallState, [z.input<typeof SheetsReceived>]>('sheetsReceived');
export const submitSheets = defineUpdate<SenateRecallState, [z.input<typeof SubmitSheets>]>('submitSheets');
export const verify = defineUpdate<SenateRecallState, [z.input<typeof Verify>]>('verify');
export const jointSitting = defineUpdate<SenateRecallState, [z.input<typeof JointSitting>]>('jointSitting');
export const sendProtocolToCec = defineUpdate<SenateRecallState, [z.input<typeof SendProtocol>]>('sendProtocolToCec');
export const establishResult = defineUpdate<SenateRecallState, [z.input<typeof EstablishResult>]>('establishResult');
export const appeal = defineUpdate<SenateRecallState, [z.input<typeof Appeal>]>('appeal');

const acts = proxyActivities<TartipActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes', nonRetryableErrorTypes: ['RecordsInputError', 'SignatureImportRejected'] },
});

/** The legal (Kazakhstan) date of an instant. */
export function legalDateOf(ms: number): IsoDate {
  const guess = Math.floor((ms + 5 * 3_600_000) / 86_400_000);
  return dayToIso(Math.floor((ms + utcOffsetHours(guess) * 3_600_000) / 86_400_000));
}

function refuse(code: string, field: string, message: string, extra: { rule?: string; date?: IsoDate; citation?: Citation; params?: Record<string, string | number> } = {}): never {
  return refusal(new StatuteError({ code, field, ...extra }, message));
}

/** Interpretations this procedure uses, recorded at start (defaults unless the input chose). */
const USED_INTERPRETATIONS = ['art24_1.p1.initiation_decision', 'art24_1.p2.one_maslikhat', 'art24_1.p6.same_grounds', 'art24_1.p8.vote_not_held'] as const;

export async function senateRecall(raw: SenateRecallInput): Promise<SenateRecallState> {
  const input = parseOrRefuse(SenateRecallInput, raw, 'senateRecall input');
  useLegalClock(input.simulation);
  const { edition, calendar } = pinned(input.editionId, input.calendarRef);
  const { workflowId } = workflowInfo();
  const runKey = input.initiation.decisionDate;
  const step = (s: string) => `${runKey}/${s}`;
  let interpretations: InterpretationUse[];
  try {
    for (const [i, u] of input.interpretations.entries()) {
      if (!(USED_INTERPRETATIONS as readonly string[]).includes(u.id) && !u.id.startsWith('period.') && u.id !== 'days.unqualified_are_calendar') {
        throw new StatuteError({ code: 'unknown_interpretation', field: `interpretations.${i}.id`, params: { interpretation: u.id } }, `interpretations.${i}.id: ${u.id} is not used by ${KIND}`);
      }
    }
    interpretations = USED_INTERPRETATIONS.map((x) => useOf(x, input.interpretations));
  } catch (e) {
    return refusal(e);
  }
  const recorded = input.interpretations;
  const chosen = (x: (typeof USED_INTERPRETATIONS)[number]) => interpretations.find((u) => u.id === x)!.chosen;
  const today = legalDateOf(legalNow());
  if (runKey > today) refuse('in_future', 'initiation.decisionDate', `initiation.decisionDate ${runKey} is after today (${today})`, { date: today });

  const cite = (ruleId: string): Citation => rule(edition, ruleId).cite;
  const period = (ruleId: string, anchor: IsoDate): DatedPeriod => {
    try {
      return periodOf(edition, ruleId, anchor, calendar, recorded);
    } catch (e) {
      return refusal(e);
    }
  };

  // ---- state ----
  let stage: Stage = 'initiation';
  let outcome: Outcome | null = null;
  let busy = false;
  let version = 0;
  let lastAt = Date.parse(`${runKey}T00:00:00+05:00`);
  const deadlines: OpenDeadline[] = [];
  const thresholds: ThresholdDerivation[] = [];
  const actLog: ActSummary[] = [];
  const appealAnchors = new Map<(typeof APPEALABLE)[number], IsoDate>();
  const facts: SenateRecallFacts = {
    senator: { id: input.senator.id, fullName: input.senator.fullName },
    grounds: input.grounds,
    runKey,
    sittings: [],
    appeals: [],
    missed: [],
    notices: [],
  };
  let periodInterps: InterpretationUse[] = [];
  const snapshot = (): SenateRecallState => ({
    kind: KIND,
    procedure: 'P-18',
    stage,
    outcome,
    editionId: edition.id,
    calendarRef: input.calendarRef,
    deadlines: deadlines.map((d) => ({ ...d })),
    thresholds: [...thresholds],
    interpretations: [...interpretations, ...periodInterps.filter((u) => !interpretations.some((x) => x.id === u.id))],
    acts: [...actLog],
    facts: JSON.parse(JSON.stringify(facts)) as SenateRecallFacts,
  });
  setHandler(stateQuery, snapshot);

  // 24-1(6): "Повторное возбуждение вопроса ... по тем же основаниям в течение года со дня отказа ... не допускается"
  const bar = await acts.senateRecallBarCheck({
    senatorId: input.senator.id,
    grounds: input.grounds,
    sameGrounds: chosen('art24_1.p6.same_grounds') as 'recorded_grounds' | 'any_grounds',
    date: runKey,
  });
  if (bar.barred) {
    const endsOn = dayToIso(Math.round(Date.parse(`${bar.allowedFrom}T00:00:00Z`) / 86_400_000) - 1);
    refuse('barred', 'initiation.decisionDate', `a recall of ${input.senator.id} on the same grounds is barred until ${endsOn} inclusive (refusal of ${bar.refusedOn} in ${bar.procedureId}); allowed from ${bar.allowedFrom}`, {
      rule: 'art24_1.p6.reinitiation_bar',
      date: endsOn,
      citation: cite('art24_1.p6.reinitiation_bar'),
      params: { date: endsOn, allowedFrom: bar.allowedFrom, refusedOn: bar.refusedOn },
    });
  }


  const publish = () => {
    const next = deadlines.map((d) => d.period.instant).sort()[0];
    upsertSearchAttributes([
      { key: STAGE, value: stage },
      { key: NEXT_DEADLINE, value: next ? new Date(next) : null },
    ] as never);
    version++;
  };
  const arm = (ruleId: string, anchor: IsoDate, onExpiry: string): DatedPeriod => {
    const p = period(ruleId, anchor);
    for (const u of p.interpretations) if (!periodInterps.some((x) => x.id === u.id)) periodInterps = [...periodInterps, u];
    const i = deadlines.findIndex((d) => d.rule === ruleId);
    if (i >= 0) deadlines.splice(i, 1);
    deadlines.push({ rule: ruleId, period: p, onExpiry });
    return p;
  };
  const disarm = (ruleId: string) => {
    const i = deadlines.findIndex((d) => d.rule === ruleId);
    if (i >= 0) deadlines.splice(i, 1);
  };
  const deadlineOf = (ruleId: string) => deadlines.find((d) => d.rule === ruleId);
  // 24-1(11): each appealable decision or action opens ten days; the latest one is shown
  const openAppeal = (what: (typeof APPEALABLE)[number], on: IsoDate) => {
    appealAnchors.set(what, on);
    arm(APPEAL, on, 'close_appeals');
  };
  const isLate = (ruleId: string, at: string) => {
    const d = deadlineOf(ruleId);
    return d ? Date.parse(at) > Date.parse(d.period.instant) : facts.missed.some((m) => m.rule === ruleId);
  };
  const record = async (s: string, type: string, at: string, actor: Actor, payload: unknown, citation: Citation | Citation[] | null) => {
    const row = await recordAct(step(s), { type, at, actor, payload, citation, editionId: edition.id });
    actLog.push({ seq: Number(row.seq), act: type, at, actor });
  };
  const send = async (s: string, to: { name: string; role: string; address: string }, templateId: string, basis: Citation, deadline: string, params: Record<string, string | number | { kk: string; ru: string; en: string }>) => {
    await notify(step(s), { addressee: to, channel: input.channel, languages: input.languages, basis, deadline, templateId, params });
    facts.notices.push(`${templateId}:${to.role}`);
  };

  upsertSearchAttributes([
    { key: PROCEDURE, value: KIND },
    { key: UNIT, value: input.unit },
  ] as never);
  await registerProcedure({ procedureId: workflowId, kind: KIND, editionId: edition.id, calendarId: input.calendarRef, startedBy: input.startedBy.id, input });

  // 24-1(1): the maslikhat's decision; "о чем в трехдневный срок уведомляются ... избирательная комиссия и депутат Сената"
  await record('initiation', 'senate_recall_initiated', new Date(legalNow()).toISOString(), input.startedBy, {
    senator: input.senator.id,
    grounds: input.grounds,
    decision: input.initiation,
    unit: input.unit,
    interpretations,
  }, [cite('art24_1.p1.notify'), rule(edition, 'art24_1.p2.electors_25pct').cite]);
  const notice = arm('art24_1.p1.notify', runKey, 'record_missed');
  publish();
  const initParams = {
    maslikhat: input.maslikhatName,
    senator: input.senator.fullName,
    decisionDate: runKey,
    decisionNumber: input.initiation.decisionNumber,
    grounds: input.grounds,
  };
  await send('initiated/commission', { name: input.commission.name, role: 'election_commission', address: input.commission.address }, 'senate_recall_initiated', notice.citations[0]!, notice.instant, initParams);
  await send('initiated/senator', { name: input.senator.fullName, role: 'senate_deputy', address: input.senator.address }, 'senate_recall_initiated', notice.citations[0]!, notice.instant, initParams);
  disarm('art24_1.p1.notify');
  // 24-1(3): "не позднее десяти рабочих дней со дня получения уведомления маслихата" — anchored on delivery
  facts.noticeReceived = legalDateOf(legalNow());
  arm('art24_1.p3.sheet_issue', facts.noticeReceived, 'record_missed');
  stage = 'sheet_issue';
  publish();

  // ---- acts ----
  const checkAct = (at: string, field = 'at') => {
    const t = Date.parse(at);
    if (t > legalNow() + 5 * 60_000) refuse('in_future', field, `${field}: ${at} is in the future (legal now ${new Date(legalNow()).toISOString()})`);
    if (t < lastAt) refuse('out_of_order', field, `${field}: ${at} is before the previous act (${new Date(lastAt).toISOString()})`);
    if (busy) refuse('busy', '(root)', 'another act is being recorded; retry');
  };
  const inStage = (want: Stage[], act: string) => {
    if (!want.includes(stage)) refuse('wrong_stage', 'act', `${act} is not allowed in stage ${stage} (allowed in: ${want.join(', ')})`, { params: { stage, act } });
  };
  const run = async <T>(fn: () => Promise<T>): Promise<SenateRecallState> => {
    busy = true;
    try {
      await fn();
    } finally {
      busy = false;
      publish();
    }
    return snapshot();
  };

  // 24-1(3): the commission issues numbered sheets to the initiators
  setHandler(issueSheets, (a) => run(async () => {
    const v = IssueSheets.parse(a);
    const on = legalDateOf(Date.parse(v.at));
    const late = isLate('art24_1.p3.sheet_issue', v.at);
    const issued = await acts.issueSignatureSheets({ procedureId: workflowId, runKey, senator: facts.senator, initiators: v.initiators, count: v.count, issuedOn: on });
    const first = issued.sheets[0]!.serial;
    const last = issued.sheets[issued.sheets.length - 1]!.serial;
    facts.sheets = { count: issued.sheets.length, issuedOn: on, first, last, digest: issued.digest, late };
    await record('sheets-issued', 'senate_recall_sheets_issued', v.at, v.actor, { count: issued.sheets.length, first, last, digest: issued.digest, initiators: v.initiators, late }, cite('art24_1.p3.sheet_issue'));
    lastAt = Date.parse(v.at);
    disarm('art24_1.p3.sheet_issue');
    openAppeal('sheet_issue', on);
    stage = 'sheets_issued';
  }), {
    validator: (a) => {
      const v = parseOrRefuse(IssueSheets, a, 'issueSheets');
      inStage(['sheet_issue'], 'issueSheets');
      checkAct(v.at);
    },
  });

  // 24-1(4): "в течение тридцати дней со дня получения выборщиками подписных листов"
  setHandler(sheetsReceived, (a) => run(async () => {
    const v = SheetsReceived.parse(a);
    facts.sheetsReceivedOn = legalDateOf(Date.parse(v.at));
    const p = arm('art24_1.p4.collection', facts.sheetsReceivedOn, 'close_collection');
    await record('sheets-received', 'senate_recall_sheets_received', v.at, v.actor, { on: facts.sheetsReceivedOn, collectionEnds: p.date }, cite('art24_1.p4.collection'));
    lastAt = Date.parse(v.at);
    stage = 'collection';
  }), {
    validator: (a) => {
      const v = parseOrRefuse(SheetsReceived, a, 'sheetsReceived');
      inStage(['sheets_issued'], 'sheetsReceived');
      checkAct(v.at);
    },
  });

  // 24-1(4): "Подписные листы, представленные по истечении срока ..., приему не подлежат"
  const collectionClosed = (at?: string) => {
    const c = deadlineOf('art24_1.p4.collection');
    const closedOn = facts.missed.find((m) => m.rule === 'art24_1.p4.collection')?.date;
    if (stage !== 'collection' && closedOn) return closedOn;
    if (c && at && Date.parse(at) > Date.parse(c.period.instant)) return c.period.date;
    return null;
  };
  setHandler(submitSheets, (a) => run(async () => {
    const v = SubmitSheets.parse(a);
    let info: { batchId: string; rows: number; fileSha256: string }[];
    try {
      info = await acts.senateRecallBatchInfo({ procedureId: workflowId, runKey, files: v.files });
    } catch (e) {
      const d = e instanceof ActivityFailure && e.cause instanceof ApplicationFailure ? e.cause.message : String(e);
      throw ApplicationFailure.create({ type: 'Refused:unknown_batch', nonRetryable: true, message: `files: ${d}`, details: [{ code: 'unknown_batch', field: 'files' }] });
    }
    if (stage !== 'collection') refuse('too_late', 'at', `collection closed on ${collectionClosed() ?? '?'}`, { rule: 'art24_1.p4.collection' });
    const on = legalDateOf(Date.parse(v.at));
    facts.submission = { on, batches: info };
    disarm('art24_1.p4.collection');
    const p = arm('art24_1.p4.verification', on, 'record_missed');
    await record('sheets-submitted', 'senate_recall_sheets_submitted', v.at, v.actor, { batches: info, rows: info.reduce((s, b) => s + b.rows, 0), verifyBy: p.date }, cite('art24_1.p4.collection'));
    lastAt = Date.parse(v.at);
    stage = 'verification';
  }), {
    validator: (a) => {
      const v = parseOrRefuse(SubmitSheets, a, 'submitSheets');
      const closed = collectionClosed(v.at);
      if (closed) {
        refuse('too_late', 'at', `sheets submitted at ${v.at}: the collection period ended on ${closed}; late sheets are not accepted`, {
          rule: 'art24_1.p4.collection', date: closed, citation: cite('art24_1.p4.collection'), params: { date: closed },
        });
      }
      inStage(['collection'], 'submitSheets');
      checkAct(v.at);
    },
  });

  // 24-1(4)–(6): verification, then the commission's decision
  setHandler(verify, (a) => run(async () => {
    const v = Verify.parse(a);
    const on = legalDateOf(Date.parse(v.at));
    const late = isLate('art24_1.p4.verification', v.at);
    const t = await acts.verifySignatures({ procedureId: workflowId, runKey, areaId: input.unit, date: on, batches: facts.submission!.batches.map((b) => b.batchId) });
    facts.verification = { on, collected: t.collected, valid: t.valid, invalid: t.invalid, reasons: t.reasons, perMaslikhat: t.perMaslikhat, protocolDigest: t.protocolDigest, electorsDigest: t.electorsDigest, late };
    await record('verification', 'senate_recall_verification_protocol', v.at, v.actor, { ...facts.verification }, cite('art24_1.p4.verification'));
    disarm('art24_1.p4.verification');
    // 24-1(2): "не менее чем двадцатью пятью процентами ... но не менее чем двадцатью пятью процентами голосов выборщиков от одного маслихата"
    // 24-1(6): "свыше одного процента собранных подписей являются недостоверными" → refusal
    let support: SenateRecallSupport;
    let invalid: ThresholdDerivation;
    try {
      support = senateRecallSupport(rule(edition, 'art24_1.p2.electors_25pct', 'threshold'), rule(edition, 'art24_1.p2.one_maslikhat_25pct', 'threshold'), t.perMaslikhat, interpretations);
      invalid = evaluateThreshold(rule(edition, 'art24_1.p6.invalid_max_1pct', 'threshold'), { baseValue: t.collected, actual: t.invalid });
    } catch (e) {
      return refusal(e);
    }
    thresholds.push(support.total, ...support.perMaslikhat, invalid);
    const reasons: string[] = [];
    if (!support.total.met) reasons.push('below_25pct_of_all_electors');
    if (support.total.met && !support.met) reasons.push('below_25pct_of_one_maslikhat');
    if (!invalid.met) reasons.push('more_than_1pct_invalid');
    const putToVote = reasons.length === 0;
    facts.decision = { on, putToVote, reasons, readings: support.readings, chosenReading: support.chosen };
    openAppeal('decision', on);
    if (putToVote) {
      const notifyBy = arm('art24_1.p7.notify_deputy', on, 'record_missed');
      const sitting = arm('art24_1.p7.joint_sitting', on, 'record_missed');
      await record('decision', 'senate_recall_put_to_vote', v.at, v.actor, { ...facts.decision, thresholds: [support.total, ...support.perMaslikhat, invalid], notifyBy: notifyBy.date, sittingBy: sitting.date }, [cite('art24_1.p2.electors_25pct'), cite('art24_1.p6.invalid_max_1pct')]);
      stage = 'put_to_vote';
      publish();
      // 24-1(7): "секретарь ... письменно уведомляет депутата Сената ... не позднее пяти дней"
      await send('put-to-vote/senator', { name: input.senator.fullName, role: 'senate_deputy', address: input.senator.address }, 'senate_recall_put_to_vote', notifyBy.citations[0]!, notifyBy.instant, {
        senator: input.senator.fullName, region: input.regionName, decisionDate: on, sittingBy: sitting.date,
      });
      disarm('art24_1.p7.notify_deputy');
    } else {
      const b = period('art24_1.p6.reinitiation_bar', on);
      const endsOn = dayToIso(Math.round(Date.parse(`${b.date}T00:00:00Z`) / 86_400_000) - 1);
      facts.decision.bar = { allowedFrom: b.date, endsOn };
      await record('decision', 'senate_recall_refused', v.at, v.actor, { ...facts.decision, thresholds: [support.total, ...support.perMaslikhat, invalid], bar: b }, [cite('art24_1.p6.invalid_max_1pct'), cite('art24_1.p6.reinitiation_bar')]);
      await acts.senateRecallRecordBar({ procedureId: workflowId, runKey, senatorId: input.senator.id, grounds: input.grounds, refusedOn: on, allowedFrom: b.date, citation: cite('art24_1.p6.reinitiation_bar') });
      outcome = 'refused';
      const ap = deadlineOf(APPEAL)!.period;
      stage = 'appeal_window';
      publish();
      // not required by 24-1; sent so the parties learn of the refusal while they can appeal (24-1(11))
      const reasonText = {
        kk: reasons.map((r) => REASON_TEXT[r]!.kk).join('; '),
        ru: reasons.map((r) => REASON_TEXT[r]!.ru).join('; '),
        en: reasons.map((r) => REASON_TEXT[r]!.en).join('; '),
      };
      await send('refused/senator', { name: input.senator.fullName, role: 'senate_deputy', address: input.senator.address }, 'senate_recall_refused', cite('art24_1.p6.reinitiation_bar'), ap.instant, {
        senator: input.senator.fullName, decisionDate: on, reason: reasonText, allowedFrom: b.date,
      });
    }
    lastAt = Date.parse(v.at);
  }), {
    validator: (a) => {
      const v = parseOrRefuse(Verify, a, 'verify');
      inStage(['verification'], 'verify');
      checkAct(v.at);
    },
  });

  // 24-1(8): quorum and participation; 24-1(10): "более пятидесяти процентов"
  setHandler(jointSitting, (a) => run(async () => {
    const v = JointSitting.parse(a);
    const on = legalDateOf(Date.parse(v.at));
    const late = isLate('art24_1.p7.joint_sitting', v.at);
    const roster = await acts.electorsAsOf({ areaId: input.unit, date: on });
    const elected = roster.electors.length;
    if (v.present > elected) {
      throw ApplicationFailure.create({ type: 'Refused:count_exceeds_base', nonRetryable: true, message: `present: ${v.present} exceeds the ${elected} elected deputies of the region's maslikhats on ${on}`, details: [{ code: 'count_exceeds_base', field: 'present', params: { actual: v.present, base: elected } }] });
    }
    let quorum: ThresholdDerivation;
    let participation: ThresholdDerivation | null = null;
    try {
      quorum = evaluateThreshold(rule(edition, 'art24_1.p8.quorum', 'threshold'), { baseValue: elected, actual: v.present, interpretations });
      if (quorum.met) participation = evaluateThreshold(rule(edition, 'art24_1.p8.participation', 'threshold'), { baseValue: v.present, actual: v.voted, interpretations });
    } catch (e) {
      return refusal(e);
    }
    thresholds.push(quorum, ...(participation ? [participation] : []));
    const held = quorum.met && participation!.met;
    facts.sittings.push({ on, elected, present: v.present, voted: v.voted, votesFor: v.votesFor, held, electorsDigest: roster.digest, late });
    const n = facts.sittings.length;
    if (!held) {
      const adjourn = chosen('art24_1.p8.vote_not_held') === 'adjourn_within_month';
      await record(`sitting-${n}`, 'senate_recall_vote_not_held', v.at, v.actor, { sitting: facts.sittings[n - 1], quorum, participation, consequence: adjourn ? 'adjourned' : 'did_not_take_place' }, [cite('art24_1.p8.quorum'), cite('art24_1.p8.participation')]);
      if (!adjourn) {
        outcome = 'vote_not_held';
        disarm('art24_1.p7.joint_sitting');
        disarm('art24_1.p7.notify_deputy');
        stage = 'appeal_window';
      }
    } else {
      let pass: ThresholdDerivation;
      try {
        pass = evaluateThreshold(rule(edition, 'art24_1.p10.pass_more_than_50pct', 'threshold'), { baseValue: v.voted, actual: v.votesFor });
      } catch (e) {
        return refusal(e);
      }
      thresholds.push(pass);
      facts.votingDay = on;
      const toCec = arm('art24_1.p9.protocol_to_cec', on, 'record_missed');
      const cec = arm('art24_1.p10.cec_result', on, 'record_missed');
      disarm('art24_1.p7.joint_sitting');
      await record(`sitting-${n}`, 'senate_recall_vote_held', v.at, v.actor, { sitting: facts.sittings[n - 1], quorum, participation, pass, protocolBy: toCec.date, resultBy: cec.date }, [cite('art24_1.p8.quorum'), cite('art24_1.p8.participation'), cite('art24_1.p10.pass_more_than_50pct')]);
      openAppeal('vote_count', on);
      stage = 'counting';
    }
    lastAt = Date.parse(v.at);
  }), {
    validator: (a) => {
      const v = parseOrRefuse(JointSitting, a, 'jointSitting');
      inStage(['put_to_vote'], 'jointSitting');
      checkAct(v.at);
      if (v.voted > v.present) refuse('count_exceeds_base', 'voted', `voted (${v.voted}) cannot exceed present (${v.present})`, { params: { field: 'voted', actual: v.voted, base: v.present } });
      if (v.votesFor > v.voted) refuse('count_exceeds_base', 'votesFor', `votesFor (${v.votesFor}) cannot exceed voted (${v.voted})`, { params: { field: 'votesFor', actual: v.votesFor, base: v.voted } });
    },
  });

  // 24-1(9): "пересылается в Центральную избирательную комиссию не более чем в двухдневный срок"
  setHandler(sendProtocolToCec, (a) => run(async () => {
    const v = SendProtocol.parse(a);
    const on = legalDateOf(Date.parse(v.at));
    facts.protocol = { on, number: v.protocolNumber, late: isLate('art24_1.p9.protocol_to_cec', v.at) };
    await record('protocol-to-cec', 'senate_recall_protocol_sent', v.at, v.actor, facts.protocol, cite('art24_1.p9.protocol_to_cec'));
    disarm('art24_1.p9.protocol_to_cec');
    lastAt = Date.parse(v.at);
  }), {
    validator: (a) => {
      const v = parseOrRefuse(SendProtocol, a, 'sendProtocolToCec');
      inStage(['counting'], 'sendProtocolToCec');
      if (facts.protocol) refuse('duplicate', 'act', 'the protocol was already sent');
      checkAct(v.at);
    },
  });

  // 24-1(10): "Итоги голосования устанавливаются Центральной избирательной комиссией не позднее чем в семидневный срок"
  setHandler(establishResult, (a) => run(async () => {
    const v = EstablishResult.parse(a);
    const on = legalDateOf(Date.parse(v.at));
    const pass = thresholds.filter((t) => t.rule === 'art24_1.p10.pass_more_than_50pct').at(-1)!;
    facts.result = { on, terminated: pass.met, late: isLate('art24_1.p10.cec_result', v.at) };
    outcome = pass.met ? 'powers_terminated' : 'not_terminated';
    await record('result', 'senate_recall_result', v.at, v.actor, { ...facts.result, pass }, cite('art24_1.p10.pass_more_than_50pct'));
    disarm('art24_1.p10.cec_result');
    disarm('art24_1.p9.protocol_to_cec');
    openAppeal('result', on);
    stage = 'appeal_window';
    lastAt = Date.parse(v.at);
    const sitting = facts.sittings.at(-1)!;
    const resultText = pass.met
      ? { kk: 'өкілеттігі мерзімінен бұрын тоқтатылды', ru: 'полномочия досрочно прекращены', en: 'powers terminated early' }
      : { kk: 'өкілеттігі тоқтатылмады', ru: 'полномочия не прекращены', en: 'powers not terminated' };
    const ap = period('art24_1.p11.appeal', on);
    await send('result/senator', { name: input.senator.fullName, role: 'senate_deputy', address: input.senator.address }, 'senate_recall_result', cite('art24_1.p10.pass_more_than_50pct'), ap.instant, {
      senator: input.senator.fullName, votingDate: facts.votingDay!, votesFor: sitting.votesFor, voted: sitting.voted, result: resultText,
    });
  }), {
    validator: (a) => {
      const v = parseOrRefuse(EstablishResult, a, 'establishResult');
      inStage(['counting'], 'establishResult');
      checkAct(v.at);
    },
  });

  // 24-1(11): "в течение десяти дней со дня принятия решения или совершения действия (бездействия)"; late: not considered
  setHandler(appeal, (a) => run(async () => {
    const v = Appeal.parse(a);
    const p = period('art24_1.p11.appeal', appealAnchors.get(v.against)!);
    facts.appeals.push({ at: v.at, against: v.against, to: v.to, summary: v.summary, period: { date: p.date } });
    await record(`appeal-${facts.appeals.length}`, 'senate_recall_appeal', v.at, v.actor, { against: v.against, to: v.to, summary: v.summary, anchor: p.anchor, lastDay: p.date }, cite('art24_1.p11.appeal'));
  }), {
    validator: (a) => {
      const v = parseOrRefuse(Appeal, a, 'appeal');
      if (stage === 'closed') refuse('wrong_stage', 'act', 'the procedure is closed');
      const anchor = appealAnchors.get(v.against);
      if (!anchor) refuse('nothing_to_appeal', 'against', `against: no ${v.against} has been made yet`, { params: { against: v.against } });
      const p = period('art24_1.p11.appeal', anchor);
      if (Date.parse(v.at) > Date.parse(p.instant)) {
        refuse('too_late', 'at', `appeal at ${v.at} against the ${v.against} of ${anchor}: the ten days ended on ${p.date}; a late appeal is not considered`, {
          rule: 'art24_1.p11.appeal', date: p.date, citation: cite('art24_1.p11.appeal'), params: { date: p.date },
        });
      }
      if (Date.parse(v.at) > legalNow() + 5 * 60_000) refuse('in_future', 'at', `at: ${v.at} is in the future`);
      if (busy) refuse('busy', '(root)', 'another act is being recorded; retry');
    },
  });

  // ---- timers ----
  const onExpiry = async (d: OpenDeadline) => {
    disarm(d.rule);
    if (d.onExpiry === 'close_appeals') return;
    if (d.onExpiry === 'close_collection') {
      if (stage !== 'collection') return;
      facts.missed.push({ rule: d.rule, date: d.period.date });
      await record('collection-closed', 'senate_recall_collection_closed', d.period.instant, TIMER, { rule: d.rule, date: d.period.date, submitted: false }, d.period.citations);
      outcome = 'lapsed';
      openAppeal('collection_closed', d.period.date);
      return;
    }
    facts.missed.push({ rule: d.rule, date: d.period.date });
    await record(`missed/${d.rule}`, 'deadline_missed', d.period.instant, TIMER, { rule: d.rule, date: d.period.date }, d.period.citations);
  };

  for (;;) {
    if (outcome !== null) {
      // after the outcome only the appeal period keeps the procedure open
      for (const d of deadlines.filter((x) => x.rule !== APPEAL)) disarm(d.rule);
      const ap = deadlineOf(APPEAL);
      if (!ap || Date.parse(ap.period.instant) <= legalNow()) {
        if (ap) disarm(APPEAL);
        stage = 'closed';
        publish();
        break;
      }
      if (stage !== 'appeal_window') {
        stage = 'appeal_window';
        publish();
      }
    }
    const next = [...deadlines].sort((x, y) => Date.parse(x.period.instant) - Date.parse(y.period.instant))[0];
    const seen = version;
    const changed = await condition(() => version !== seen, next ? msUntil(next.period.instant) : undefined);
    if (changed || !next) continue;
    await condition(() => !busy);
    if (!deadlines.includes(next)) continue;
    await onExpiry(next);
    publish();
  }
  await condition(() => !busy);
  return snapshot();
}

const REASON_TEXT: Record<string, { kk: string; ru: string; en: string }> = {
  below_25pct_of_all_electors: {
    kk: 'қолдар барлық сайлаушылардың 25 пайызынан аз',
    ru: 'подписей менее 25 процентов от общего числа выборщиков',
    en: 'signatures below 25 per cent of all electors',
  },
  below_25pct_of_one_maslikhat: {
    kk: 'бір мәслихат сайлаушыларының 25 пайызы жиналмады',
    ru: 'не набрано 25 процентов голосов выборщиков от одного маслихата',
    en: 'below 25 per cent of the electors of one maslikhat',
  },
  more_than_1pct_invalid: {
    kk: 'жиналған қолдардың бір пайыздан астамы жарамсыз',
    ru: 'свыше одного процента собранных подписей недостоверны',
    en: 'more than 1 per cent of the collected signatures are invalid',
  },
};

const role = <R extends readonly ('administrator' | 'commission' | 'auditor')[]>(...r: R) => r;

export const senateRecallDefinition: ProcedureDefinition = {
  kind: KIND,
  workflowType: 'senateRecall',
  procedure: 'P-18',
  title: {
    en: 'Recall of a Senate deputy by the electors (Art. 24-1)',
    ru: 'Досрочное прекращение полномочий депутата Сената по решению выборщиков (ст. 24-1)',
    kk: 'Сенат депутатының өкілеттігін сайлаушылардың шешімімен мерзімінен бұрын тоқтату (24-1-бап)',
  },
  input: SenateRecallInput,
  // one open recall per Senate deputy
  workflowId: (i) => `${KIND}:${(i as { senator: { id: string } }).senator.id}`,
  acts: {
    issueSheets: { input: IssueSheets, roles: role('commission'), title: { en: 'Issue signature sheets', ru: 'Выдача подписных листов', kk: 'Қол қою парақтарын беру' } },
    sheetsReceived: { input: SheetsReceived, roles: role('administrator', 'commission'), title: { en: 'Electors received the sheets', ru: 'Выборщики получили подписные листы', kk: 'Сайлаушылар қол қою парақтарын алды' } },
    submitSheets: { input: SubmitSheets, roles: role('administrator'), title: { en: 'Submit completed sheets', ru: 'Представление подписных листов', kk: 'Толтырылған қол қою парақтарын тапсыру' } },
    verify: { input: Verify, roles: role('commission'), title: { en: 'Verify signatures and decide', ru: 'Проверка подписей и решение комиссии', kk: 'Қолдарды тексеру және комиссия шешімі' } },
    jointSitting: { input: JointSitting, roles: role('administrator', 'commission'), title: { en: 'Joint sitting of electors', ru: 'Совместное заседание выборщиков', kk: 'Сайлаушылардың бірлескен отырысы' } },
    sendProtocolToCec: { input: SendProtocol, roles: role('commission'), title: { en: 'Send the count protocol to the CEC', ru: 'Направление протокола в ЦИК', kk: 'Хаттаманы ОСК-ға жіберу' } },
    establishResult: { input: EstablishResult, roles: role('commission'), title: { en: 'CEC establishes the result', ru: 'ЦИК устанавливает итоги', kk: 'ОСК қорытындыны белгілейді' } },
    appeal: { input: Appeal, roles: role('administrator', 'commission'), title: { en: 'Appeal against a commission decision', ru: 'Обжалование решения комиссии', kk: 'Комиссия шешіміне шағымдану' } },
  },
};
