// Texts of workflows/extraordinary-session.ts in Kazakh, Russian and English.
import type { Titles } from '../statute/editions/types.js';

export const ACT_TITLES = {
  decide: { en: 'Decision to hold the extraordinary session', ru: 'Решение о проведении внеочередной сессии', kk: 'Кезектен тыс сессияны өткізу туралы шешім' },
  decline: { en: 'Decline the proposal', ru: 'Отказать в проведении по предложению', kk: 'Ұсыныс бойынша өткізуден бас тарту' },
  convene: { en: 'Convene the session (date and place)', ru: 'Созвать сессию (дата и место)', kk: 'Сессияны шақыру (күні мен орны)' },
  announce: { en: 'Tell the deputies, the population and the akim', ru: 'Сообщить депутатам, населению и акиму', kk: 'Депутаттарға, халыққа және әкімге хабарлау' },
  provideMaterials: { en: 'Provide the materials to the deputies and the akim', ru: 'Представить материалы депутатам и акиму', kk: 'Депутаттар мен әкімге материалдарды ұсыну' },
  holdSession: { en: 'Record the session held', ru: 'Зарегистрировать проведение сессии', kk: 'Сессияның өткізілгенін тіркеу' },
  withdraw: { en: 'Close the procedure', ru: 'Закрыть процедуру', kk: 'Рәсімді жабу' },
} satisfies Record<string, Titles>;

export const SESSION_TEXT: Titles = { en: 'extraordinary session', ru: 'внеочередная сессия', kk: 'кезектен тыс сессия' };

/** The procedures an issue of the session may belong to (an issue's `for`) */
export const LINKED_TITLES = {
  no_confidence: { en: 'Vote of no confidence in the akim (Art. 24)', ru: 'Выражение вотума недоверия акиму (ст. 24)', kk: 'Әкімге сенімсіздік білдіру (24-бап)' },
  akim_consent: { en: 'Consent to the appointment of the akim (Art. 23-1)', ru: 'Согласие на назначение акима (ст. 23-1)', kk: 'Әкімді тағайындауға келісім беру (23-1-бап)' },
} satisfies Record<string, Titles>;
