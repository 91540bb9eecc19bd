// Texts of the law's notices in Kazakh, Russian and English.
// A template is a subject and a body per language with {placeholders}; a parameter is a plain
// value (names, dates, numbers) or a text per language ({ kk, ru, en }) for free wording.
import type { Citation } from '../../statute/types.js';

export type NoticeLang = 'kk' | 'ru' | 'en';
export const NOTICE_LANGS: readonly NoticeLang[] = ['kk', 'ru', 'en'];

export type TemplateParam = string | number | Partial<Record<NoticeLang, string>>;
export type TemplateParams = Record<string, TemplateParam>;

export interface Rendered {
  subject: string;
  body: string;
}

interface Template {
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
];

export const TEMPLATES: ReadonlyMap<string, Template> = new Map(T.map((t) => [t.id, t]));
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
