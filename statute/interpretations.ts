// Choices the law leaves open (catalogue §8, traps T-5…T-42). Each has a default; a procedure
// may record another option, and whatever is used is written to its history.
// Quotes are verbatim Russian text of shared/sources/000_183c24e7cb45d52d.txt (checked by tests).
import { StatuteError } from './errors.js';
import type { Citation, ExternalReference, Interpretation, InterpretationUse } from './types.js';

const SRC = '000_183c24e7cb45d52d.txt';
const c = (article: string, paragraph: string | undefined, quote: string): Citation => {
  const r: Citation = { law: '148', article, quote, source: SRC };
  if (paragraph) r.paragraph = paragraph;
  return r;
};

/**
 * The Civil Code article an interpretation leans on, marked unverified: the Code is not in
 * shared/sources/, so neither its article numbers nor any wording quoted in a rationale are checked.
 */
export function civilCodeReference(article: string, topic: string): ExternalReference {
  return {
    law: 'Гражданский кодекс РК (Общая часть) от 27.12.1994',
    article,
    topic,
    verified: false,
    note: "Civil Code text not in the project's sources: article number and wording from memory, not checked",
  };
}

// ── Lead times: "не позднее чем за N дней до" an event (any procedure; computePeriod, direction 'before') ──
// Applied by statute/periods.ts; listed here so that rules may name them and `useOf` knows them.

/** T-9 for lead times: which day is "за N дней до" day A. */
export const DAYS_BEFORE = {
  id: 'period.days_before',
  question: 'T-9: "не позднее чем за N дней до" an event on day A — is the last allowed day A−N (the Nth day counted back, the event day not counted), or A−N−1 (N whole days left between the act and the event)?',
  options: ['e_minus_n', 'n_clear_days'],
  default: 'e_minus_n',
  rationale: 'Counting back mirrors counting forward (period.start_next_day): the event day is not counted, the day before it is day 1, the Nth day back is the boundary. 10 calendar days before a session on 22.03.2025: day 1 is 21.03, day 10 is 12.03.2025, the last day a notice is in time ("не позднее"); on 13.03 it is late. The act day is one of the N days (12.03–21.03). n_clear_days reads "за N дней" as N whole days between the act and the event (last day 11.03.2025): one day stricter, and an act in time under it is in time under both. The date is not moved off a non-working day by this choice (see period.before_non_working_day). The election calendar asks the same question as art36_1.p3.days_before (same options); a rule that lists that one uses its choice.',
  cite: { law: '148', article: '10', paragraph: '3', quote: 'сообщает депутатам, населению и акиму не позднее чем за десять дней до сессии', source: SRC },
} as const satisfies Interpretation;

/** What happens when the last allowed day of a lead time is not a working day. */
export const BEFORE_NON_WORKING_DAY = {
  id: 'period.before_non_working_day',
  question: 'A lead time ("не позднее чем за N дней до") whose last allowed day is not a working day — does the day stay, or move back to the previous working day?',
  options: ['no_move', 'previous_working_day'],
  default: 'no_move',
  rationale: 'The rule that moves the end of a period to the next working day (period.deadline_non_working_day) protects someone acting within a time limit; applied to a lead time it would shorten the time the law guarantees before the event, so it does not apply. The law gives no rule for moving the day earlier: it stays, and an act done on it is in time. previous_working_day is the cautious reading for a body that does not work on that day (an act in time under it is in time under both).',
  cite: { law: '148', article: '39-3', paragraph: '8', quote: 'оповещается не позднее чем за десять календарных дней до дня их проведения', source: SRC },
  // the rule not applied to lead times (period.deadline_non_working_day)
  external: [civilCodeReference('172', 'окончание срока в нерабочий день (not applied to lead times)')],
} as const satisfies Interpretation;

/**
 * Interpretations of one procedure that ask a period question computePeriod knows under a general
 * id (same options): a rule listing the key has its option applied as the value (statute/rules.ts
 * periodFor; shown so by statute/rule-interpretations.ts).
 */
export const PERIOD_QUESTION_OF: Readonly<Record<string, string>> = Object.freeze({ 'art36_1.p3.days_before': 'period.days_before', 'art11.p4.break_end': 'period.deadline_non_working_day' });

const list: Interpretation[] = [
  DAYS_BEFORE,
  BEFORE_NON_WORKING_DAY,
  {
    id: 'art24_1.p2.one_maslikhat',
    question: 'T-5: must the 25% "от одного маслихата" be reached in each maslikhat of the region, or in at least one?',
    options: ['each', 'at_least_one'],
    default: 'each',
    rationale: 'The usual reading, and the stricter one: a recall supported under "each" is supported under both. Flag for legal review.',
    cite: c('24-1', '2', 'но не менее чем двадцатью пятью процентами голосов выборщиков от одного маслихата'),
  },
  {
    id: 'total_deputies.base',
    question: 'T-6: is "общее число депутатов" the seats fixed for the maslikhat, or the deputies currently holding a mandate?',
    options: ['seats_fixed', 'mandates_held'],
    default: 'seats_fixed',
    rationale: 'Art 5(4) measures the same phrase against the number fixed by the CEC; the fixed number is also the stricter base, so a decision that meets it meets both readings.',
    cite: c('11', '3', 'Решения принимаются большинством голосов от общего числа депутатов маслихата'),
  },
  {
    id: 'rounding.at_least_fraction_ceil',
    question: 'T-7: "не менее" a fraction of a base that is not divisible — round the required count up or to the nearest?',
    options: ['ceil', 'nearest'],
    default: 'ceil',
    rationale: '"Не менее одной пятой" is met only by a count whose share is at least 1/5; any smaller integer falls short, so the required count is the ceiling.',
    cite: c('24', '1', 'По инициативе не менее одной пятой от общего числа депутатов маслихата'),
  },
  {
    id: 'days.unqualified_are_calendar',
    question: 'T-8: periods in "дней" without "рабочих" or "календарных" — calendar or working days?',
    options: ['calendar_day', 'working_day'],
    default: 'calendar_day',
    rationale: 'Where the law means working days it says so (23-1(3), 24(4), 24(7), 24-1(3)); the plain word "день" is a calendar day.',
    cite: c('24-1', '4', 'Сбор подписей осуществляется в течение тридцати дней со дня получения выборщиками подписных листов'),
  },
  {
    id: 'period.anchor_day',
    question: 'T-9: does a period "со дня" an event start counting on the day of the event or the day after?',
    options: ['next_day', 'same_day'],
    default: 'next_day',
    rationale: 'The law is silent; counting from the next day is the general rule of Kazakh civil law (external; not in the sources) and never shortens a period.',
    external: [civilCodeReference('170', 'начало течения срока')],
    cite: c('24', '4', 'в течение десяти рабочих дней со дня письменного обращения инициаторов-депутатов маслихата'),
  },
  {
    id: 'art36_1.p6.two_days_boundary',
    question: 'T-9: "за два дня до голосования" — is day E−2 itself inside the freeze, or is it the last day a withdrawal is still allowed?',
    options: ['from_e_minus_2', 'after_e_minus_2'],
    default: 'from_e_minus_2',
    rationale: 'The freeze protects the vote; reading it from E−2 keeps the two texts of para 6 consistent with the withdrawal deadline of para 3 ending the day before.',
    cite: c('36-1', '6', 'Отмена решения о регистрации или восстановление ранее снятого с регистрации кандидата за два дня до голосования не допускается'),
  },
  {
    id: 'art24.p7.superior_silence',
    question: 'T-12: the President or superior akim has not decided within 10 working days of receiving the no-confidence decision — what follows?',
    options: ['overdue_notice', 'deemed_rejected', 'deemed_terminated'],
    default: 'overdue_notice',
    rationale: 'The law attaches no consequence to silence; the procedure records the overdue deadline, notifies, and keeps waiting for the decision.',
    cite: c('24', '7', 'в течение десяти рабочих дней рассматривает вопрос о прекращении полномочий акима либо поручает ему дальнейшее осуществление его обязанностей'),
  },
  {
    id: 'art24.p4.insufficient_signatures',
    question: 'T-12: the authenticity check leaves fewer valid signatures than 1/5 of the deputies — what follows?',
    options: ['initiative_ends', 'initiative_continues'],
    default: 'initiative_ends',
    rationale: 'The question may be raised only on the initiative of at least 1/5 (24(1)); without it there is nothing to put to the session.',
    cite: c('24', '4', 'По результатам проверки составляется протокол о подлинности подписей инициаторов-депутатов маслихата'),
    appliesTo: ['art24.p4.signature_verification', 'art24.p1.initiators_one_fifth'],
  },
  {
    id: 'art24.p5.session_not_held',
    question: 'T-12: the no-confidence session was not held within one month of the protocol — what follows?',
    options: ['overdue_notice', 'initiative_lapses'],
    default: 'overdue_notice',
    rationale: 'The law states no consequence; the initiative is not treated as lapsed, the overdue deadline is recorded and notified.',
    cite: c('24', '5', 'проводится в течение одного месяца со дня оформления протокола о подлинности подписей'),
  },
  {
    id: 'art24.p8.repeat_vote_procedure',
    question: 'T-12: does the repeat no-confidence vote need a new 1/5 initiative and signature drive, or only the vote?',
    options: ['vote_only', 'full_procedure'],
    default: 'vote_only',
    rationale: 'Read literally, 24(8) lets the deputies vote again by a majority of the total after six months.',
    cite: c('24', '8', 'депутаты маслихата большинством голосов от общего числа депутатов вправе по истечении шести месяцев'),
    appliesTo: ['art24.p8.repeat_vote', 'art24.p8.repeat_vote_majority'],
  },
  {
    id: 'art23_1.p3.resubmission_overdue',
    question: 'T-13: the appointing person did not re-submit another candidate within 2 working days — what follows?',
    options: ['overdue_notice_to_superior', 'no_consequence', 'cycle_ends'],
    default: 'overdue_notice_to_superior',
    rationale: 'The law sets the deadline but no consequence; the procedure stays open and the overdue is notified to the superior of the appointing person.',
    cite: c('23-1', '3', 'в течение двух рабочих дней со дня получения решения сессии маслихата'),
  },
  {
    id: 'art36_1.p10.month_anchor',
    question: 'T-14: "проводятся в течение месяца" — within a month of calling the election, or within the last month of the term?',
    options: ['from_calling', 'before_term_end'],
    default: 'from_calling',
    rationale: 'With the call ≥ 40 days before the term ends and nomination at E−30…E−25, the likely intent is election day within a month after calling.',
    cite: c('36-1', '10', 'не позднее чем за сорок дней до окончания срока полномочий акима и проводятся в течение месяца'),
  },
  {
    id: 'art24_1.p1.initiation_decision',
    question: 'T-33: are the decision to initiate (24-1(1)) and the decision to start collecting signatures (24-1(2)) one act, and by what majority?',
    options: ['one_act_majority_of_total', 'two_acts_majority_of_total'],
    default: 'one_act_majority_of_total',
    rationale: 'No threshold is stated, so the general rule of 11(3) applies; one session decision can carry both.',
    cite: c('24-1', '2', 'Решение о начале сбора подписей принимает маслихат области, города республиканского значения и столицы'),
    appliesTo: ['art24_1.p1.notify', 'art11.p3.decision_majority'],
  },
  {
    id: 'art24_1.p6.same_grounds',
    question: 'T-34: no grounds for a recall are listed, yet the one-year bar applies "по тем же основаниям" — how are grounds compared?',
    options: ['recorded_grounds', 'any_grounds'],
    default: 'recorded_grounds',
    rationale: 'The grounds are recorded as text at initiation; the bar applies when a new initiative states the same grounds, decided by a person, not inferred.',
    cite: c('24-1', '6', 'по тем же основаниям в течение года со дня отказа в вынесении вопроса на голосование не допускается'),
  },
  {
    id: 'art24_1.p8.vote_not_held',
    question: 'T-35: the joint sitting is not quorate, or fewer than 2/3 of those present took part — what follows?',
    options: ['did_not_take_place', 'adjourn_within_month'],
    default: 'did_not_take_place',
    rationale: 'The text says only when the vote "считается состоявшимся"; otherwise it did not take place and powers are not terminated.',
    cite: c('24-1', '8', 'считается состоявшимся, если в нем приняло участие не менее двух третей от общего числа присутствующих выборщиков'),
  },
  {
    id: 'art36_1.p11.special_check',
    question: 'T-42: the elected akim acts until the special check; what if the result is negative or never arrives?',
    options: ['acting_until_result', 'repeat_election_on_negative'],
    default: 'acting_until_result',
    rationale: 'The law says only that the person acts as akim until the result; a negative result is escalated to the district election commission and nothing is inferred.',
    cite: c('36-1', '11', 'До дня получения результатов специальной проверки лицо временно исполняет обязанности акима'),
  },
  {
    id: 'art36.p2.community_consent',
    question: 'T-17: which community body gives consent to dismiss a rural-level akim, and by what majority?',
    options: ['sobranie_majority', 'skhod_majority'],
    default: 'sobranie_majority',
    rationale: 'The собрание may raise dismissal (39-3(3)(4-4)); its decisions pass by more than half of participants (39-3(11)).',
    cite: c('36', '2', 'с согласия местного сообщества и акима области'),
  },
  // ── issue 7, P-19 rural akim election (statute/election-calendar.ts, workflows/rural-akim-election.ts) ──
  {
    id: 'art36_1.p3.days_before',
    question: 'T-9: "за N дней до дня выборов" — which day is it: the date N days before election day (E−N), or the day leaving N clear days in between (E−N−1)?',
    options: ['e_minus_n', 'n_clear_days'],
    default: 'e_minus_n',
    rationale: 'Subtracting N from election day is the plain reading and gives the published electoral calendars their usual shape (nomination E−30…E−25, registration to E−15). The date is never moved off a non-working day: moving it later would shorten the lead time the law guarantees, and the text gives no rule for moving it earlier.',
    cite: c('36-1', '3', 'Выдвижение кандидатов начинается за тридцать дней и заканчивается за двадцать пять дней до дня выборов'),
  },
  {
    id: 'art36.p1.term_start',
    question: 'The four-year term of a rural-level akim — from election day, from the registration of the elected akim, or from taking office after the special check?',
    options: ['election_day', 'winner_registered', 'taking_office'],
    default: 'winner_registered',
    rationale: 'Registration by the district election commission is the act that makes the person the elected akim; from then the person performs the duties (36-1(11)). The law states no start date (catalogue P-19 gaps).',
    cite: c('36', '1', 'избирается на должность сроком на четыре года'),
    appliesTo: ['art36.p1.term'],
  },
  {
    id: 'art36_1.p10.revote_candidates',
    question: 'A tie of electors\' votes: is the re-vote held between the tied leading candidates only, or between all candidates again?',
    options: ['tied_leaders', 'all_candidates'],
    default: 'tied_leaders',
    rationale: 'The re-vote exists to break the tie that prevents a winner; candidates behind the tied leaders cannot be affected by it. The text does not say (the voting procedure is delegated to the Constitutional Law on elections, not in the sources).',
    cite: c('36-1', '10', 'В случае равенства голосов выборщиков проводится повторное голосование'),
  },
  {
    id: 'art36_1.p10.election_not_held',
    question: 'Election day ends without a valid result other than a failed re-vote (the electors\' sitting was not quorate, or no candidate stood) — what follows?',
    options: ['repeat_elections', 'new_call'],
    default: 'repeat_elections',
    rationale: 'The law names repeat elections for an invalid election or a failed re-vote only; an election that did not take place is treated alike, so the two-month limit after the original election keeps running. Flag for legal review.',
    cite: c('36-1', '10', 'Заседание выборщиков правомочно, если на нем присутствует не менее двух третей депутатов маслихата'),
    appliesTo: ['art36_1.p10.elector_quorum', 'art36_1.p10.repeat_election'],
  },
  {
    id: 'art36_1.p3.shortfall_after_extension',
    question: 'Fewer than two candidates are registered when the extended registration ends — what follows?',
    options: ['election_not_held', 'single_candidate'],
    default: 'election_not_held',
    rationale: 'The akim is elected "на альтернативной основе" (36(1)); with one candidate there is no alternative, so the election is not held and art36_1.p10.election_not_held applies. The law allows only one extension of at most ten days.',
    cite: c('36-1', '3', 'продлевает срок выдвижения и регистрации кандидатов, но не более чем на десять дней'),
    appliesTo: ['art36_1.p3.min_candidates', 'art36_1.p3.extension_max'],
  },
  {
    id: 'art36_1.p10.repeat_calendar',
    question: 'Repeat elections: a new nomination and registration on the calendar of 36-1, or a new sitting with the candidates already registered?',
    options: ['full_calendar', 'registered_candidates'],
    default: 'full_calendar',
    rationale: 'The measures of repeat elections follow the Constitutional Law on elections "и настоящим Законом"; the only calendar this Law gives is that of 36-1(3),(6),(7), so it is applied anew from the repeat election day.',
    cite: c('36-1', '10', 'Повторные выборы проводятся не позднее чем в двухмесячный срок после первоначальных выборов'),
    appliesTo: ['art36_1.p10.repeat_election'],
  },
  // ── end of issue 7 block ──
  // ── issue 5, P-15 akim consent / P-17 no confidence (workflows/akim-consent.ts, workflows/no-confidence.ts) ──
  {
    id: 'art24.p4.verification_overdue',
    question: 'T-12: the secretary has not finished the authenticity check within 5 working days — what follows?',
    options: ['overdue_notice', 'initiative_lapses'],
    default: 'overdue_notice',
    rationale: 'The law states no consequence; the deputies must not lose their initiative through the secretary\'s delay, so the overdue is recorded and notified and the protocol is still awaited.',
    cite: c('24', '4', 'который в течение пяти рабочих дней организует проверку подлинности собранных подписей'),
    appliesTo: ['art24.p4.signature_verification'],
  },
  {
    id: 'art24.p7.decision_received',
    question: 'From which day does the President or superior akim "получения решения" count: the day the decision was delivered, or the session day?',
    options: ['notice_delivered', 'session_day'],
    default: 'notice_delivered',
    rationale: 'The text counts from receipt; the decision is sent "в незамедлительном порядке" (24(6)) through the recorded notice, whose legal delivery day is receipt. session_day is the stricter reading.',
    cite: c('24', '7', 'со дня получения решения сессии маслихата о выражении вотума недоверия'),
    appliesTo: ['art24.p7.superior_decision'],
  },
  {
    id: 'art23_1.p3.decision_received',
    question: 'From which day does the appointing person\'s "получения решения сессии" count: the day the decision was delivered, or the session day?',
    options: ['notice_delivered', 'session_day'],
    default: 'notice_delivered',
    rationale: 'The text counts from receipt; the session decision goes to the appointing person through the recorded notice, whose legal delivery day is receipt. session_day is the stricter reading.',
    cite: c('23-1', '3', 'в течение двух рабочих дней со дня получения решения сессии маслихата'),
    appliesTo: ['art23_1.p3.resubmission'],
  },
  {
    id: 'art23_1.p4.city_district_third_refusal',
    question: 'Catalogue P-15 gap: 23-1(4) names what follows a third refusal for regions and for districts (cities of regional significance) only — what follows for a district within a city?',
    options: ['no_rule', 'by_analogy_superior_akim_notifies'],
    default: 'no_rule',
    rationale: 'The law gives no rule; the third refusal is recorded and nothing is inferred. by_analogy_superior_akim_notifies applies 23-1(4)(2) with the akim of the city as the one who notifies the President.',
    cite: c('23-1', '4', 'кандидатура на должность акима может вноситься не более трех раз подряд'),
  },
  // ── end of issue 5 block ──
  // ── issue 15, P-02 first session / P-04 extraordinary session / P-09 sanctions ──
  {
    id: 'art10.convened',
    question: '"созывается не позднее чем в … срок" (10(1), 10(2)) — must the session itself be held by the last day, or only the act of convening it (the date and place fixed) be done by then?',
    options: ['session_day', 'convocation_act'],
    default: 'session_day',
    rationale: 'A session is "convened" when it sits; reading the period as the day of the session is the stricter reading: a session held in time was also convened in time. convocation_act counts the day the chair fixed the date and place.',
    cite: c('10', '2', 'Внеочередная сессия созывается не позднее чем в пятидневный срок со дня принятия решения о проведении внеочередной сессии'),
    appliesTo: ['art10.p1.first_session', 'art10.p2.extraordinary_convened'],
  },
  {
    id: 'art10.p1.registration_anchor',
    question: 'T-41: "со дня регистрации депутатов маслихата" when deputies are registered on different days — from the day three quarters of the seats were filled, from the first registration, or from the last?',
    options: ['three_quarters_reached', 'first_registration', 'last_registration'],
    default: 'three_quarters_reached',
    rationale: 'The first session is convened only "при наличии не менее трех четвертей"; the thirty days run from the day the registrations reach that number, when convening becomes possible. When all deputies are registered on one day (the usual case) the three readings give the same date; first_registration is the strictest, last_registration moves with every late registration.',
    cite: c('10', '1', 'не позднее чем в тридцатидневный срок со дня регистрации депутатов маслихата'),
    appliesTo: ['art10.p1.first_session'],
  },
  {
    id: 'art10.p1.three_quarters_of',
    question: '"при наличии не менее трех четвертей от числа депутатов, определенного для данного маслихата" — three quarters registered (elected), or three quarters present when the first session opens?',
    options: ['registered', 'present'],
    default: 'registered',
    rationale: '"Наличие" of deputies reads as the maslikhat having them, as 5(4) measures the elected against the fixed number; the presence at a sitting is the quorum of 11(3). present also asks three quarters at the opening.',
    cite: c('10', '1', 'при наличии не менее трех четвертей от числа депутатов, определенного для данного маслихата'),
    appliesTo: ['art10.p1.first_session_three_quarters'],
  },
  {
    id: 'art10.p1.first_session_overdue',
    question: 'The first session was not convened within thirty days — what follows?',
    options: ['overdue_notice', 'no_consequence'],
    default: 'overdue_notice',
    rationale: 'The law states no consequence; the overdue deadline is recorded, the territorial election commission (whose chair convenes) and the akim are told, and the procedure keeps waiting for the convening.',
    cite: c('10', '1', 'созывается председателем соответствующей территориальной избирательной комиссии не позднее чем в тридцатидневный срок'),
    appliesTo: ['art10.p1.first_session'],
  },
  {
    id: 'art10.p3.first_session_lead_times',
    question: '10(3) "О времени созыва и месте проведения сессии маслихата … секретарь маслихата сообщает … не позднее чем за десять дней до сессии" — do the notice (10 days) and the materials (5 days) apply to the first session, which the election commission\'s chair convenes (10(1)) before the maslikhat has a secretary?',
    options: ['apply', 'not_applicable'],
    default: 'apply',
    rationale: '10(3) speaks of "сессии маслихата" and excepts only the extraordinary one; the deputies, the population and the akim must learn of the first session as of any other. With no secretary elected yet, the one who convenes (the commission chair, 10(1)) gives them. not_applicable reads 10(1) as the first session\'s own rule, whose thirty days leave no room for lead times. Flag for legal review.',
    cite: c('10', '3', 'сообщает депутатам, населению и акиму не позднее чем за десять дней до сессии'),
    appliesTo: ['art10.p3.notice_regular', 'art10.p3.materials_regular'],
  },
  {
    id: 'art10.p2.proposal_declined',
    question: 'T-46: may the session chair decline a valid proposal (1/3 of the elected deputies, or the akim) to hold an extraordinary session?',
    options: ['must_decide', 'may_decline'],
    default: 'must_decide',
    rationale: 'The text says the session "созывается … по предложению" and gives no power to refuse; a valid proposal awaits the decision to hold it. may_decline lets the chair record a reasoned refusal, which ends the procedure.',
    cite: c('10', '2', 'по предложению не менее одной трети от числа депутатов, избранных в данный маслихат, а также акима'),
    appliesTo: ['art10.p2.extraordinary_initiators'],
  },
  {
    id: 'art21.p5.same_misconduct',
    question: '"за один и тот же проступок" — when is a submission about the same misconduct: the same deputy, ground (a duty of 21(2) or the ethics rules) and day of the misconduct, or the same recorded description?',
    options: ['same_ground_and_date', 'recorded_description'],
    default: 'same_ground_and_date',
    rationale: 'A misconduct is an act or omission on a day against one duty; two submissions naming the same deputy, ground and day are about the same misconduct however they are worded. recorded_description compares the wording (normalised), which bars less.',
    cite: c('21', '5', 'Взыскания не могут быть наложены повторно за один и тот же проступок'),
    appliesTo: ['art21.p5.no_repeat'],
  },
  // ── end of issue 15 block ──
  // ── issue 15 (i15-b), P-03/P-05/P-06 regular session (workflows/regular-session.ts) ──
  {
    id: 'art10.p2.year',
    question: 'Catalogue P-03: "не реже четырех раз в год" — which year: the calendar year (1 January to 31 December), or each year of the maslikhat\'s term counted from its first session?',
    options: ['calendar_year', 'term_year'],
    default: 'calendar_year',
    rationale: 'The text says "в год" without a qualifier; the same law says "календарного года" in 18(3) for the chair, and the maslikhat plans and reports by calendar year (the budget year). term_year counts from the day of the first session (10(1)) to the day before its anniversary. Flag for legal review.',
    cite: c('10', '2', 'Очередная сессия маслихата созывается не реже четырех раз в год'),
    appliesTo: ['art10.p2.regular_per_year'],
  },
  {
    id: 'art18.p3.year_of_election',
    question: '18(3): "не может быть избран председателем сессии … более двух раз в течение календарного года" — is an election counted in the year of the session that elects (the chair of the next session is elected at the previous one), or in the year of the session the deputy chairs?',
    options: ['election_day', 'chaired_session_day'],
    default: 'election_day',
    rationale: 'The words count elections ("избран"), and an election happens on the day of the electing session; a deputy elected in December to chair the February session is elected in December. chaired_session_day counts the chairing instead: it is checked when the session the deputy chairs is convened.',
    cite: c('18', '3', 'Депутат маслихата не может быть избран председателем сессии маслихата более двух раз в течение календарного года'),
    appliesTo: ['art18.p3.chair_twice_a_year'],
  },
  {
    id: 'art18.p6.casting_vote',
    question: '18(6) with 11(3): the votes are equally divided but a decision needs a majority of the total number of deputies — does the chair\'s casting vote decide the tie outright, or does it count as one more vote that must still reach that majority?',
    options: ['adds_to_total_majority', 'decides_tie'],
    default: 'adds_to_total_majority',
    rationale: 'The rule of 11(3) ("большинством голосов от общего числа депутатов") is not set aside by 18(6): the casting vote is counted once more for the side the chair voted, and the decision is adopted only if that side then reaches the threshold of the vote. With all deputies of an even total voting, both readings agree (15:15 of 30 → 16); with fewer present (14:14 of 30) only decides_tie adopts. The stricter reading: a decision adopted under it is adopted under both.',
    cite: c('18', '6', 'Председатель сессии маслихата пользуется правом решающего голоса в случае, если при голосовании на сессии маслихата голоса депутатов разделяются поровну'),
    appliesTo: ['art18.p6.casting_vote', 'art11.p3.decision_majority', 'art11.p6.closed_session_decision'],
  },
  {
    id: 'art10.p3.lead_time_missed',
    question: 'Catalogue P-03: the notice (10 days) or the materials (5 days) come later than 10(3) allows — what follows? The law states no consequence.',
    options: ['flagged', 'session_postponed'],
    default: 'flagged',
    rationale: 'The law names no consequence (catalogue P-03, "Missed deadlines"), and §9 forbids inventing one: the late notice is recorded as late and shown, and the session may be held. session_postponed is the cautious reading: the session cannot be opened on that day and the chair sets a new one (reschedule), for which the lead times are counted again. A session day chosen so close that a notice is already late is refused at the decision to convene under both.',
    cite: c('10', '3', 'сообщает депутатам, населению и акиму не позднее чем за десять дней до сессии'),
    appliesTo: ['art10.p3.notice_regular', 'art10.p3.materials_regular'],
  },
  {
    id: 'art11.p4.break_end',
    question: '11(4): a break "не превышающий пятнадцати календарных дней" whose fifteenth day is not a working day — does the limit stay on that day, or move to the next working day as the end of a time limit does (period.deadline_non_working_day)?',
    options: ['no_move', 'next_working_day'],
    default: 'no_move',
    rationale: 'The law counts the break in calendar days expressly, as a maximum of its length, not a time limit within which someone acts: moving its end would allow a break longer than fifteen calendar days. A break decided on 01.03.2025 may last until 16.03.2025 at the latest (day 1 is 02.03), though 16.03 is a Sunday. Asked of this rule only, as period.deadline_non_working_day (same options).',
    cite: c('11', '4', 'не превышающий пятнадцати календарных дней'),
  },
  // ── end of issue 15 (i15-b) block ──
  // ── issue 15, P-10 deputy early termination / P-13 maslikhat early termination (workflows/deputy-early-termination.ts, workflows/maslikhat-early-termination.ts) ──
  {
    id: 'art20.p3.excused_absence',
    question: '"отсутствия более трех раз подряд без уважительных причин": does an absence with a valid reason between unexcused ones break the run, or is it passed over?',
    options: ['breaks_run', 'neutral'],
    default: 'breaks_run',
    rationale: 'A run "подряд" is of the sittings in a row; an excused absence is not one of the absences counted, so the unexcused absences on either side of it are not in a row. The reading that keeps the mandate: a run under it is a run under both. neutral passes excused absences over, as if the sitting had not been the deputy\'s.',
    cite: c('20', '3', 'отсутствия более трех раз подряд без уважительных причин'),
    appliesTo: ['art20.p3.absences_in_a_row'],
  },
  {
    id: 'art20.p3.sittings_sequence',
    question: '"на пленарных заседаниях сессии маслихата или заседаниях органов маслихата": one run over all the deputy\'s sittings (plenary and bodies, by date), or a run within the plenary sittings or within one body\'s sittings?',
    options: ['all_sittings', 'each_body'],
    default: 'all_sittings',
    rationale: 'The text joins the two kinds of sitting with "или" in one phrase about the same absences: the deputy\'s sittings form one sequence in date order, and attending any of them interrupts a run. each_body counts the plenary sittings and each body\'s sittings apart.',
    cite: c('20', '3', 'на пленарных заседаниях сессии маслихата или заседаниях органов маслихата, в состав которого он избран'),
    appliesTo: ['art20.p3.absences_in_a_row'],
  },
  {
    id: 'art20.p3.calendar_year',
    question: 'Is a run of absences cut at the end of a calendar year (or a session), or does it run on across 1 January?',
    options: ['runs_across_years', 'within_calendar_year'],
    default: 'runs_across_years',
    rationale: 'The text names no year and no period, only sittings "подряд": the run continues over the new year. within_calendar_year starts counting again at each 1 January (a reading some regulations use; not in the sources).',
    cite: c('20', '3', 'отсутствия более трех раз подряд без уважительных причин'),
    appliesTo: ['art20.p3.absences_in_a_row'],
  },
  {
    id: 'art20.p4.objective_ground_voted_down',
    question: 'Catalogue P-10 gap: may the session vote down an early termination on a ground that is a fact established elsewhere (death, a court decision, loss of citizenship)?',
    options: ['vote_decides', 'flag_for_review'],
    default: 'vote_decides',
    rationale: 'The text makes the session vote the decision for every ground, so the vote decides and a failed vote leaves the mandate. flag_for_review records the failed vote as well but shows it as a problem for a person to take up.',
    cite: c('20', '4', 'Решение о досрочном прекращении полномочий депутата принимается на сессии маслихата'),
    appliesTo: ['art20.p4.decision_majority'],
  },
  {
    id: 'register.mandate_end_day',
    question: 'In the deputies register a term ends on its first day without the mandate: is that the day after the decision that ended the powers, or the day of the decision itself?',
    options: ['next_day', 'decision_day'],
    default: 'next_day',
    rationale: 'The powers end at the moment of the decision (20(2): "с момента"), during its day; the deputy held the mandate on that day (the session counted him), so the first day without it is the next. decision_day leaves him out of every roster of the decision day.',
    cite: c('20', '2', 'прекращаются с момента прекращения полномочий маслихата'),
    appliesTo: ['art20.p4.decision_majority', 'art20.p2.powers_end_with_maslikhat'],
  },
  {
    id: 'art23.p2.self_dissolution_majority',
    question: 'Catalogue P-13: the decision on self-dissolution states no majority — the general rule of 11(3) (majority of the total number of deputies), or a majority of those present as for a deputy\'s early termination (20(4))?',
    options: ['majority_of_total', 'majority_of_present'],
    default: 'majority_of_total',
    rationale: 'Where the law sets no special threshold, a session decision is taken by a majority of the total number of deputies (11(3)); it is also the stricter base. majority_of_present applies 20(4) by analogy.',
    cite: c('23', '2', 'а также в случае принятия маслихатом решения о самороспуске'),
    appliesTo: ['art23.p2.self_dissolution', 'art11.p3.decision_majority'],
  },
  // ── end of issue 15 block ──
];

export const INTERPRETATIONS: Readonly<Record<string, Interpretation>> = Object.freeze(
  Object.fromEntries(list.map((i) => [i.id, Object.freeze(i)])),
);

export const INTERPRETATION_IDS = Object.freeze(list.map((i) => i.id));

export function interpretation(id: string): Interpretation {
  const i = INTERPRETATIONS[id];
  if (!i) {
    throw new StatuteError(
      { code: 'unknown_interpretation', field: 'interpretation', params: { interpretation: id } },
      `unknown interpretation ${id}`,
    );
  }
  return i;
}

/**
 * The option used for `id`: the one recorded in `chosen` (a procedure's recorded choices),
 * else the default. Throws StatuteError if the recorded option is not one of the options.
 */
export function useOf(id: string, chosen?: readonly InterpretationUse[] | string): InterpretationUse {
  const i = interpretation(id);
  const pick = typeof chosen === 'string' ? chosen : chosen?.find((u) => u.id === id)?.chosen;
  const option = pick ?? i.default;
  if (!i.options.includes(option)) {
    throw new StatuteError(
      { code: 'invalid_option', field: `interpretations.${id}`, params: { interpretation: id, option } },
      `interpretation ${id} has no option ${option}`,
    );
  }
  return { id, chosen: option };
}
