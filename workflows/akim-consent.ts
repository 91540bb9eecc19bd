// Maslikhat consent to the appointment of an akim: Law 148, Art. 23-1 (catalogue P-15). Each act
// below is a paragraph of the article; its words sit next to the code. Deadlines, thresholds,
// the cap and every citation come from the pinned edition (rules art23_1.*).
import { z } from 'zod';
import type { Citation } from '../statute/types.js';
import { rule as ruleOf } from '../statute/rules.js';
import { defineProcedure, kit } from './engine/spec.js';
import { definitionOf } from './engine/pipeline.js';
import { runProcedure } from './engine/interpreter.js';
import { TIMER, type Book } from './engine/book.js';
import { legalDateOf } from './engine/time.js';
import { ActBase, LegalTime, StartBase, type ProcedureState, LegalDate } from './procedure.js';
import { checkSessionCounts, dateOfAt, NoticeTarget, noticeTo, onlyInSimulations, RosterInput, rosterFor, shown, totalDeputies, type RosterShown, unitAndMaslikhat } from './lib/maslikhat.js';

// ---- input and acts ------------------------------------------------------------------------

/** 23-1(2): "биографические данные, информация о трудовой деятельности, государственных наградах и иная информация о кандидате" */
export const Candidate = z.strictObject({
  personId: z.string().min(1).max(128),
  fullName: z.string().min(1).max(300),
  birthDate: LegalDate,
  biography: z.string().min(1).max(20_000),
  workHistory: z.array(z.strictObject({ from: LegalDate, to: LegalDate.optional(), position: z.string().min(1), organisation: z.string().min(1) })).min(1),
  stateAwards: z.array(z.strictObject({ title: z.string().min(1), date: LegalDate.optional() })).default([]),
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
}).refine((i) => !i.roster || i.simulation, onlyInSimulations);
export type AkimConsentInput = z.input<typeof AkimConsentInput>;
type Input = z.output<typeof AkimConsentInput>;

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
export const NewMaslikhat = ActBase.extend({ maslikhatId: z.string().min(1), firstSession: LegalDate });
export const WithdrawConsent = ActBase.extend({ reason: z.string().min(1).max(2000) });

export type AkimConsentStage =
  | 'awaiting_session' // 23-1(3): considered at a regular or extraordinary session
  | 'awaiting_resubmission' // 23-1(3): another candidate within two working days
  | 'third_refusal' // 23-1(4): early termination of the maslikhat; acting akim
  | 'acting_akim' // 23-1(4): "до назначения акима ... с согласия вновь сформированного маслихата"
  | 'closed';

export interface AkimConsentFacts {
  post: { id: string; title: string; level: z.output<typeof PostLevel> };
  maslikhatId: string;
  roster: RosterShown;
  submissions: { n: number; at: string; personId: string; fullName: string; decision: 'consent' | 'refusal' | null; votesFor: number | null; present: number | null }[];
  refused: string[];
  decisionReceived: string | null;
  thirdRefusal: { branch: string; basis: Citation } | null;
  actingAkim: { personId: string; fullName: string; act: string; date: string } | null;
  newMaslikhat: { maslikhatId: string; firstSession: string } | null;
}

type B = Book<AkimConsentFacts, AkimConsentStage>;
const { act, expiry } = kit<AkimConsentFacts, AkimConsentStage, Input>();
const current = (b: B) => b.facts.submissions[b.facts.submissions.length - 1]!;
const total = (b: B) => totalDeputies(b, b.facts.roster);

// 23-1(1): "вносит на рассмотрение маслихата представление о даче согласия на назначение на должность акима"
function submit(b: B, input: Input, at: string, actor: Input['startedBy'], candidate: z.output<typeof Candidate>): void {
  const n = b.facts.submissions.length + 1;
  b.facts.submissions.push({ n, at, personId: candidate.personId, fullName: candidate.fullName, decision: null, votesFor: null, present: null });
  b.cancel('art23_1.p3.resubmission');
  b.setStage('awaiting_session');
  b.record(`submission/${n}`, {
    type: 'consent_request', at, actor,
    payload: { n, post: input.post, maslikhatId: input.maslikhatId, candidate, ...(n === 1 ? { roster: b.facts.roster, interpretations: b.interpretations } : {}) },
    citation: [b.cite('art23_1.p4.max_submissions')],
  });
}

// 23-1(4): what follows the third refusal, by the level of the post
type Branch = 'president_may_terminate' | 'regional_akim_notifies' | 'superior_akim_notifies' | 'no_rule';
function branchOf(b: B, level: Input['post']['level']): Branch {
  if (level === 'region' || level === 'city_republican' || level === 'capital') return 'president_may_terminate'; // 23-1(4)(1)
  if (level === 'district' || level === 'city_regional') return 'regional_akim_notifies'; // 23-1(4)(2)
  return b.use('art23_1.p4.city_district_third_refusal') === 'by_analogy_superior_akim_notifies' ? 'superior_akim_notifies' : 'no_rule';
}

function notifyAppointing(b: B, input: Input, at: string, decision: 'consent' | 'refusal_resubmit' | 'refusal_final', then?: (b: B) => void): void {
  const s = current(b);
  b.notify(`session_decision/${s.n}`, noticeTo(input.appointing, 'akim_consent_session_decision', b.cite(decision === 'refusal_resubmit' ? 'art23_1.p3.resubmission' : 'art23_1.p3.consent_majority'), at, {
    maslikhat: input.maslikhatName, post: input.post.title, candidate: s.fullName, sessionDate: dateOfAt(at),
    votesFor: s.votesFor ?? 0, totalDeputies: total(b), decision: DECISION_TEXT[decision],
  }), then as ((b: Book<AkimConsentFacts, AkimConsentStage>) => void) | undefined);
}

// ---- the procedure ---------------------------------------------------------------------------

export const akimConsentSpec = defineProcedure<AkimConsentFacts, AkimConsentStage, Input>({
  kind: 'akim_consent',
  workflowType: 'akimConsent',
  procedure: 'P-15',
  title: { en: 'Maslikhat consent to the appointment of an akim', ru: 'Согласие маслихата на назначение акима', kk: 'Мәслихаттың әкімді тағайындауға келісімі' },
  input: AkimConsentInput,
  // one open consent cycle per akim post
  workflowId: (i) => `akim_consent:${i.post.id}`,
  registered: (i) => unitAndMaslikhat(i),
  initial: 'awaiting_session',
  stages: ['awaiting_session', 'awaiting_resubmission', 'third_refusal', 'acting_akim', 'closed'],
  interpretations: ['total_deputies.base', 'art23_1.p3.decision_received', 'art23_1.p3.resubmission_overdue'],

  async start(b, input, io) {
    if (input.post.level === 'city_district') b.use('art23_1.p4.city_district_third_refusal');
    b.notFuture(input.submission.at, 'submission.at');
    const roster = await rosterFor(io, input.maslikhatId, dateOfAt(input.submission.at), input.roster);
    b.facts = { post: input.post, maslikhatId: input.maslikhatId, roster: shown(roster), submissions: [], refused: [], decisionReceived: null, thirdRefusal: null, actingAkim: null, newMaslikhat: null };
    submit(b, input, input.submission.at, input.startedBy, input.submission.candidate);
    return b.facts;
  },

  acts: {
    // ---- 23-1(3): the session and its vote ---------------------------------------------------
    recordSessionDecision: act({
      title: { en: 'Record the session decision', ru: 'Зарегистрировать решение сессии', kk: 'Сессия шешімін тіркеу' },
      input: RecordSessionDecision, roles: ['administrator'], stages: ['awaiting_session'],
      check(b, a) {
        // "Присутствие кандидата на должность акима на внеочередной сессии маслихата ... обязательно"
        if (a.session.kind === 'extraordinary' && !a.candidatePresent) {
          b.refuse({ code: 'candidate_absent', field: 'candidatePresent', rule: 'art23_1.p3.candidate_presence', citation: b.cite('art23_1.p3.candidate_presence'), params: { value: 'false' } }, 'candidatePresent: the candidate must attend an extraordinary session (Art. 23-1(3))');
        }
        checkSessionCounts(b, total(b), a.present, a.votesFor);
      },
      apply(b, a, input) {
        const s = current(b);
        // "не набрал большинства голосов от общего числа депутатов маслихата"
        const majority = b.threshold('art23_1.p3.consent_majority', total(b), a.votesFor);
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
          notifyAppointing(b, input, a.at, 'consent');
          return;
        }
        b.facts.refused.push(s.personId);
        // 23-1(4): "может вноситься не более трех раз подряд"
        if (b.facts.submissions.length >= rule3(b).cap.limit) {
          thirdRefusal(b, input, a.at);
          notifyAppointing(b, input, a.at, 'refusal_final');
          return;
        }
        b.setStage('awaiting_resubmission');
        // "в течение двух рабочих дней со дня получения решения сессии маслихата повторно направляет ... другой кандидатуры"
        const n = s.n;
        const received = (bb: B, day: string): void => {
          // resubmitted already while the notice was on its way, or a later decision is the one awaited now
          if (!bb.is('awaiting_resubmission') || bb.facts.submissions.length !== n) return;
          bb.facts.decisionReceived = day;
          bb.open('art23_1.p3.resubmission', day, 'resubmission_overdue');
        };
        if (b.use('art23_1.p3.decision_received') === 'notice_delivered') notifyAppointing(b, input, a.at, 'refusal_resubmit', (bb) => received(bb, legalDateOf(bb.now())));
        else {
          notifyAppointing(b, input, a.at, 'refusal_resubmit');
          received(b, dateOfAt(a.at));
        }
      },
    }),

    // ---- 23-1(3),(4): another candidate --------------------------------------------------------
    submitCandidate: act({
      title: { en: 'Submit another candidate', ru: 'Внести другую кандидатуру', kk: 'Басқа кандидатураны енгізу' },
      input: SubmitCandidate, roles: ['administrator'], stages: ['awaiting_resubmission'],
      outOfStage(b) {
        capCheck(b);
      },
      check(b, a) {
        capCheck(b);
        // "другой кандидатуры"
        if (b.facts.refused.includes(a.candidate.personId)) {
          b.refuse({ code: 'same_candidate', field: 'candidate.personId', rule: 'art23_1.p3.resubmission', citation: b.cite('art23_1.p3.resubmission'), params: { value: a.candidate.personId } }, `candidate.personId: ${a.candidate.personId} was refused; Art. 23-1(3) requires another candidate`);
        }
      },
      apply(b, a, input) {
        submit(b, input, a.at, a.actor, a.candidate);
      },
    }),

    // ---- 23-1(4): after the third refusal --------------------------------------------------------
    appointActingAkim: act({
      title: { en: 'Record the acting akim', ru: 'Зарегистрировать назначение временно исполняющего обязанности акима', kk: 'Әкімнің міндетін уақытша атқарушыны тағайындауды тіркеу' },
      input: AppointActingAkim, roles: ['administrator'], stages: ['third_refusal'],
      apply(b, a) {
        b.facts.actingAkim = { personId: a.person.personId, fullName: a.person.fullName, act: a.act.number, date: dateOfAt(a.at) };
        b.setStage('acting_akim');
        b.record('acting_akim', { type: 'acting_akim_appointed', at: a.at, actor: a.actor, payload: { person: a.person, act: a.act }, citation: b.cite('art23_1.p4.acting_akim') });
      },
    }),

    // "с согласия вновь сформированного маслихата": the count of 23-1(4) starts again with a new maslikhat
    newMaslikhat: act({
      title: { en: 'Record the newly formed maslikhat', ru: 'Зарегистрировать вновь сформированный маслихат', kk: 'Жаңадан құрылған мәслихатты тіркеу' },
      input: NewMaslikhat, roles: ['administrator'], stages: ['third_refusal', 'acting_akim'],
      check(b, a, input) {
        if (a.maslikhatId === input.maslikhatId) {
          b.refuse({ code: 'same_maslikhat', field: 'maslikhatId', params: { value: a.maslikhatId } }, `maslikhatId: ${a.maslikhatId} is the maslikhat that refused; a newly formed one is required`);
        }
      },
      apply(b, a) {
        b.facts.newMaslikhat = { maslikhatId: a.maslikhatId, firstSession: a.firstSession };
        b.setStage('closed', 'new_maslikhat');
        b.record('new_maslikhat', { type: 'procedure_closed', at: a.at, actor: a.actor, payload: { outcome: 'new_maslikhat', maslikhatId: a.maslikhatId, firstSession: a.firstSession }, citation: b.cite('art23_1.p4.acting_akim') });
      },
    }),

    withdraw: act({
      title: { en: 'Close the consent cycle', ru: 'Закрыть процедуру согласия', kk: 'Келісім рәсімін жабу' },
      input: WithdrawConsent, roles: ['administrator'], stages: 'open',
      apply(b, a) {
        b.setStage('closed', 'withdrawn');
        b.record('withdrawn', { type: 'procedure_closed', at: a.at, actor: a.actor, payload: { outcome: 'withdrawn', reason: a.reason } });
      },
    }),
  },

  expiry: {
    // ---- timer: 23-1(3) two working days; the law names no consequence (T-13): a named interpretation decides
    resubmission_overdue: expiry((b, d, input) => {
      const how = b.use('art23_1.p3.resubmission_overdue');
      if (how === 'cycle_ends') b.setStage('closed', 'lapsed');
      if (how !== 'overdue_notice_to_superior') return how;
      b.notify(`overdue/resubmission/${b.facts.submissions.length}`, noticeTo(input.superior, 'akim_procedure_overdue', d.period.citations[0]!, d.period.instant, {
        procedure: PROCEDURE_TITLE, subject: input.post.title, deadlineDate: d.period.date,
        step: { en: 'a request for consent to another candidate', ru: 'повторное представление о даче согласия на назначение другой кандидатуры', kk: 'басқа кандидатураны тағайындауға келісім беру туралы қайта ұсыну' },
        consequence: { en: 'The law attaches no consequence; the procedure remains open and awaits the request', ru: 'Закон не устанавливает последствий; процедура остаётся открытой и ожидает представления', kk: 'Заң салдарын белгілемейді; рәсім ашық қалады және ұсынуды күтеді' },
      }, d.period.instant));
      return how;
    }),
  },
});

// 23-1(4): "может вноситься не более трех раз подряд"
const rule3 = (b: B) => ruleOf(b.edition, 'art23_1.p4.max_submissions', 'cap');
function capCheck(b: B): void {
  const cap = rule3(b);
  if (b.facts.submissions.length >= cap.cap.limit) {
    b.refuse({ code: 'above_cap', field: 'candidate', rule: cap.id, citation: cap.cite, params: { rule: cap.id, required: cap.cap.limit, actual: b.facts.submissions.length + 1, base: 'consecutive_submissions' } }, `candidate: at most ${cap.cap.limit} submissions in a row (Art. 23-1(4))`);
  }
}

function thirdRefusal(b: B, input: Input, at: string): void {
  const branch = branchOf(b, input.post.level);
  const basis = b.cite(branch === 'president_may_terminate' ? 'art23_1.p4.third_refusal_president' : 'art23_1.p4.third_refusal_regional_akim');
  b.facts.thirdRefusal = { branch, basis };
  b.setStage('third_refusal');
  b.record('third_refusal', { type: 'third_refusal', at, actor: TIMER, payload: { branch, level: input.post.level, refused: b.facts.refused }, citation: [b.cite('art23_1.p4.max_submissions'), basis] });
  if (branch === 'no_rule') return;
  b.notify('third_refusal', noticeTo(input.president, 'akim_consent_third_refusal', basis, at, {
    maslikhat: input.maslikhatName, post: input.post.title, candidates: b.facts.submissions.map((s) => s.fullName).join('; '), consequence: THIRD_REFUSAL_TEXT[branch],
  }));
}

export const akimConsentDefinition = definitionOf(akimConsentSpec);

export async function akimConsent(raw: AkimConsentInput): Promise<ProcedureState> {
  return runProcedure(akimConsentSpec, raw);
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

