// `tartip calendar YEAR [--calendar FILE] [--json] [--lang kk|ru|en]`: the non-working days of a
// year with reasons and sources, and whether the year is provisional.
// Also home of the helpers `tartip deadline` shares (a command module may export more than `command`).
import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { StatuteError } from '../../statute/errors.js';
import { type Calendar, type DayInfo, calendarFromJson, officialCalendar } from '../../statute/calendar/index.js';
import { EXIT, type CliCommand } from '../command.js';

export type Lang = 'kk' | 'ru' | 'en';

/** A bad command line or bad input: exit 2 with one line on stderr. */
export class UsageError extends Error {}

export function usageFail(cmd: string, err: unknown): number {
  if (err instanceof UsageError) {
    process.stderr.write(`tartip ${cmd}: ${oneLine(err.message)}\n`);
    return EXIT.usage;
  }
  throw err;
}

function oneLine(s: string): string {
  return s.replace(/\s*\n[\s\S]*$/, '').trim();
}

/**
 * parseArgs, strict, with failures as UsageError. `--days -3` is read as `--days=-3` (parseArgs
 * would call it ambiguous) so that the message can say what is wrong with -3.
 */
export function parseCommandLine<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
  allowPositionals: boolean,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = argv[i + 1];
    const name = a.startsWith('--') ? a.slice(2) : undefined;
    if (name && options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${a}=${next}`);
      i += 1;
    } else {
      joined.push(a);
    }
  }
  try {
    const r = parseArgs({ args: joined, options, strict: true, allowPositionals });
    return { values: r.values as Record<string, string | boolean | undefined>, positionals: r.positionals };
  } catch (e) {
    throw new UsageError(oneLine((e as Error).message).replace(/\. This command does not take positional arguments$/, ''));
  }
}

export function resolveLang(flag: string | boolean | undefined): Lang {
  const v = typeof flag === 'string' ? flag : process.env.TARTIP_LANG;
  if (v === undefined || v === '') return 'en';
  if (v === 'kk' || v === 'ru' || v === 'en') return v;
  throw new UsageError(
    typeof flag === 'string' ? `--lang: "${v}" is not one of kk, ru, en` : `TARTIP_LANG: "${v}" is not one of kk, ru, en`,
  );
}

/** A JSON file named on the command line; unreadable or malformed → a one-line UsageError naming `what`. */
export function readJsonFile(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`${what}: cannot read "${file}" (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new UsageError(`${what}: "${file}" is not valid JSON (${oneLine((e as Error).message)})`);
  }
}

/** The official calendar, or the user's file (a full calendar or an overlay; docs/calendar-format.md). */
export function loadCalendar(file: string | boolean | undefined): Calendar {
  if (typeof file !== 'string') return officialCalendar();
  const obj = readJsonFile(file, '--calendar');
  try {
    return calendarFromJson(obj);
  } catch (e) {
    if (e instanceof StatuteError) throw new UsageError(`--calendar: "${file}": ${e.message.replace(/^calendar: /, '')}`);
    throw e;
  }
}

const WEEKDAYS: Record<Lang, string[]> = {
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  ru: ['вс', 'пн', 'вт', 'ср', 'чт', 'пт', 'сб'],
  kk: ['жс', 'дс', 'сс', 'ср', 'бс', 'жм', 'сн'],
};

export function weekdayName(date: string, lang: Lang): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return WEEKDAYS[lang][new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
}

export const REASONS: Record<Lang, Record<string, string>> = {
  en: { weekend: 'weekend', holiday: 'holiday', carry_over: 'carry-over', transfer: 'transfer' },
  ru: { weekend: 'выходной', holiday: 'праздник', carry_over: 'перенос с выходного', transfer: 'перенос (акт)' },
  kk: { weekend: 'демалыс', holiday: 'мереке', carry_over: 'ауыстырылған демалыс', transfer: 'ауыстыру (акт)' },
};

export function labelIn(labels: { en: string; ru?: string; kk?: string } | undefined, lang: Lang, fallback = ''): string {
  if (!labels) return fallback;
  return (lang === 'kk' ? labels.kk ?? labels.ru : lang === 'ru' ? labels.ru : undefined) ?? labels.en;
}

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

const HELP = `Usage: tartip calendar YEAR [--calendar FILE] [--json] [--lang kk|ru|en]

Lists the non-working days of YEAR (holidays, carry-overs of holidays that fall on a weekend,
transferred days off) with their reasons and sources, the weekend days made working days by a
transfer, and whether the year's data is provisional.

  --calendar FILE   a calendar or an overlay on the official one (JSON, docs/calendar-format.md)
  --json            print one JSON object
  --lang kk|ru|en   language of the headings and labels (default: TARTIP_LANG or en)
  -h, --help        this help
`;

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

export const command: CliCommand = {
  summary: 'list the non-working days of a year (holidays, carry-overs, transfers) with sources',
  async run(argv) {
    try {
      const { values, positionals } = parseCommandLine(
        argv,
        {
          calendar: { type: 'string' },
          json: { type: 'boolean' },
          lang: { type: 'string' },
          help: { type: 'boolean', short: 'h' },
        },
        true,
      );
      if (values.help) {
        process.stdout.write(HELP);
        return EXIT.ok;
      }
      const lang = resolveLang(values.lang);
      if (positionals.length === 0) throw new UsageError('YEAR is required (tartip calendar YEAR)');
      if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
      const yearText = positionals[0]!;
      if (!/^\d{4}$/.test(yearText) || Number(yearText) < 1900 || Number(yearText) > 2999) {
        throw new UsageError(`YEAR: "${yearText}" is not a year from 1900 to 2999 (YYYY)`);
      }
      const year = Number(yearText);
      const cal = loadCalendar(values.calendar);
      const info = cal.yearInfo(year);
      const nonWorking = cal.nonWorkingDays(year);
      const workingWeekends = cal.workingWeekendDays(year);

      if (values.json) {
        process.stdout.write(
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
      process.stdout.write(out.join('\n') + '\n');
      return EXIT.ok;
    } catch (e) {
      return usageFail('calendar', e);
    }
  },
};
