// `tartip deadline --from YYYY-MM-DD (--working-days N | --days N | --months N | --years N)
//   [--waiting] [--region R] [--calendar FILE] [--json] [--lang kk|ru|en]`
// Computes one statutory period with statute/periods.ts and prints how it was obtained.
import { StatuteError } from '../../statute/errors.js';
import { computePeriod } from '../../statute/periods.js';
import { REGIONS } from '../../statute/time.js';
import type { PeriodDerivation, PeriodUnit } from '../../statute/types.js';
import type { Command } from 'commander';
import { EXIT } from '../command.js';
import { type Lang, UsageError, action, filled, jsonOption, langOption, resolveLang, write } from '../cli-kit.js';
import { CALENDAR_FILE_HELP, REASONS, calendarFileOption, labelIn, loadCalendar, weekdayName } from '../calendar-text.js';

const UNIT_FLAGS: ReadonlyArray<[flag: string, unit: PeriodUnit]> = [
  ['working-days', 'working_day'],
  ['days', 'calendar_day'],
  ['months', 'month'],
  ['years', 'year'],
];

const M = {
  giveOne: { en: 'give one of {flags}', ru: 'укажите одно из: {flags}', kk: 'мыналардың бірін көрсетіңіз: {flags}' },
  onlyOne: { en: 'give only one of {flags}', ru: 'укажите только одно из: {flags}', kk: 'мыналардың тек біреуін көрсетіңіз: {flags}' },
  notWhole: { en: '{flag}: "{value}" is not a whole number', ru: '{flag}: «{value}» — не целое число', kk: '{flag}: «{value}» бүтін сан емес' },
} as const;

const DESCRIPTION = `Computes a statutory period counted from the event on --from. Counting starts the next day.
  deadline (default)  the last day on which the act may be done; a last day that is not a working
                      day moves to the next working day; it ends at 24:00 legal time
  --waiting           "по истечении": the first day on which the act becomes allowed (the day after
                      the period's last day); it never moves`;

const T = {
  en: {
    deadline: 'Deadline',
    waiting: 'Allowed from',
    counted: (n: number, u: string, from: string) => `${n} ${u} from ${from}; counting starts the next day`,
    units: { working_day: 'working day(s)', calendar_day: 'calendar day(s)', month: 'month(s)', year: 'year(s)' },
    endsAt: 'Ends at 24:00 legal time',
    beginsAt: 'Begins at 00:00 legal time',
    lastDay: 'Last day of the period',
    skipped: 'Non-working days skipped',
    moved: 'moved from',
    calendar: 'Calendar',
    interpretations: 'Interpretations',
    provisional: (ys: string) => `WARNING: provisional — the calendar for ${ys} is not confirmed; check before relying on it.`,
    none: '(none)',
  },
  ru: {
    deadline: 'Крайний срок',
    waiting: 'Допускается с',
    counted: (n: number, u: string, from: string) => `${n} ${u} от ${from}; течение срока начинается на следующий день`,
    units: { working_day: 'рабочих дн.', calendar_day: 'календарных дн.', month: 'мес.', year: 'г./лет' },
    endsAt: 'Истекает в 24:00 по местному времени',
    beginsAt: 'Начинается в 00:00 по местному времени',
    lastDay: 'Последний день срока',
    skipped: 'Пропущенные нерабочие дни',
    moved: 'перенесён с',
    calendar: 'Календарь',
    interpretations: 'Толкования',
    provisional: (ys: string) => `ВНИМАНИЕ: результат предварительный — календарь на ${ys} г. не подтверждён.`,
    none: '(нет)',
  },
  kk: {
    deadline: 'Соңғы мерзім',
    waiting: 'Рұқсат етілетін күн',
    counted: (n: number, u: string, from: string) => `${from} күнінен бастап ${n} ${u}; мерзім келесі күннен басталады`,
    units: { working_day: 'жұмыс күні', calendar_day: 'күнтізбелік күн', month: 'ай', year: 'жыл' },
    endsAt: 'Жергілікті уақытпен 24:00-де аяқталады',
    beginsAt: 'Жергілікті уақытпен 00:00-де басталады',
    lastDay: 'Мерзімнің соңғы күні',
    skipped: 'Өткізілген жұмыс істемейтін күндер',
    moved: 'ауыстырылды:',
    calendar: 'Күнтізбе',
    interpretations: 'Түсіндірмелер',
    provisional: (ys: string) => `НАЗАР АУДАРЫҢЫЗ: нәтиже алдын ала — ${ys} жылғы күнтізбе расталмаған.`,
    none: '(жоқ)',
  },
} as const;

const FIELD_FLAGS: Record<string, string> = { anchor: '--from', region: '--region' };

function render(d: PeriodDerivation, lang: Lang, calendarRef: string): string {
  const t = T[lang];
  const out: string[] = [];
  const head = d.kind === 'deadline' ? t.deadline : t.waiting;
  out.push(`${head}: ${d.date} (${weekdayName(d.date, lang)})`);
  out.push(`  ${t.counted(d.count, t.units[d.unit], d.anchor)}`);
  out.push(`  ${d.kind === 'deadline' ? t.endsAt : t.beginsAt} (UTC${d.utcOffset}, ${d.region ?? ''}): ${d.instant}`);
  out.push(`  ${t.lastDay}: ${d.rawEnd}${d.kind === 'deadline' && d.rawEnd !== d.date ? ` → ${d.date}` : ''}`);
  out.push(`  ${t.skipped}:${d.skipped.length === 0 ? ` ${t.none}` : ''}`);
  const sources: string[] = [];
  for (const s of d.skipped) {
    const reason = REASONS[lang][s.reason] ?? s.reason;
    let note = '';
    if (s.source) {
      if (!sources.includes(s.source)) sources.push(s.source);
      note = ` [${sources.indexOf(s.source) + 1}]`;
    }
    out.push(`    ${s.date} ${weekdayName(s.date, lang).padEnd(3)} ${reason.padEnd(20)} ${labelIn(s.labels, lang, s.label)}${note}`);
  }
  sources.forEach((src, i) => out.push(`      [${i + 1}] ${src}`));
  out.push(`  ${t.calendar}: ${calendarRef}`);
  out.push(`  ${t.interpretations}: ${d.interpretations.map((i) => `${i.id}=${i.chosen}`).join(', ')}`);
  if (d.provisional) out.push(t.provisional((d.provisionalYears ?? []).join(', ')));
  return out.join('\n') + '\n';
}

type Opts = { from: string; workingDays?: string; days?: string; months?: string; years?: string; waiting?: boolean; region?: string; calendar?: string; json?: boolean; lang?: string };

export function define(program: Command): Command {
  return program
    .command('deadline')
    .summary('compute a deadline or waiting period (working days, days, months, years) with its derivation')
    .description(DESCRIPTION)
    .usage('--from YYYY-MM-DD (--working-days N | --days N | --months N | --years N)\n                       [--waiting] [--region REGION] [--calendar FILE] [--json] [--lang kk|ru|en]')
    .requiredOption('--from <YYYY-MM-DD>', 'the day of the event the period is counted from')
    .option('--working-days <N>', 'count working days only')
    .option('--days <N>', 'calendar days')
    .option('--months <N>', 'months (31 Jan + 1 month → end of February)')
    .option('--years <N>', 'years')
    .option('--waiting', 'a waiting period ("по истечении") instead of a deadline')
    .option('--region <REGION>', `legal time before 2024-03-01 (default astana): ${REGIONS.join(', ')}`)
    .option(calendarFileOption, CALENDAR_FILE_HELP)
    .addOption(jsonOption('print the derivation as one JSON object'))
    .addOption(langOption())
    .addHelpText('after', '\nExample: tartip deadline --from 2025-03-17 --working-days 10   →  2025-04-03')
    .action(action(async (opts: Opts) => {
      const lang = resolveLang(opts.lang);
      const values = opts as unknown as Record<string, string | undefined>;
      const given = UNIT_FLAGS.filter(([flag]) => values[camel(flag)] !== undefined);
      if (given.length === 0) throw new UsageError(filled(M.giveOne, { flags: UNIT_FLAGS.map(([f]) => `--${f}`).join(', ') }));
      if (given.length > 1) throw new UsageError(filled(M.onlyOne, { flags: given.map(([f]) => `--${f}`).join(', ') }));
      const [flag, unit] = given[0]!;
      const raw = values[camel(flag)]!;
      if (!/^[+-]?\d+$/.test(raw.trim())) throw new UsageError(filled(M.notWhole, { flag: `--${flag}`, value: raw }));
      const count = Number(raw);
      const calendar = await loadCalendar(opts.calendar);

      let d: PeriodDerivation;
      try {
        d = computePeriod(
          {
            anchor: opts.from,
            count,
            unit,
            kind: opts.waiting ? 'waiting' : 'deadline',
            ...(opts.region !== undefined ? { region: opts.region as never } : {}),
          },
          calendar,
        );
      } catch (e) {
        if (e instanceof StatuteError) {
          const field = e.body.field ?? '';
          const shown = field === 'count' ? `--${flag}` : (FIELD_FLAGS[field] ?? field);
          throw new UsageError(`${shown}: ${e.message.replace(/^[\w.]+: /, '')}`);
        }
        throw e;
      }

      if (opts.json) {
        const reasons: Record<string, string[]> = {};
        for (const y of d.provisionalYears ?? []) reasons[y] = calendar.yearInfo(y).reasons;
        write(JSON.stringify({ ...d, calendar: calendar.ref, provisionalReasons: reasons }, null, 2) + '\n');
      } else {
        write(render(d, lang, calendar.ref));
      }
      return EXIT.ok;
    }));
}

const camel = (flag: string) => flag.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
