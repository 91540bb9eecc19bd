// Texts of workflows/first-session.ts in Kazakh, Russian and English.
import type { Titles } from '../statute/editions/types.js';

export const ACT_TITLES = {
  registerDeputies: { en: 'Record registered deputies', ru: 'Зарегистрировать депутатов', kk: 'Тіркелген депутаттарды енгізу' },
  convene: { en: 'Convene the first session', ru: 'Созвать первую сессию', kk: 'Бірінші сессияны шақыру' },
  openSession: { en: 'Open the first session', ru: 'Открыть первую сессию', kk: 'Бірінші сессияны ашу' },
  electChair: { en: 'Record the vote on the session chair', ru: 'Зарегистрировать голосование по председателю сессии', kk: 'Сессия төрағасы бойынша дауыс беруді тіркеу' },
  announce: { en: 'Tell the deputies, the population and the akim', ru: 'Сообщить депутатам, населению и акиму', kk: 'Депутаттарға, халыққа және әкімге хабарлау' },
  provideMaterials: { en: 'Provide the materials to the deputies and the akim', ru: 'Представить материалы депутатам и акиму', kk: 'Депутаттар мен әкімге материалдарды ұсыну' },
  withdraw: { en: 'Close the procedure', ru: 'Закрыть процедуру', kk: 'Рәсімді жабу' },
} satisfies Record<string, Titles>;

export const PROCEDURE_TITLE: Titles = {
  en: 'first session of a newly elected maslikhat (Art. 10(1))',
  ru: 'первая сессия вновь избранного маслихата (п. 1 ст. 10)',
  kk: 'жаңадан сайланған мәслихаттың бірінші сессиясы (10-баптың 1-тармағы)',
};

export const OVERDUE_TEXT: { step: Titles; consequence: Titles } = {
  step: {
    en: 'the convening of the first session by the chair of the territorial election commission',
    ru: 'созыв первой сессии председателем территориальной избирательной комиссии',
    kk: 'аумақтық сайлау комиссиясы төрағасының бірінші сессияны шақыруы',
  },
  consequence: {
    en: 'The law attaches no consequence; the procedure remains open and awaits the convening',
    ru: 'Закон не устанавливает последствий; процедура остаётся открытой и ожидает созыва',
    kk: 'Заң салдарын белгілемейді; рәсім ашық қалады және шақыруды күтеді',
  },
};
