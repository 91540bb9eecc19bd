// Notices of a regular session (workflows/regular-session.ts): 10(3) notice and materials, and the
// secretary's warnings about the four regular sessions of a year (10(2)).
import type { Template } from './index.js';

export const REGULAR_SESSION_TEMPLATES: Template[] = [
  {
    id: 'regular_session_notice',
    audience: 'deputies, the population and the akim (Art. 10(3))',
    params: ['maslikhat', 'session', 'sessionDate', 'place', 'agenda'],
    texts: {
      kk: {
        subject: '{maslikhat} кезекті {session} сессиясын шақыру туралы хабарлама',
        body: '{maslikhat} кезекті {session} сессиясы {sessionDate} күні өтеді. Өтетін орны: {place}. Сессияның қарауына енгізілетін мәселелер: {agenda}.',
      },
      ru: {
        subject: 'Сообщение о созыве очередной сессии {session} {maslikhat}',
        body: 'Очередная сессия {session} {maslikhat} созывается на {sessionDate}. Место проведения: {place}. Вопросы, вносимые на рассмотрение сессии: {agenda}.',
      },
      en: {
        subject: 'Notice of the regular session {session} of {maslikhat}',
        body: 'The regular session {session} of {maslikhat} is convened for {sessionDate}. Place: {place}. Items put before the session: {agenda}.',
      },
    },
  },
  {
    id: 'regular_session_materials',
    audience: 'deputies and the akim (Art. 10(3))',
    params: ['maslikhat', 'session', 'sessionDate', 'materials'],
    texts: {
      kk: {
        subject: '{maslikhat} кезекті {session} сессиясының материалдары',
        body: '{sessionDate} күнгі кезекті {session} сессияның қарауына енгізілетін мәселелер бойынша қажетті материалдар: {materials}.',
      },
      ru: {
        subject: 'Материалы очередной сессии {session} {maslikhat}',
        body: 'Необходимые материалы по вопросам, вносимым на рассмотрение очередной сессии {session} {sessionDate}: {materials}.',
      },
      en: {
        subject: 'Materials of the regular session {session} of {maslikhat}',
        body: 'The necessary materials on the items put before the regular session {session} of {sessionDate}: {materials}.',
      },
    },
  },
  {
    id: 'regular_session_year_plan',
    audience: 'the secretary of the maslikhat',
    params: ['maslikhat', 'year', 'held', 'needed', 'latestNotice'],
    texts: {
      kk: {
        subject: '{maslikhat}: жылына кемінде төрт кезекті сессия ({year})',
        body: '{year} ішінде {held} кезекті сессия өтті; тағы {needed} сессия қажет. Олардың барлығы уақытында өтуі үшін келесі кезекті сессия туралы хабарлама {latestNotice} дейін жіберілуі тиіс.',
      },
      ru: {
        subject: '{maslikhat}: не реже четырёх очередных сессий в год ({year})',
        body: 'В {year} проведено очередных сессий: {held}; требуется ещё {needed}. Чтобы все они состоялись в срок, сообщение о созыве следующей очередной сессии должно быть направлено не позднее {latestNotice}.',
      },
      en: {
        subject: '{maslikhat}: at least four regular sessions a year ({year})',
        body: 'Regular sessions held in {year}: {held}; {needed} more are required. For all of them to fit, the notice of the next regular session must go out by {latestNotice}.',
      },
    },
  },
  {
    id: 'regular_session_year_missed',
    audience: 'the secretary of the maslikhat',
    params: ['maslikhat', 'year', 'held', 'needed', 'latestNotice'],
    texts: {
      kk: {
        subject: '{maslikhat}: {year} ішінде төрт кезекті сессия енді өтпейді',
        body: '{year} ішінде {held} кезекті сессия өтті немесе шақырылды; қажетті {needed} сессия жыл аяқталғанға дейін сыймайды: келесі сессия туралы хабарламаның соңғы күні {latestNotice} болды (10-баптың 2-тармағы).',
      },
      ru: {
        subject: '{maslikhat}: четыре очередные сессии в {year} уже не могут быть проведены',
        body: 'В {year} проведено или созвано очередных сессий: {held}; недостающие {needed} уже не укладываются в год: последний день сообщения о созыве следующей сессии — {latestNotice} (п. 2 ст. 10).',
      },
      en: {
        subject: '{maslikhat}: four regular sessions can no longer be held in {year}',
        body: 'Regular sessions held or convened in {year}: {held}; the {needed} still required no longer fit in the year: the last day to give notice of the next session was {latestNotice} (Art. 10(2)).',
      },
    },
  },
];
