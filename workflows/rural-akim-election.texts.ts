// P-19: the titles of the acts and the texts of the notices, in kk/ru/en.
import type { Titles } from '../statute/editions/types.js';
import type { RuralAkimAct } from './rural-akim-election.schema.js';

export const TITLE: Titles = {
  en: 'Election of a rural-level akim (Art. 36, 36-1)',
  ru: 'Выборы акима города районного значения, села, поселка, сельского округа (ст. 36, 36-1)',
  kk: 'Аудандық маңызы бар қала, ауыл, кент, ауылдық округ әкімін сайлау (36, 36-1-баптар)',
};

export const ACT_TITLES: Record<RuralAkimAct, Titles> = {
  callElection: { en: 'Call the election', ru: 'Назначить выборы', kk: 'Сайлауды тағайындау' },
  nominateCandidate: { en: 'Nominate a candidate', ru: 'Выдвинуть кандидата', kk: 'Кандидатты ұсыну' },
  registerCandidate: { en: 'Register a candidate', ru: 'Зарегистрировать кандидата', kk: 'Кандидатты тіркеу' },
  refuseRegistration: { en: 'Refuse registration', ru: 'Отказать в регистрации', kk: 'Тіркеуден бас тарту' },
  cancelRegistration: { en: 'Cancel a registration', ru: 'Отменить регистрацию', kk: 'Тіркеудің күшін жою' },
  reinstateCandidate: { en: 'Reinstate a candidate', ru: 'Восстановить кандидата', kk: 'Кандидатты қалпына келтіру' },
  withdrawCandidate: { en: 'Withdraw a candidate', ru: 'Снять кандидатуру', kk: 'Кандидатураны алып тастау' },
  extendRegistration: { en: 'Extend nomination and registration', ru: 'Продлить выдвижение и регистрацию', kk: 'Ұсыну мен тіркеуді ұзарту' },
  publishRegistered: { en: 'Publish the registered candidates', ru: 'Сообщить о зарегистрированных кандидатах', kk: 'Тіркелген кандидаттар туралы хабарлау' },
  recordSitting: { en: "Record the electors' sitting", ru: 'Внести итоги заседания выборщиков', kk: 'Таңдаушылар отырысының қорытындысын енгізу' },
  declareVoid: { en: 'Declare the election invalid', ru: 'Признать выборы недействительными', kk: 'Сайлауды жарамсыз деп тану' },
  callRepeatElection: { en: 'Call repeat elections', ru: 'Назначить повторные выборы', kk: 'Қайталама сайлауды тағайындау' },
  registerWinner: { en: 'Register the elected akim', ru: 'Зарегистрировать избранного акима', kk: 'Сайланған әкімді тіркеу' },
  submitFundReport: { en: "Record a candidate's fund report", ru: 'Принять отчёт об избирательном фонде', kk: 'Сайлау қоры туралы есепті қабылдау' },
  recordSpecialCheck: { en: 'Record the special check result', ru: 'Внести результат специальной проверки', kk: 'Арнайы тексеру нәтижесін енгізу' },
};

export const TEXT = {
  callDeadline: { kk: 'Сайлауды тағайындау мерзімі', ru: 'Срок назначения выборов', en: 'The deadline to call the election' },
  holdBy: { kk: 'Мерзімінен бұрын сайлау өткізу мерзімі', ru: 'Срок проведения досрочных выборов', en: 'The deadline to hold the early election' },
  shortfall: { kk: 'Тіркелген кандидаттар екеуден аз; ұсыну мен тіркеуді ұзарту туралы шешім қажет', ru: 'Зарегистрировано менее двух кандидатов; требуется решение о продлении выдвижения и регистрации', en: 'Fewer than two candidates registered; a decision to extend nomination and registration is needed' },
  repeatVoid: { kk: 'Сайлау жарамсыз деп танылды; қайталама сайлау қажет', ru: 'Выборы признаны недействительными; необходимы повторные выборы', en: 'The election was declared invalid; repeat elections are needed' },
  repeatNoWinner: { kk: 'Сайлау нәтиже бермеді; қайталама сайлау қажет', ru: 'Выборы не определили избранного кандидата; необходимы повторные выборы', en: 'The election produced no winner; repeat elections are needed' },
  checkNegative: { kk: 'Арнайы тексерудің нәтижесі теріс', ru: 'Результат специальной проверки отрицательный', en: 'The special check is negative' },
  repeat: { kk: 'қайталама', ru: 'Повторные выборы', en: 'The repeat election' },
  early: { kk: 'мерзімінен бұрын', ru: 'Досрочные выборы', en: 'The early election' },
  regular: { kk: 'кезекті', ru: 'Очередные выборы', en: 'The regular election' },
};

export const appealText = (name: string): Titles => ({ kk: `Шағымдану мерзімі: ${name}`, ru: `Срок обжалования: ${name}`, en: `Appeal window: ${name}` });
export const withdrawnText = (name: string): Titles => ({ kk: `${name} кандидатурасы алынып тасталды`, ru: `Кандидатура ${name} снята`, en: `${name} has withdrawn` });
export const electedText = (name: string, votes: number): Titles => ({ kk: `Әкім болып ${name} сайланды (${votes} дауыс)`, ru: `Избран акимом: ${name} (${votes} голосов)`, en: `Elected akim: ${name} (${votes} votes)` });
export const tookOfficeText = (name: string, termEnd: string, next: string): Titles => ({
  kk: `${name} әкім қызметіне кірісті; өкілеттік мерзімі ${termEnd} дейін; келесі сайлау ${next} кешіктірілмей тағайындалады`,
  ru: `${name} вступил(а) в должность акима; срок полномочий до ${termEnd}; следующие выборы назначаются не позднее ${next}`,
  en: `${name} took office as akim; term until ${termEnd}; the next election is to be called by ${next}`,
});
