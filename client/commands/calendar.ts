// `tartip calendar YEAR [--calendar FILE|-] [--json] [--lang kk|ru|en]`: the non-working days of a
// year with reasons and sources, and whether the year is provisional.
import type { Command } from 'commander';
import type { DayInfo } from '../../statute/calendar/index.js';
import { type Lang, UsageError, action, filled, jsonOption, langOption, resolveLang, write } from '../cli-kit.js';
import { CALENDAR_FILE_HELP, REASONS, calendarFileOption, labelIn, loadCalendar, weekdayName } from '../calendar-text.js';
import { EXIT } from '../command.js';

const NOT_A_YEAR = {
  en: 'YEAR: "{value}" is not a year from 1900 to 2999 (YYYY)',
  ru: 'YEAR: «{value}» — не год от 1900 до 2999 (ГГГГ)',
  kk: 'YEAR: «{value}» 1900–2999 аралығындағы жыл емес (ЖЖЖЖ)',
};

const T = {
  en: {
    title: (y: number) => `Non-working days in ${y}`,
    calendar: 'Calendar',
    confirmed: 'confirmed',
    provisional: 'PROVISIONAL',
    why: 'Why provisional',
    working: 'Weekend days that are working days (transfers)',
    none: '(none)',
    weekends: 'Saturdays and Sundays are non-working days and are not listed one by one.',
    sources: 'Sources',
    paired: 'paired with',
    unconfirmed: 'not confirmed',
  },
  ru: {
    title: (y: number) => `Нерабочие дни ${y} года`,
    calendar: 'Календарь',
    confirmed: 'подтверждён',
    provisional: 'ПРЕДВАРИТЕЛЬНО',
    why: 'Почему предварительно',
    working: 'Рабочие выходные дни (перенос)',
    none: '(нет)',
    weekends: 'Субботы и воскресенья — нерабочие дни; по отдельности не перечисляются.',
    sources: 'Источники',
    paired: 'в паре с',
    unconfirmed: 'не подтверждено',
  },
  kk: {
    title: (y: number) => `${y} жылғы жұмыс істемейтін күндер`,
    calendar: 'Күнтізбе',
    confirmed: 'расталған',
    provisional: 'АЛДЫН АЛА',
    why: 'Неге алдын ала',
    working: 'Жұмыс күні болған демалыс күндері (ауыстыру)',
    none: '(жоқ)',
    weekends: 'Сенбі мен жексенбі — жұмыс істемейтін күндер; жеке-жеке көрсетілмейді.',
    sources: 'Дереккөздер',
    paired: 'жұбы',
    unconfirmed: 'расталмаған',
  },
} as const;

function dayLine(d: DayInfo, lang: Lang, sources: string[]): string {
  const reason = REASONS[lang][d.reason ?? ''] ?? d.reason ?? '';
  let note = '';
  if (d.source) {
    if (!sources.includes(d.source)) sources.push(d.source);
    note = ` [${sources.indexOf(d.source) + 1}]`;
  }
  const paired = d.pairedWith ? ` (${T[lang].paired} ${d.pairedWith})` : '';
  const unconfirmed = d.confirmed === false ? ` (${T[lang].unconfirmed})` : '';
  return `  ${d.date} ${weekdayName(d.date, lang).padEnd(3)}  ${reason.padEnd(20)} ${labelIn(d.labels, lang, d.label)}${paired}${unconfirmed}${note}`;
}

export function define(program: Command): Command {
  return program
    .command('calendar')
    .summary('list the non-working days of a year (holidays, carry-overs, transfers) with sources')
    .description(
      'Lists the non-working days of YEAR (holidays, carry-overs of holidays that fall on a weekend,\n' +
        'transferred days off) with their reasons and sources, the weekend days made working days by a\n' +
        "transfer, and whether the year's data is provisional.",
    )
    .usage('YEAR [--calendar FILE] [--json] [--lang kk|ru|en]')
    .argument('<YEAR>', 'the year, 1900 to 2999')
    .option(calendarFileOption, CALENDAR_FILE_HELP)
    .addOption(jsonOption())
    .addOption(langOption())
    .action(action(async (yearText: string, opts: { calendar?: string; json?: boolean; lang?: string }) => {
      const lang = resolveLang(opts.lang);
      if (!/^\d{4}$/.test(yearText) || Number(yearText) < 1900 || Number(yearText) > 2999) throw new UsageError(filled(NOT_A_YEAR, { value: yearText }));
      const year = Number(yearText);
      const cal = await loadCalendar(opts.calendar);
      const info = cal.yearInfo(year);
      const nonWorking = cal.nonWorkingDays(year);
      const workingWeekends = cal.workingWeekendDays(year);

      if (opts.json) {
        write(
          JSON.stringify(
            {
              year,
              calendar: cal.ref,
              calendarId: cal.id,
              calendarVersion: cal.version,
              ...(cal.basedOn ? { basedOn: cal.basedOn } : {}),
              provisional: info.provisional,
              provisionalReasons: info.reasons,
              weekend: cal.data.weekend,
              nonWorkingDays: nonWorking,
              workingWeekendDays: workingWeekends,
            },
            null,
            2,
          ) + '\n',
        );
        return EXIT.ok;
      }

      const t = T[lang];
      const out: string[] = [];
      out.push(`${t.title(year)} — ${t.calendar} ${cal.ref}: ${info.provisional ? t.provisional : t.confirmed}`);
      if (info.provisional) {
        out.push(`  ${t.why}:`);
        for (const r of info.reasons) out.push(`    - ${r}`);
      }
      out.push('');
      const sources: string[] = [];
      for (const d of nonWorking) out.push(dayLine(d, lang, sources));
      if (nonWorking.length === 0) out.push(`  ${t.none}`);
      out.push('', `${t.working}:`);
      for (const d of workingWeekends) out.push(dayLine(d, lang, sources));
      if (workingWeekends.length === 0) out.push(`  ${t.none}`);
      out.push('', t.weekends, '', `${t.sources}:`);
      sources.forEach((src, i) => out.push(`  [${i + 1}] ${src}`));
      out.push('', `${t.calendar}: ${cal.title ?? cal.ref}`);
      write(out.join('\n') + '\n');
      return EXIT.ok;
    }));
}
