// Maslikhat consent to the appointment of an akim: Law 148, Art. 23-1 (catalogue P-15). Each
// stage below is a paragraph of the article; its words sit next to the code. Deadlines,
// thresholds and the cap come from the pinned edition (rules art23_1.*).
import { allHandlersFinished, defineQuery, defineUpdate, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import { z } from 'zod';
import { rule } from '../statute/rules.js';
import type { Citation } from '../statute/types.js';
import { SOURCE_FILE } from '../statute/editions/kz-148-2018.js';
import { legalNow, parseOrRefuse, pinned, refusal, registerProcedure, TIMER, useLegalClock } from './common.js';
import { ActBase, LegalTime, StartBase, type OpenDeadline, type ProcedureDefinition, type ProcedureState } from './procedure.js';
import { checkActTime, dateOfAt, legalDateOf, NoticeTarget, ProcedureBook, refuse, RosterInput, runTimers, type RosterUsed } from './lib/akim-procedures.js';
import type { TartipActivities } from '../worker/activities.js';

const KIND = 'akim_consent';

// ---- input and acts ------------------------------------------------------------------------

/** 23-1(2): "биографические данные, информация о трудовой деятельности, государственных наградах и иная информация о кандидате" */
export const Candidate = z.strictObject({
  personId: z.string().min(1).max(128),
  fullName: z.string().min(1).max(300),
  birthDate: z.iso.date(),
  biography: z.string().min(1).max(20_000),
  workHistory: z.array(z.strictObject({ from: z.iso.date(), to: z.iso.date().optional(), position: z.string().min(1), organisation: z.string().min(1) })).min(1),
  stateAwards: z.array(z.strictObject({ title: z.string().min(1), date: z.iso.date().optional() })).default([]),
  otherInformation: z.string().max(20_000).optional(),
});
export const Submission = z.strictObject({ at: LegalTime, candidate: Candidate });

/** 28(1), 32(1)-(3): whose akim, hence who appoints and what follows a third refusal (23-1(4)). */
export const PostLevel = z.enum(['region', 'city_republican', 'capital', 'district', 'city_regional', 'city_district']);

export const AkimConsentInput = StartBase.extend({
  post: z.strictObject({ id: z.string().min(1), title: z.string().min(1), level: PostLevel }),
  maslikhatId: z.string().min(1),
  maslikhatName: z.string().min(1),
  /** 23-1(1): "Лицо, назначающее акима, либо лицо, им уполномоченное": receives the session decisions */
  appointing: NoticeTarget,
  /** the superior of the appointing person: told when the re-submission is overdue (art23_1.p3.resubmission_overdue) */
  superior: NoticeTarget,
  /** the President: told of a third refusal (23-1(4)) */
  president: NoticeTarget,
  /** 23-1(1): the first submission */
  submission: Submission,
  /** what-if runs only: the roster instead of the register */
  roster: RosterInput.optional(),
}).refine((i) => !i.roster || i.simulation, { path: ['roster'], message: 'a roster in the input is allowed in simulations only; real procedures read the register' });
export type AkimConsentInput = z.input<typeof AkimConsentInput>;

export const RecordSessionDecision = ActBase.extend({
  session: z.strictObject({ number: z.string().min(1), kind: z.enum(['regular', 'extraordinary']) }),
  candidatePresent: z.boolean(),
  present: z.number().int().min(0),
  votesFor: z.number().int().min(0),
});
export const SubmitCandidate = ActBase.extend({ candidate: Candidate });
export const AppointActingAkim = ActBase.extend({
  person: z.strictObject({ personId: z.string().min(1), fullName: z.string().min(1) }),
  act: z.strictObject({ number: z.string().min(1) }),
});
export const NewMaslikhat = ActBase.extend({ maslikhatId: z.string().min(1), firstSession: z.iso.date() });
export const WithdrawConsent = ActBase.extend({ reason: z.string().min(1).max(2000) });

export const recordSessionDecision = defineUpdate<void, [z.input<typeof RecordSessionDecision>]>('recordSessionDecision');
export const submitCandidate = defineUpdate<void, [z.input<typeof SubmitCandidate>]>('submitCandidate');
export const appointActingAkim = defineUpdate<void, [z.input<typeof AppointActingAkim>]>('appointActingAkim');
export const newMaslikhat = defineUpdate<void, [z.input<typeof NewMaslikhat>]>('newMaslikhat');
export const withdrawConsent = defineUpdate<void, [z.input<typeof WithdrawConsent>]>('withdraw');
export const akimConsentState = defineQuery<ProcedureState>('state');

export type AkimConsentStage =
  | 'awaiting_session' // 23-1(3): considered at a regular or extraordinary session
  | 'awaiting_resubmission' // 23-1(3): another candidate within two working days
  | 'third_refusal' // 23-1(4): early termination of the maslikhat; acting akim
  | 'acting_akim' // 23-1(4): "до назначения акима ... с согласия вновь сформированного маслихата"
  | 'closed';

export interface AkimConsentFacts extends Record<string, unknown> {
  post: { id: string; title: string; level: z.output<typeof PostLevel> };
  maslikhatId: string;
  roster: Omit<RosterUsed, 'deputies'> & { deputies: number };
  submissions: { n: number; at: string; personId: string; fullName: string; decision: 'consent' | 'refusal' | null; votesFor: number | null; present: number | null }[];
  refused: string[];
  decisionReceived: string | null;
  thirdRefusal: { branch: string; basis: Citation } | null;
  actingAkim: { personId: string; fullName: string; act: string; date: string } | null;
  newMaslikhat: { maslikhatId: string; firstSession: string } | null;
}

// 23-1(3): "Присутствие кандидата на должность акима на внеочередной сессии маслихата ... обязательно"
const PRESENCE: Citation = {
  law: '148', article: '23-1', paragraph: '3', source: SOURCE_FILE,
  quote: 'Присутствие кандидата на должность акима на внеочередной сессии маслихата по рассмотрению представления о даче согласия на назначение на должность акима обязательно',
};
// 23-1(4)(1),(2): what follows the third refusal, by level
const THIRD_REFUSAL: Record<'president_may_terminate' | 'regional_akim_notifies', Citation> = {
  president_may_terminate: {
    law: '148', article: '23-1', paragraph: '4', subparagraph: '1', source: SOURCE_FILE,
    quote: 'Президент Республики Казахстан вправе досрочно прекратить полномочия соответствующего маслихата после консультаций с Премьер-Министром Республики Казахстан и председателями Палат Парламента Республики Казахстан',
  },
  regional_akim_notifies: {
    law: '148', article: '23-1', paragraph: '4', subparagraph: '2', source: SOURCE_FILE,
    quote: 'аким области письменно уведомляет Президента Республики Казахстан и ставит вопрос о досрочном прекращении полномочий соответствующего маслихата',
  },
};
const ACTING: Citation = {
  law: '148', article: '23-1', paragraph: '4', source: SOURCE_FILE,
  quote: 'назначает временно исполняющего обязанности акима до назначения акима соответствующей административно-территориальной единицы с согласия вновь сформированного маслихата',
};

const registers = proxyActivities<TartipActivities>({ startToCloseTimeout: '1 minute', retry: { maximumAttempts: 5, nonRetryableErrorTypes: ['RecordsInputError'] } });

// ---- the procedure ---------------------------------------------------------------------------

export async function akimConsent(raw: AkimConsentInput): Promise<ProcedureState> {
  const input = parseOrRefuse(AkimConsentInput, raw, 'akimConsent input');
  useLegalClock(input.simulation);
  const { edition, calendar } = pinned(input.editionId, input.calendarRef);
  const cite = (id: string): Citation => rule(edition, id).cite;
  const cap = rule(edition, 'art23_1.p4.max_submissions', 'cap');
  const firstDate = dateOfAt(input.submission.at);
  if (Date.parse(input.submission.at) > legalNow() + 3_600_000) {
    refuse({ code: 'in_future', field: 'submission.at', params: { value: input.submission.at } }, `submission.at: ${input.submission.at} is in the future`);
  }

  let roster: RosterUsed;
  if (input.roster) {
    roster = { source: 'input', date: firstDate, seats: input.roster.seats, deputies: input.roster.deputies };
  } else {
    const r = await registers.rosterAsOf({ maslikhatId: input.maslikhatId, date: firstDate });
    roster = { source: 'register', date: firstDate, seats: r.seats, deputies: r.deputies.map((d) => ({ id: d.id, fullName: d.fullName })), digest: r.digest };
  }

  const facts: AkimConsentFacts = {
    post: input.post,
    maslikhatId: input.maslikhatId,
    roster: { source: roster.source, date: roster.date, seats: roster.seats, deputies: roster.deputies.length, ...(roster.digest ? { digest: roster.digest } : {}) },
    submissions: [],
    refused: [],
    decisionReceived: null,
    thirdRefusal: null,
    actingAkim: null,
    newMaslikhat: null,
  };
  let book: ProcedureBook<AkimConsentFacts>;
  try {
    book = new ProcedureBook(KIND, 'P-15', edition, calendar, input.interpretations, facts, 'awaiting_session');
    for (const id of ['total_deputies.base', 'art23_1.p3.decision_received', 'art23_1.p3.resubmission_overdue']) book.use(id);
    if (input.post.level === 'city_district') book.use('art23_1.p4.city_district_third_refusal');
  } catch (e) {
    return refusal(e);
  }
  const b = book;
  const totalDeputies = (): number => (b.use('total_deputies.base') === 'mandates_held' ? roster.deputies.length : roster.seats);
  const current = () => facts.submissions[facts.submissions.length - 1]!;
  const stageIs = (...s: AkimConsentStage[]): boolean => (s as string[]).includes(b.stage);
  const wrongStage = (act: string): never => refuse({ code: 'wrong_stage', field: 'act', params: { act, stage: b.stage } }, `${act} is not allowed at stage ${b.stage}`);

  setHandler(akimConsentState, () => b.state(input.editionId, input.calendarRef));
  b.publish(input.unit);

  // 23-1(1): "вносит на рассмотрение маслихата представление о даче согласия на назначение на должность акима"
  const submit = (at: string, actor: typeof input.startedBy, candidate: z.output<typeof Candidate>): void => {
    const n = facts.submissions.length + 1;
    facts.submissions.push({ n, at, personId: candidate.personId, fullName: candidate.fullName, decision: null, votesFor: null, present: null });
    b.close('art23_1.p3.resubmission');
    b.setStage('awaiting_session');
    b.record(`submission/${n}`, {
      type: 'consent_request', at, actor,
      payload: { n, post: input.post, maslikhatId: input.maslikhatId, candidate, ...(n === 1 ? { roster: facts.roster, interpretations: b.interpretations } : {}) },
      citation: [cite('art23_1.p4.max_submissions')],
    });
  };
  submit(input.submission.at, input.startedBy, input.submission.candidate);
  // the ledger's acts need the procedure registered first: the queued acts are written after this
  await registerProcedure({ procedureId: workflowInfo().workflowId, kind: KIND, editionId: edition.id, calendarId: calendar.ref, startedBy: input.startedBy.id, input });

  // ---- 23-1(3): the session and its vote ---------------------------------------------------
  setHandler(recordSessionDecision, (rawAct) => {
    const a = RecordSessionDecision.parse(rawAct);
    const date = dateOfAt(a.at);
    const s = current();
    // "не набрал большинства голосов от общего числа депутатов маслихата"
    const majority = b.threshold('art23_1.p3.consent_majority', totalDeputies(), a.votesFor);
    s.decision = majority.met ? 'consent' : 'refusal';
    s.votesFor = a.votesFor;
    s.present = a.present;
    b.record(`session_decision/${s.n}`, {
      type: 'session_decision', at: a.at, actor: a.actor,
      payload: { n: s.n, candidate: s.personId, session: a.session, candidatePresent: a.candidatePresent, present: a.present, votesFor: a.votesFor, consent: majority.met, threshold: majority },
      citation: majority.citations,
    });
    if (majority.met) {
      b.setStage('closed', 'consented');
      notifyAppointing(s.n, a.at, 'consent', null);
      return;
    }
    facts.refused.push(s.personId);
    // 23-1(4): "может вноситься не более трех раз подряд"
    if (facts.submissions.length >= cap.cap.limit) {
      thirdRefusal(a.at);
      notifyAppointing(s.n, a.at, 'refusal', null);
      return;
    }
    b.setStage('awaiting_resubmission');
    // "в течение двух рабочих дней со дня получения решения сессии маслихата повторно направляет ... другой кандидатуры"
    const received = (day: string): void => {
      if (!stageIs('awaiting_resubmission')) return; // resubmitted already, while the notice was on its way
      facts.decisionReceived = day;
      const period = b.period('art23_1.p3.resubmission', day);
      b.open(period, 'resubmission_overdue');
      // the anchor of 23-1(3) ("со дня получения решения"), recorded with the period it opens
      b.record(`decision_received/${facts.submissions.length}`, { type: 'decision_received', at: new Date(legalNow()).toISOString(), actor: TIMER, payload: { rule: period.rule, period }, citation: period.citations });
    };
    const onDelivery = b.use('art23_1.p3.decision_received') === 'notice_delivered';
    notifyAppointing(s.n, a.at, 'refusal', 'pending', onDelivery ? () => received(legalDateOf(legalNow())) : undefined);
    if (!onDelivery) received(date);
  }, {
    validator: (rawAct) => {
      const a = parseOrRefuse(RecordSessionDecision, rawAct, 'recordSessionDecision');
      checkActTime(a.at, b.lastAt());
      if (!stageIs('awaiting_session')) wrongStage('recordSessionDecision');
      if (a.session.kind === 'extraordinary' && !a.candidatePresent) {
        refuse({ code: 'candidate_absent', field: 'candidatePresent', rule: 'art23_1.p3.presence', citation: PRESENCE, params: { value: 'false' } }, 'candidatePresent: the candidate must attend an extraordinary session (Art. 23-1(3))');
      }
      const base = totalDeputies();
      if (a.present > base) refuse({ code: 'count_exceeds_base', field: 'present', params: { field: 'present', actual: a.present, base } }, `present (${a.present}) exceeds the total number of deputies (${base})`);
      if (a.votesFor > a.present) refuse({ code: 'count_exceeds_base', field: 'votesFor', params: { field: 'votesFor', actual: a.votesFor, base: a.present } }, `votesFor (${a.votesFor}) exceeds the deputies present (${a.present})`);
      // 11(3): the session is competent with at least two thirds of the total number of deputies
      const quorum = b.peekThreshold('art11.p3.quorum', base, a.present);
      if (!quorum.met) refuse({ code: 'below_threshold', field: 'present', rule: quorum.rule, ...(quorum.citations[0] ? { citation: quorum.citations[0] } : {}), params: { rule: quorum.rule, required: quorum.required, actual: a.present, base } }, `present: a session needs ${quorum.required} of ${base} deputies (Art. 11(3)), got ${a.present}`);
    },
  });

  // ---- 23-1(3),(4): another candidate --------------------------------------------------------
  setHandler(submitCandidate, (rawAct) => {
    const a = SubmitCandidate.parse(rawAct);
    submit(a.at, a.actor, a.candidate);
  }, {
    validator: (rawAct) => {
      const a = parseOrRefuse(SubmitCandidate, rawAct, 'submitCandidate');
      checkActTime(a.at, b.lastAt());
      if (facts.submissions.length >= cap.cap.limit) {
        refuse({ code: 'above_cap', field: 'candidate', rule: cap.id, citation: cap.cite, params: { rule: cap.id, required: cap.cap.limit, actual: facts.submissions.length + 1, base: 'consecutive_submissions' } }, `candidate: at most ${cap.cap.limit} submissions in a row (Art. 23-1(4))`);
      }
      if (!stageIs('awaiting_resubmission')) wrongStage('submitCandidate');
      // "другой кандидатуры"
      if (facts.refused.includes(a.candidate.personId)) {
        refuse({ code: 'same_candidate', field: 'candidate.personId', rule: 'art23_1.p3.resubmission', citation: cite('art23_1.p3.resubmission'), params: { value: a.candidate.personId } }, `candidate.personId: ${a.candidate.personId} was refused; Art. 23-1(3) requires another candidate`);
      }
    },
  });

  // ---- 23-1(4): after the third refusal --------------------------------------------------------
  function thirdRefusal(at: string): void {
    const level = input.post.level;
    let branch: 'president_may_terminate' | 'regional_akim_notifies' | 'superior_akim_notifies' | 'no_rule';
    if (level === 'region' || level === 'city_republican' || level === 'capital') branch = 'president_may_terminate'; // 23-1(4)(1)
    else if (level === 'district' || level === 'city_regional') branch = 'regional_akim_notifies'; // 23-1(4)(2)
    else branch = b.use('art23_1.p4.city_district_third_refusal') === 'by_analogy_superior_akim_notifies' ? 'superior_akim_notifies' : 'no_rule';
    const basis = branch === 'president_may_terminate' ? THIRD_REFUSAL.president_may_terminate : THIRD_REFUSAL.regional_akim_notifies;
    facts.thirdRefusal = { branch, basis };
    b.setStage('third_refusal');
    b.record('third_refusal', { type: 'third_refusal', at, actor: TIMER, payload: { branch, level, refused: facts.refused }, citation: [cite('art23_1.p4.max_submissions'), basis] });
    if (branch === 'no_rule') return;
    b.notice('third_refusal', {
      addressee: { name: input.president.name, role: input.president.role, address: input.president.address },
      channel: input.president.channel,
      languages: ['kk', 'ru', 'en'],
      basis,
      deadline: new Date(Date.parse(at) + 86_400_000).toISOString(),
      templateId: 'akim_consent_third_refusal',
      params: { maslikhat: input.maslikhatName, post: input.post.title, candidates: facts.submissions.map((s) => s.fullName).join('; '), consequence: THIRD_REFUSAL_TEXT[branch] },
    });
  }

  setHandler(appointActingAkim, (rawAct) => {
    const a = AppointActingAkim.parse(rawAct);
    facts.actingAkim = { personId: a.person.personId, fullName: a.person.fullName, act: a.act.number, date: dateOfAt(a.at) };
    b.setStage('acting_akim');
    b.record('acting_akim', { type: 'acting_akim_appointed', at: a.at, actor: a.actor, payload: { person: a.person, act: a.act }, citation: ACTING });
  }, {
    validator: (rawAct) => {
      const a = parseOrRefuse(AppointActingAkim, rawAct, 'appointActingAkim');
      checkActTime(a.at, b.lastAt());
      if (!stageIs('third_refusal')) wrongStage('appointActingAkim');
    },
  });

  // "с согласия вновь сформированного маслихата": the count of 23-1(4) starts again with a new maslikhat
  setHandler(newMaslikhat, (rawAct) => {
    const a = NewMaslikhat.parse(rawAct);
    facts.newMaslikhat = { maslikhatId: a.maslikhatId, firstSession: a.firstSession };
    b.setStage('closed', 'new_maslikhat');
    b.record('new_maslikhat', { type: 'procedure_closed', at: a.at, actor: a.actor, payload: { outcome: 'new_maslikhat', maslikhatId: a.maslikhatId, firstSession: a.firstSession }, citation: ACTING });
  }, {
    validator: (rawAct) => {
      const a = parseOrRefuse(NewMaslikhat, rawAct, 'newMaslikhat');
      checkActTime(a.at, b.lastAt());
      if (!stageIs('third_refusal', 'acting_akim')) wrongStage('newMaslikhat');
      if (a.maslikhatId === input.maslikhatId) {
        refuse({ code: 'same_maslikhat', field: 'maslikhatId', params: { value: a.maslikhatId } }, `maslikhatId: ${a.maslikhatId} is the maslikhat that refused; a newly formed one is required`);
      }
    },
  });

  setHandler(withdrawConsent, (rawAct) => {
    const a = WithdrawConsent.parse(rawAct);
    b.setStage('closed', 'withdrawn');
    b.record('withdrawn', { type: 'procedure_closed', at: a.at, actor: a.actor, payload: { outcome: 'withdrawn', reason: a.reason } });
  }, {
    validator: (rawAct) => {
      const a = parseOrRefuse(WithdrawConsent, rawAct, 'withdraw');
      checkActTime(a.at, b.lastAt());
      if (b.outcome) wrongStage('withdraw');
    },
  });

  function notifyAppointing(n: number, at: string, decision: 'consent' | 'refusal', next: 'pending' | null, then?: () => void): void {
    const resubmit = next === 'pending';
    b.notice(`session_decision/${n}`, {
      addressee: { name: input.appointing.name, role: input.appointing.role, address: input.appointing.address },
      channel: input.appointing.channel,
      languages: ['kk', 'ru', 'en'],
      basis: cite(resubmit ? 'art23_1.p3.resubmission' : 'art23_1.p3.consent_majority'),
      deadline: new Date(Date.parse(at) + 86_400_000).toISOString(),
      templateId: 'akim_consent_session_decision',
      params: {
        maslikhat: input.maslikhatName, post: input.post.title, candidate: current().fullName, sessionDate: dateOfAt(at),
        votesFor: current().votesFor ?? 0, totalDeputies: totalDeputies(),
        decision: decision === 'consent' ? DECISION_TEXT.consent : resubmit ? DECISION_TEXT.refusal_resubmit : DECISION_TEXT.refusal_final,
      },
    }, then);
  }

  // ---- timer: 23-1(3) two working days ---------------------------------------------------------
  function onExpiry(d: OpenDeadline): void {
    if (d.rule !== 'art23_1.p3.resubmission') return;
    // the law names no consequence (T-13): a named interpretation decides
    const how = b.use('art23_1.p3.resubmission_overdue');
    b.fired(d.rule);
    b.recordExpiry('expiry/resubmission/' + facts.submissions.length, d, how);
    if (how === 'cycle_ends') {
      b.setStage('closed', 'lapsed');
      return;
    }
    if (how === 'no_consequence') return;
    b.notice(`overdue/resubmission/${facts.submissions.length}`, {
      addressee: { name: input.superior.name, role: input.superior.role, address: input.superior.address },
      channel: input.superior.channel,
      languages: ['kk', 'ru', 'en'],
      basis: d.period.citations[0]!,
      deadline: d.period.instant,
      templateId: 'akim_procedure_overdue',
      params: {
        procedure: PROCEDURE_TITLE, subject: input.post.title, deadlineDate: d.period.date,
        step: { en: 'a request for consent to another candidate', ru: 'повторное представление о даче согласия на назначение другой кандидатуры', kk: 'басқа кандидатураны тағайындауға келісім беру туралы қайта ұсыну' },
        consequence: { en: 'The law attaches no consequence; the procedure remains open and awaits the request', ru: 'Закон не устанавливает последствий; процедура остаётся открытой и ожидает представления', kk: 'Заң салдарын белгілемейді; рәсім ашық қалады және ұсынуды күтеді' },
      },
    });
  }

  await runTimers(b, onExpiry);
  await allHandlersFinished();
  return b.state(input.editionId, input.calendarRef);
}

const PROCEDURE_TITLE = {
  en: 'consent of the maslikhat to the appointment of an akim (Art. 23-1)',
  ru: 'дача маслихатом согласия на назначение акима (ст. 23-1)',
  kk: 'мәслихаттың әкімді тағайындауға келісім беруі (23-1-бап)',
};

const DECISION_TEXT = {
  consent: { en: 'consent given', ru: 'согласие дано', kk: 'келісім берілді' },
  refusal_resubmit: {
    en: 'consent refused; within two working days of receiving this decision a request for consent to another candidate is to be submitted (Art. 23-1(3))',
    ru: 'в согласии отказано; в течение двух рабочих дней со дня получения решения направляется представление о даче согласия на назначение другой кандидатуры (п. 3 ст. 23-1)',
    kk: 'келісім берілмеді; шешім алынған күннен бастап екі жұмыс күні ішінде басқа кандидатураны тағайындауға келісім беру туралы ұсыну жіберіледі (23-1-баптың 3-тармағы)',
  },
  refusal_final: {
    en: 'consent refused for the third time in a row (Art. 23-1(4))',
    ru: 'в согласии отказано в третий раз подряд (п. 4 ст. 23-1)',
    kk: 'келісім қатарынан үшінші рет берілмеді (23-1-баптың 4-тармағы)',
  },
};

const THIRD_REFUSAL_TEXT = {
  president_may_terminate: {
    en: 'The President may terminate the powers of the maslikhat early after consultations with the Prime Minister and the chairs of the Chambers of Parliament (Art. 23-1(4)(1))',
    ru: 'Президент вправе досрочно прекратить полномочия маслихата после консультаций с Премьер-Министром и председателями Палат Парламента (подп. 1 п. 4 ст. 23-1)',
    kk: 'Президент Премьер-Министрмен және Парламент Палаталарының төрағаларымен консультациялардан кейін мәслихаттың өкілеттігін мерзімінен бұрын тоқтатуға құқылы (23-1-баптың 4-тармағының 1-тармақшасы)',
  },
  regional_akim_notifies: {
    en: 'The regional akim notifies the President in writing and raises the early termination of the powers of the maslikhat (Art. 23-1(4)(2))',
    ru: 'Аким области письменно уведомляет Президента и ставит вопрос о досрочном прекращении полномочий маслихата (подп. 2 п. 4 ст. 23-1)',
    kk: 'Облыс әкімі Президентке жазбаша хабарлайды және мәслихаттың өкілеттігін мерзімінен бұрын тоқтату туралы мәселе қояды (23-1-баптың 4-тармағының 2-тармақшасы)',
  },
  superior_akim_notifies: {
    en: 'The superior akim notifies the President in writing and raises the early termination of the powers of the maslikhat (by analogy with Art. 23-1(4)(2))',
    ru: 'Вышестоящий аким письменно уведомляет Президента и ставит вопрос о досрочном прекращении полномочий маслихата (по аналогии с подп. 2 п. 4 ст. 23-1)',
    kk: 'Жоғары тұрған әкім Президентке жазбаша хабарлайды және мәслихаттың өкілеттігін мерзімінен бұрын тоқтату туралы мәселе қояды (23-1-баптың 4-тармағының 2-тармақшасына ұқсастық бойынша)',
  },
};

export const akimConsentDefinition: ProcedureDefinition = {
  kind: KIND,
  workflowType: 'akimConsent',
  procedure: 'P-15',
  title: { en: 'Maslikhat consent to the appointment of an akim', ru: 'Согласие маслихата на назначение акима', kk: 'Мәслихаттың әкімді тағайындауға келісімі' },
  input: AkimConsentInput,
  // one open consent cycle per akim post
  workflowId: (i) => `akim_consent:${(i as { post: { id: string } }).post.id}`,
  acts: {
    recordSessionDecision: { input: RecordSessionDecision, roles: ['administrator'], title: { en: 'Record the session decision', ru: 'Зарегистрировать решение сессии', kk: 'Сессия шешімін тіркеу' } },
    submitCandidate: { input: SubmitCandidate, roles: ['administrator'], title: { en: 'Submit another candidate', ru: 'Внести другую кандидатуру', kk: 'Басқа кандидатураны енгізу' } },
    appointActingAkim: { input: AppointActingAkim, roles: ['administrator'], title: { en: 'Record the acting akim', ru: 'Зарегистрировать назначение временно исполняющего обязанности акима', kk: 'Әкімнің міндетін уақытша атқарушыны тағайындауды тіркеу' } },
    newMaslikhat: { input: NewMaslikhat, roles: ['administrator'], title: { en: 'Record the newly formed maslikhat', ru: 'Зарегистрировать вновь сформированный маслихат', kk: 'Жаңадан құрылған мәслихатты тіркеу' } },
    withdraw: { input: WithdrawConsent, roles: ['administrator'], title: { en: 'Close the consent cycle', ru: 'Закрыть процедуру согласия', kk: 'Келісім рәсімін жабу' } },
  },
};
