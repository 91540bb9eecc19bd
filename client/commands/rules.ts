// `tartip rules [--procedure NAME] [--edition ID] [--json] [--lang kk|ru|en]`: every rule of an
// edition of Law 148 with its value, citation and the verbatim Russian quote, and every
// interpretation that applies to it (statute/rule-interpretations.ts) with its default; references
// outside the sources (the Civil Code) are shown as unverified.
import type { Command } from 'commander';
import { StatuteError, type Lang } from '../../statute/errors.js';
import { formatCitation, formatRefusal, formatRuleValue, ruleTitle } from '../../statute/messages.js';
import {
  EDITIONS,
  PROCEDURES,
  editionInForce,
  getEdition,
  procedureName,
  rulesOf,
  type Edition,
  type EditionRule,
} from '../../statute/rules.js';
import { interpretationsOf, type AppliedInterpretation } from '../../statute/rule-interpretations.js';
import { EXIT } from '../command.js';
import { UsageError, action, jsonOption, langOption, resolveLang, write } from '../cli-kit.js';

const LABELS = {
  edition: { en: 'Edition', ru: 'Редакция', kk: 'Редакция' },
  effective: { en: 'in force from', ru: 'действует с', kk: 'күшіне енген күні' },
  procedure: { en: 'Procedure', ru: 'Процедура', kk: 'Рәсім' },
  rules: { en: 'Rules', ru: 'Правил', kk: 'Ережелер саны' },
  wording: { en: 'wording', ru: 'редакция', kk: 'редакциясы' },
  interpretations: { en: 'interpretations', ru: 'толкования', kk: 'түсіндірмелер' },
  note: { en: 'note', ru: 'примечание', kk: 'ескерту' },
  default: { en: 'default', ru: 'по умолчанию', kk: 'әдепкі' },
  viaRule: { en: 'listed by the rule', ru: 'указано в правиле', kk: 'ережеде көрсетілген' },
  viaPeriod: { en: 'period arithmetic', ru: 'исчисление сроков', kk: 'мерзімдерді есептеу' },
  viaNames: { en: 'names this rule', ru: 'относится к этому правилу', kk: 'осы ережеге қатысты' },
  sameAs: { en: 'same question as', ru: 'тот же вопрос, что', kk: 'мына сұрақпен бірдей' },
  article: { en: 'art.', ru: 'ст.', kk: 'бап' },
  unverified: { en: 'UNVERIFIED', ru: 'НЕ СВЕРЕНО', kk: 'ТЕКСЕРІЛМЕГЕН' },
  verified: { en: 'verified', ru: 'сверено', kk: 'тексерілген' },
} as const;

function today(): string {
  // The legal date in Kazakhstan (UTC+5) is close enough to choose an edition for listing.
  return new Date(Date.now() + 5 * 3600_000).toISOString().slice(0, 10);
}

export function ruleJson(r: EditionRule, lang: Lang): Record<string, unknown> {
  const { title, ...rest } = r;
  return {
    ...rest,
    procedureName: procedureName(r.procedure) ?? null,
    title: ruleTitle({ title }, lang),
    titles: title,
    value: formatRuleValue(r, lang),
    reference: formatCitation(r.cite, lang),
    /** every interpretation that applies (`interpretations` above: only those the rule lists) */
    appliedInterpretations: interpretationsOf(r),
  };
}

function viaText(a: AppliedInterpretation, lang: Lang): string {
  switch (a.via) {
    case 'rule': return LABELS.viaRule[lang];
    case 'period': return `${LABELS.viaPeriod[lang]}${a.scope ? `: ${a.scope}` : ''}`;
    case 'names_rule': return LABELS.viaNames[lang];
  }
}

/** "    period.start_next_day = next_day (default next_day; period arithmetic: …)" and its external references. */
export function interpretationLines(a: AppliedInterpretation, lang: Lang): string[] {
  const same = a.sameAs ? `; ${LABELS.sameAs[lang]} ${a.sameAs}` : '';
  const lines = [`    ${a.id} = ${a.chosen} (${LABELS.default[lang]} ${a.default}; ${viaText(a, lang)}${same})`];
  for (const x of a.external ?? []) {
    const art = x.article ? (lang === 'kk' ? `, ${x.article}-бап` : `, ${LABELS.article[lang]} ${x.article}`) : '';
    const where = `${x.law}${art} (${x.topic})`;
    lines.push(`      ${x.verified ? LABELS.verified[lang] : `! ${LABELS.unverified[lang]}`}: ${where} — ${x.note}`);
  }
  return lines;
}

function ruleText(r: EditionRule, lang: Lang): string {
  const name = procedureName(r.procedure);
  const lines = [
    `${r.id}  [${r.procedure}${name ? ` ${name}` : ''}, ${r.kind}]`,
    `  ${ruleTitle(r, lang)}`,
    `  ${formatRuleValue(r, lang)}`,
    `  ${formatCitation(r.cite, lang)}${r.cite.wording ? ` — ${LABELS.wording[lang]}: ${r.cite.wording}` : ''}`,
    `  «${r.cite.quote}»`,
  ];
  const applied = interpretationsOf(r);
  if (applied.length) {
    lines.push(`  ${LABELS.interpretations[lang]}:`);
    for (const a of applied) lines.push(...interpretationLines(a, lang));
  }
  if (r.note) lines.push(`  ${LABELS.note[lang]}: ${r.note}`);
  return lines.join('\n');
}

type Opts = { procedure?: string; edition?: string; json?: boolean; lang?: string };

async function run(opts: Opts): Promise<number> {
  const lang = resolveLang(opts.lang);
  let edition: Edition;
  let rules: EditionRule[];
  try {
    edition = opts.edition !== undefined ? getEdition(opts.edition) : editionInForce(today());
    rules = rulesOf(edition, opts.procedure);
  } catch (e) {
    if (e instanceof StatuteError) {
      const b = e.body;
      // named by the option it came from
      const flag = b.field === 'procedure' ? '--procedure: ' : b.field === 'edition' ? '--edition: ' : '';
      throw new UsageError({ kk: flag + formatRefusal(b, 'kk'), ru: flag + formatRefusal(b, 'ru'), en: flag + formatRefusal(b, 'en') });
    }
    throw e;
  }

  if (opts.json) {
    const out = {
      edition: {
        id: edition.id,
        effectiveFrom: edition.effectiveFrom,
        title: edition.title[lang],
        caveat: edition.caveat?.[lang] ?? null,
        source: edition.source ?? null,
      },
      procedure: opts.procedure ?? null,
      rules: rules.map((r) => ruleJson(r, lang)),
    };
    write(JSON.stringify(out, null, 2) + '\n');
    return EXIT.ok;
  }

  const head = [
    `${LABELS.edition[lang]} ${edition.id} (${LABELS.effective[lang]} ${edition.effectiveFrom})`,
    edition.title[lang],
  ];
  if (edition.caveat) head.push(`! ${edition.caveat[lang]}`);
  if (opts.procedure) head.push(`${LABELS.procedure[lang]}: ${opts.procedure}`);
  head.push(`${LABELS.rules[lang]}: ${rules.length}`, '');
  write(head.join('\n') + '\n' + rules.map((r) => ruleText(r, lang)).join('\n\n') + '\n');
  return EXIT.ok;
}

export function define(program: Command): Command {
  return program
    .command('rules')
    .summary('list the rules of Law 148 with values, citations and quotes')
    .description('Lists the rules of an edition of Law No 148: id, title, value, citation and the Russian quote, and under each rule every interpretation that applies to it (listed by the rule, applied by period arithmetic, or naming the rule) with its default. References to the Civil Code are marked UNVERIFIED: its text is not in the project\'s sources.')
    .usage('[--procedure NAME] [--edition ID] [--json] [--lang kk|ru|en]')
    .option('--procedure <NAME>', `only the rules a procedure uses; a name or a catalogue number (P-17); names: ${Object.keys(PROCEDURES).join(', ')}`)
    .option('--edition <ID>', `edition id (default: the edition in force today); known: ${EDITIONS.map((e) => e.id).join(', ')}`)
    .addOption(jsonOption('machine-readable output'))
    .addOption(langOption())
    .action(action(run));
}
