// `tartip simulate <scenario.json> [--edition ID] [--calendar FILE|REF] [--json] [--lang kk|ru|en]`
// Runs a scenario (docs/scenarios.md) in a time-skipping environment and prints its timeline and
// outcome; with --edition / --calendar runs the same facts again under those pins and prints
// the deadlines and outcome that differ. Exit: 0 ran as the scenario expects, 1 error,
// 2 bad usage or bad scenario, 4 the run did not meet the scenario's expectations.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { RegisterName } from '../../activities/registers.js';
import { StatuteError } from '../../statute/errors.js';
import type { Command } from 'commander';
import { EXIT } from '../command.js';
import { type Lang, UsageError, action, filled, isInputSource, jsonOption, langOption, readJsonInput, resolveLang } from '../cli-kit.js';
import { astana, renderTimeline, shortRef } from '../audit/timeline.js';

const DESCRIPTION = `Runs a procedure from a scenario file (format tartip-scenario/1, docs/scenarios.md): starts it at
start.at, lets legal time pass to each act and performs it, runs to runUntil, then prints the
timeline and outcome. Timers of months pass in seconds (Temporal's time-skipping test server);
records go to a temporary embedded PostgreSQL (or DATABASE_URL); e-mail notices are kept in
memory, never sent.`;

const M = {
  noFolder: { en: '--registers: no folder "{dir}"', ru: '--registers: нет папки «{dir}»', kk: '--registers: «{dir}» қалтасы жоқ' },
  noRegisters: { en: '--registers: "{dir}" has none of {files}', ru: '--registers: в «{dir}» нет ни одного из файлов {files}', kk: '--registers: «{dir}» ішінде {files} файлдарының ешқайсысы жоқ' },
} as const;

const W: Record<Lang, Record<string, string>> = {
  en: { whatif: 'What if', moved: 'Deadlines that move', none: 'none move', outcome: 'Outcome', acts: 'Acts decided differently', accepted: 'accepted', problems: 'Not as the scenario expects', same: 'unchanged' },
  ru: { whatif: 'Что если', moved: 'Сроки, которые сдвигаются', none: 'ни один не сдвигается', outcome: 'Итог', acts: 'Акты, решённые иначе', accepted: 'принят', problems: 'Не так, как ожидает сценарий', same: 'без изменений' },
  kk: { whatif: 'Егер', moved: 'Жылжитын мерзімдер', none: 'ешқайсысы жылжымайды', outcome: 'Нәтиже', acts: 'Басқаша шешілген актілер', accepted: 'қабылданды', problems: 'Сценарий күткендей емес', same: 'өзгеріссіз' },
};


type Opts = { edition?: string; calendar?: string; registers?: string; json?: boolean; lang?: string };

async function run(file: string, values: Opts): Promise<number> {
  const lang = resolveLang(values.lang);
  const { parseScenario, createSimulator, compareRuns, loadScenarioFiles, registersIn } = await import('../simulate.js');
  let scenario;
  let files;
  try {
    scenario = parseScenario(await readJsonInput(file, 'scenario'));
    // what the scenario names (its registers, the files its steps import) sits beside it
    files = loadScenarioFiles(file === '-' ? process.cwd() : path.dirname(file), scenario);
  } catch (e) {
    if (e instanceof StatuteError) throw new UsageError(e.message);
    throw e;
  }
  let calendar: string | object | undefined;
  if (typeof values.calendar === 'string') {
    calendar = isInputSource(values.calendar) ? ((await readJsonInput(values.calendar, '--calendar')) as object) : values.calendar;
    if (typeof calendar === 'object') {
      const { calendarFromJson } = await import('../../statute/calendar/index.js');
      try {
        calendarFromJson(calendar);
      } catch (e) {
        throw new UsageError(`--calendar: ${(e as Error).message}`);
      }
    }
  }
  if (typeof values.edition === 'string') {
    const { getEdition } = await import('../../statute/rules.js');
    try {
      getEdition(values.edition);
    } catch (e) {
      throw new UsageError(`--edition: ${(e as Error).message}`);
    }
  }
  let registers: { register: RegisterName; csv: string }[] = [];
  if (typeof values.registers === 'string') {
    const { REGISTER_NAMES } = await import('../../activities/registers.js');
    const dir = values.registers;
    if (!existsSync(dir)) throw new UsageError(filled(M.noFolder, { dir }));
    registers = registersIn(dir);
    if (registers.length === 0) throw new UsageError(filled(M.noRegisters, { dir, files: REGISTER_NAMES.map((n) => `${n}.csv`).join(', ') }));
  }
  const whatIf = calendar !== undefined || typeof values.edition === 'string';
  const { DefaultLogger, Runtime } = await import('@temporalio/worker');
  const level = (process.env.TARTIP_LOG_LEVEL as 'WARN' | undefined) ?? 'ERROR';
  Runtime.install({ logger: new DefaultLogger(level), telemetryOptions: { logging: { filter: { core: level, other: level }, forward: {} } } });
  const sim = await createSimulator({ registers, log: (l) => process.stderr.write(l + '\n') });
  try {
    const base = await sim.run(scenario, undefined, files);
    if (!whatIf) {
      if (values.json) process.stdout.write(JSON.stringify({ ...base, history: undefined }, null, 2) + '\n');
      else {
        process.stdout.write(renderTimeline(base.timeline, lang));
        if (base.problems.length > 0) process.stdout.write(`\n${W[lang].problems}:\n${base.problems.map((p) => `  ${p}`).join('\n')}\n`);
      }
      return base.problems.length === 0 ? EXIT.ok : EXIT.foundWrong;
    }
    const variant = await sim.run(scenario, { ...(typeof values.edition === 'string' ? { editionId: values.edition } : {}), ...(calendar !== undefined ? { calendar } : {}) }, files);
    const w = compareRuns(base, variant);
    if (values.json) {
      process.stdout.write(JSON.stringify({ periods: w.periods, moved: w.moved, outcome: w.outcome, stage: w.stage, acts: w.acts, base: { ...base, history: undefined }, variant: { ...variant, history: undefined } }, null, 2) + '\n');
    } else {
      const L = W[lang];
      process.stdout.write(renderTimeline(variant.timeline, lang));
      process.stdout.write(`\n${L.whatif}: ${base.editionId} → ${variant.editionId}, ${shortRef(base.calendarRef)} → ${shortRef(variant.calendarRef)}\n${L.moved}:\n`);
      if (w.moved.length === 0) process.stdout.write(`  ${L.none}\n`);
      for (const m of w.moved) process.stdout.write(`  ${m.rule} (${m.anchor}): ${m.before ?? '—'} → ${m.after ?? '—'}${m.days !== null ? ` (${m.days > 0 ? '+' : ''}${m.days})` : ''}\n`);
      if (w.acts.length > 0) {
        process.stdout.write(`${L.acts}:\n`);
        for (const a of w.acts) process.stdout.write(`  ${astana(a.at)} ${a.act}: ${a.before ?? L.accepted} → ${a.after ?? L.accepted}\n`);
      }
      process.stdout.write(`${L.outcome}: ${w.outcome.before ?? '—'} → ${w.outcome.after ?? '—'}${w.outcome.changed ? '' : ` (${L.same})`}\n`);
    }
    return EXIT.ok;
  } finally {
    await sim.close();
  }
}

export function define(program: Command): Command {
  return program
    .command('simulate')
    .summary('run a scenario under time skipping; what if another edition or calendar applied')
    .description(DESCRIPTION)
    .usage('<scenario.json> [--edition ID] [--calendar FILE|REF] [--registers DIR] [--json] [--lang kk|ru|en]')
    .argument('<scenario>', 'the scenario file (JSON; - for standard input)')
    .option('--edition <ID>', 'also run the same facts under this edition of Law 148')
    .option('--calendar <FILE|REF>', 'also run them under this calendar: a calendar or overlay file (docs/calendar-format.md; - for standard input) or an official ref (kz-official@VERSION) → prints the deadlines that move and whether the outcome changes')
    .option('--registers <DIR>', "import these registers (admin_units.csv, maslikhats.csv, deputies.csv, akim_posts.csv, akim_incumbents.csv; docs/records.md) first, besides the scenario's own (its \"registers\" folder)")
    .addOption(jsonOption())
    .addOption(langOption())
    .addHelpText('after', "\nExit: 0 as expected, 1 error, 2 bad usage or scenario, 4 the run did not meet the scenario's expect.")
    .action(action(run));
}
