// Titles of the regular session's acts (workflows/regular-session.ts), in kk/ru/en.
import type { Titles } from '../statute/editions/types.js';

export const TITLE: Titles = { en: 'Regular session of the maslikhat', ru: 'Очередная сессия маслихата', kk: 'Мәслихаттың кезекті сессиясы' };

export const ACT_TITLES: Record<string, Titles> = {
  announce: { en: 'Notice of the session to deputies, the population and the akim', ru: 'Сообщение о созыве сессии депутатам, населению и акиму', kk: 'Сессияның шақырылуы туралы депутаттарға, халыққа және әкімге хабарлау' },
  materials: { en: 'Materials to deputies and the akim', ru: 'Материалы депутатам и акиму', kk: 'Материалдарды депутаттар мен әкімге ұсыну' },
  reschedule: { en: 'New day of the session', ru: 'Перенос дня сессии', kk: 'Сессия күнін ауыстыру' },
  akimConclusion: { en: "Akim's conclusion on a draft", ru: 'Заключение акима по проекту решения', kk: 'Шешім жобасы бойынша әкімнің қорытындысы' },
  open: { en: 'Open the session (quorum)', ru: 'Открытие сессии (кворум)', kk: 'Сессияны ашу (кворум)' },
  closedSitting: { en: 'Vote on a closed sitting', ru: 'Голосование о проведении закрытой сессии', kk: 'Жабық сессия өткізу туралы дауыс беру' },
  decide: { en: 'Vote on an agenda item', ru: 'Голосование по вопросу повестки дня', kk: 'Күн тәртібіндегі мәселе бойынша дауыс беру' },
  recess: { en: 'Break in the session', ru: 'Перерыв в работе сессии', kk: 'Сессия жұмысындағы үзіліс' },
  resume: { en: 'Resume the session after the break', ru: 'Возобновление сессии после перерыва', kk: 'Үзілістен кейін сессияны жалғастыру' },
  electChair: { en: 'Elect the chair of the next regular session', ru: 'Избрание председателя следующей очередной сессии', kk: 'Келесі кезекті сессияның төрағасын сайлау' },
  closeSession: { en: 'Close the session', ru: 'Закрытие сессии', kk: 'Сессияны жабу' },
  signProtocol: { en: 'Protocol signed by the chair and the secretary', ru: 'Протокол подписан председателем сессии и секретарём', kk: 'Хаттамаға сессия төрағасы мен хатшы қол қойды' },
  publish: { en: 'Decisions published', ru: 'Решения опубликованы', kk: 'Шешімдер жарияланды' },
};

export const PROCEDURE_TEXT = {
  year: (from: string, to: string) => ({ en: `the year ${from} – ${to}`, ru: `год ${from} – ${to}`, kk: `${from} – ${to} жыл` }),
};
