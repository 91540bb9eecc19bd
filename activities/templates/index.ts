// Texts of the law's notices in Kazakh, Russian and English.
// A template is a subject and a body per language with {placeholders}; a parameter is a plain
// value (names, dates, numbers) or a text per language ({ kk, ru, en }) for free wording.
import type { Citation } from '../../statute/types.js';
import { REGULAR_SESSION_TEMPLATES } from './regular-session.js';

export type NoticeLang = 'kk' | 'ru' | 'en';
export const NOTICE_LANGS: readonly NoticeLang[] = ['kk', 'ru', 'en'];

export type TemplateParam = string | number | Partial<Record<NoticeLang, string>>;
export type TemplateParams = Record<string, TemplateParam>;

export interface Rendered {
  subject: string;
  body: string;
}

export interface Template {
  id: string;
  /** Who it is for, informally (documentation). */
  audience: string;
  params: readonly string[];
  texts: Record<NoticeLang, Rendered>;
}

const T: Template[] = [
  {
    id: 'deputy_mandate_terminated',
    audience: 'territorial election commission',
    params: ['maslikhat', 'deputy', 'decisionDate', 'decisionNumber', 'reason'],
    texts: {
      kk: {
        subject: 'Мәслихат депутатының өкілеттігін мерзімінен бұрын тоқтату туралы хабарлама',
        body:
          '{maslikhat} {decisionDate} күнгі № {decisionNumber} шешімімен депутат {deputy} ' +
          'өкілеттігін мерзімінен бұрын тоқтатты. Негізі: {reason}.',
      },
      ru: {
        subject: 'Уведомление о досрочном прекращении полномочий депутата маслихата',
        body:
          'Решением {maslikhat} от {decisionDate} № {decisionNumber} досрочно прекращены полномочия ' +
          'депутата {deputy}. Основание: {reason}.',
      },
      en: {
        subject: 'Notice of early termination of the powers of a maslikhat deputy',
        body:
          'By decision No {decisionNumber} of {decisionDate}, {maslikhat} terminated early the powers ' +
          'of deputy {deputy}. Ground: {reason}.',
      },
    },
  },
  {
    id: 'no_confidence_in_akim',
    audience: 'the President or the superior akim',
    params: ['maslikhat', 'sessionDate', 'akim', 'votesFor', 'totalDeputies'],
    texts: {
      kk: {
        subject: 'Мәслихаттың әкімге сенімсіздік білдіргені туралы хабарлама',
        body:
          '{maslikhat} {sessionDate} күнгі сессиясында {akim} әкімге сенімсіздік білдіру туралы шешім ' +
          'қабылдады. Дауыс беру нәтижесі: депутаттардың жалпы саны {totalDeputies}, оның ішінде ' +
          '{votesFor} депутат жақтап дауыс берді. Шешім қарауыңызға жіберіліп отыр.',
      },
      ru: {
        subject: 'Уведомление о выражении маслихатом недоверия акиму',
        body:
          '{maslikhat} на сессии {sessionDate} принял решение о выражении недоверия акиму {akim}. ' +
          'Результаты голосования: из {totalDeputies} депутатов «за» проголосовали {votesFor}. ' +
          'Решение направляется Вам на рассмотрение.',
      },
      en: {
        subject: 'Notice that the maslikhat has expressed no confidence in the akim',
        body:
          'At its session of {sessionDate}, {maslikhat} adopted a decision expressing no confidence in ' +
          'akim {akim}. Vote: {votesFor} of {totalDeputies} deputies in favour. The decision is sent to ' +
          'you for consideration.',
      },
    },
  },
  {
    id: 'electors_meeting',
    audience: 'a Senate deputy, the electors of a region',
    params: ['addresseeName', 'region', 'meetingDate', 'place', 'agenda'],
    texts: {
      kk: {
        subject: 'Таңдаушылар жиналысы туралы хабарлама',
        body:
          'Құрметті {addresseeName}! {region} мәслихаттары депутаттарының (таңдаушылардың) бірлескен ' +
          'отырысы {meetingDate} күні өтетінін хабарлаймыз. Өтетін орны: {place}. Күн тәртібі: {agenda}.',
      },
      ru: {
        subject: 'Уведомление о собрании выборщиков',
        body:
          'Уважаемый(ая) {addresseeName}! Сообщаем, что совместное заседание депутатов маслихатов ' +
          '{region} (выборщиков) состоится {meetingDate}. Место проведения: {place}. Повестка дня: {agenda}.',
      },
      en: {
        subject: 'Notice of a meeting of electors',
        body:
          'Dear {addresseeName}, the joint meeting of the deputies of the maslikhats of {region} (the ' +
          'electors) will be held on {meetingDate}. Venue: {place}. Agenda: {agenda}.',
      },
    },
  },
  {
    id: 'public_announcement',
    audience: 'the population',
    params: ['authority', 'decisionDate', 'decisionNumber', 'summary', 'where'],
    texts: {
      kk: {
        subject: '{authority}: тұрғындарға хабарландыру',
        body:
          '{authority} {decisionDate} күнгі № {decisionNumber} шешім туралы хабарлайды: {summary}. ' +
          'Шешімнің толық мәтінімен мына жерде танысуға болады: {where}.',
      },
      ru: {
        subject: '{authority}: объявление для населения',
        body:
          '{authority} сообщает о решении от {decisionDate} № {decisionNumber}: {summary}. ' +
          'С полным текстом решения можно ознакомиться: {where}.',
      },
      en: {
        subject: '{authority}: public announcement',
        body:
          '{authority} announces decision No {decisionNumber} of {decisionDate}: {summary}. ' +
          'The full text of the decision is available at: {where}.',
      },
    },
  },
  // ---- senate_recall (Art. 24-1, issue 6) ----
  {
    id: 'senate_recall_initiated',
    audience: 'the regional election commission and the Senate deputy',
    params: ['maslikhat', 'senator', 'decisionDate', 'decisionNumber', 'grounds'],
    texts: {
      kk: {
        subject: 'Сенат депутатының өкілеттігін мерзімінен бұрын тоқтату мәселесін қозғау туралы хабарлама',
        body:
          '{maslikhat} {decisionDate} күнгі № {decisionNumber} шешімімен Қазақстан Республикасы Парламенті Сенатының ' +
          'депутаты {senator} өкілеттігін мерзімінен бұрын тоқтату мәселесін қозғады. Негіздері: {grounds}.',
      },
      ru: {
        subject: 'Уведомление об инициировании досрочного прекращения полномочий депутата Сената',
        body:
          'Решением {maslikhat} от {decisionDate} № {decisionNumber} инициирован вопрос о досрочном прекращении ' +
          'полномочий депутата Сената Парламента Республики Казахстан {senator}. Основания: {grounds}.',
      },
      en: {
        subject: 'Notice that early termination of the powers of a Senate deputy has been initiated',
        body:
          'By decision No {decisionNumber} of {decisionDate}, {maslikhat} initiated the early termination of the ' +
          'powers of {senator}, deputy of the Senate of the Parliament of the Republic of Kazakhstan. Grounds: {grounds}.',
      },
    },
  },
  {
    id: 'senate_recall_refused',
    audience: 'the Senate deputy and the initiators',
    params: ['senator', 'decisionDate', 'reason', 'allowedFrom'],
    texts: {
      kk: {
        subject: 'Сенат депутатының өкілеттігін тоқтату мәселесін дауыс беруге шығарудан бас тарту туралы хабарлама',
        body:
          'Сайлау комиссиясы {decisionDate} күні Сенат депутаты {senator} өкілеттігін мерзімінен бұрын тоқтату ' +
          'мәселесін дауыс беруге шығарудан бас тартты. Себебі: {reason}. Мәселені сол негіздер бойынша қайта ' +
          'қозғауға {allowedFrom} күнінен бастап ғана жол беріледі.',
      },
      ru: {
        subject: 'Уведомление об отказе в вынесении на голосование вопроса о прекращении полномочий депутата Сената',
        body:
          'Избирательная комиссия {decisionDate} отказала в вынесении на голосование вопроса о досрочном ' +
          'прекращении полномочий депутата Сената {senator}. Причина: {reason}. Повторное возбуждение вопроса ' +
          'по тем же основаниям допускается не ранее {allowedFrom}.',
      },
      en: {
        subject: 'Notice of refusal to put the recall of a Senate deputy to a vote',
        body:
          'On {decisionDate} the election commission refused to put to a vote the early termination of the powers ' +
          'of Senate deputy {senator}. Reason: {reason}. The question may be raised again on the same grounds from ' +
          '{allowedFrom}.',
      },
    },
  },
  {
    id: 'senate_recall_put_to_vote',
    audience: 'the Senate deputy (written notice by the maslikhat secretary)',
    params: ['senator', 'region', 'decisionDate', 'sittingBy'],
    texts: {
      kk: {
        subject: 'Сенат депутатының өкілеттігін тоқтату мәселесін дауыс беруге шығару туралы жазбаша хабарлама',
        body:
          'Құрметті {senator}! Сайлау комиссиясы {decisionDate} күні Сіздің өкілеттігіңізді мерзімінен бұрын ' +
          'тоқтату мәселесін {region} мәслихаттары сайлаушыларының дауыс беруіне шығару туралы шешім қабылдады. ' +
          'Сайлаушылардың бірлескен отырысы {sittingBy} күнінен кешіктірілмей өткізіледі.',
      },
      ru: {
        subject: 'Письменное уведомление о вынесении на голосование вопроса о прекращении полномочий депутата Сената',
        body:
          'Уважаемый(ая) {senator}! Избирательная комиссия {decisionDate} приняла решение о вынесении на голосование ' +
          'выборщиков маслихатов {region} вопроса о досрочном прекращении Ваших полномочий. Совместное заседание ' +
          'выборщиков проводится не позднее {sittingBy}.',
      },
      en: {
        subject: 'Written notice that the recall of a Senate deputy is put to a vote',
        body:
          'Dear {senator}, on {decisionDate} the election commission decided to put the early termination of your ' +
          'powers to a vote of the electors of the maslikhats of {region}. The joint sitting of the electors is held ' +
          'no later than {sittingBy}.',
      },
    },
  },
  {
    id: 'senate_recall_result',
    audience: 'the Senate deputy, the regional election commission',
    params: ['senator', 'votingDate', 'votesFor', 'voted', 'result'],
    texts: {
      kk: {
        subject: 'Сенат депутатын кері шақыру бойынша дауыс беру қорытындысы',
        body:
          '{votingDate} күнгі дауыс беруде Сенат депутаты {senator} өкілеттігін мерзімінен бұрын тоқтатуды ' +
          'дауыс беруге қатысқан {voted} сайлаушының {votesFor} жақтады. Қорытынды: {result}.',
      },
      ru: {
        subject: 'Итоги голосования по отзыву депутата Сената',
        body:
          'В голосовании {votingDate} за досрочное прекращение полномочий депутата Сената {senator} проголосовали ' +
          '{votesFor} из {voted} принявших участие выборщиков. Итог: {result}.',
      },
      en: {
        subject: 'Result of the vote on the recall of a Senate deputy',
        body:
          'In the vote of {votingDate}, {votesFor} of the {voted} electors who took part voted for the early ' +
          'termination of the powers of Senate deputy {senator}. Result: {result}.',
      },
    },
  },
  // ---- end senate_recall ----
  // ── issue 5: P-15 akim consent (Art. 23-1), P-17 no confidence (Art. 24) ──
  {
    id: 'no_confidence_repeat',
    audience: 'the President or the superior akim',
    params: ['maslikhat', 'sessionDate', 'akim', 'votesFor', 'totalDeputies', 'firstVoteDate'],
    texts: {
      kk: {
        subject: 'Мәслихаттың әкімге қайталап сенімсіздік білдіргені туралы хабарлама',
        body:
          '{maslikhat} {sessionDate} күнгі сессиясында {akim} әкімге қайталап сенімсіздік білдірді ' +
          '(алғашқы сенімсіздік вотумы {firstVoteDate} күні білдірілген). Депутаттардың жалпы саны ' +
          '{totalDeputies}, оның ішінде {votesFor} депутат жақтап дауыс берді. Бұл жағдайда әкім ' +
          'лауазымынан босатылады.',
      },
      ru: {
        subject: 'Уведомление о повторном выражении маслихатом недоверия акиму',
        body:
          '{maslikhat} на сессии {sessionDate} повторно выразил недоверие акиму {akim} (первый вотум ' +
          'недоверия выражен {firstVoteDate}). Из {totalDeputies} депутатов «за» проголосовали {votesFor}. ' +
          'В этом случае аким освобождается от должности.',
      },
      en: {
        subject: 'Notice of a repeat vote of no confidence in the akim',
        body:
          'At its session of {sessionDate}, {maslikhat} again expressed no confidence in akim {akim} ' +
          '(the first vote of no confidence was on {firstVoteDate}). Vote: {votesFor} of {totalDeputies} ' +
          'deputies in favour. In this case the akim is released from office.',
      },
    },
  },
  {
    id: 'session_convened',
    audience: 'deputies, the population and the akim (Art. 10(3))',
    params: ['maslikhat', 'session', 'sessionDate', 'place', 'issues'],
    texts: {
      kk: {
        subject: 'Мәслихат сессиясының шақырылуы туралы хабарлама: {session}',
        body: '{maslikhat} {session} {sessionDate} күні шақырылады. Өтетін орны: {place}. Қаралатын мәселелер: {issues}.',
      },
      ru: {
        subject: 'Сообщение о созыве сессии маслихата: {session}',
        body: '{maslikhat}: {session} созывается {sessionDate}. Место проведения: {place}. Вопросы, вносимые на рассмотрение: {issues}.',
      },
      en: {
        subject: 'Notice of a maslikhat session: {session}',
        body: '{maslikhat}: the {session} is convened for {sessionDate}. Place: {place}. Issues to be considered: {issues}.',
      },
    },
  },
  {
    id: 'deputy_sanction_imposed',
    audience: 'the mass media of the territory (Art. 21(5))',
    params: ['maslikhat', 'deputy', 'sessionDate', 'measure', 'misconduct'],
    texts: {
      kk: {
        subject: 'Мәслихат депутатына жаза қолданылғаны туралы ақпарат',
        body: '{maslikhat} {sessionDate} күнгі сессиясында депутат {deputy} жаза қолданды: {measure}. Теріс қылық: {misconduct}.',
      },
      ru: {
        subject: 'Информация о наложении взыскания на депутата маслихата',
        body: '{maslikhat} на сессии {sessionDate} наложил на депутата {deputy} взыскание: {measure}. Проступок: {misconduct}.',
      },
      en: {
        subject: 'A sanction imposed on a maslikhat deputy',
        body: 'At its session of {sessionDate}, {maslikhat} imposed a sanction on deputy {deputy}: {measure}. Misconduct: {misconduct}.',
      },
    },
  },
  {
    id: 'akim_procedure_overdue',
    audience: 'whoever oversees the overdue step (superior, maslikhat)',
    params: ['procedure', 'subject', 'step', 'deadlineDate', 'consequence'],
    texts: {
      kk: {
        subject: 'Заңда белгіленген мерзім өтті: {step}',
        body:
          'Рәсім: {procedure} ({subject}). Заңда белгіленген мерзім {deadlineDate} күні аяқталды, ' +
          'алайда мына әрекет жасалмады: {step}. {consequence}.',
      },
      ru: {
        subject: 'Истёк установленный законом срок: {step}',
        body:
          'Процедура: {procedure} ({subject}). Установленный законом срок истёк {deadlineDate}, ' +
          'однако не совершено действие: {step}. {consequence}.',
      },
      en: {
        subject: 'A statutory deadline has passed: {step}',
        body:
          'Procedure: {procedure} ({subject}). The statutory period ended on {deadlineDate} without ' +
          'this act: {step}. {consequence}.',
      },
    },
  },
  {
    id: 'akim_consent_session_decision',
    audience: 'the person appointing the akim (or the person authorised)',
    params: ['maslikhat', 'post', 'candidate', 'sessionDate', 'votesFor', 'totalDeputies', 'decision'],
    texts: {
      kk: {
        subject: 'Әкімді тағайындауға келісім беру туралы мәслихат сессиясының шешімі',
        body:
          '{maslikhat} {sessionDate} күнгі сессиясында {candidate} кандидатурасын {post} лауазымына ' +
          'тағайындауға келісім беру туралы ұсынуды қарады. Депутаттардың жалпы саны {totalDeputies}, ' +
          'оның ішінде {votesFor} депутат жақтап дауыс берді. Шешім: {decision}.',
      },
      ru: {
        subject: 'Решение сессии маслихата о даче согласия на назначение акима',
        body:
          '{maslikhat} на сессии {sessionDate} рассмотрел представление о даче согласия на назначение ' +
          '{candidate} на должность: {post}. Из {totalDeputies} депутатов «за» проголосовали {votesFor}. ' +
          'Решение: {decision}.',
      },
      en: {
        subject: 'Session decision of the maslikhat on consent to the appointment of an akim',
        body:
          'At its session of {sessionDate}, {maslikhat} considered the request for consent to appoint ' +
          '{candidate} as {post}. Vote: {votesFor} of {totalDeputies} deputies in favour. Decision: {decision}.',
      },
    },
  },
  {
    id: 'akim_consent_third_refusal',
    audience: 'the President',
    params: ['maslikhat', 'post', 'candidates', 'consequence'],
    texts: {
      kk: {
        subject: 'Мәслихат әкімді тағайындауға үшінші рет келісім бермеді',
        body:
          '{maslikhat} {post} лауазымына ұсынылған кандидатураларды тағайындауға қатарынан үшінші рет ' +
          'келісім бермеді. Кандидатуралар: {candidates}. {consequence}.',
      },
      ru: {
        subject: 'Маслихат в третий раз не дал согласия на назначение акима',
        body:
          '{maslikhat} в третий раз подряд не дал согласия на назначение кандидатур на должность: {post}. ' +
          'Кандидатуры: {candidates}. {consequence}.',
      },
      en: {
        subject: 'The maslikhat has refused consent to the appointment of an akim for the third time',
        body:
          '{maslikhat} has refused, for the third time in a row, consent to the candidates for the post ' +
          'of {post}. Candidates: {candidates}. {consequence}.',
      },
    },
  },
  // ── end of issue 5 block ──
  // ── issue 7, P-19 rural akim election (workflows/rural-akim-election.ts) ──
  {
    id: 'rural_akim_election_called',
    audience: 'the district election commission, the population through local media (36-1(3))',
    params: ['unit', 'kind', 'electionDay', 'calendar'],
    texts: {
      kk: {
        subject: '{unit}: әкім сайлауы {electionDay} күнге тағайындалды',
        body:
          '{unit} әкімінің {kind} сайлауы {electionDay} күні аудан мәслихаты депутаттарының (таңдаушылардың) ' +
          'отырысында өткізіледі. Сайлау күнтізбесі:\n{calendar}',
      },
      ru: {
        subject: '{unit}: выборы акима назначены на {electionDay}',
        body:
          '{kind} акима {unit} проводятся {electionDay} на заседании выборщиков — депутатов маслихата района. ' +
          'Календарь выборов:\n{calendar}',
      },
      en: {
        subject: '{unit}: election of the akim called for {electionDay}',
        body:
          '{kind} of the akim of {unit} will be held on {electionDay} at the sitting of the electors, the ' +
          'deputies of the district maslikhat. Election calendar:\n{calendar}',
      },
    },
  },
  {
    id: 'rural_akim_deadline_passed',
    audience: 'the district election commission',
    params: ['unit', 'what', 'date', 'rule'],
    texts: {
      kk: {
        subject: '{unit}: әкім сайлауының мерзімі өтті',
        body: '{unit} әкімін сайлау рәсімінде мерзім өтті: {what}. Мерзімнің соңғы күні: {date} ({rule}).',
      },
      ru: {
        subject: '{unit}: истёк срок в процедуре выборов акима',
        body: 'В процедуре выборов акима {unit} истёк срок: {what}. Последний день срока: {date} ({rule}).',
      },
      en: {
        subject: '{unit}: a deadline of the akim election has passed',
        body: 'In the election of the akim of {unit} a deadline has passed: {what}. Last day: {date} ({rule}).',
      },
    },
  },
  {
    id: 'rural_akim_election_result',
    audience: 'the district election commission, the district akim',
    params: ['unit', 'summary', 'electionDay'],
    texts: {
      kk: {
        subject: '{unit}: әкім сайлауы туралы хабарлама',
        body: '{unit} әкімін сайлау ({electionDay}): {summary}.',
      },
      ru: {
        subject: '{unit}: сообщение о выборах акима',
        body: 'Выборы акима {unit} ({electionDay}): {summary}.',
      },
      en: {
        subject: '{unit}: notice on the akim election',
        body: 'Election of the akim of {unit} ({electionDay}): {summary}.',
      },
    },
  },
  // ── end of issue 7 block ──
];

export const TEMPLATES: ReadonlyMap<string, Template> = new Map([...T, ...REGULAR_SESSION_TEMPLATES].map((t) => [t.id, t]));
export const TEMPLATE_IDS = T.map((t) => t.id);

const LAW_148: Record<NoticeLang, string> = {
  kk: '«Қазақстан Республикасындағы жергілікті мемлекеттік басқару және өзін-өзі басқару туралы» Қазақстан Республикасы Заңы',
  ru: 'Закон Республики Казахстан «О местном государственном управлении и самоуправлении в Республике Казахстан»',
  en: 'Law of the Republic of Kazakhstan on Local Government and Self-Government in the Republic of Kazakhstan',
};

/** "Article 24-1(2) of Law ..." in each language. */
export function renderBasis(c: Pick<Citation, 'law' | 'article' | 'paragraph' | 'subparagraph'>, lang: NoticeLang): string {
  const law = c.law === '148' ? LAW_148[lang] : { kk: `№ ${c.law} Заң`, ru: `Закон № ${c.law}`, en: `Law No ${c.law}` }[lang];
  switch (lang) {
    case 'kk': {
      // genitive of the law's name: "Заңы" -> "Заңының", "Заң" -> "Заңның"
      const lawGen = law + 'ның';
      const parts = [`${c.article}-бабы`];
      if (c.paragraph) parts[0] = `${c.article}-бабының ${c.paragraph}-тармағы`;
      if (c.paragraph && c.subparagraph) parts[0] = `${c.article}-бабы ${c.paragraph}-тармағының ${c.subparagraph}) тармақшасы`;
      return `${lawGen} ${parts[0]}`;
    }
    case 'ru': {
      const sp = c.subparagraph ? `подпункт ${c.subparagraph}) ` : '';
      const p = c.paragraph ? `${c.subparagraph ? 'пункта' : 'пункт'} ${c.paragraph} ` : '';
      const a = c.paragraph || c.subparagraph ? `статьи ${c.article}` : `статья ${c.article}`;
      return `${sp}${p}${a} ${law.replace(/^Закон /, 'Закона ')}`;
    }
    case 'en': {
      const p = c.paragraph ? `(${c.paragraph})` : '';
      const sp = c.subparagraph ? `(${c.subparagraph})` : '';
      return `Article ${c.article}${p}${sp} of the ${law}`;
    }
  }
}

/** A deadline instant in Kazakhstan legal time (UTC+5 since 1 March 2024). */
export function renderDeadline(instant: string, lang: NoticeLang): string {
  const d = new Date(new Date(instant).getTime() + 5 * 3600_000);
  const iso = d.toISOString();
  const text = `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  return { kk: `${text} (Астана уақыты)`, ru: `${text} (время Астаны)`, en: `${text} (Astana time, UTC+5)` }[lang];
}

const FOOTER: Record<NoticeLang, string> = {
  kk: 'Құқықтық негіз: {basis}. Хабарлау мерзімі: {deadline} дейін.',
  ru: 'Правовое основание: {basis}. Срок уведомления: до {deadline}.',
  en: 'Legal basis: {basis}. Notice due by: {deadline}.',
};

export class TemplateError extends Error {
  constructor(readonly templateId: string, readonly problems: string[]) {
    super(`template ${templateId}: ${problems.join('; ')}`);
    this.name = 'TemplateError';
  }
}

function paramText(v: TemplateParam, lang: NoticeLang): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return v[lang];
}

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
}

/** Check the params of a template for the given languages; returns the problems found. */
export function checkTemplate(templateId: string, params: TemplateParams, languages: readonly NoticeLang[]): string[] {
  const t = TEMPLATES.get(templateId);
  if (!t) return [`unknown template (known: ${TEMPLATE_IDS.join(', ')})`];
  const problems: string[] = [];
  for (const p of t.params) {
    const v = params[p];
    if (v === undefined) {
      problems.push(`missing param ${p}`);
      continue;
    }
    for (const lang of languages) {
      const s = paramText(v, lang);
      if (s === undefined || s.trim() === '') problems.push(`param ${p} has no ${lang} text`);
    }
  }
  for (const k of Object.keys(params)) if (!t.params.includes(k)) problems.push(`unknown param ${k}`);
  return problems;
}

export function renderNotice(
  templateId: string,
  params: TemplateParams,
  languages: readonly NoticeLang[],
  basis: Citation,
  deadline: string,
): Record<NoticeLang, Rendered> {
  const problems = checkTemplate(templateId, params, languages);
  if (problems.length > 0) throw new TemplateError(templateId, problems);
  const t = TEMPLATES.get(templateId)!;
  const out = {} as Record<NoticeLang, Rendered>;
  for (const lang of languages) {
    const values: Record<string, string> = {};
    for (const p of t.params) values[p] = paramText(params[p]!, lang)!;
    values.basis = renderBasis(basis, lang);
    values.deadline = renderDeadline(deadline, lang);
    out[lang] = {
      subject: fill(t.texts[lang].subject, values),
      body: fill(t.texts[lang].body, values) + '\n\n' + fill(FOOTER[lang], values),
    };
  }
  return out;
}
