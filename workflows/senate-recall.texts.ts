// The kk/ru/en texts of the Senate recall's notices (workflows/senate-recall.ts).

/** Why the commission refused to put the recall to a vote, 24-1(2) and 24-1(6). */
export const REASON_TEXT: Record<string, { kk: string; ru: string; en: string }> = {
  below_25pct_of_all_electors: {
    kk: 'қолдар барлық сайлаушылардың 25 пайызынан аз',
    ru: 'подписей менее 25 процентов от общего числа выборщиков',
    en: 'signatures below 25 per cent of all electors',
  },
  below_25pct_of_one_maslikhat: {
    kk: 'бір мәслихат сайлаушыларының 25 пайызы жиналмады',
    ru: 'не набрано 25 процентов голосов выборщиков от одного маслихата',
    en: 'below 25 per cent of the electors of one maslikhat',
  },
  more_than_1pct_invalid: {
    kk: 'жиналған қолдардың бір пайыздан астамы жарамсыз',
    ru: 'свыше одного процента собранных подписей недостоверны',
    en: 'more than 1 per cent of the collected signatures are invalid',
  },
};

/** 24-1(10): the result established by the CEC. */
export const RESULT_TEXT = {
  terminated: { kk: 'өкілеттігі мерзімінен бұрын тоқтатылды', ru: 'полномочия досрочно прекращены', en: 'powers terminated early' },
  not_terminated: { kk: 'өкілеттігі тоқтатылмады', ru: 'полномочия не прекращены', en: 'powers not terminated' },
};

export const TITLE = {
  en: 'Recall of a Senate deputy by the electors (Art. 24-1)',
  ru: 'Досрочное прекращение полномочий депутата Сената по решению выборщиков (ст. 24-1)',
  kk: 'Сенат депутатының өкілеттігін сайлаушылардың шешімімен мерзімінен бұрын тоқтату (24-1-бап)',
};

export const ACT_TITLES = {
  issueSheets: { en: 'Issue signature sheets', ru: 'Выдача подписных листов', kk: 'Қол қою парақтарын беру' },
  sheetsReceived: { en: 'Electors received the sheets', ru: 'Выборщики получили подписные листы', kk: 'Сайлаушылар қол қою парақтарын алды' },
  submitSheets: { en: 'Submit completed sheets', ru: 'Представление подписных листов', kk: 'Толтырылған қол қою парақтарын тапсыру' },
  verify: { en: 'Verify signatures and decide', ru: 'Проверка подписей и решение комиссии', kk: 'Қолдарды тексеру және комиссия шешімі' },
  jointSitting: { en: 'Joint sitting of electors', ru: 'Совместное заседание выборщиков', kk: 'Сайлаушылардың бірлескен отырысы' },
  sendProtocolToCec: { en: 'Send the count protocol to the CEC', ru: 'Направление протокола в ЦИК', kk: 'Хаттаманы ОСК-ға жіберу' },
  establishResult: { en: 'CEC establishes the result', ru: 'ЦИК устанавливает итоги', kk: 'ОСК қорытындыны белгілейді' },
  appeal: { en: 'Appeal against a commission decision', ru: 'Обжалование решения комиссии', kk: 'Комиссия шешіміне шағымдану' },
};
