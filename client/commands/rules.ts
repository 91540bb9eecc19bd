// `tartip rules [--procedure NAME] [--edition ID] [--json] [--lang kk|ru|en]`: every rule of an
// edition of Law 148 with its value, citation and the verbatim Russian quote, and every
// interpretation that applies to it (statute/rule-interpretations.ts) with its default; references
// outside the sources (the Civil Code) are shown as unverified.
import { parseArgs } from 'node:util';
import { StatuteError, type Lang } from '../../statute/errors.js';
import { formatCitation, formatRefusal, formatRuleValue, ruleTitle } from '../../statute/messages.js';
import { interpretationsOf, type AppliedInterpretation } from '../../statute/rule-interpretations.js';
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
import { EXIT, type CliCommand } from '../command.js';

const HELP = `Usage: tartip rules [--procedure NAME] [--edition ID] [--json] [--lang kk|ru|en]

Lists the rules of an edition of Law No 148: id, title, value, citation and the Russian quote,
and under each rule every interpretation that applies to it (listed by the rule, applied by
period arithmetic, or naming the rule) with the option used and its default. References to the
Civil Code are marked UNVERIFIED: its text is not in the project's sources.

Options:
  --procedure NAME  only the rules a procedure uses; a name or a catalogue number (P-17)
                    names: ${Object.keys(PROCEDURES).join(', ')}
  --edition ID      edition id (default: the edition in force today)
                    known: ${EDITIONS.map((e) => e.id).join(', ')}
  --json            machine-readable output
  --lang kk|ru|en   language of titles and values (default en)
  -h, --help        this text
`;

const LANGS: readonly Lang[] = ['kk', 'ru', 'en'];

const LABELS = {
  edition: { en: 'Edition', ru: 'Редакция', kk: 'Редакция' },
  effective: { en: 'in force from', ru: 'действует с', kk: 'күшіне енген күні' },
  procedure: { en: 'Procedure', ru: 'Процедура', kk: 'Рәсім' },
  rules: { en: 'Rules', ru: 'Правил', kk: 'Ережелер саны' },
  wording: { en: 'wording', ru: 'редакция', kk: 'редакциясы' },
  interpretations: { en: 'interpretations', ru: 'толкования', kk: 'түсіндірмелер' },
  default: { en: 'default', ru: 'по умолчанию', kk: 'әдепкі' },
  viaRule: { en: 'listed by the rule', ru: 'указано в правиле', kk: 'ережеде көрсетілген' },
  viaPeriod: { en: 'period arithmetic', ru: 'исчисление сроков', kk: 'мерзімдерді есептеу' },
  viaNames: { en: 'names this rule', ru: 'относится к этому правилу', kk: 'осы ережеге қатысты' },
  sameAs: { en: 'same question as', ru: 'тот же вопрос, что', kk: 'мына сұрақпен бірдей' },
  article: { en: 'art.', ru: 'ст.', kk: 'бап' },
  unverified: { en: 'UNVERIFIED', ru: 'НЕ СВЕРЕНО', kk: 'ТЕКСЕРІЛМЕГЕН' },
  verified: { en: 'verified', ru: 'сверено', kk: 'тексерілген' },
  note: { en: 'note', ru: 'примечание', kk: 'ескерту' },
} as const;

function fail(message: string): number {
  process.stderr.write(`tartip rules: ${message.replace(/\s*\n[\s\S]*$/, '')}\n`);
  return EXIT.usage;
}

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

async function run(argv: string[]): Promise<number> {
  let values: { procedure?: string; edition?: string; json?: boolean; lang?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        procedure: { type: 'string' },
        edition: { type: 'string' },
        json: { type: 'boolean' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
      strict: true,
    }));
  } catch (e) {
    return fail(`${e instanceof Error ? e.message : String(e)} (see tartip rules --help)`);
  }
  if (values.help) {
    process.stdout.write(HELP);
    return EXIT.ok;
  }
  const lang = (values.lang ?? 'en') as Lang;
  if (!LANGS.includes(lang)) return fail(`unknown language '${values.lang}'; use kk, ru or en`);

  let edition: Edition;
  let rules: EditionRule[];
  try {
    edition = values.edition !== undefined ? getEdition(values.edition) : editionInForce(today());
    rules = rulesOf(edition, values.procedure);
  } catch (e) {
    if (e instanceof StatuteError) return fail(formatRefusal(e.body, lang));
    throw e;
  }

  if (values.json) {
    const out = {
      edition: {
        id: edition.id,
        effectiveFrom: edition.effectiveFrom,
        title: edition.title[lang],
        caveat: edition.caveat?.[lang] ?? null,
        source: edition.source ?? null,
      },
      procedure: values.procedure ?? null,
      rules: rules.map((r) => ruleJson(r, lang)),
    };
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
    return EXIT.ok;
  }

  const head = [
    `${LABELS.edition[lang]} ${edition.id} (${LABELS.effective[lang]} ${edition.effectiveFrom})`,
    edition.title[lang],
  ];
  if (edition.caveat) head.push(`! ${edition.caveat[lang]}`);
  if (values.procedure) head.push(`${LABELS.procedure[lang]}: ${values.procedure}`);
  head.push(`${LABELS.rules[lang]}: ${rules.length}`, '');
  process.stdout.write(head.join('\n') + '\n' + rules.map((r) => ruleText(r, lang)).join('\n\n') + '\n');
  return EXIT.ok;
}

export const command: CliCommand = {
  summary: 'list the rules of Law 148 with values, citations and quotes',
  run,
};
