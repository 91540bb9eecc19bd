// Kazakhstan's official non-working days, 2018–2027, as dated data with a source for each entry.
//
// A published version is never edited in place: a correction or a new year is a new module with a
// new version (kz-official@<date>), registered in ./registry.ts, so that a running procedure keeps
// answering with the calendar it pinned when it started.
//
// How sure each entry is (read this before relying on it):
//   - Weekly rest days and the fixed holidays come from the Law «О праздниках в Республике
//     Казахстан» No 267-II of 13.12.2001 as amended. Article numbers are given where known from
//     secondary sources and say so; none was checked against the official text inside this
//     repository (shared/sources/ holds Law 148 only).
//   - Transfers of days off (перенос выходных дней) and the first day of Kurban Ait are taken from
//     the transfer acts and announcements of each year as reported by official news and egov.kz
//     summaries, and cross-checked against an independently maintained open holiday dataset that
//     cites the acts' adilet.zan.kz document codes (given in `source`). `confirmed: true` means the
//     date is known from a named act or an official announcement, not that this repository holds
//     the act's text.
//   - A year is provisional when any of its transfers, its Kurban Ait date or a rule in force in
//     it is not confirmed; every answer that uses a day of such a year says so.
import type { CalendarDataInput, DatedEntry, HolidayRule } from './schema.js';
import { CALENDAR_FORMAT } from './schema.js';

const LAW_267 = 'Закон РК от 13.12.2001 № 267-II «О праздниках в Республике Казахстан»';
const UNVERIFIED = 'статья не сверена с официальным текстом';

const SRC = {
  law267: `${LAW_267} (${UNVERIFIED})`,
  law267since2022: `${LAW_267} в ред. законов РК 2022 г. (25 октября — национальный праздник «День Республики»; «День Первого Президента» 1 декабря и второй день Дня Независимости 17 декабря исключены); номера изменяющих законов не сверены`,
  law267until2021: `${LAW_267} в ред. до изменений 2022 г. (${UNVERIFIED})`,
  constitutionDay1995: `${LAW_267}: День Конституции 30 августа (день принятия Конституции 1995 г. на референдуме); по сообщению МТСЗН РК (март 2026 г.) с 2026 г. 30 августа не праздничный день в связи с принятием новой Конституции`,
  constitutionDay2026: 'Конституция РК, принятая на республиканском референдуме 15.03.2026 (ст. 94 проекта: день принятия Конституции — государственный праздник), вступила в силу в июле 2026 г.; по сообщению МТСЗН РК праздник отмечается 15 марта с 2027 г. Изменяющий акт к Закону № 267-II не сверен',
  religious: `${LAW_267} и Трудовой кодекс РК от 23.11.2015 № 414-V (праздничные дни): дни религиозных праздников — нерабочие дни и на следующий рабочий день не переносятся (${UNVERIFIED})`,
} as const;

/** Carry-over: a holiday on a weekend day makes the next working day a day off. */
const CARRY_OVER_SOURCE =
  `${LAW_267}, ст. 5 (по вторичному источнику): «при совпадении выходного и праздничного дней выходным днем является следующий после праздничного рабочий день»; то же правило повторяет Трудовой кодекс РК 2015 г. (ст. 84–85, ${UNVERIFIED}). Не применяется к религиозным праздникам (Православное Рождество, первый день Курбан айта).`;

function rule(
  id: string,
  month: number,
  day: number,
  validFrom: number,
  validTo: number | undefined,
  labels: HolidayRule['labels'],
  source: string,
  opts: { carryOver?: boolean; religious?: boolean; confirmed?: boolean } = {},
): HolidayRule {
  return {
    id,
    month,
    day,
    validFrom,
    ...(validTo === undefined ? {} : { validTo }),
    labels,
    carryOver: opts.carryOver ?? true,
    ...(opts.religious ? { religious: true } : {}),
    source,
    confirmed: opts.confirmed ?? true,
  };
}

const L = {
  newYear: { en: 'New Year', ru: 'Новый год', kk: 'Жаңа жыл' },
  christmas: { en: 'Orthodox Christmas', ru: 'Православное Рождество', kk: 'Православиелік Рождество' },
  womensDay: { en: "International Women's Day", ru: 'Международный женский день', kk: 'Халықаралық әйелдер күні' },
  nauryz: { en: 'Nauryz', ru: 'Наурыз мейрамы', kk: 'Наурыз мейрамы' },
  unity: {
    en: "Unity Day of the People of Kazakhstan",
    ru: 'Праздник единства народа Казахстана',
    kk: 'Қазақстан халқының бірлігі мерекесі',
  },
  defender: { en: 'Defender of the Fatherland Day', ru: 'День защитника Отечества', kk: 'Отан қорғаушы күні' },
  victory: { en: 'Victory Day', ru: 'День Победы', kk: 'Жеңіс күні' },
  capital: { en: 'Capital Day', ru: 'День Столицы', kk: 'Астана күні' },
  constitution: {
    en: 'Constitution Day',
    ru: 'День Конституции Республики Казахстан',
    kk: 'Қазақстан Республикасының Конституциясы күні',
  },
  republic: { en: 'Republic Day', ru: 'День Республики', kk: 'Республика күні' },
  firstPresident: {
    en: 'Day of the First President',
    ru: 'День Первого Президента Республики Казахстан',
    kk: 'Қазақстан Республикасының Тұңғыш Президенті күні',
  },
  independence: { en: 'Independence Day', ru: 'День Независимости', kk: 'Тәуелсіздік күні' },
  kurbanAit: { en: 'Kurban Ait (first day)', ru: 'Курбан айт (первый день)', kk: 'Құрбан айт (бірінші күні)' },
  transferOff: { en: 'Day off by transfer', ru: 'Выходной день (перенос)', kk: 'Демалыс күні (ауыстыру)' },
  transferWork: { en: 'Working day by transfer', ru: 'Рабочий день (перенос)', kk: 'Жұмыс күні (ауыстыру)' },
} satisfies Record<string, HolidayRule['labels']>;

const rules: HolidayRule[] = [
  rule('new_year_1', 1, 1, 1991, undefined, L.newYear, SRC.law267),
  rule('new_year_2', 1, 2, 1991, undefined, L.newYear, SRC.law267),
  rule('orthodox_christmas', 1, 7, 2006, undefined, L.christmas, SRC.religious, { carryOver: false, religious: true }),
  rule('womens_day', 3, 8, 1991, undefined, L.womensDay, SRC.law267),
  rule('constitution_day_2027', 3, 15, 2027, undefined, L.constitution, SRC.constitutionDay2026, { confirmed: false }),
  rule('nauryz_1', 3, 21, 2010, undefined, L.nauryz, SRC.law267),
  rule('nauryz_2', 3, 22, 2002, undefined, L.nauryz, SRC.law267),
  rule('nauryz_3', 3, 23, 2010, undefined, L.nauryz, SRC.law267),
  rule('unity_day', 5, 1, 1991, undefined, L.unity, SRC.law267),
  rule('defender_day', 5, 7, 2013, undefined, L.defender, SRC.law267),
  rule('victory_day', 5, 9, 1991, undefined, L.victory, SRC.law267),
  rule('capital_day', 7, 6, 2009, undefined, L.capital, SRC.law267),
  rule('constitution_day_1995', 8, 30, 1996, 2025, L.constitution, SRC.constitutionDay1995),
  rule('republic_day_1994', 10, 25, 1994, 2008, L.republic, SRC.law267),
  rule('republic_day', 10, 25, 2022, undefined, L.republic, SRC.law267since2022),
  rule('first_president_day', 12, 1, 2012, 2021, L.firstPresident, SRC.law267until2021),
  rule('independence_day_1', 12, 16, 1991, undefined, L.independence, SRC.law267),
  rule('independence_day_2', 12, 17, 2002, 2021, L.independence, SRC.law267until2021),
];

// --- Kurban Ait: the first day is a non-working day; it is never carried over. -------------------

const KURBAN_AIT: ReadonlyArray<[date: string, confirmed: boolean, source: string]> = [
  ['2018-08-21', true, 'Объявление ДУМК о дате Курбан айта 2018 г.; нерабочий день — первый день'],
  ['2019-08-11', true, 'Объявление ДУМК о дате Курбан айта 2019 г.; нерабочий день — первый день'],
  ['2020-07-31', true, 'Объявление ДУМК о дате Курбан айта 2020 г.; нерабочий день — первый день'],
  ['2021-07-20', true, 'Объявление ДУМК о дате Курбан айта 2021 г.; нерабочий день — первый день'],
  ['2022-07-09', true, 'Объявление ДУМК о дате Курбан айта 2022 г.; нерабочий день — первый день'],
  ['2023-06-28', true, 'Объявление ДУМК о дате Курбан айта 2023 г.; нерабочий день — первый день'],
  ['2024-06-16', true, 'Объявление ДУМК о дате Курбан айта 2024 г.; нерабочий день — первый день'],
  ['2025-06-06', true, 'Объявление ДУМК о дате Курбан айта 2025 г.; нерабочий день — первый день'],
  ['2026-05-27', false, 'Календарь праздничных дней 2026 г. на egov.kz (по сообщениям СМИ, январь 2026 г.); текст объявления ДУМК не сверен'],
  ['2027-05-16', false, 'Оценка по табличному исламскому календарю (10 зуль-хиджа 1448 г. х.); официального объявления нет'],
];

// --- Transfers of days off (перенос выходных дней): [day off, working day it was taken from]. -----

const TRANSFERS: ReadonlyArray<[off: string, work: string, source: string]> = [
  ['2018-03-09', '2018-03-03', 'Постановление Правительства РК 2017 г. № 864 «О переносе выходных дней в 2018 году» (adilet P1700000864)'],
  ['2018-04-30', '2018-04-28', 'Постановление Правительства РК 2017 г. № 864 (adilet P1700000864)'],
  ['2018-05-08', '2018-05-05', 'Постановление Правительства РК 2017 г. № 864 (adilet P1700000864)'],
  ['2018-08-31', '2018-08-25', 'Постановление Правительства РК 2017 г. № 864 (adilet P1700000864)'],
  ['2018-12-31', '2018-12-29', 'Постановление Правительства РК 2017 г. № 864 (adilet P1700000864)'],
  ['2019-05-10', '2019-05-04', 'Постановление Правительства РК 2018 г. № 888 «О переносе выходного дня в 2019 году» (adilet P1800000888)'],
  ['2020-01-03', '2020-01-05', 'Постановление Правительства РК 2019 г. № 820 «О переносе выходных дней в 2020 году» (adilet P1900000820): рабочее воскресенье 5 января'],
  [
    '2020-05-08',
    '2020-05-11',
    'Перенос 2020 г.: день отдыха за День Победы (9 мая, суббота), приходившийся на понедельник 11 мая, перенесён на пятницу 8 мая (по открытому набору данных; номер акта не сверен)',
  ],
  ['2020-12-18', '2020-12-20', 'Постановление Правительства РК 2019 г. № 820 (adilet P1900000820): рабочее воскресенье 20 декабря'],
  ['2021-07-05', '2021-07-03', 'Постановление Правительства РК 2020 г. № 930 «О переносе выходного дня в 2021 году» (adilet P2000000930)'],
  ['2022-03-07', '2022-03-05', 'Постановление Правительства РК о переносе выходных дней в 2022 году (номер не сверен; в ред. постановления 2022 г. № 796, adilet P2200000796)'],
  ['2022-08-29', '2022-08-27', 'Постановление Правительства РК о переносе выходных дней в 2022 году (номер не сверен; в ред. постановления 2022 г. № 796, adilet P2200000796)'],
  ['2022-10-24', '2022-10-22', 'Постановление Правительства РК 2022 г. № 796 (adilet P2200000796): перенос с субботы 22 октября на понедельник 24 октября'],
  ['2023-07-07', '2023-07-01', 'Постановление Правительства РК 2023 г. № 326 (adilet P2300000326): перенос с субботы 1 июля на пятницу 7 июля'],
  ['2024-05-08', '2024-05-04', 'Акт о переносе дня отдыха 2024 г. № 109 (adilet G24G0000109): «перенести день отдыха с субботы 4 мая 2024 года на среду 8 мая 2024 года»'],
  ['2025-01-03', '2025-01-05', 'Акт о переносе выходного дня 2024 г. № 436 (adilet G24G0000436; по сообщению МТСЗН РК — приказ Министра труда): с воскресенья 5 января на пятницу 3 января 2025 г.'],
];

const dated: DatedEntry[] = [
  ...KURBAN_AIT.map(
    ([date, confirmed, source]): DatedEntry => ({ date, kind: 'holiday', labels: L.kurbanAit, source, confirmed, carryOver: false }),
  ),
  ...TRANSFERS.flatMap(([off, work, source]): DatedEntry[] => [
    { date: off, kind: 'day_off', labels: L.transferOff, source, confirmed: true, pairedWith: work },
    { date: work, kind: 'working_day', labels: L.transferWork, source, confirmed: true, pairedWith: off },
  ]),
];

export const KZ_OFFICIAL_2026_11_22: CalendarDataInput = {
  format: CALENDAR_FORMAT,
  type: 'calendar',
  id: 'kz-official',
  version: '2026-11-22',
  title: 'Kazakhstan: official non-working days 2018–2027 (five-day working week)',
  weekend: [6, 0],
  coverage: { from: 2018, to: 2027 },
  carryOverSource: CARRY_OVER_SOURCE,
  rules,
  dated,
  years: [
    { year: 2018, confirmed: true, note: 'Transfers by Government decree No 864 of 2017; Kurban Ait 21 August.' },
    { year: 2019, confirmed: true, note: 'One transfer (4 → 10 May); Kurban Ait 11 August (Sunday, not carried over).' },
    { year: 2020, confirmed: true, note: 'Transfers 5 Jan → 3 Jan, 11 May → 8 May, 20 Dec → 18 Dec; Kurban Ait 31 July.' },
    { year: 2021, confirmed: true, note: 'One transfer (3 → 5 July); Kurban Ait 20 July; last year of 1 and 17 December.' },
    { year: 2022, confirmed: true, note: 'Holiday list changed (25 October added; 1 and 17 December removed); three transfers; Kurban Ait 9 July (Saturday).' },
    { year: 2023, confirmed: true, note: 'One transfer (1 → 7 July); Kurban Ait 28 June.' },
    { year: 2024, confirmed: true, note: 'One transfer (4 → 8 May); Kurban Ait 16 June (Sunday).' },
    { year: 2025, confirmed: true, note: 'One transfer (5 → 3 January); Kurban Ait 6 June.' },
    {
      year: 2026,
      confirmed: false,
      note: 'No transfer act seen for 2026; Kurban Ait 27 May from the egov.kz calendar as reported, not checked; 30 August (and its carry-over to 31 August) dropped after the new Constitution per a Ministry of Labour statement, amending act not verified.',
    },
    {
      year: 2027,
      confirmed: false,
      note: 'Transfers for 2027 not known; Kurban Ait 16 May is an estimate; Constitution Day on 15 March per the 2026 announcements, not verified.',
    },
  ],
};
