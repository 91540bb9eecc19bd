// Messages for people, in Kazakh, Russian and English: refusals (StatuteError codes) and the
// words used to show a rule's value. `{param}` placeholders are filled from the refusal body.
import type { Lang, RefusalBody } from './errors.js';
import type { Citation, PeriodKind, PeriodUnit } from './types.js';
import type { Rule } from './editions/types.js';

export type Message = Readonly<Record<Lang, string>>;

export const MESSAGES: Readonly<Record<string, Message>> = Object.freeze({
  // refusal codes of the procedure workflows (workflows/*.ts)
  wrong_stage: {
    kk: 'Бұл әрекет рәсімнің қазіргі кезеңінде жасалмайды.',
    ru: 'Это действие не совершается на текущей стадии процедуры.',
    en: 'This act is not possible at the current stage of the procedure.',
  },
  in_future: {
    kk: 'Әрекеттің күні мен уақыты әлі келген жоқ: болашақтағы әрекетті тіркеуге болмайды.',
    ru: 'Дата и время действия ещё не наступили: будущее действие не регистрируется.',
    en: 'The act is dated in the future; it cannot be recorded yet.',
  },
  act_in_future: {
    kk: 'Әрекеттің күні мен уақыты әлі келген жоқ: болашақтағы әрекетті тіркеуге болмайды.',
    ru: 'Дата и время действия ещё не наступили: будущее действие не регистрируется.',
    en: 'The act is dated in the future; it cannot be recorded yet.',
  },
  out_of_order: {
    kk: 'Әрекеттің күні алдыңғы тіркелген әрекеттің күнінен ерте.',
    ru: 'Дата действия раньше даты предыдущего зарегистрированного действия.',
    en: 'The act is dated before the previous recorded act.',
  },
  busy: {
    kk: 'Рәсім алдыңғы әрекетті әлі өңдеп жатыр; сәлден кейін қайталаңыз.',
    ru: 'Процедура ещё обрабатывает предыдущее действие; повторите чуть позже.',
    en: 'The procedure is still processing the previous act; try again shortly.',
  },
  not_a_deputy: {
    kk: 'Қол қоюшы осы мәслихаттың қазіргі депутаты емес.',
    ru: 'Подписавший не является действующим депутатом этого маслихата.',
    en: 'The signer is not a current deputy of this maslikhat.',
  },
  not_signed: {
    kk: 'Қол қойылмаған: бұл депутаттың қолы жоқ.',
    ru: 'Подпись этого депутата отсутствует.',
    en: 'This deputy has not signed.',
  },
  no_sheets: {
    kk: 'Қол қою парақтары тапсырылған жоқ.',
    ru: 'Подписные листы не сданы.',
    en: 'No signature sheets were handed in.',
  },
  same_candidate: {
    kk: 'Келісім берілмеген кандидатураны қайта ұсынуға болмайды: басқа кандидатура ұсынылуы тиіс (23-1-баптың 3-тармағы).',
    ru: 'Нельзя повторно вносить кандидатуру, в согласии на которую отказано: вносится другая кандидатура (п. 3 ст. 23-1).',
    en: 'A refused candidate cannot be submitted again: another candidate must be submitted (Art. 23-1(3)).',
  },
  candidate_absent: {
    kk: 'Кезектен тыс сессияда кандидаттың қатысуы міндетті.',
    ru: 'На внеочередной сессии присутствие кандидата обязательно.',
    en: 'The candidate must attend an extraordinary session.',
  },
  dismissal_mandatory: {
    kk: 'Қайталама сенімсіздік вотумынан кейін әкім лауазымынан босатылуы міндетті (24-баптың 8-тармағы).',
    ru: 'После повторного выражения вотума недоверия аким подлежит освобождению от должности (п. 8 ст. 24).',
    en: 'After a repeat vote of no confidence the akim must be dismissed (Art. 24(8)).',
  },
  same_maslikhat: {
    kk: 'Бұл сол мәслихат: жаңа сайланған мәслихат көрсетілуі тиіс.',
    ru: 'Это тот же маслихат: должен быть указан вновь избранный маслихат.',
    en: 'This is the same maslikhat; a newly elected maslikhat must be given.',
  },
  unknown_candidate: {
    kk: 'Мұндай кандидат ұсынылмаған.',
    ru: 'Такой кандидат не выдвигался.',
    en: 'No such candidate was nominated.',
  },
  wrong_status: {
    kk: 'Кандидаттың қазіргі мәртебесінде бұл әрекет жасалмайды.',
    ru: 'При текущем статусе кандидата это действие не совершается.',
    en: 'This act is not possible in the candidate\'s current status.',
  },
  missing_documents: {
    kk: 'Тіркеуге қажетті құжаттар толық емес (36-1-баптың 4-тармағы).',
    ru: 'Не представлены все документы, необходимые для регистрации (п. 4 ст. 36-1).',
    en: 'Documents required for registration are missing (Art. 36-1(4)).',
  },
  registration_frozen: {
    kk: 'Дауыс беруге екі күн қалғанда тіркеуді жоюға не қалпына келтіруге жол берілмейді (36-1-баптың 6-тармағы).',
    ru: 'Отмена или восстановление регистрации за два дня до голосования не допускаются (п. 6 ст. 36-1).',
    en: 'Registration cannot be cancelled or restored in the last two days before the vote (Art. 36-1(6)).',
  },
  nomination_before_call: {
    kk: 'Сайлау тағайындалғанға дейін кандидат ұсынылмайды.',
    ru: 'Кандидаты не выдвигаются до назначения выборов.',
    en: 'Candidates cannot be nominated before the election is called.',
  },
  agreement_out_of_period: {
    kk: 'Жергілікті қоғамдастық жиналысының келісімі ұсыну кезеңінен тыс күнге жатады.',
    ru: 'Согласование собрания местного сообщества датировано вне периода выдвижения.',
    en: 'The local community meeting\'s agreement is dated outside the nomination period.',
  },
  wrong_candidates: {
    kk: 'Дауыс беру нәтижелерінде тіркелген кандидаттар дұрыс көрсетілмеген.',
    ru: 'В итогах голосования неверно указаны зарегистрированные кандидаты.',
    en: 'The vote tallies do not match the registered candidates.',
  },
  nothing_to_appeal: {
    kk: 'Шағымдануға болатын шешім жоқ.',
    ru: 'Нет решения, которое можно обжаловать.',
    en: 'There is no decision to appeal.',
  },
  unknown_batch: {
    kk: 'Мұндай қол қою парақтарының файлы импортталмаған.',
    ru: 'Такой файл подписных листов не импортирован.',
    en: 'No such signature-sheet file was imported.',
  },
  invalid_date: {
    kk: 'Күн дұрыс көрсетілмеген: {value}. ЖЖЖЖ-АА-КК пішімі күтіледі.',
    ru: 'Неверная дата: {value}. Ожидается формат ГГГГ-ММ-ДД.',
    en: 'Invalid date: {value}. Expected YYYY-MM-DD.',
  },
  invalid_count: {
    kk: '{field} теріс емес бүтін сан болуы тиіс, берілгені: {value}.',
    ru: '{field} должно быть целым неотрицательным числом, получено: {value}.',
    en: '{field} must be a non-negative integer, got {value}.',
  },
  count_exceeds_base: {
    kk: '{field} мәні ({actual}) өз негізінен ({base}) аспауы тиіс.',
    ru: 'Значение {field} ({actual}) не может превышать базу ({base}).',
    en: '{field} ({actual}) cannot exceed its base ({base}).',
  },
  invalid_unit: {
    kk: 'Мерзім бірлігі белгісіз: {value}.',
    ru: 'Неизвестная единица срока: {value}.',
    en: 'Unknown period unit: {value}.',
  },
  invalid_rule: {
    kk: '{rule} ережесі дұрыс сипатталмаған.',
    ru: 'Правило {rule} описано неверно.',
    en: 'Rule {rule} is malformed.',
  },
  unknown_rule: {
    kk: 'Заңның «{edition}» редакциясында {rule} ережесі жоқ.',
    ru: 'В редакции «{edition}» нет правила {rule}.',
    en: 'Edition {edition} has no rule {rule}.',
  },
  wrong_rule_kind: {
    kk: '{rule} ережесінің түрі — {actual}, ал {kind} күтілген.',
    ru: 'Правило {rule} имеет вид {actual}, ожидался {kind}.',
    en: 'Rule {rule} is a {actual}, not a {kind}.',
  },
  unknown_procedure: {
    kk: 'Белгісіз рәсім: {procedure}. Белгілі рәсімдер: {known}.',
    ru: 'Неизвестная процедура: {procedure}. Известные: {known}.',
    en: 'Unknown procedure: {procedure}. Known: {known}.',
  },
  unknown_edition: {
    kk: 'Заңның «{edition}» редакциясы белгісіз. Белгілі редакциялар: {known}.',
    ru: 'Неизвестная редакция закона: {edition}. Известные: {known}.',
    en: 'Unknown edition of the law: {edition}. Known: {known}.',
  },
  no_edition_in_force: {
    kk: '{date} күні күшінде болған Заң редакциясы белгісіз.',
    ru: 'Нет известной редакции закона, действовавшей на {date}.',
    en: 'No known edition of the law was in force on {date}.',
  },
  unknown_interpretation: {
    kk: 'Белгісіз түсіндірме: {interpretation}.',
    ru: 'Неизвестное толкование: {interpretation}.',
    en: 'Unknown interpretation: {interpretation}.',
  },
  invalid_option: {
    kk: '«{interpretation}» түсіндірмесінде «{option}» нұсқасы жоқ.',
    ru: 'У толкования «{interpretation}» нет варианта «{option}».',
    en: 'Interpretation {interpretation} has no option {option}.',
  },
  duplicate: {
    kk: '{field} екі рет көрсетілген: {value}.',
    ru: '{field} указано дважды: {value}.',
    en: '{field} given twice: {value}.',
  },
  unsupported_direction: {
    kk: '{rule} ережесі мерзімді оқиғадан алға қарай санайды, кері емес (periodOf қолданылады).',
    ru: 'Правило {rule} отсчитывает срок вперёд от события, а не назад (используется periodOf).',
    en: 'Rule {rule} counts forward from its event, not back (use periodOf).',
  },
  invalid_direction: {
    kk: 'Мерзімді санау бағыты белгісіз: {value} (after немесе before).',
    ru: 'Неизвестное направление отсчёта срока: {value} (after или before).',
    en: 'Unknown direction of counting: {value} (after or before).',
  },
  invalid_kind: {
    kk: 'Мерзім түрі белгісіз: {value}.',
    ru: 'Неизвестный вид срока: {value}.',
    en: 'Unknown period kind: {value}.',
  },
  invalid_region: {
    kk: 'Өңір белгісіз: {value}. Белгілі өңірлер: {known}.',
    ru: 'Неизвестный регион: {value}. Известные: {known}.',
    en: 'Unknown region: {value}. Known: {known}.',
  },
  unknown_calendar: {
    kk: 'Күнтізбе белгісіз: {ref}. Белгілі нұсқалар: {known}.',
    ru: 'Неизвестный календарь: {ref}. Известные версии: {known}.',
    en: 'Unknown calendar: {ref}. Known versions: {known}.',
  },
  invalid_calendar: {
    kk: 'Күнтізбе деректері дұрыс емес ({field}).',
    ru: 'Неверные данные календаря ({field}).',
    en: 'Invalid calendar data ({field}).',
  },
  not_a_waiting_period: {
    kk: '{rule} ережесі күту мерзімі емес, соңғы мерзім.',
    ru: 'Правило {rule} задаёт крайний срок, а не срок ожидания.',
    en: 'Rule {rule} is a deadline, not a waiting period.',
  },
  register_file_rejected: {
    kk: '{field} тізілім файлы қабылданбады: қате жолдар саны — {badRows}.',
    ru: 'Файл реестра {field} отклонён: ошибочных строк — {badRows}.',
    en: 'Register file {field} rejected: {badRows} bad rows.',
  },
  below_threshold: {
    kk: 'Кемінде {required} қажет, іс жүзінде {actual} (негіз: {base}).',
    ru: 'Требуется не менее {required}, фактически {actual} (база: {base}).',
    en: 'At least {required} required, got {actual} (base: {base}).',
  },
  above_cap: {
    kk: 'Ең көбі {required} болуы тиіс, іс жүзінде {actual} (негіз: {base}).',
    ru: 'Допускается не более {required}, фактически {actual} (база: {base}).',
    en: 'At most {required} allowed, got {actual} (base: {base}).',
  },
  too_late: {
    kk: 'Мерзім {date} күні аяқталды; әрекет кешіктіріліп жасалды.',
    ru: 'Срок истёк {date}; действие совершено с опозданием.',
    en: 'The period ended on {date}; the act is too late.',
  },
  too_early: {
    kk: 'Бұл әрекетке {date} күнінен бастап қана жол беріледі.',
    ru: 'Это действие допускается только с {date}.',
    en: 'This act is allowed only from {date}.',
  },
  clock_suspended: {
    kk: 'Мерзімнің өтуі {date} күнінен бастап тоқтатылған: ол қайта басталғанға дейін бұл әрекет жасалмайды.',
    ru: 'Течение срока приостановлено с {date}: до его возобновления это действие не совершается.',
    en: 'The period is suspended since {date}; this act waits until it resumes.',
  },
  clock_not_suspended: {
    kk: 'Мерзімнің өтуі тоқтатылған жоқ: оны қайта бастауға болмайды.',
    ru: 'Течение срока не приостановлено: возобновлять нечего.',
    en: 'The period is not suspended; there is nothing to resume.',
  },
  barred: {
    kk: 'Мәселені {date} күніне дейін қайта қозғауға жол берілмейді.',
    ru: 'Повторное возбуждение вопроса не допускается до {date}.',
    en: 'The question may not be raised again before {date}.',
  },
  // ── issue 15: sessions (Arts 10, 11, 18) and sanctions on a deputy (Art 21) ──
  not_applicable: {
    kk: '{act}: бұл рәсімде қолданылмайды ({interpretation} түсіндірмесі бойынша).',
    ru: '{act}: в этой процедуре не применяется (по толкованию {interpretation}).',
    en: '{act}: not applicable to this procedure (interpretation {interpretation}).',
  },
  not_a_ground: {
    kk: 'Кезектен тыс сессияда тек оны шақыруға негіз болған мәселелер қаралады (10-баптың 2-тармағы).',
    ru: 'На внеочередной сессии рассматриваются исключительно вопросы, послужившие основанием для её созыва (п. 2 ст. 10).',
    en: 'An extraordinary session may consider only the issues that were the grounds for convening it (Art. 10(2)).',
  },
  no_such_procedure: {
    kk: '{value} рәсімі тіркелмеген.',
    ru: 'Процедура {value} не зарегистрирована.',
    en: 'No procedure {value} is registered.',
  },
  not_a_session_procedure: {
    kk: '{value} рәсімі ({kind}) кезектен тыс сессияның мәселесіне байланыстырылмайды: тек сенімсіздік білдіру (24-бап) немесе әкімді тағайындауға келісім (23-1-бап) рәсімі (10-баптың 2-тармағы).',
    ru: 'Процедура {value} ({kind}) не связывается с вопросом внеочередной сессии: только процедура выражения недоверия (ст. 24) или согласия на назначение акима (ст. 23-1) (п. 2 ст. 10).',
    en: 'Procedure {value} ({kind}) cannot be linked to an issue of the extraordinary session: only a no-confidence (Art. 24) or an akim consent (Art. 23-1) procedure (Art. 10(2)).',
  },
  other_maslikhat: {
    kk: '{value} рәсімі басқа мәслихатқа ({maslikhat}) жатады, {expected} мәслихатына емес.',
    ru: 'Процедура {value} относится к другому маслихату ({maslikhat}), а не к маслихату {expected}.',
    en: 'Procedure {value} belongs to another maslikhat ({maslikhat}), not to {expected}.',
  },
  decline_not_allowed: {
    kk: 'Заң кезектен тыс сессияны өткізу туралы ұсыныстан бас тартуды көздемейді.',
    ru: 'Закон не предусматривает отказа в проведении внеочередной сессии по надлежащему предложению.',
    en: 'The law gives no power to decline a valid proposal to hold an extraordinary session.',
  },
  before_session: {
    kk: 'Сессия {date} күніне шақырылған: бұл әрекет сол күннен бастап тіркеледі.',
    ru: 'Сессия созвана на {date}: это действие регистрируется начиная с этого дня.',
    en: 'The session is convened for {date}; this act is recorded from that day.',
  },
  not_presiding: {
    kk: 'Бірінші сессияны сессия төрағасы сайланғанға дейін сайлау комиссиясының төрағасы жүргізеді (11-баптың 2-тармағы).',
    ru: 'Первую сессию до избрания председателя сессии ведёт председатель избирательной комиссии (п. 2 ст. 11).',
    en: 'The election commission chair presides over the first session until the session chair is elected (Art. 11(2)).',
  },
  already_sanctioned: {
    kk: 'Бір теріс қылық үшін жаза қайта қолданылмайды (21-баптың 5-тармағы).',
    ru: 'Взыскания не могут быть наложены повторно за один и тот же проступок (п. 5 ст. 21).',
    en: 'No second sanction may be imposed for the same misconduct (Art. 21(5)).',
  },
  // ── end of issue 15 block ──
});

const GENERIC: Message = {
  kk: 'Сұрау қабылданбады ({code}).',
  ru: 'Запрос отклонён ({code}).',
  en: 'Request refused ({code}).',
};

/** Fills `{name}` placeholders; unknown placeholders are left as they are. */
export function fill(template: string, params: Readonly<Record<string, string | number | undefined>>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => {
    const v = params[k];
    return v === undefined ? m : String(v);
  });
}

/** "Art. 24(4)" in each language. */
export function formatCitation(c: Pick<Citation, 'law' | 'article' | 'paragraph' | 'subparagraph'>, lang: Lang): string {
  const p = c.paragraph ? `(${c.paragraph})` : '';
  const sp = c.subparagraph ? `(${c.subparagraph})` : '';
  switch (lang) {
    case 'en': return `Law ${c.law}, Art. ${c.article}${p}${sp}`;
    case 'ru': return `ст. ${c.article}${c.paragraph ? ` п. ${c.paragraph}` : ''}${c.subparagraph ? ` пп. ${c.subparagraph}` : ''} Закона № ${c.law}`;
    case 'kk': return `№ ${c.law} Заңның ${c.article}-бабы${c.paragraph ? `, ${c.paragraph}-тармағы` : ''}${c.subparagraph ? `, ${c.subparagraph}-тармақшасы` : ''}`;
  }
}

/** The message for a refusal, with its rule's citation where the body carries one. */
export function formatRefusal(body: RefusalBody, lang: Lang): string {
  const m = MESSAGES[body.code] ?? GENERIC;
  const params: Record<string, string | number | undefined> = {
    code: body.code,
    field: body.field,
    rule: body.rule,
    date: body.date,
    ...body.params,
  };
  let text = fill(m[lang], params);
  if (body.citation) text += ` (${formatCitation(body.citation, lang)})`;
  else if (body.rule && !m[lang].includes('{rule}')) text += ` [${body.rule}]`;
  return text;
}

// ── Words for showing a rule's value ──

const UNITS: Readonly<Record<PeriodUnit, Readonly<Record<Lang, readonly [string, string]>>>> = {
  calendar_day: { en: ['calendar day', 'calendar days'], ru: ['календарный день', 'календарных дней'], kk: ['күнтізбелік күн', 'күнтізбелік күн'] },
  working_day: { en: ['working day', 'working days'], ru: ['рабочий день', 'рабочих дней'], kk: ['жұмыс күні', 'жұмыс күні'] },
  month: { en: ['month', 'months'], ru: ['месяц', 'месяцев'], kk: ['ай', 'ай'] },
  year: { en: ['year', 'years'], ru: ['год', 'лет'], kk: ['жыл', 'жыл'] },
};

/** Russian plural of a unit for a count (1 день, 2 дня, 5 дней). */
function ruUnit(unit: PeriodUnit, n: number): string {
  const forms: Record<PeriodUnit, [string, string, string]> = {
    calendar_day: ['календарный день', 'календарных дня', 'календарных дней'],
    working_day: ['рабочий день', 'рабочих дня', 'рабочих дней'],
    month: ['месяц', 'месяца', 'месяцев'],
    year: ['год', 'года', 'лет'],
  };
  const f = forms[unit];
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return f[0];
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return f[1];
  return f[2];
}

export function formatDuration(count: number, unit: PeriodUnit, lang: Lang): string {
  if (lang === 'ru') return `${count} ${ruUnit(unit, count)}`;
  const [one, many] = UNITS[unit][lang];
  return `${count} ${count === 1 ? one : many}`;
}

const KINDS: Readonly<Record<PeriodKind, Message>> = {
  deadline: { en: 'deadline', ru: 'крайний срок', kk: 'соңғы мерзім' },
  waiting: { en: 'waiting period', ru: 'срок ожидания', kk: 'күту мерзімі' },
};

const LABELS = {
  from: { en: 'from', ru: 'от', kk: 'басталатын оқиға' },
  before: { en: 'before', ru: 'до', kk: 'дейінгі оқиға' },
  at_least: { en: 'at least', ru: 'не менее', kk: 'кемінде' },
  more_than: { en: 'more than', ru: 'более', kk: 'астам' },
  majority: { en: 'majority', ru: 'большинство', kk: 'көпшілік дауыс' },
  at_most: { en: 'at most', ru: 'не более', kk: 'көп дегенде' },
  of: { en: 'of', ru: 'от', kk: 'негізі' },
  max: { en: 'at most', ru: 'не более', kk: 'көп дегенде' },
  min: { en: 'at least', ru: 'не менее', kk: 'кемінде' },
  barred: { en: 'barred', ru: 'запрещено', kk: 'тыйым салынады' },
  duty: { en: 'duty', ru: 'обязанность', kk: 'міндет' },
  power: { en: 'may', ru: 'вправе', kk: 'құқылы' },
  condition: { en: 'condition', ru: 'условие', kk: 'шарт' },
  consequence: { en: 'consequence', ru: 'последствие', kk: 'салдары' },
} as const satisfies Record<string, Message>;

/** Words for an event or base name (snake_case) — shown as is, with spaces. */
function words(name: string): string {
  return name.replace(/_/g, ' ');
}

/** e.g. "10 working days, deadline, from: written appeal". */
export function formatRuleValue(r: Rule, lang: Lang): string {
  switch (r.kind) {
    case 'period': {
      const p = r.period;
      const dir = p.direction === 'before' ? LABELS.before[lang] : LABELS.from[lang];
      return `${formatDuration(p.count, p.unit, lang)}, ${KINDS[p.kind][lang]}, ${dir}: ${words(p.anchor)}`;
    }
    case 'threshold': {
      const t = r.threshold;
      const frac = `${t.numerator}/${t.denominator}`;
      const head =
        t.comparison === 'majority' ? LABELS.majority[lang]
        : lang === 'kk' && t.comparison === 'more_than' ? `${frac}-ден астам`
        : `${LABELS[t.comparison][lang]} ${frac}`;
      return `${head}, ${LABELS.of[lang]}: ${words(t.base)}`;
    }
    case 'cap':
      return `${LABELS[r.cap.bound][lang]} ${r.cap.limit}: ${words(r.cap.counts)}`;
    case 'bar': {
      const p = r.bar.period;
      const dir = p.direction === 'before' ? LABELS.before[lang] : LABELS.from[lang];
      return `${LABELS.barred[lang]} ${words(r.bar.forbids)}: ${formatDuration(p.count, p.unit, lang)}, ${dir}: ${words(p.anchor)}`;
    }
    case 'norm':
      // e.g. "duty (regional akim): notify president raise early termination"
      return `${LABELS[r.norm.modality][lang]} (${words(r.norm.subject)}): ${words(r.norm.what)}`;
  }
}

/** A rule's title in the language asked. */
export function ruleTitle(r: Pick<Rule, 'title'>, lang: Lang): string {
  return r.title[lang];
}
