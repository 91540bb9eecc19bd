// The kk/ru/en texts of the no-confidence procedure's notices (workflows/no-confidence.ts).
/** a text in the three languages (a type alias: notice params take it as a record) */
export type Text = { en: string; ru: string; kk: string };

export const PROCEDURE_TITLE: Text = {
  en: 'vote of no confidence in the akim (Art. 24)',
  ru: 'выражение вотума недоверия акиму (ст. 24)',
  kk: 'әкімге сенімсіздік вотумын білдіру (24-бап)',
};

/** the step a deadline waits for, by rule id (the overdue notice) */
export const STEP_TITLES: Record<string, Text> = {
  'art24.p4.signature_verification': { en: 'verification of the signatures by the secretary', ru: 'проверка подлинности подписей секретарём маслихата', kk: 'мәслихат хатшысының қолдардың түпнұсқалығын тексеруі' },
  'art24.p5.session': { en: 'the no-confidence session', ru: 'сессия маслихата по выражению вотума недоверия', kk: 'сенімсіздік вотумы жөніндегі мәслихат сессиясы' },
  'art24.p7.superior_decision': { en: 'the decision on the termination of the akim\'s powers', ru: 'решение о прекращении полномочий акима', kk: 'әкімнің өкілеттігін тоқтату туралы шешім' },
};

export const OVERDUE_NOTICE: Text = {
  en: 'The law attaches no consequence; the procedure remains open and awaits the act',
  ru: 'Закон не устанавливает последствий; процедура остаётся открытой и ожидает совершения действия',
  kk: 'Заң салдарын белгілемейді; рәсім ашық қалады және әрекеттің жасалуын күтеді',
};
