// Texts of workflows/deputy-sanction.ts in Kazakh, Russian and English.
import type { Titles } from '../statute/editions/types.js';

export const ACT_TITLES = {
  recordSessionDecision: { en: 'Record the session decision on the sanction', ru: 'Зарегистрировать решение сессии о взыскании', kk: 'Жаза туралы сессия шешімін тіркеу' },
  recordPublication: { en: 'Record the publication in the media', ru: 'Зарегистрировать публикацию в СМИ', kk: 'БАҚ-тағы жариялауды тіркеу' },
  withdraw: { en: 'Withdraw the submission', ru: 'Отозвать представление', kk: 'Ұсынуды кері қайтарып алу' },
} satisfies Record<string, Titles>;

/** 21(4): "1) порицание; 2) понуждение к принесению публичного извинения" */
export const MEASURE_TEXT: Record<'censure' | 'public_apology', Titles> = {
  censure: { en: 'censure', ru: 'порицание', kk: 'сөгіс' },
  public_apology: { en: 'compelled public apology', ru: 'понуждение к принесению публичного извинения', kk: 'көпшілік алдында кешірім сұратуға мәжбүрлеу' },
};

/** 21(2)(1)-(4) and the ethics rules of the regulations */
export const GROUND_TEXT: Record<'participation' | 'voters' | 'appeals' | 'residence' | 'ethics', Titles> = {
  participation: { en: 'non-participation in the work of the maslikhat and its bodies (Art. 21(2)(1))', ru: 'неучастие в работе маслихата и его органов (подп. 1 п. 2 ст. 21)', kk: 'мәслихат пен оның органдарының жұмысына қатыспау (21-баптың 2-тармағының 1-тармақшасы)' },
  voters: { en: 'no contact with and information of the voters (Art. 21(2)(2))', ru: 'неподдержание связи с избирателями и неинформирование их (подп. 2 п. 2 ст. 21)', kk: 'сайлаушылармен байланыс жасамау және оларды хабардар етпеу (21-баптың 2-тармағының 2-тармақшасы)' },
  appeals: { en: "voters' appeals not considered, no personal reception of citizens (Art. 21(2)(3))", ru: 'нерассмотрение обращений избирателей, неведение личного приёма граждан (подп. 3 п. 2 ст. 21)', kk: 'сайлаушылардың өтініштерін қарамау, азаматтарды жеке қабылдамау (21-баптың 2-тармағының 3-тармақшасы)' },
  residence: { en: 'not residing in the administrative-territorial unit (Art. 21(2)(4))', ru: 'непроживание в административно-территориальной единице (подп. 4 п. 2 ст. 21)', kk: 'әкімшілік-аумақтық бірлікте тұрмау (21-баптың 2-тармағының 4-тармақшасы)' },
  ethics: { en: "a breach of the rules of deputies' ethics of the regulations (Art. 21(4))", ru: 'нарушение правил депутатской этики, установленных регламентом маслихата (п. 4 ст. 21)', kk: 'мәслихат регламентінде белгіленген депутаттық әдеп қағидаларын бұзу (21-баптың 4-тармағы)' },
};
