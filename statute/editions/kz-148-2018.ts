// Law No 148 of 23.01.2001 "О местном государственном управлении и самоуправлении в
// Республике Казахстан": the consolidated Russian text as amended up to Law No 180-VI of
// 12.07.2018 (shared/sources/000_183c24e7cb45d52d.txt). Every value sits beside the words of
// the law it implements; test/statute/quotes.test.ts checks each quote against the source.
//
// Periods whose text says only "дней" (no "рабочих"/"календарных") carry the interpretation
// `days.unqualified_are_calendar` (catalogue T-8); see statute/interpretations.ts.
import type { Citation, InterpretationUse } from '../types.js';
import type { PeriodSpec, Rule } from './types.js';
import { defineEdition } from './types.js';

export const SOURCE_FILE = '000_183c24e7cb45d52d.txt';

const W_23_1 = 'Law No 101-V of 13.06.2013, as amended by Law No 91-VI of 11.07.2017';
const W_24 = 'Law No 101-V of 13.06.2013';
const W_24_1 = 'Law No 126 of 09.02.2009';
const W_36 = 'Law No 91-VI of 11.07.2017';
const W_20 = 'Paras 3, 4: Law No 126 of 09.02.2009, as later amended; until 01.01.2019 in the identical wording of Art 41(3)';
const W_23 = 'Law No 126 of 09.02.2009, as amended by Law No 91-VI of 11.07.2017';
const W_39_3 = 'Law No 101-V of 13.06.2013, as later amended';

function cite(article: string, paragraph: string | undefined, quote: string, wording?: string, subparagraph?: string): Citation {
  const c: Citation = { law: '148', article, quote, source: SOURCE_FILE };
  if (paragraph) c.paragraph = paragraph;
  if (subparagraph) c.subparagraph = subparagraph;
  if (wording) c.wording = wording;
  return c;
}

const CAL: InterpretationUse = { id: 'days.unqualified_are_calendar', chosen: 'calendar_day' };
const ANCHOR: InterpretationUse = { id: 'period.anchor_day', chosen: 'next_day' };
const TOTAL: InterpretationUse = { id: 'total_deputies.base', chosen: 'seats_fixed' };
const CEIL: InterpretationUse = { id: 'rounding.at_least_fraction_ceil', chosen: 'ceil' };
/** Lead times ("за N дней до"): which day is N days before (statute/interpretations.ts). */
const DAYS_BEFORE: InterpretationUse = { id: 'period.days_before', chosen: 'e_minus_n' };
/** The same question in the election calendar of 36-1 (statute/election-calendar.ts). */
const E_MINUS_N: InterpretationUse = { id: 'art36_1.p3.days_before', chosen: 'e_minus_n' };
const TWO_DAYS: InterpretationUse = { id: 'art36_1.p6.two_days_boundary', chosen: 'from_e_minus_2' };

const after = (count: number, unit: PeriodSpec['unit'], kind: PeriodSpec['kind'], anchor: string): PeriodSpec =>
  ({ count, unit, kind, anchor, direction: 'after' });
const before = (count: number, unit: PeriodSpec['unit'], anchor: string): PeriodSpec =>
  ({ count, unit, kind: 'deadline', anchor, direction: 'before' });

/**
 * Returns its argument: the `const` type parameter keeps every rule's literal id (for `RuleId`)
 * while each rule is still checked against `Rule`.
 */
function ruleList<const T extends readonly Rule[]>(list: T): T {
  return list;
}

const rules = ruleList([
  // ───────────── P-01 / P-02 / P-04 / P-05: maslikhat and its sessions (Arts 5, 10, 11) ─────────────
  {
    id: 'art5.p4.legitimacy_three_quarters', procedure: 'P-01', kind: 'threshold',
    threshold: { numerator: 3, denominator: 4, comparison: 'at_least', base: 'seats_fixed' },
    title: {
      en: 'Maslikhat is competent once at least 3/4 of its CEC-fixed seats are filled',
      ru: 'Маслихат правомочен при избрании не менее 3/4 депутатов, определённых ЦИК',
      kk: 'ОСК белгілеген депутаттар санының кемінде 3/4 бөлігі сайланса, мәслихат құқықты',
    },
    cite: cite('5', '4', 'Маслихат считается правомочным при условии избрания не менее трех четвертей от общего числа его депутатов, определенного Центральной избирательной комиссией'),
    interpretations: [CEIL],
  },
  {
    id: 'art5.p6.powers_start', procedure: 'P-01', alsoUsedBy: ['P-13'], kind: 'norm',
    norm: { modality: 'consequence', subject: 'maslikhat', what: 'powers_start_at_first_session' },
    title: {
      en: "The maslikhat's powers start when its first session opens",
      ru: 'Полномочия маслихата начинаются с момента открытия первой сессии',
      kk: 'Мәслихаттың өкілеттігі бірінші сессия ашылған сәттен басталады',
    },
    cite: cite('5', '6', 'Полномочия маслихата начинаются с момента открытия первой сессии'),
  },
  {
    id: 'art10.p1.first_session', procedure: 'P-02', kind: 'period',
    period: after(30, 'calendar_day', 'deadline', 'deputies_registered'),
    title: {
      en: 'First session of a newly elected maslikhat convened',
      ru: 'Созыв первой сессии вновь избранного маслихата',
      kk: 'Жаңадан сайланған мәслихаттың бірінші сессиясын шақыру',
    },
    cite: cite('10', '1', 'не позднее чем в тридцатидневный срок со дня регистрации депутатов маслихата'),
    interpretations: [CAL, ANCHOR],
    note: 'T-41: the anchor is ambiguous when deputies register on different dates.',
  },
  {
    id: 'art10.p1.first_session_three_quarters', procedure: 'P-02', kind: 'threshold',
    threshold: { numerator: 3, denominator: 4, comparison: 'at_least', base: 'seats_fixed' },
    title: {
      en: 'First session needs at least 3/4 of the seats fixed for the maslikhat',
      ru: 'Первая сессия: не менее 3/4 от числа депутатов, определённого для маслихата',
      kk: 'Бірінші сессия: мәслихат үшін белгіленген депутаттар санының кемінде 3/4 бөлігі',
    },
    cite: cite('10', '1', 'при наличии не менее трех четвертей от числа депутатов, определенного для данного маслихата'),
    interpretations: [CEIL],
  },
  {
    id: 'art10.p2.extraordinary_initiators', procedure: 'P-04', kind: 'threshold',
    threshold: { numerator: 1, denominator: 3, comparison: 'at_least', base: 'deputies_elected' },
    title: {
      en: 'Extraordinary session proposed by at least 1/3 of elected deputies (or the akim)',
      ru: 'Внеочередная сессия по предложению не менее 1/3 избранных депутатов (или акима)',
      kk: 'Кезектен тыс сессия сайланған депутаттардың кемінде 1/3 бөлігінің (немесе әкімнің) ұсынысы бойынша',
    },
    cite: cite('10', '2', 'по предложению не менее одной трети от числа депутатов, избранных в данный маслихат, а также акима'),
    interpretations: [CEIL],
  },
  {
    id: 'art10.p2.extraordinary_convened', procedure: 'P-04', kind: 'period',
    period: after(5, 'calendar_day', 'deadline', 'decision_to_hold'),
    title: {
      en: 'Extraordinary session convened',
      ru: 'Созыв внеочередной сессии',
      kk: 'Кезектен тыс сессияны шақыру',
    },
    cite: cite('10', '2', 'Внеочередная сессия созывается не позднее чем в пятидневный срок со дня принятия решения о проведении внеочередной сессии'),
    interpretations: [CAL, ANCHOR],
  },
  {
    id: 'art10.p3.notice_regular', procedure: 'P-03', kind: 'period',
    period: before(10, 'calendar_day', 'session_day'),
    title: {
      en: 'Notice of a session to deputies, the population and the akim',
      ru: 'Сообщение о созыве сессии депутатам, населению и акиму',
      kk: 'Сессияның шақырылуы туралы депутаттарға, халыққа және әкімге хабарлау',
    },
    cite: cite('10', '3', 'сообщает депутатам, населению и акиму не позднее чем за десять дней до сессии'),
    interpretations: [CAL, DAYS_BEFORE],
  },
  {
    id: 'art10.p3.notice_extraordinary', procedure: 'P-04', kind: 'period',
    period: before(3, 'calendar_day', 'session_day'),
    title: {
      en: 'Notice of an extraordinary session',
      ru: 'Сообщение о созыве внеочередной сессии',
      kk: 'Кезектен тыс сессияның шақырылуы туралы хабарлау',
    },
    cite: cite('10', '3', 'а в случае созыва внеочередной сессии - не позднее чем за три дня'),
    interpretations: [CAL, DAYS_BEFORE],
  },
  {
    id: 'art10.p3.materials_regular', procedure: 'P-03', kind: 'period',
    period: before(5, 'calendar_day', 'session_day'),
    title: {
      en: 'Session materials to deputies and the akim',
      ru: 'Материалы сессии депутатам и акиму',
      kk: 'Сессия материалдарын депутаттар мен әкімге ұсыну',
    },
    cite: cite('10', '3', 'секретарь маслихата не позднее чем за пять дней до сессии'),
    interpretations: [CAL, DAYS_BEFORE],
  },
  {
    id: 'art10.p3.materials_extraordinary', procedure: 'P-04', kind: 'period',
    period: before(3, 'calendar_day', 'session_day'),
    title: {
      en: 'Extraordinary session materials to deputies and the akim',
      ru: 'Материалы внеочередной сессии депутатам и акиму',
      kk: 'Кезектен тыс сессия материалдарын депутаттар мен әкімге ұсыну',
    },
    cite: cite('10', '3', 'а в случае созыва внеочередной сессии не позднее чем за три дня представляет депутатам и акиму необходимые материалы'),
    interpretations: [CAL, DAYS_BEFORE],
  },
  {
    id: 'art11.p3.quorum', procedure: 'P-05', alsoUsedBy: ['P-15', 'P-17'], kind: 'threshold',
    threshold: { numerator: 2, denominator: 3, comparison: 'at_least', base: 'total_deputies' },
    title: {
      en: 'Session quorum: at least 2/3 of the total number of deputies',
      ru: 'Кворум сессии: не менее 2/3 от общего числа депутатов',
      kk: 'Сессияның кворумы: депутаттардың жалпы санының кемінде 2/3 бөлігі',
    },
    cite: cite('11', '3', 'Сессия маслихата правомочна, если на ней присутствуют не менее двух третей от общего числа депутатов маслихата'),
    interpretations: [TOTAL, CEIL],
  },
  {
    id: 'art11.p3.decision_majority', procedure: 'P-05', alsoUsedBy: ['P-18'], kind: 'threshold',
    threshold: { numerator: 1, denominator: 2, comparison: 'majority', base: 'total_deputies' },
    title: {
      en: 'Session decision: majority of the total number of deputies',
      ru: 'Решение сессии: большинство голосов от общего числа депутатов',
      kk: 'Сессия шешімі: депутаттардың жалпы санының көпшілік дауысы',
    },
    cite: cite('11', '3', 'Решения принимаются большинством голосов от общего числа депутатов маслихата'),
    interpretations: [TOTAL],
    note: 'Also the default for the Senate-recall initiation decision, which states no threshold (T-33).',
  },
  {
    id: 'art11.p4.break_max', procedure: 'P-05', kind: 'period',
    period: after(15, 'calendar_day', 'deadline', 'break_start'),
    title: {
      en: 'Break in a session: at most 15 calendar days',
      ru: 'Перерыв в работе сессии: не более 15 календарных дней',
      kk: 'Сессия жұмысындағы үзіліс: 15 күнтізбелік күннен аспайды',
    },
    cite: cite('11', '4', 'не превышающий пятнадцати календарных дней'),
    interpretations: [ANCHOR, { id: 'art11.p4.break_end', chosen: 'no_move' }],
  },
  {
    id: 'art11.p6.closed_session_proposers', procedure: 'P-05', kind: 'threshold',
    threshold: { numerator: 1, denominator: 3, comparison: 'at_least', base: 'deputies_present' },
    title: {
      en: 'Closed session proposed by the chair or 1/3 of deputies present',
      ru: 'Закрытая сессия по предложению председателя или 1/3 присутствующих депутатов',
      kk: 'Жабық сессия төрағаның немесе қатысып отырған депутаттардың 1/3 бөлігінің ұсынысы бойынша',
    },
    cite: cite('11', '6', 'по предложению председателя сессии маслихата или одной трети от числа депутатов, присутствующих на сессии маслихата'),
    interpretations: [CEIL],
  },
  {
    id: 'art11.p6.closed_session_decision', procedure: 'P-05', kind: 'threshold',
    threshold: { numerator: 1, denominator: 2, comparison: 'majority', base: 'deputies_present' },
    title: {
      en: 'Closed session decided by a majority of deputies present',
      ru: 'Закрытая сессия: большинство от общего числа присутствующих депутатов',
      kk: 'Жабық сессия: қатысып отырған депутаттардың көпшілік дауысы',
    },
    cite: cite('11', '6', 'если за это проголосовало большинство от общего числа присутствующих депутатов'),
  },
  // ── issue 15, P-02 first session / P-04 extraordinary session / P-09 sanctions (Arts 10, 11, 18, 21) ──
  {
    id: 'art10.p1.commission_chair_convenes', procedure: 'P-02', kind: 'norm',
    norm: { modality: 'duty', subject: 'territorial_election_commission_chair', what: 'convene_first_session' },
    title: {
      en: 'The first session is convened by the chair of the territorial election commission',
      ru: 'Первую сессию созывает председатель территориальной избирательной комиссии',
      kk: 'Бірінші сессияны аумақтық сайлау комиссиясының төрағасы шақырады',
    },
    cite: cite('10', '1', 'Первая сессия вновь избранного маслихата созывается председателем соответствующей территориальной избирательной комиссии'),
  },
  {
    id: 'art10.p2.chair_convenes', procedure: 'P-04', kind: 'norm',
    norm: { modality: 'duty', subject: 'session_chair', what: 'convene_and_conduct_extraordinary_session' },
    title: {
      en: 'An extraordinary session is convened and conducted by the session chair',
      ru: 'Внеочередная сессия созывается и ведётся председателем сессии',
      kk: 'Кезектен тыс сессияны сессия төрағасы шақырады және жүргізеді',
    },
    cite: cite('10', '2', 'Внеочередная сессия маслихата созывается и ведется председателем сессии маслихата'),
  },
  {
    id: 'art10.p2.only_grounds', procedure: 'P-04', kind: 'norm',
    norm: { modality: 'condition', subject: 'extraordinary_session', what: 'consider_only_grounds' },
    title: {
      en: 'An extraordinary session may consider only the issues that were its grounds',
      ru: 'На внеочередной сессии рассматриваются исключительно вопросы, послужившие основанием для созыва',
      kk: 'Кезектен тыс сессияда тек оны шақыруға негіз болған мәселелер қаралады',
    },
    cite: cite('10', '2', 'На внеочередной сессии могут рассматриваться исключительно вопросы, послужившие основанием для ее созыва'),
  },
  {
    id: 'art11.p2.commission_chair_presides', procedure: 'P-02', kind: 'norm',
    norm: { modality: 'duty', subject: 'election_commission_chair', what: 'open_and_preside_until_chair_elected' },
    title: {
      en: 'The election commission chair opens the first session and presides until the session chair is elected',
      ru: 'Первую сессию открывает и до избрания председателя сессии ведёт председатель избирательной комиссии',
      kk: 'Бірінші сессияны сессия төрағасы сайланғанға дейін сайлау комиссиясының төрағасы ашады және жүргізеді',
    },
    cite: cite('11', '2', 'Первую сессию маслихата открывает и до избрания председателя сессии маслихата ведет председатель соответствующей избирательной комиссии'),
  },
  // P-03 regular session / P-05 its sitting / P-06 its chair: Arts 7(2), 10(2), 18, 19
  {
    id: 'art10.p2.regular_per_year', procedure: 'P-03', kind: 'cap',
    cap: { bound: 'min', limit: 4, counts: 'regular_sessions_per_year' },
    title: {
      en: 'A regular session is convened at least four times a year',
      ru: 'Очередная сессия созывается не реже четырёх раз в год',
      kk: 'Кезекті сессия жылына кемінде төрт рет шақырылады',
    },
    cite: cite('10', '2', 'Очередная сессия маслихата созывается не реже четырех раз в год'),
    interpretations: [{ id: 'art10.p2.year', chosen: 'calendar_year' }],
    note: '"в год": the calendar year is not stated (catalogue P-03); 18(3) says "календарного года" where it means it.',
  },
  {
    id: 'art18.p4.convening_decision', procedure: 'P-03', kind: 'norm',
    norm: { modality: 'duty', subject: 'session_chair', what: 'decide_to_convene_and_set_agenda' },
    title: {
      en: 'The session chair decides to convene the session and sets its agenda',
      ru: 'Председатель сессии принимает решение о созыве сессии и формирует повестку дня',
      kk: 'Сессия төрағасы сессияны шақыру туралы шешім қабылдайды және күн тәртібін қалыптастырады',
    },
    cite: cite('18', '4', 'принимает решение о созыве сессии маслихата'),
  },
  {
    id: 'art18.p3.chair_absent', procedure: 'P-03', alsoUsedBy: ['P-05'], kind: 'norm',
    norm: { modality: 'consequence', subject: 'secretary', what: 'exercise_chair_powers' },
    title: {
      en: 'When the session chair is absent, the secretary exercises the chair\'s powers',
      ru: 'При отсутствии председателя сессии его полномочия осуществляет секретарь маслихата',
      kk: 'Сессия төрағасы болмаған кезде оның өкілеттігін мәслихат хатшысы жүзеге асырады',
    },
    cite: cite('18', '3', 'При отсутствии председателя сессии его полномочия осуществляются секретарем маслихата'),
  },
  {
    id: 'art18.p3.chair_elected_previous', procedure: 'P-06', alsoUsedBy: ['P-03'], kind: 'norm',
    norm: { modality: 'duty', subject: 'maslikhat', what: 'elect_next_regular_session_chair' },
    title: {
      en: 'The chair of the next regular session is elected at the previous session',
      ru: 'Председатель очередной сессии избирается на предыдущей сессии',
      kk: 'Кезекті сессияның төрағасы алдыңғы сессияда сайланады',
    },
    cite: cite('18', '3', 'Председатель очередной сессии маслихата избирается на предыдущей сессии маслихата'),
  },
  {
    id: 'art18.p2.chair_majority', procedure: 'P-06', alsoUsedBy: ['P-02'], kind: 'threshold',
    threshold: { numerator: 1, denominator: 2, comparison: 'majority', base: 'total_deputies' },
    title: {
      en: 'Session chair elected by open vote, a majority of the total number of deputies',
      ru: 'Председатель сессии избирается открытым голосованием большинством от общего числа депутатов',
      kk: 'Сессия төрағасы ашық дауыс беру арқылы депутаттардың жалпы санының көпшілігімен сайланады',
    },
    cite: cite('18', '2', 'Председатель сессии маслихата избирается открытым голосованием большинством голосов от общего числа депутатов маслихата'),
    interpretations: [TOTAL],
  },
  {
    id: 'art18.p3.chair_twice_a_year', procedure: 'P-06', alsoUsedBy: ['P-02', 'P-03'], kind: 'cap',
    cap: { bound: 'max', limit: 2, counts: 'elections_as_session_chair_per_calendar_year' },
    title: {
      en: 'A deputy may be elected session chair at most twice in a calendar year',
      ru: 'Депутат не может быть избран председателем сессии более двух раз в течение календарного года',
      kk: 'Депутат күнтізбелік жыл ішінде сессия төрағасы болып екі реттен артық сайлана алмайды',
    },
    cite: cite('18', '3', 'Депутат маслихата не может быть избран председателем сессии маслихата более двух раз в течение календарного года'),
    interpretations: [{ id: 'art18.p3.year_of_election', chosen: 'election_day' }],
    note: 'A calendar year (1 January to 31 December), not a year counted from an election.',
  },
  {
    id: 'art18.p6.casting_vote', procedure: 'P-05', kind: 'norm',
    norm: { modality: 'power', subject: 'session_chair', what: 'casting_vote_on_tie' },
    title: {
      en: 'The session chair has the casting vote when the votes are equally divided',
      ru: 'Председатель сессии пользуется правом решающего голоса при равенстве голосов',
      kk: 'Дауыстар тең бөлінген кезде сессия төрағасының дауысы шешуші болады',
    },
    cite: cite('18', '6', 'Председатель сессии маслихата пользуется правом решающего голоса в случае, если при голосовании на сессии маслихата голоса депутатов разделяются поровну'),
    interpretations: [{ id: 'art18.p6.casting_vote', chosen: 'adds_to_total_majority' }],
  },
  {
    id: 'art7.p2.fiscal_gate', procedure: 'P-05', kind: 'norm',
    norm: { modality: 'condition', subject: 'akim', what: 'positive_conclusion_on_fiscal_draft' },
    title: {
      en: 'A draft that cuts local revenue or raises local spending is tabled only with the akim\'s positive conclusion',
      ru: 'Проект решения о сокращении доходов или увеличении расходов местного бюджета вносится лишь при положительном заключении акима',
      kk: 'Жергілікті бюджет кірістерін қысқартуды немесе шығыстарын ұлғайтуды көздейтін шешім жобасы әкімнің оң қорытындысы болғанда ғана енгізіледі',
    },
    cite: cite('7', '2', 'предусматривающие сокращение местных бюджетных доходов или увеличение местных бюджетных расходов, могут быть внесены на рассмотрение лишь при наличии положительного заключения акима'),
  },
  {
    id: 'art18.p4.signs_protocol', procedure: 'P-05', kind: 'norm',
    norm: { modality: 'duty', subject: 'session_chair', what: 'sign_decisions_and_protocol' },
    title: {
      en: 'The session chair signs the decisions and the protocol',
      ru: 'Председатель сессии подписывает решения маслихата и протоколы',
      kk: 'Сессия төрағасы мәслихат шешімдері мен хаттамаларына қол қояды',
    },
    cite: cite('18', '4', 'подписывает решения маслихата, протоколы'),
  },
  {
    id: 'art19.p3.protocol', procedure: 'P-05', kind: 'norm',
    norm: { modality: 'duty', subject: 'secretary', what: 'draw_up_protocol_and_cosign' },
    title: {
      en: 'The secretary has the protocol drawn up and co-signs the decisions with the session chair',
      ru: 'Секретарь обеспечивает составление протокола и вместе с председателем сессии подписывает решения',
      kk: 'Хатшы хаттаманың жасалуын қамтамасыз етеді және сессия төрағасымен бірге шешімдерге қол қояды',
    },
    cite: cite('19', '3', 'обеспечивает составление протокола и вместе с председателем сессии подписывает решения'),
  },
  {
    id: 'art19.p3.publication', procedure: 'P-05', kind: 'norm',
    norm: { modality: 'duty', subject: 'secretary', what: 'publish_decisions' },
    title: {
      en: 'The secretary has the decisions of the maslikhat published',
      ru: 'Секретарь обеспечивает опубликование решений маслихата',
      kk: 'Хатшы мәслихат шешімдерінің жариялануын қамтамасыз етеді',
    },
    cite: cite('19', '3', 'обеспечивает опубликование решений маслихата'),
    note: 'No period is stated for publication.',
  },
  {
    id: 'art21.p4.measures', procedure: 'P-09', kind: 'norm',
    norm: { modality: 'power', subject: 'maslikhat', what: 'impose_censure_or_public_apology' },
    title: {
      en: 'Sanctions on a deputy: censure, or compelling a public apology',
      ru: 'Меры взыскания: порицание; понуждение к принесению публичного извинения',
      kk: 'Жаза шаралары: сөгіс; көпшілік алдында кешірім сұратуға мәжбүрлеу',
    },
    cite: cite('21', '4', 'могут налагаться следующие меры взыскания'),
    note: 'For non-performance of the duties of 21(2) or a breach of the ethics rules of the regulations.',
  },
  {
    id: 'art21.p5.sanction_majority', procedure: 'P-09', kind: 'threshold',
    threshold: { numerator: 1, denominator: 2, comparison: 'majority', base: 'deputies_present' },
    title: {
      en: 'A sanction is imposed by a majority of the deputies present, on the territorial election commission\'s submission',
      ru: 'Взыскание налагается большинством от общего числа присутствующих депутатов по представлению территориальной избирательной комиссии',
      kk: 'Жаза аумақтық сайлау комиссиясының ұсынуы бойынша қатысып отырған депутаттардың көпшілік дауысымен қолданылады',
    },
    cite: cite('21', '5', 'Взыскания налагаются на сессии маслихата большинством голосов от общего числа присутствующих депутатов по представлению соответствующей территориальной избирательной комиссии'),
  },
  {
    id: 'art21.p5.publication', procedure: 'P-09', kind: 'norm',
    norm: { modality: 'duty', subject: 'maslikhat', what: 'publish_sanction_in_territory_media' },
    title: {
      en: 'The sanction is published in the mass media of the territory',
      ru: 'Информация о наложении взыскания публикуется в СМИ, распространяемых на территории',
      kk: 'Жаза қолданылғаны туралы ақпарат аумақта таралатын БАҚ-та жарияланады',
    },
    cite: cite('21', '5', 'с публикацией информации об их наложении в средствах массовой информации, распространяемых на соответствующей территории'),
  },
  {
    id: 'art21.p5.no_repeat', procedure: 'P-09', kind: 'norm',
    norm: { modality: 'condition', subject: 'maslikhat', what: 'no_second_sanction_same_misconduct' },
    title: {
      en: 'No second sanction for the same misconduct',
      ru: 'Взыскания не могут быть наложены повторно за один и тот же проступок',
      kk: 'Бір теріс қылық үшін жаза қайта қолданылмайды',
    },
    cite: cite('21', '5', 'Взыскания не могут быть наложены повторно за один и тот же проступок'),
    interpretations: [{ id: 'art21.p5.same_misconduct', chosen: 'same_ground_and_date' }],
    note: 'A bar across procedures, without a time limit; kept in PostgreSQL (procedure_bars).',
  },
  // ── end of issue 15 block ──
  {
    id: 'art21_1.answer_to_inquiry', procedure: 'P-08', kind: 'period',
    period: after(1, 'month', 'deadline', 'inquiry_received'),
    title: {
      en: "Written answer to a deputy's inquiry",
      ru: 'Письменный ответ на депутатский запрос',
      kk: 'Депутаттық сауалға жазбаша жауап',
    },
    cite: cite('21-1', undefined, 'Ответ на депутатский запрос должен быть дан в письменной форме в срок не позднее одного месяца'),
    interpretations: [ANCHOR],
    note: 'The anchor (receipt of the inquiry) is implied, not stated.',
  },

  // ───────────── P-10: early termination of a deputy's powers (Art 20(2)-(4-1), 41(3)-(4)) ─────────────
  // Paras 3 and 4 were suspended until 01.01.2019 and applied meanwhile in the wording of 41(3),
  // word for word the same (test/procedures/deputy-early-termination.pure.test.ts checks it).
  {
    id: 'art20.p3.g1_incompatible_post', procedure: 'P-10', kind: 'norm',
    norm: { modality: 'consequence', subject: 'deputy', what: 'powers_end_early' },
    title: {
      en: 'Ground 1: election or appointment to a post incompatible with the mandate',
      ru: 'Основание 1: избрание или назначение на должность, несовместимую с депутатскими обязанностями',
      kk: '1-негіз: депутаттық міндеттермен сыйыспайтын лауазымға сайлану немесе тағайындалу',
    },
    cite: cite('20', '3', 'избрания или назначения его на должность, занятие которой в соответствии с законом несовместимо с выполнением депутатских обязанностей', W_20, '1'),
  },
  {
    id: 'art20.p3.g2_incapacity', procedure: 'P-10', kind: 'norm',
    norm: { modality: 'consequence', subject: 'deputy', what: 'powers_end_early' },
    title: {
      en: 'Ground 2: a court decision in force declaring the deputy incapable or of limited capacity',
      ru: 'Основание 2: решение суда о признании недееспособным или ограниченно дееспособным',
      kk: '2-негіз: әрекетке қабілетсіз немесе әрекет қабілеті шектеулі деп тану туралы сот шешімі',
    },
    cite: cite('20', '3', 'вступления в законную силу решения суда о признании его недееспособным или ограниченно дееспособным', W_20, '2'),
  },
  {
    id: 'art20.p3.g3_maslikhat_terminated', procedure: 'P-10', kind: 'norm',
    norm: { modality: 'consequence', subject: 'deputy', what: 'powers_end_early' },
    title: {
      en: 'Ground 3: termination of the powers of the maslikhat',
      ru: 'Основание 3: прекращение полномочий маслихата',
      kk: '3-негіз: мәслихат өкілеттігінің тоқтатылуы',
    },
    cite: cite('20', '3', 'прекращения полномочий маслихата', W_20, '3'),
  },
  {
    id: 'art20.p3.g4_death', procedure: 'P-10', kind: 'norm',
    norm: { modality: 'consequence', subject: 'deputy', what: 'powers_end_early' },
    title: {
      en: 'Ground 4: death, or a court decision in force declaring the deputy missing or dead',
      ru: 'Основание 4: смерть, решение суда о признании безвестно отсутствующим или объявлении умершим',
      kk: '4-негіз: қайтыс болу, хабарсыз кетті деп тану немесе қайтыс болды деп жариялау туралы сот шешімі',
    },
    cite: cite('20', '3', 'его смерти, вступления в законную силу решения суда о признании его безвестно отсутствующим либо объявлении его умершим', W_20, '4'),
  },
  {
    id: 'art20.p3.g5_citizenship', procedure: 'P-10', kind: 'norm',
    norm: { modality: 'consequence', subject: 'deputy', what: 'powers_end_early' },
    title: {
      en: 'Ground 5: termination of citizenship of the Republic of Kazakhstan',
      ru: 'Основание 5: прекращение гражданства Республики Казахстан',
      kk: '5-негіз: Қазақстан Республикасының азаматтығын тоқтату',
    },
    cite: cite('20', '3', 'прекращения им гражданства Республики Казахстан', W_20, '5'),
  },
  {
    id: 'art20.p3.g6_conviction', procedure: 'P-10', kind: 'norm',
    norm: { modality: 'consequence', subject: 'deputy', what: 'powers_end_early' },
    title: {
      en: 'Ground 6: a conviction in force for a crime or an intentional criminal misdemeanour',
      ru: 'Основание 6: обвинительный приговор за преступление либо умышленный уголовный проступок',
      kk: '6-негіз: қылмыс немесе қасақана қылмыстық теріс қылық үшін айыптау үкімі',
    },
    cite: cite('20', '3', 'вступления в отношении его в законную силу обвинительного приговора суда за совершение преступления либо умышленного уголовного проступка', W_20, '6'),
    note: 'EN (2014) lacks the crime/misdemeanour qualifier; RU 2018 governs.',
  },
  {
    id: 'art20.p3.g7_moved_away', procedure: 'P-10', kind: 'norm',
    norm: { modality: 'consequence', subject: 'deputy', what: 'powers_end_early' },
    title: {
      en: 'Ground 7: moving permanent residence outside the administrative-territorial unit',
      ru: 'Основание 7: выезд на постоянное место жительства за пределы административно-территориальной единицы',
      kk: '7-негіз: әкімшілік-аумақтық бірліктің шегінен тыс тұрақты тұруға кету',
    },
    cite: cite('20', '3', 'выезда его на постоянное место жительства за пределы соответствующей административно-территориальной единицы', W_20, '7'),
  },
  {
    id: 'art20.p3.g8_resignation', procedure: 'P-10', kind: 'norm',
    norm: { modality: 'consequence', subject: 'deputy', what: 'powers_end_early' },
    title: {
      en: "Ground 8: the deputy's personal statement of resignation",
      ru: 'Основание 8: личное заявление об отставке',
      kk: '8-негіз: отставкаға кету туралы жеке өтініш',
    },
    cite: cite('20', '3', 'в связи с его личным заявлением об отставке', W_20, '8'),
  },
  {
    id: 'art20.p3.g9_non_performance', procedure: 'P-10', kind: 'norm',
    norm: { modality: 'consequence', subject: 'deputy', what: 'powers_end_early' },
    title: {
      en: 'Ground 9: systematic non-performance of duties, including absence more than three times in a row without valid reason',
      ru: 'Основание 9: систематическое невыполнение обязанностей, в том числе отсутствие более трёх раз подряд без уважительных причин',
      kk: '9-негіз: міндеттерін жүйелі түрде орындамау, оның ішінде дәлелді себепсіз қатарынан үш реттен артық қатыспау',
    },
    cite: cite('20', '3', 'систематического невыполнения им своих обязанностей, в том числе отсутствия более трех раз подряд без уважительных причин на пленарных заседаниях сессии маслихата или заседаниях органов маслихата, в состав которого он избран', W_20, '9'),
  },
  {
    id: 'art20.p3.g10_audit_commission', procedure: 'P-10', kind: 'norm',
    norm: { modality: 'consequence', subject: 'deputy', what: 'powers_end_early' },
    title: {
      en: 'Ground 10: appointment as chair or member of the audit commission of a region, city of republican significance or the capital',
      ru: 'Основание 10: назначение председателем или членом ревизионной комиссии области, города республиканского значения, столицы',
      kk: '10-негіз: облыстың, республикалық маңызы бар қаланың, астананың тексеру комиссиясының төрағасы немесе мүшесі болып тағайындалу',
    },
    cite: cite('20', '3', 'назначения его на должность председателя ревизионной комиссии или члена ревизионной комиссии области, города республиканского значения, столицы', W_20, '10'),
    note: 'T-36: the audit-commission chapter was repealed (Law 393-V of 12.11.2015); the ground stays in the text.',
  },
  {
    id: 'art20.p3.absences_in_a_row', procedure: 'P-10', kind: 'cap',
    cap: { bound: 'min', limit: 4, counts: 'consecutive_unexcused_absences' },
    title: {
      en: 'Absence without valid reason more than three times in a row (at least four)',
      ru: 'Отсутствие без уважительных причин более трёх раз подряд (не менее четырёх)',
      kk: 'Дәлелді себепсіз қатарынан үш реттен артық (кемінде төрт рет) қатыспау',
    },
    cite: cite('20', '3', 'отсутствия более трех раз подряд без уважительных причин', W_20, '9'),
    interpretations: [{ id: 'art20.p3.excused_absence', chosen: 'breaks_run' }, { id: 'art20.p3.sittings_sequence', chosen: 'all_sittings' }, { id: 'art20.p3.calendar_year', chosen: 'runs_across_years' }],
    note: '"более трех" is strictly more than three: the fourth absence in a row. Counted from the attendance register of sittings.',
  },
  {
    id: 'art20.p4.decision_majority', procedure: 'P-10', kind: 'threshold',
    threshold: { numerator: 1, denominator: 2, comparison: 'majority', base: 'deputies_present' },
    title: {
      en: "Early termination of a deputy's powers: a majority of the deputies present",
      ru: 'Досрочное прекращение полномочий депутата: большинство от общего числа присутствующих депутатов',
      kk: 'Депутат өкілеттігін мерзімінен бұрын тоқтату: қатысып отырған депутаттардың көпшілік дауысы',
    },
    cite: cite('20', '4', 'Решение о досрочном прекращении полномочий депутата принимается на сессии маслихата большинством голосов от общего числа присутствующих депутатов', W_20),
    note: 'The base is the deputies present, not the total (T-38); the session must still be quorate (11(3)).',
  },
  {
    id: 'art20.p4.commission_submission', procedure: 'P-10', kind: 'norm',
    norm: { modality: 'condition', subject: 'territorial_election_commission', what: 'submission_before_session_vote' },
    title: {
      en: 'The session decides on the submission of the territorial election commission',
      ru: 'Сессия решает по представлению территориальной избирательной комиссии',
      kk: 'Сессия аумақтық сайлау комиссиясының ұсынуы бойынша шешеді',
    },
    cite: cite('20', '4', 'по представлению соответствующей территориальной избирательной комиссии', W_20),
    note: 'No deadline for the submission or the session is stated (catalogue P-10 gaps).',
  },
  {
    id: 'art20.p4_1.text_unknown', procedure: 'P-10', kind: 'norm',
    norm: { modality: 'condition', subject: 'unknown', what: 'text_not_in_source', from: '2019-01-01' },
    title: {
      en: 'Para 4-1 is in force from 01.01.2019; its text is not in the source (catalogue T-31, §9): not applied, shown as unknown',
      ru: 'Пункт 4-1 вводится в действие с 01.01.2019; его текста нет в источнике (каталог T-31, §9): не применяется, показан как неизвестный',
      kk: '4-1-тармақ 01.01.2019 бастап қолданысқа енгізіледі; оның мәтіні дереккөзде жоқ (каталог T-31, §9): қолданылмайды, белгісіз ретінде көрсетіледі',
    },
    // no paragraph in the citation: the id cannot spell "4-1"; the quote carries it
    cite: cite('20', undefined, '4-1. Вводится в действие с 01.01.2019 в соответствии с п. 4 ст. 41 настоящего Закона'),
    note: 'Do not invent its content: a decision on or after 01.01.2019 carries this rule in its record as an unknown norm.',
  },
  {
    id: 'art20.p2.powers_end_with_maslikhat', procedure: 'P-13', alsoUsedBy: ['P-10'], kind: 'norm',
    norm: { modality: 'consequence', subject: 'deputy', what: 'powers_end_with_maslikhat' },
    title: {
      en: "A deputy's powers end when the maslikhat's powers end",
      ru: 'Полномочия депутата прекращаются с момента прекращения полномочий маслихата',
      kk: 'Депутаттың өкілеттігі мәслихат өкілеттігі тоқтатылған сәттен бастап тоқтатылады',
    },
    cite: cite('20', '2', 'прекращаются с момента прекращения полномочий маслихата'),
  },
  {
    id: 'art41.p3.art20_suspended', procedure: 'P-10', kind: 'norm',
    norm: { modality: 'condition', subject: 'law', what: 'art20_paras_3_4_in_wording_of_art41_p3', until: '2019-01-01' },
    title: {
      en: 'Until 01.01.2019 paras 3 and 4 of Art 20 apply in the wording of Art 41(3) (identical)',
      ru: 'До 01.01.2019 пункты 3 и 4 статьи 20 действуют в редакции п. 3 ст. 41 (совпадающей)',
      kk: '01.01.2019 дейін 20-баптың 3 және 4-тармақтары 41-баптың 3-тармағының редакциясында қолданылады (бірдей)',
    },
    cite: cite('41', '3', 'Приостановить до 1 января 2019 года действие пунктов 3 и 4 статьи 20'),
  },
  {
    id: 'art41.p4.art20_p4_1_from', procedure: 'P-10', kind: 'norm',
    norm: { modality: 'condition', subject: 'law', what: 'art20_p4_1_in_force', from: '2019-01-01' },
    title: {
      en: 'Para 4-1 of Art 20 enters into force on 01.01.2019',
      ru: 'Пункт 4-1 статьи 20 вводится в действие с 01.01.2019',
      kk: '20-баптың 4-1-тармағы 01.01.2019 бастап қолданысқа енгізіледі',
    },
    cite: cite('41', '4', 'Установить, что пункт 4-1 статьи 20 настоящего Закона вводится в действие с 1 января 2019 года'),
  },
  // ── end of issue 15 block (Art 20, 41) ──

  // ───────────── P-13: termination and early termination of a maslikhat (Art 23; 5(6)) ─────────────
  {
    id: 'art23.p2.president', procedure: 'P-13', kind: 'norm',
    norm: { modality: 'power', subject: 'president', what: 'terminate_maslikhat_after_consultations' },
    title: {
      en: 'The President terminates the maslikhat early after consultations with the Prime Minister and the chairs of the Chambers of Parliament',
      ru: 'Президент досрочно прекращает полномочия маслихата после консультаций с Премьер-Министром и председателями Палат Парламента',
      kk: 'Президент Премьер-Министрмен және Парламент Палаталарының төрағаларымен консультациялардан кейін мәслихаттың өкілеттігін мерзімінен бұрын тоқтатады',
    },
    cite: cite('23', '2', 'Полномочия маслихата прекращаются досрочно Президентом Республики Казахстан после консультаций с Премьер-Министром Республики Казахстан и председателями Палат Парламента Республики Казахстан', W_23),
    note: 'The consultations have no form or deadline (catalogue §9): each is recorded as stated. EN (2014) has no consultation requirement.',
  },
  {
    id: 'art23.p2.self_dissolution', procedure: 'P-13', kind: 'norm',
    norm: { modality: 'power', subject: 'maslikhat', what: 'dissolve_itself' },
    title: {
      en: 'The maslikhat decides to dissolve itself',
      ru: 'Маслихат принимает решение о самороспуске',
      kk: 'Мәслихат өзін-өзі тарату туралы шешім қабылдайды',
    },
    cite: cite('23', '2', 'а также в случае принятия маслихатом решения о самороспуске', W_23),
    interpretations: [{ id: 'art23.p2.self_dissolution_majority', chosen: 'majority_of_total' }],
    note: 'No threshold is stated: the general rule of 11(3) (majority of the total) by default.',
  },
  // ── end of issue 15 block (Art 23) ──

  // ───────────── P-15: consent to the appointment of an akim (Art 23-1) ─────────────
  {
    id: 'art23_1.p3.consent_majority', procedure: 'P-15', kind: 'threshold',
    threshold: { numerator: 1, denominator: 2, comparison: 'majority', base: 'total_deputies' },
    title: {
      en: 'Consent given by a majority of the total number of deputies',
      ru: 'Согласие даётся большинством голосов от общего числа депутатов',
      kk: 'Келісім депутаттардың жалпы санының көпшілік дауысымен беріледі',
    },
    cite: cite('23-1', '3', 'В случае если кандидат на должность акима не набрал большинства голосов от общего числа депутатов маслихата', W_23_1),
    interpretations: [TOTAL],
  },
  {
    id: 'art23_1.p3.resubmission', procedure: 'P-15', kind: 'period',
    period: after(2, 'working_day', 'deadline', 'session_decision_received'),
    title: {
      en: 'Request for consent to another candidate re-submitted after a refusal',
      ru: 'Повторное представление о согласии на назначение другой кандидатуры',
      kk: 'Бас тартылғаннан кейін басқа кандидатураға келісім туралы ұсынуды қайта жіберу',
    },
    cite: cite('23-1', '3', 'в течение двух рабочих дней со дня получения решения сессии маслихата повторно направляет на рассмотрение маслихата представление о даче согласия на назначение другой кандидатуры', W_23_1),
    interpretations: [ANCHOR, { id: 'art23_1.p3.resubmission_overdue', chosen: 'overdue_notice_to_superior' }],
    note: 'The law gives no consequence for missing this deadline (T-13).',
  },
  {
    id: 'art23_1.p4.max_submissions', procedure: 'P-15', kind: 'cap',
    cap: { bound: 'max', limit: 3, counts: 'consecutive_submissions' },
    title: {
      en: 'A candidacy may be submitted at most three times in a row',
      ru: 'Кандидатура может вноситься не более трёх раз подряд',
      kk: 'Кандидатура қатарынан үш реттен артық енгізілмейді',
    },
    cite: cite('23-1', '4', 'кандидатура на должность акима может вноситься не более трех раз подряд', W_23_1),
    note: 'With "другой кандидатуры" in para 3: each re-submission is a different person.',
  },
  // Norms without a number (issue "One procedure engine": no citation written by hand in a workflow).
  {
    id: 'art23_1.p3.candidate_presence', procedure: 'P-15', kind: 'norm',
    norm: { modality: 'condition', subject: 'candidate', what: 'present_at_extraordinary_session' },
    title: {
      en: 'The candidate must attend an extraordinary session that considers the consent',
      ru: 'Присутствие кандидата на внеочередной сессии по рассмотрению представления обязательно',
      kk: 'Ұсынуды қарайтын кезектен тыс сессияға кандидаттың қатысуы міндетті',
    },
    cite: cite('23-1', '3', 'Присутствие кандидата на должность акима на внеочередной сессии маслихата по рассмотрению представления о даче согласия на назначение на должность акима обязательно', W_23_1),
    note: 'Only the extraordinary session: the text says nothing of the candidate at a regular session.',
  },
  {
    id: 'art23_1.p4.third_refusal_president', procedure: 'P-15', kind: 'norm',
    norm: { modality: 'power', subject: 'president', what: 'terminate_maslikhat_early' },
    title: {
      en: 'Third refusal for a regional, city of republican significance or capital akim: the President may terminate the maslikhat early',
      ru: 'Третий отказ по акиму области, города республиканского значения или столицы: Президент вправе досрочно прекратить полномочия маслихата',
      kk: 'Облыс, республикалық маңызы бар қала немесе астана әкімі бойынша үшінші бас тарту: Президент мәслихаттың өкілеттігін мерзімінен бұрын тоқтатуға құқылы',
    },
    cite: cite('23-1', '4', 'Президент Республики Казахстан вправе досрочно прекратить полномочия соответствующего маслихата после консультаций с Премьер-Министром Республики Казахстан и председателями Палат Парламента Республики Казахстан', W_23_1, '1'),
    note: 'After consultations with the Prime Minister and the chairs of both Chambers; a power, not a duty.',
  },
  {
    id: 'art23_1.p4.third_refusal_regional_akim', procedure: 'P-15', kind: 'norm',
    norm: { modality: 'duty', subject: 'regional_akim', what: 'notify_president_raise_early_termination' },
    title: {
      en: 'Third refusal for a district (city of regional significance) akim: the regional akim notifies the President in writing',
      ru: 'Третий отказ по акиму района (города областного значения): аким области письменно уведомляет Президента',
      kk: 'Аудан (облыстық маңызы бар қала) әкімі бойынша үшінші бас тарту: облыс әкімі Президентке жазбаша хабарлайды',
    },
    cite: cite('23-1', '4', 'аким области письменно уведомляет Президента Республики Казахстан и ставит вопрос о досрочном прекращении полномочий соответствующего маслихата', W_23_1, '2'),
    interpretations: [{ id: 'art23_1.p4.city_district_third_refusal', chosen: 'no_rule' }],
  },
  {
    id: 'art23_1.p4.acting_akim', procedure: 'P-15', kind: 'norm',
    norm: { modality: 'duty', subject: 'president_or_superior_akim', what: 'appoint_acting_akim' },
    title: {
      en: 'After the third refusal an acting akim is appointed until an akim is appointed with the consent of the newly formed maslikhat',
      ru: 'После третьего отказа назначается временно исполняющий обязанности акима до назначения акима с согласия вновь сформированного маслихата',
      kk: 'Үшінші бас тартудан кейін жаңадан құрылған мәслихаттың келісімімен әкім тағайындалғанға дейін әкімнің міндетін уақытша атқарушы тағайындалады',
    },
    cite: cite('23-1', '4', 'назначает временно исполняющего обязанности акима до назначения акима соответствующей административно-территориальной единицы с согласия вновь сформированного маслихата', W_23_1),
    note: 'Appointed by the President or the superior akim ("Президент Республики Казахстан либо вышестоящий аким").',
  },

  // ───────────── P-17: vote of no confidence in an akim (Art 24) ─────────────
  {
    id: 'art24.p1.initiators_one_fifth', procedure: 'P-17', kind: 'threshold',
    threshold: { numerator: 1, denominator: 5, comparison: 'at_least', base: 'total_deputies' },
    title: {
      en: 'Initiative of at least 1/5 of the total number of deputies',
      ru: 'Инициатива не менее 1/5 от общего числа депутатов',
      kk: 'Депутаттардың жалпы санының кемінде 1/5 бөлігінің бастамасы',
    },
    cite: cite('24', '1', 'По инициативе не менее одной пятой от общего числа депутатов маслихата может быть поставлен вопрос о выражении вотума недоверия акиму', W_24),
    interpretations: [TOTAL, CEIL],
  },
  {
    id: 'art24.p2.ground_two_non_approvals', procedure: 'P-17', kind: 'cap',
    cap: { bound: 'min', limit: 2, counts: 'non_approvals_of_akim_reports' },
    title: {
      en: "Ground: the maslikhat twice did not approve the akim's reports",
      ru: 'Основание: двукратное неутверждение отчётов акима',
      kk: 'Негіз: мәслихаттың әкім есептерін екі рет бекітпеуі',
    },
    cite: cite('24', '2', 'является двукратное неутверждение маслихатом представленных акимом отчетов об исполнении планов, экономических и социальных программ развития территории, местного бюджета', W_24),
    note: 'T-10: whether the two non-approvals must be consecutive or about the same report is not stated.',
  },
  {
    id: 'art24.p4.signature_collection', procedure: 'P-17', kind: 'period',
    period: after(10, 'working_day', 'deadline', 'written_appeal'),
    title: {
      en: "Collection of deputies' signatures",
      ru: 'Сбор подписей депутатов',
      kk: 'Депутаттардың қолдарын жинау',
    },
    cite: cite('24', '4', 'Сбор подписных листов осуществляется в течение десяти рабочих дней со дня письменного обращения инициаторов-депутатов маслихата', W_24),
    interpretations: [ANCHOR],
  },
  {
    id: 'art24.p4.signature_verification', procedure: 'P-17', kind: 'period',
    period: after(5, 'working_day', 'deadline', 'sheets_handed_in'),
    title: {
      en: 'Secretary verifies the authenticity of the signatures',
      ru: 'Секретарь организует проверку подлинности подписей',
      kk: 'Хатшы қолдардың түпнұсқалығын тексеруді ұйымдастырады',
    },
    cite: cite('24', '4', 'Заполненные подписные листы сдаются секретарю маслихата, который в течение пяти рабочих дней организует проверку подлинности собранных подписей', W_24),
    interpretations: [ANCHOR],
    note: 'The anchor (handing in of the sheets) is implied.',
  },
  {
    id: 'art24.p5.session', procedure: 'P-17', kind: 'period',
    period: after(1, 'month', 'deadline', 'authenticity_protocol'),
    title: {
      en: 'No-confidence session held',
      ru: 'Проведение сессии по выражению вотума недоверия',
      kk: 'Сенімсіздік білдіру жөніндегі сессияны өткізу',
    },
    cite: cite('24', '5', 'проводится в течение одного месяца со дня оформления протокола о подлинности подписей инициаторов-депутатов маслихата', W_24),
    interpretations: [ANCHOR, { id: 'art24.p5.session_not_held', chosen: 'overdue_notice' }],
  },
  {
    id: 'art24.p5.vote_majority', procedure: 'P-17', kind: 'threshold',
    threshold: { numerator: 1, denominator: 2, comparison: 'majority', base: 'total_deputies' },
    title: {
      en: 'No confidence expressed by a majority of the total number of deputies',
      ru: 'Вотум недоверия: большинство от общего числа депутатов',
      kk: 'Сенімсіздік вотумы: депутаттардың жалпы санының көпшілігі',
    },
    cite: cite('24', '5', 'Выражение вотума недоверия акиму считается состоявшимся, если за это решение проголосовало большинство от общего числа депутатов маслихата', W_24),
    interpretations: [TOTAL],
  },
  {
    id: 'art24.p7.superior_decision', procedure: 'P-17', kind: 'period',
    period: after(10, 'working_day', 'deadline', 'decision_received'),
    title: {
      en: 'President or superior akim decides on the no-confidence vote',
      ru: 'Президент либо вышестоящий аким рассматривает вопрос о прекращении полномочий акима',
      kk: 'Президент немесе жоғары тұрған әкім әкімнің өкілеттігін тоқтату мәселесін қарайды',
    },
    cite: cite('24', '7', 'со дня получения решения сессии маслихата о выражении вотума недоверия в течение десяти рабочих дней рассматривает вопрос о прекращении полномочий акима', W_24),
    interpretations: [ANCHOR, { id: 'art24.p7.superior_silence', chosen: 'overdue_notice' }],
  },
  {
    id: 'art24.p8.repeat_vote', procedure: 'P-17', kind: 'period',
    period: after(6, 'month', 'waiting', 'first_vote'),
    title: {
      en: 'Repeat no-confidence vote allowed after six months from the first vote',
      ru: 'Повторный вотум недоверия по истечении шести месяцев со дня первого',
      kk: 'Қайталап сенімсіздік білдіруге алғашқысынан бастап алты ай өткен соң жол беріледі',
    },
    cite: cite('24', '8', 'по истечении шести месяцев со дня первого выражения вотума недоверия повторно выразить вотум недоверия', W_24),
    interpretations: [ANCHOR],
    note: 'No upper limit; on the repeat vote dismissal is mandatory ("освобождает").',
  },
  {
    id: 'art24.p8.repeat_vote_majority', procedure: 'P-17', kind: 'threshold',
    threshold: { numerator: 1, denominator: 2, comparison: 'majority', base: 'total_deputies' },
    title: {
      en: 'Repeat no-confidence vote: majority of the total number of deputies',
      ru: 'Повторный вотум недоверия: большинство от общего числа депутатов',
      kk: 'Қайталама сенімсіздік вотумы: депутаттардың жалпы санының көпшілігі',
    },
    cite: cite('24', '8', 'депутаты маслихата большинством голосов от общего числа депутатов вправе', W_24),
    interpretations: [TOTAL],
  },

  // ───────────── P-18: recall of a Senate deputy by the electors (Art 24-1) ─────────────
  {
    id: 'art24_1.p1.notify', procedure: 'P-18', kind: 'period',
    period: after(3, 'calendar_day', 'deadline', 'initiation_decision'),
    title: {
      en: 'Election commission and the Senator notified of the initiative',
      ru: 'Уведомление избирательной комиссии и депутата Сената об инициативе',
      kk: 'Бастама туралы сайлау комиссиясы мен Сенат депутатын хабардар ету',
    },
    cite: cite('24-1', '1', 'о чем в трехдневный срок уведомляются областная, города республиканского значения и столицы избирательная комиссия и депутат Сената Парламента', W_24_1),
    interpretations: [CAL, ANCHOR],
  },
  {
    id: 'art24_1.p2.electors_25pct', procedure: 'P-18', kind: 'threshold',
    threshold: { numerator: 1, denominator: 4, comparison: 'at_least', base: 'electors_total' },
    title: {
      en: 'Supported by at least 25% of all electors of all maslikhats of the region',
      ru: 'Поддержка не менее 25% от общего числа выборщиков всех маслихатов',
      kk: 'Барлық мәслихаттар сайлаушыларының жалпы санының кемінде 25%-ының қолдауы',
    },
    cite: cite('24-1', '2', 'должно быть поддержано не менее чем двадцатью пятью процентами голосов от общего числа выборщиков, представляющих все маслихаты области, города республиканского значения и столицы', W_24_1),
    interpretations: [CEIL],
  },
  {
    id: 'art24_1.p2.one_maslikhat_25pct', procedure: 'P-18', kind: 'threshold',
    threshold: { numerator: 1, denominator: 4, comparison: 'at_least', base: 'electors_total' },
    title: {
      en: 'And at least 25% of the electors "of one maslikhat"',
      ru: 'И не менее 25% голосов выборщиков от одного маслихата',
      kk: 'Және бір мәслихат сайлаушыларының кемінде 25%-ы',
    },
    cite: cite('24-1', '2', 'но не менее чем двадцатью пятью процентами голосов выборщиков от одного маслихата', W_24_1),
    interpretations: [{ id: 'art24_1.p2.one_maslikhat', chosen: 'each' }, CEIL],
    note: 'Base is the electors of each maslikhat (T-5); see senateRecallSupport().',
  },
  {
    id: 'art24_1.p3.sheet_issue', procedure: 'P-18', kind: 'period',
    period: after(10, 'working_day', 'deadline', 'notice_received'),
    title: {
      en: 'Election commission issues the signature sheets',
      ru: 'Избирательная комиссия выдаёт подписные листы',
      kk: 'Сайлау комиссиясы қол қою парақтарын береді',
    },
    cite: cite('24-1', '3', 'не позднее десяти рабочих дней со дня получения уведомления маслихата об инициировании прекращения полномочий депутата Сената Парламента выдает инициаторам подписные листы', W_24_1),
    interpretations: [ANCHOR],
  },
  {
    id: 'art24_1.p4.collection', procedure: 'P-18', kind: 'period',
    period: after(30, 'calendar_day', 'deadline', 'sheets_received'),
    title: {
      en: "Collection of electors' signatures; late sheets are not accepted",
      ru: 'Сбор подписей выборщиков; по истечении срока листы не принимаются',
      kk: 'Сайлаушылардың қолдарын жинау; мерзім өткен соң парақтар қабылданбайды',
    },
    cite: cite('24-1', '4', 'Сбор подписей осуществляется в течение тридцати дней со дня получения выборщиками подписных листов', W_24_1),
    interpretations: [CAL, ANCHOR],
  },
  {
    id: 'art24_1.p4.verification', procedure: 'P-18', kind: 'period',
    period: after(5, 'calendar_day', 'deadline', 'sheets_submitted'),
    title: {
      en: 'Election commission verifies the signatures',
      ru: 'Избирательная комиссия проверяет достоверность подписей',
      kk: 'Сайлау комиссиясы қолдардың дұрыстығын тексереді',
    },
    cite: cite('24-1', '4', 'которая в пятидневный срок осуществляет проверку достоверности собранных подписей с привлечением работников паспортных служб', W_24_1),
    interpretations: [CAL, ANCHOR],
  },
  {
    id: 'art24_1.p6.invalid_max_1pct', procedure: 'P-18', kind: 'threshold',
    threshold: { numerator: 1, denominator: 100, comparison: 'at_most', base: 'signatures_collected' },
    title: {
      en: 'At most 1% of collected signatures may be invalid (more than 1% → refusal)',
      ru: 'Недостоверных подписей не более 1% (свыше 1% — отказ)',
      kk: 'Жарамсыз қолдар 1%-дан аспауы керек (1%-дан асса — бас тарту)',
    },
    cite: cite('24-1', '6', 'свыше одного процента собранных подписей являются недостоверными', W_24_1),
  },
  {
    id: 'art24_1.p6.reinitiation_bar', procedure: 'P-18', kind: 'bar',
    bar: { period: after(1, 'year', 'waiting', 'refusal'), forbids: 'reinitiation_same_grounds' },
    title: {
      en: 'No re-initiation on the same grounds within one year of the refusal',
      ru: 'Повторное возбуждение вопроса по тем же основаниям в течение года не допускается',
      kk: 'Сол негіздер бойынша мәселені бас тартқан күннен бастап бір жыл ішінде қайта қозғауға жол берілмейді',
    },
    cite: cite('24-1', '6', 'по тем же основаниям в течение года со дня отказа в вынесении вопроса на голосование не допускается', W_24_1),
    interpretations: [ANCHOR, { id: 'art24_1.p6.same_grounds', chosen: 'recorded_grounds' }],
    note: 'RU says one year; the older English text says three (T-3).',
  },
  {
    id: 'art24_1.p7.notify_deputy', procedure: 'P-18', kind: 'period',
    period: after(5, 'calendar_day', 'deadline', 'put_to_vote_decision'),
    title: {
      en: 'Secretary notifies the Senator in writing',
      ru: 'Секретарь письменно уведомляет депутата Сената',
      kk: 'Хатшы Сенат депутатын жазбаша хабардар етеді',
    },
    cite: cite('24-1', '7', 'не позднее пяти дней со дня принятия областной, города республиканского значения и столицы избирательной комиссией решения о вынесении вопроса на голосование', W_24_1),
    interpretations: [CAL, ANCHOR],
  },
  {
    id: 'art24_1.p7.joint_sitting', procedure: 'P-18', kind: 'period',
    period: after(1, 'month', 'deadline', 'put_to_vote_decision'),
    title: {
      en: 'Joint sitting of electors, count and results',
      ru: 'Совместное заседание выборщиков, подсчёт голосов и установление итогов',
      kk: 'Сайлаушылардың бірлескен отырысы, дауыстарды санау және қорытындыны шығару',
    },
    cite: cite('24-1', '7', 'подсчет голосов и установление итогов проводятся не позднее чем в месячный срок со дня принятия решения', W_24_1),
    interpretations: [ANCHOR],
  },
  {
    id: 'art24_1.p8.quorum', procedure: 'P-18', kind: 'threshold',
    threshold: { numerator: 2, denominator: 3, comparison: 'at_least', base: 'deputies_elected' },
    title: {
      en: 'Joint sitting quorum: 2/3 of elected deputies of all maslikhats',
      ru: 'Правомочность совместного заседания: 2/3 избранных депутатов всех маслихатов',
      kk: 'Бірлескен отырыстың құқықтылығы: барлық мәслихаттардың сайланған депутаттарының 2/3 бөлігі',
    },
    cite: cite('24-1', '8', 'Совместное заседание правомочно, если на нем присутствует не менее двух третей от числа избранных депутатов', W_24_1),
    interpretations: [CEIL, { id: 'art24_1.p8.vote_not_held', chosen: 'did_not_take_place' }],
  },
  {
    id: 'art24_1.p8.participation', procedure: 'P-18', kind: 'threshold',
    threshold: { numerator: 2, denominator: 3, comparison: 'at_least', base: 'electors_present' },
    title: {
      en: 'Vote valid if at least 2/3 of electors present took part',
      ru: 'Голосование состоялось, если участвовало не менее 2/3 присутствующих выборщиков',
      kk: 'Қатысып отырған сайлаушылардың кемінде 2/3 бөлігі дауыс берсе, дауыс беру өтті деп саналады',
    },
    cite: cite('24-1', '8', 'считается состоявшимся, если в нем приняло участие не менее двух третей от общего числа присутствующих выборщиков', W_24_1),
    interpretations: [CEIL, { id: 'art24_1.p8.vote_not_held', chosen: 'did_not_take_place' }],
  },
  {
    id: 'art24_1.p9.protocol_to_cec', procedure: 'P-18', kind: 'period',
    period: after(2, 'calendar_day', 'deadline', 'voting_day'),
    title: {
      en: 'Vote-count protocol sent to the CEC',
      ru: 'Протокол подсчёта голосов пересылается в ЦИК',
      kk: 'Дауыстарды санау хаттамасы ОСК-ға жіберіледі',
    },
    cite: cite('24-1', '9', 'пересылается в Центральную избирательную комиссию не более чем в двухдневный срок со дня голосования', W_24_1),
    interpretations: [CAL, ANCHOR],
  },
  {
    id: 'art24_1.p10.cec_result', procedure: 'P-18', kind: 'period',
    period: after(7, 'calendar_day', 'deadline', 'voting_day'),
    title: {
      en: 'CEC establishes the result',
      ru: 'ЦИК устанавливает итоги голосования',
      kk: 'ОСК дауыс беру қорытындысын белгілейді',
    },
    cite: cite('24-1', '10', 'Итоги голосования устанавливаются Центральной избирательной комиссией не позднее чем в семидневный срок со дня проведения голосования', W_24_1),
    interpretations: [CAL, ANCHOR],
  },
  {
    id: 'art24_1.p10.pass_more_than_50pct', procedure: 'P-18', kind: 'threshold',
    threshold: { numerator: 50, denominator: 100, comparison: 'more_than', base: 'electors_voted' },
    title: {
      en: 'Powers terminated if more than 50% of electors who voted are in favour',
      ru: 'Полномочия прекращены, если «за» более 50% принявших участие выборщиков',
      kk: 'Дауыс беруге қатысқан сайлаушылардың 50%-дан астамы жақтаса, өкілеттік тоқтатылады',
    },
    cite: cite('24-1', '10', 'если за это решение проголосовало более пятидесяти процентов голосов выборщиков, принявших участие в голосовании', W_24_1),
  },
  {
    id: 'art24_1.p11.appeal', procedure: 'P-18', alsoUsedBy: ['P-29'], kind: 'period',
    period: after(10, 'calendar_day', 'deadline', 'decision_or_action'),
    title: {
      en: 'Appeal against an election-commission decision or action; late complaints not considered',
      ru: 'Обжалование решения или действия избирательной комиссии; по истечении срока не рассматривается',
      kk: 'Сайлау комиссиясының шешіміне немесе әрекетіне шағымдану; мерзім өткен соң қаралмайды',
    },
    cite: cite('24-1', '11', 'в течение десяти дней со дня принятия решения или совершения действия (бездействия)', W_24_1),
    interpretations: [CAL, ANCHOR],
  },

  // ───────────── P-19 / P-20: rural-level akims (Arts 36, 36-1) ─────────────
  {
    id: 'art36.p1.term', procedure: 'P-19', kind: 'period',
    period: after(4, 'year', 'deadline', 'term_start'),
    title: {
      en: 'Rural-level akim elected for four years',
      ru: 'Аким города районного значения, села, посёлка, сельского округа избирается на четыре года',
      kk: 'Аудандық маңызы бар қала, ауыл, кент, ауылдық округ әкімі төрт жыл мерзімге сайланады',
    },
    cite: cite('36', '1', 'избирается на должность сроком на четыре года маслихатом района (города областного значения) на альтернативной основе', W_36),
    note: 'The start of the term is not stated (registration or taking office).',
  },
  {
    id: 'art36.p1.min_age', procedure: 'P-19', kind: 'cap',
    cap: { bound: 'min', limit: 25, counts: 'candidate_age_years' },
    title: {
      en: 'Candidate at least 25 years old',
      ru: 'Кандидат в возрасте не моложе 25 лет',
      kk: 'Кандидаттың жасы 25-тен кем емес',
    },
    cite: cite('36', '1', 'из кандидатур в возрасте не моложе двадцати пяти лет', W_36),
  },
  {
    id: 'art36_1.p3.min_candidates', procedure: 'P-19', kind: 'cap',
    cap: { bound: 'min', limit: 2, counts: 'registered_candidates' },
    title: {
      en: 'Competing candidates: at least two registered',
      ru: 'На альтернативной основе: не менее двух зарегистрированных кандидатов',
      kk: 'Баламалы негізде: кемінде екі тіркелген кандидат',
    },
    cite: cite('36-1', '3', 'зарегистрировано менее двух кандидатов в акимы', W_36),
    note: 'Implied by "на альтернативной основе" (36(1)) and the extension rule of 36-1(3).',
  },
  {
    id: 'art36.p2.dismissal_consents', procedure: 'P-20', kind: 'cap',
    cap: { bound: 'min', limit: 2, counts: 'consents_local_community_and_regional_akim' },
    title: {
      en: 'Dismissal by the district akim with the consent of the local community and the regional akim',
      ru: 'Освобождение акимом района с согласия местного сообщества и акима области',
      kk: 'Аудан әкімі жергілікті қоғамдастықтың және облыс әкімінің келісімімен босатады',
    },
    cite: cite('36', '2', 'освобождается от должности акимом района (города областного значения) с согласия местного сообщества и акима области', W_36),
    interpretations: [{ id: 'art36.p2.community_consent', chosen: 'sobranie_majority' }],
    note: 'Both consents are needed. T-17: the body and threshold of the community consent are not stated; default: a собрание decision by more than half of participants (art39_3.p11.decision).',
  },
  {
    id: 'art36_1.p3.nomination_opens', procedure: 'P-19', kind: 'period',
    period: before(30, 'calendar_day', 'election_day'),
    title: {
      en: 'Nomination opens thirty days before election day',
      ru: 'Выдвижение начинается за тридцать дней до дня выборов',
      kk: 'Кандидаттарды ұсыну сайлау күніне отыз күн қалғанда басталады',
    },
    cite: cite('36-1', '3', 'Выдвижение кандидатов начинается за тридцать дней и заканчивается за двадцать пять дней до дня выборов', W_36),
    interpretations: [CAL, E_MINUS_N],
  },
  {
    id: 'art36_1.p3.nomination_closes', procedure: 'P-19', kind: 'period',
    period: before(25, 'calendar_day', 'election_day'),
    title: {
      en: 'Nomination closes twenty-five days before election day',
      ru: 'Выдвижение заканчивается за двадцать пять дней до дня выборов',
      kk: 'Кандидаттарды ұсыну сайлау күніне жиырма бес күн қалғанда аяқталады',
    },
    cite: cite('36-1', '3', 'Выдвижение кандидатов начинается за тридцать дней и заканчивается за двадцать пять дней до дня выборов', W_36),
    interpretations: [CAL, E_MINUS_N],
  },
  {
    id: 'art36_1.p3.extension_max', procedure: 'P-19', kind: 'period',
    period: after(10, 'calendar_day', 'deadline', 'registration_period_end'),
    title: {
      en: 'Nomination and registration extended by at most ten days if fewer than two candidates',
      ru: 'Продление выдвижения и регистрации не более чем на десять дней, если кандидатов менее двух',
      kk: 'Кандидаттар екеуден аз болса, ұсыну мен тіркеу он күннен аспайтын мерзімге ұзартылады',
    },
    cite: cite('36-1', '3', 'продлевает срок выдвижения и регистрации кандидатов, но не более чем на десять дней', W_36),
    interpretations: [CAL, ANCHOR],
  },
  {
    id: 'art36_1.p3.declaration_check', procedure: 'P-19', kind: 'period',
    period: after(7, 'calendar_day', 'deadline', 'declarations_received'),
    title: {
      en: 'State revenue bodies verify the declarations',
      ru: 'Органы государственных доходов проверяют декларации',
      kk: 'Мемлекеттік кірістер органдары декларацияларды тексереді',
    },
    cite: cite('36-1', '3', 'проверяется органами государственных доходов в течение семи дней со дня получения деклараций', W_36),
    interpretations: [CAL, ANCHOR],
  },
  {
    id: 'art36_1.p3.organisation_reply', procedure: 'P-19', kind: 'period',
    period: after(4, 'calendar_day', 'deadline', 'request_received'),
    title: {
      en: "Organisations answer the revenue body's request",
      ru: 'Организации представляют сведения по требованию органов госдоходов',
      kk: 'Ұйымдар мемлекеттік кірістер органдарының талабы бойынша мәліметтер береді',
    },
    cite: cite('36-1', '3', 'предоставляют запрашиваемую информацию в течение четырех дней со дня получения требования', W_36),
    interpretations: [CAL, ANCHOR],
  },
  {
    id: 'art36_1.p3.state_body_reply', procedure: 'P-19', kind: 'period',
    period: after(2, 'calendar_day', 'deadline', 'request_received'),
    title: {
      en: "Other state bodies answer the election commission's request",
      ru: 'Иные государственные органы представляют сведения о кандидатах',
      kk: 'Өзге мемлекеттік органдар кандидаттар туралы мәліметтер береді',
    },
    cite: cite('36-1', '3', 'предоставляют запрашиваемую информацию в течение двух дней со дня получения требования', W_36),
    interpretations: [CAL, ANCHOR],
  },
  {
    id: 'art36_1.p3.submission_withdrawal', procedure: 'P-19', kind: 'period',
    period: before(2, 'calendar_day', 'election_day'),
    title: {
      en: "District akim may withdraw the nomination no later than two days before voting",
      ru: 'Отзыв представления акима района не позднее чем за два дня до голосования',
      kk: 'Аудан әкімі ұсынуды дауыс беруге екі күн қалғанға дейін кері қайтарып ала алады',
    },
    cite: cite('36-1', '3', 'может быть отозвано им из районной (городской) избирательной комиссии не позднее чем за два дня до голосования', W_36),
    interpretations: [CAL, E_MINUS_N, TWO_DAYS],
  },
  {
    id: 'art36_1.p5.publish_registered', procedure: 'P-19', kind: 'period',
    period: after(7, 'calendar_day', 'deadline', 'registration_end'),
    title: {
      en: 'Registered candidates published',
      ru: 'Сообщение о регистрации кандидатов',
      kk: 'Кандидаттардың тіркелгені туралы хабарлау',
    },
    cite: cite('36-1', '5', 'не позднее чем на седьмой день после окончания регистрации кандидатов', W_36),
    interpretations: [CAL, ANCHOR],
  },
  {
    id: 'art36_1.p5.registration_appeal', procedure: 'P-19', kind: 'period',
    period: after(3, 'calendar_day', 'deadline', 'refusal_or_cancellation'),
    title: {
      en: 'Appeal against refusal or cancellation of registration',
      ru: 'Обжалование отказа в регистрации или её отмены',
      kk: 'Тіркеуден бас тартуға немесе оның күшін жоюға шағымдану',
    },
    cite: cite('36-1', '5', 'могут быть в трехдневный срок обжалованы кандидатом в вышестоящую территориальную избирательную комиссию или суд', W_36),
    interpretations: [CAL, ANCHOR],
  },
  {
    id: 'art36_1.p6.registration_ends', procedure: 'P-19', kind: 'period',
    period: before(15, 'calendar_day', 'election_day'),
    title: {
      en: 'Registration of candidates ends fifteen days before voting',
      ru: 'Регистрация кандидатов заканчивается за пятнадцать дней до голосования',
      kk: 'Кандидаттарды тіркеу дауыс беруге он бес күн қалғанда аяқталады',
    },
    cite: cite('36-1', '6', 'Регистрация кандидатов заканчивается за пятнадцать дней до дня голосования', W_36),
    interpretations: [CAL, E_MINUS_N],
  },
  {
    id: 'art36_1.p6.freeze', procedure: 'P-19', kind: 'bar',
    bar: { period: before(2, 'calendar_day', 'election_day'), forbids: 'cancel_or_reinstate_registration' },
    title: {
      en: 'No cancellation or reinstatement of a registration in the last two days before voting',
      ru: 'Отмена регистрации или восстановление кандидата за два дня до голосования не допускается',
      kk: 'Дауыс беруге екі күн қалғанда тіркеуді жоюға немесе кандидатты қалпына келтіруге жол берілмейді',
    },
    cite: cite('36-1', '6', 'Отмена решения о регистрации или восстановление ранее снятого с регистрации кандидата за два дня до голосования не допускается', W_36),
    interpretations: [CAL, E_MINUS_N, TWO_DAYS],
  },
  {
    id: 'art36_1.p7.max_proxies', procedure: 'P-19', kind: 'cap',
    cap: { bound: 'max', limit: 5, counts: 'proxies_per_candidate' },
    title: {
      en: 'At most five proxies per candidate',
      ru: 'Не более пяти доверенных лиц у кандидата',
      kk: 'Кандидаттың сенім білдірілген адамдары бесеуден аспайды',
    },
    cite: cite('36-1', '7', 'Кандидаты вправе иметь не более пяти доверенных лиц', W_36),
  },
  {
    id: 'art36_1.p9.own_funds_cap', procedure: 'P-19', kind: 'cap',
    cap: { bound: 'max', limit: 25, counts: 'minimum_wages_own_funds' },
    title: {
      en: "Candidate's own funds: at most 25 × the minimum wage",
      ru: 'Собственные средства кандидата: не более 25 минимальных заработных плат',
      kk: 'Кандидаттың өз қаражаты: ең төменгі жалақының 25 еселенген мөлшерінен аспайды',
    },
    cite: cite('36-1', '9', 'размер минимальной заработной платы более чем в двадцать пять раз', W_36),
  },
  {
    id: 'art36_1.p9.donations_cap', procedure: 'P-19', kind: 'cap',
    cap: { bound: 'max', limit: 50, counts: 'minimum_wages_donations' },
    title: {
      en: 'Donations: at most 50 × the minimum wage',
      ru: 'Добровольные пожертвования: не более 50 минимальных заработных плат',
      kk: 'Ерікті қайырмалдықтар: ең төменгі жалақының 50 еселенген мөлшерінен аспайды',
    },
    cite: cite('36-1', '9', 'размер минимальной заработной платы более чем в пятьдесят раз', W_36),
  },
  {
    id: 'art36_1.p9.fund_report', procedure: 'P-19', kind: 'period',
    period: after(5, 'calendar_day', 'deadline', 'results_established'),
    title: {
      en: "Candidate's election-fund report",
      ru: 'Отчёт кандидата об использовании средств избирательного фонда',
      kk: 'Кандидаттың сайлау қоры қаражатын пайдалану туралы есебі',
    },
    cite: cite('36-1', '9', 'Не позднее пяти дней после установления итогов выборов кандидат обязан представить', W_36),
    interpretations: [CAL, ANCHOR],
  },
  {
    id: 'art36_1.p10.call_deadline', procedure: 'P-19', kind: 'period',
    period: before(40, 'calendar_day', 'term_end'),
    title: {
      en: 'Election called no later than forty days before the end of the akim\'s term',
      ru: 'Выборы назначаются не позднее чем за сорок дней до окончания срока полномочий акима',
      kk: 'Сайлау әкім өкілеттігінің мерзімі аяқталуына қырық күннен кешіктірілмей тағайындалады',
    },
    cite: cite('36-1', '10', 'не позднее чем за сорок дней до окончания срока полномочий акима', W_36),
    interpretations: [CAL, E_MINUS_N],
  },
  {
    id: 'art36_1.p10.hold_within_month', procedure: 'P-19', kind: 'period',
    period: after(1, 'month', 'deadline', 'election_called'),
    title: {
      en: 'Election held within a month',
      ru: 'Выборы проводятся в течение месяца',
      kk: 'Сайлау бір ай ішінде өткізіледі',
    },
    cite: cite('36-1', '10', 'и проводятся в течение месяца', W_36),
    interpretations: [ANCHOR, { id: 'art36_1.p10.month_anchor', chosen: 'from_calling' }],
  },
  {
    id: 'art36_1.p10.early_vacancy', procedure: 'P-19', alsoUsedBy: ['P-20'], kind: 'period',
    period: after(3, 'month', 'deadline', 'early_termination'),
    title: {
      en: 'Election within three months of an early termination',
      ru: 'Выборы в течение трёх месяцев со дня досрочного прекращения полномочий',
      kk: 'Өкілеттік мерзімінен бұрын тоқтатылған күннен бастап үш ай ішінде сайлау',
    },
    cite: cite('36-1', '10', 'В случае досрочного прекращения полномочий акима выборы проводятся в течение трех месяцев со дня досрочного прекращения полномочий', W_36),
    interpretations: [ANCHOR],
  },
  {
    id: 'art36_1.p10.elector_quorum', procedure: 'P-19', kind: 'threshold',
    threshold: { numerator: 2, denominator: 3, comparison: 'at_least', base: 'total_deputies' },
    title: {
      en: 'Meeting of electors quorate with at least 2/3 of the district maslikhat\'s deputies',
      ru: 'Заседание выборщиков правомочно при не менее 2/3 депутатов маслихата района',
      kk: 'Аудан мәслихаты депутаттарының кемінде 2/3 бөлігі қатысса, сайлаушылар отырысы құқықты',
    },
    cite: cite('36-1', '10', 'Заседание выборщиков правомочно, если на нем присутствует не менее двух третей депутатов маслихата', W_36),
    interpretations: [TOTAL, CEIL],
  },
  {
    id: 'art36_1.p10.repeat_election', procedure: 'P-19', kind: 'period',
    period: after(2, 'month', 'deadline', 'original_election'),
    title: {
      en: 'Repeat election within two months of the original election',
      ru: 'Повторные выборы не позднее чем в двухмесячный срок после первоначальных',
      kk: 'Қайталама сайлау бастапқы сайлаудан кейін екі айдан кешіктірілмей өткізіледі',
    },
    cite: cite('36-1', '10', 'Повторные выборы проводятся не позднее чем в двухмесячный срок после первоначальных выборов', W_36),
    interpretations: [ANCHOR],
  },
  {
    id: 'art36_1.p11.register_winner', procedure: 'P-19', kind: 'period',
    period: after(5, 'calendar_day', 'deadline', 'election_day'),
    title: {
      en: 'District election commission registers the elected akim',
      ru: 'Районная избирательная комиссия регистрирует избранного акима',
      kk: 'Аудандық сайлау комиссиясы сайланған әкімді тіркейді',
    },
    cite: cite('36-1', '11', 'в пятидневный срок со дня проведения выборов регистрирует избранного акима', W_36),
    interpretations: [CAL, ANCHOR, { id: 'art36_1.p11.special_check', chosen: 'acting_until_result' }],
  },
  // ── issue 7, P-19 rural akim election: calendar and vote (statute/election-calendar.ts) ──
  {
    id: 'art36_1.p2.plurality', procedure: 'P-19', kind: 'cap',
    cap: { bound: 'min', limit: 1, counts: 'vote_lead_over_every_other_candidate' },
    title: {
      en: 'Elected: the candidate with the most votes of the electors who voted',
      ru: 'Избранным считается кандидат, набравший большее число голосов участвовавших выборщиков',
      kk: 'Дауыс беруге қатысқан таңдаушылардың ең көп дауысын жинаған кандидат сайланды деп саналады',
    },
    cite: cite('36-1', '2', 'избранным считается кандидат, набравший большее число голосов выборщиков, принявших участие в голосовании', W_36),
    interpretations: [{ id: 'art36_1.p10.revote_candidates', chosen: 'tied_leaders' }],
    note: 'A plurality, not a majority: the winner leads every other candidate by at least one vote; a tie at the top goes to a re-vote (art36_1.p10.revote_same_day).',
  },
  {
    id: 'art36_1.p10.revote_same_day', procedure: 'P-19', kind: 'cap',
    cap: { bound: 'max', limit: 1, counts: 'voting_days_including_revote' },
    title: {
      en: 'A tie is resolved by a re-vote on election day itself',
      ru: 'При равенстве голосов повторное голосование проводится в день выборов',
      kk: 'Дауыстар тең болса, қайта дауыс беру сайлау күні өткізіледі',
    },
    cite: cite('36-1', '10', 'В случае равенства голосов выборщиков проводится повторное голосование. Повторное голосование проводится в день выборов', W_36),
    interpretations: [{ id: 'art36_1.p10.revote_candidates', chosen: 'tied_leaders' }],
  },
  {
    id: 'art36_1.p4.registration_documents', procedure: 'P-19', kind: 'cap',
    cap: { bound: 'min', limit: 5, counts: 'registration_documents' },
    title: {
      en: 'Registration needs five documents: submission, consent, biography, ID copy, tax certificate',
      ru: 'Регистрация при наличии пяти документов: представление, согласие, биография, копия удостоверения, справка налогового органа',
      kk: 'Тіркеу үшін бес құжат қажет: ұсыну, келісім, өмірбаян, жеке куәлік көшірмесі, салық органының анықтамасы',
    },
    cite: cite('36-1', '4', 'Регистрация кандидатов осуществляется при наличии следующих документов', W_36),
  },
  {
    id: 'art36_1.p6.candidate_withdrawal', procedure: 'P-19', kind: 'period',
    period: before(2, 'calendar_day', 'election_day'),
    title: {
      en: 'A candidate may withdraw up to two days before voting',
      ru: 'Кандидат может снять свою кандидатуру за два дня до голосования',
      kk: 'Кандидат дауыс беруге екі күн қалғанға дейін өз кандидатурасын алып тастай алады',
    },
    cite: cite('36-1', '6', 'Кандидат в период до регистрации и за два дня до голосования может снять свою кандидатуру', W_36),
    interpretations: [CAL, E_MINUS_N, TWO_DAYS],
  },
  {
    id: 'art36_1.p7.campaign_ends', procedure: 'P-19', kind: 'period',
    period: before(1, 'calendar_day', 'election_day'),
    title: {
      en: 'Campaigning runs from the end of registration to 00:00 local time of the day before election day',
      ru: 'Агитация — со дня окончания регистрации до ноля часов дня, предшествующего дню выборов',
      kk: 'Үгіт тіркеу аяқталған күннен бастап сайлау күнінің алдындағы күннің сағат нөліне дейін жүргізіледі',
    },
    cite: cite('36-1', '7', 'Предвыборная агитация начинается со дня окончания регистрации в соответствии с настоящим Законом и заканчивается в ноль часов по местному времени дня, предшествующего дню выборов', W_36),
    interpretations: [CAL],
    note: 'The text names the day (the calendar day before election day): no "за N дней" counting, and a working-day reading of other periods does not move it.',
  },
  {
    id: 'art36_1.p7.silence', procedure: 'P-19', kind: 'bar',
    bar: { period: before(1, 'calendar_day', 'election_day'), forbids: 'campaigning' },
    title: {
      en: 'No campaigning on election day and the day before',
      ru: 'В день выборов и предшествующий ему день агитация запрещается',
      kk: 'Сайлау күні және оның алдындағы күні үгіт жүргізуге тыйым салынады',
    },
    cite: cite('36-1', '7', 'В день выборов и предшествующий ему день любая предвыборная агитация запрещается', W_36),
  },
  // ── end of issue 7 block ──

  // ───────────── P-22 / P-24: сход and собрание of the local community (Art 39-3) ─────────────
  {
    id: 'art39_3.p5.skhod_initiators', procedure: 'P-22', kind: 'threshold',
    threshold: { numerator: 10, denominator: 100, comparison: 'at_least', base: 'community_members' },
    title: {
      en: 'Сход convened on the initiative of at least 10% of eligible resident members',
      ru: 'Сход по инициативе не менее 10% членов местного сообщества',
      kk: 'Жергілікті қоғамдастық мүшелерінің кемінде 10%-ының бастамасы бойынша жиын',
    },
    cite: cite('39-3', '5', 'не менее десяти процентов членов местного сообщества, проживающих на данной территории и имеющих право в нем участвовать', W_39_3),
    interpretations: [CEIL],
  },
  {
    id: 'art39_3.p7.sobranie_initiators', procedure: 'P-24', kind: 'threshold',
    threshold: { numerator: 10, denominator: 100, comparison: 'at_least', base: 'community_members' },
    title: {
      en: 'Собрание convened on the initiative of at least 10% of its delegated members',
      ru: 'Собрание по инициативе не менее 10% членов, делегированных сходом',
      kk: 'Жиыннан өкілдік берілген мүшелердің кемінде 10%-ының бастамасы бойынша жиналыс',
    },
    cite: cite('39-3', '7', 'инициативе не менее десяти процентов членов собрания, делегированных сходом местного сообщества', W_39_3),
    interpretations: [CEIL],
  },
  {
    id: 'art39_3.p8.notice', procedure: 'P-22', alsoUsedBy: ['P-24'], kind: 'period',
    period: before(10, 'calendar_day', 'meeting_day'),
    title: {
      en: 'Population notified of a сход or собрание',
      ru: 'Оповещение населения о сходе или собрании',
      kk: 'Жиын немесе жиналыс туралы халыққа хабарлау',
    },
    cite: cite('39-3', '8', 'оповещается не позднее чем за десять календарных дней до дня их проведения', W_39_3),
    interpretations: [DAYS_BEFORE],
  },
  {
    id: 'art39_3.p9.skhod_quorum', procedure: 'P-22', kind: 'threshold',
    threshold: { numerator: 10, denominator: 100, comparison: 'at_least', base: 'community_members' },
    title: {
      en: 'Сход valid with at least 10% of eligible resident members',
      ru: 'Сход состоялся при участии не менее 10% членов местного сообщества',
      kk: 'Жергілікті қоғамдастық мүшелерінің кемінде 10%-ы қатысса, жиын өтті деп саналады',
    },
    cite: cite('39-3', '9', 'Сход местного сообщества считается состоявшимся при участии не менее десяти процентов членов местного сообщества', W_39_3),
    interpretations: [CEIL],
  },
  {
    id: 'art39_3.p9.sobranie_quorum', procedure: 'P-24', alsoUsedBy: ['P-19', 'P-20'], kind: 'threshold',
    threshold: { numerator: 1, denominator: 2, comparison: 'at_least', base: 'community_members' },
    title: {
      en: 'Собрание valid with at least half of its delegated members',
      ru: 'Собрание состоялось при участии не менее половины делегированных членов',
      kk: 'Өкілдік берілген мүшелердің кемінде жартысы қатысса, жиналыс өтті деп саналады',
    },
    cite: cite('39-3', '9', 'Собрание местного сообщества считается состоявшимся при участии в нем не менее половины членов, делегированных сходом местного сообщества', W_39_3),
    interpretations: [CEIL],
  },
  {
    id: 'art39_3.p11.decision', procedure: 'P-22', alsoUsedBy: ['P-24', 'P-19', 'P-20'], kind: 'threshold',
    threshold: { numerator: 1, denominator: 2, comparison: 'more_than', base: 'participants' },
    title: {
      en: 'Decision of a сход or собрание: more than half of participants',
      ru: 'Решение схода или собрания: более половины участников',
      kk: 'Жиынның немесе жиналыстың шешімі: қатысушылардың жартысынан астамы',
    },
    cite: cite('39-3', '11', 'считается принятым, если за него проголосовало более половины участников', W_39_3),
  },
]);

/** Every rule id of this edition, as a literal union (a typo in `rule(edition, 'art24.p4…')` is a compile error). */
export type Kz148_2018RuleId = (typeof rules)[number]['id'];

export const KZ_148_2018 = defineEdition({
  id: 'kz-148@2018-07-12',
  effectiveFrom: '2018-07-12',
  source: SOURCE_FILE,
  caveat: {
    en: 'A snapshot of the law as of July 2018, not the current law: later reforms (direct elections of akims, the 2021 autonomy law, maslikhat chairman instead of secretary) are not in it (catalogue T-1). It stays "in force" in tartip until a later edition is added.',
    ru: 'Срез закона по состоянию на июль 2018 года, а не действующая редакция: последующие реформы (прямые выборы акимов, закон 2021 года о самостоятельности, председатель маслихата вместо секретаря) в него не входят (каталог T-1). В tartip он считается действующим, пока не добавлена более поздняя редакция.',
    kk: 'Заңның 2018 жылғы шілдедегі күйі, қолданыстағы редакциясы емес: кейінгі реформалар (әкімдерді тікелей сайлау, 2021 жылғы дербестік туралы заң, хатшының орнына мәслихат төрағасы) оған енбеген (каталог T-1). Кейінгі редакция қосылғанша tartip оны күшіндегі редакция деп санайды.',
  },
  title: {
    en: 'Law No 148 of 23.01.2001 "On local state government and self-government", consolidated Russian text as amended up to Law No 180-VI of 12.07.2018',
    ru: 'Закон РК от 23.01.2001 № 148 «О местном государственном управлении и самоуправлении в Республике Казахстан» (с изменениями по Закону от 12.07.2018 № 180-VI)',
    kk: '«Қазақстан Республикасындағы жергілікті мемлекеттік басқару және өзін-өзі басқару туралы» 2001 жылғы 23 қаңтардағы № 148 Заң (2018 жылғы 12 шілдедегі № 180-VI Заңға дейінгі өзгерістерімен)',
  },
  overrides: rules,
});
