// Lookup API over the editions: which edition is in force, and its rules by id or procedure.
import { StatuteError } from './errors.js';
import { EDITIONS, isIsoDate } from './editions/index.js';
import type { Edition, EditionRule, ProcedureCode, RuleId, RuleKind } from './editions/index.js';
import { PERIOD_QUESTION_OF, useOf } from './interpretations.js';
import type { PeriodInput } from './periods.js';
import type { InterpretationUse, IsoDate, PeriodUnit } from './types.js';

export type {
  Edition, EditionRule, ProcedureCode, Rule, RuleId, RuleKind, PeriodRule, ThresholdRule, CapRule, BarRule, NormRule,
  PeriodSpec, ThresholdSpec, CapSpec, BarSpec, NormSpec, Comparison, Titles,
} from './editions/index.js';
export { defineEdition, EDITIONS, KZ_148_2018 } from './editions/index.js';

/** Procedure names used by the workflows, CLI and API, mapped to catalogue numbers (§5). */
export const PROCEDURES = Object.freeze({
  maslikhat_formation: 'P-01',
  first_session: 'P-02',
  regular_session: 'P-03',
  extraordinary_session: 'P-04',
  session: 'P-05',
  deputy_inquiry: 'P-08',
  deputy_sanction: 'P-09',
  deputy_early_termination: 'P-10',
  maslikhat_early_termination: 'P-13',
  akim_consent: 'P-15',
  no_confidence: 'P-17',
  senate_recall: 'P-18',
  rural_akim_election: 'P-19',
  rural_akim_dismissal: 'P-20',
  skhod: 'P-22',
  sobranie: 'P-24',
  election_appeal: 'P-29',
} as const satisfies Record<string, ProcedureCode>);

export type ProcedureName = keyof typeof PROCEDURES;

export const DEFAULT_EDITION_ID = 'kz-148@2018-07-12';

/** The procedure code for a name (`no_confidence`) or a code (`P-17`). */
export function procedureCode(nameOrCode: string): ProcedureCode {
  if (Object.hasOwn(PROCEDURES, nameOrCode)) return PROCEDURES[nameOrCode as ProcedureName];
  if ((Object.values(PROCEDURES) as string[]).includes(nameOrCode)) return nameOrCode as ProcedureCode;
  throw new StatuteError(
    { code: 'unknown_procedure', field: 'procedure', params: { procedure: nameOrCode, known: Object.keys(PROCEDURES).join(', ') } },
    `unknown procedure ${nameOrCode}`,
  );
}

/** The name for a procedure code, if it has one. */
export function procedureName(code: ProcedureCode): ProcedureName | undefined {
  return (Object.keys(PROCEDURES) as ProcedureName[]).find((n) => PROCEDURES[n] === code);
}

export function getEdition(id: string, editions: readonly Edition[] = EDITIONS): Edition {
  const e = editions.find((x) => x.id === id);
  if (!e) {
    throw new StatuteError(
      { code: 'unknown_edition', field: 'edition', params: { edition: id, known: editions.map((x) => x.id).join(', ') } },
      `unknown edition ${id}`,
    );
  }
  return e;
}

/** The latest edition whose effectiveFrom is on or before `date`. */
export function editionInForce(date: IsoDate, editions: readonly Edition[] = EDITIONS): Edition {
  if (!isIsoDate(date)) {
    throw new StatuteError({ code: 'invalid_date', field: 'date', params: { value: String(date) } }, `invalid date ${String(date)}`);
  }
  let best: Edition | undefined;
  for (const e of editions) if (e.effectiveFrom <= date && (!best || e.effectiveFrom > best.effectiveFrom)) best = e;
  if (!best) {
    throw new StatuteError(
      { code: 'no_edition_in_force', field: 'date', date, params: { date } },
      `no edition of Law 148 known to tartip is in force on ${date}`,
    );
  }
  return best;
}

/**
 * One rule of an edition; throws StatuteError `unknown_rule` (a rule repealed in that edition).
 * `id` is a `RuleId`: a misspelt id in the code is a compile error. Ids that come from outside
 * the code (CLI flags, API input, recorded histories) go through `ruleById`.
 * Narrow the kind with `kind`.
 */
export function rule(edition: Edition, id: RuleId): EditionRule;
export function rule<K extends RuleKind>(edition: Edition, id: RuleId, kind: K): Extract<EditionRule, { kind: K }>;
export function rule(edition: Edition, id: RuleId, kind?: RuleKind): EditionRule {
  return ruleById(edition, id, kind);
}

/**
 * `rule()` for an id known only at run time (a CLI flag, an API field, a recorded derivation):
 * the same checks, StatuteError `unknown_rule` / `wrong_rule_kind`, no compile-time check.
 */
export function ruleById(edition: Edition, id: string): EditionRule;
export function ruleById<K extends RuleKind>(edition: Edition, id: string, kind: K | undefined): Extract<EditionRule, { kind: K }>;
export function ruleById(edition: Edition, id: string, kind?: RuleKind): EditionRule {
  const r = Object.hasOwn(edition.rules, id) ? edition.rules[id] : undefined;
  if (!r) {
    throw new StatuteError(
      { code: 'unknown_rule', field: 'rule', rule: id, params: { rule: id, edition: edition.id } },
      `edition ${edition.id} has no rule ${id}`,
    );
  }
  if (kind && r.kind !== kind) {
    throw new StatuteError(
      { code: 'wrong_rule_kind', field: 'rule', rule: id, params: { rule: id, kind, actual: r.kind } },
      `rule ${id} is a ${r.kind}, not a ${kind}`,
    );
  }
  return r;
}

/** All rule ids of the editions known to tartip (the values behind the type `RuleId`). */
export const RULE_IDS: readonly RuleId[] = Object.freeze([...new Set(EDITIONS.flatMap((e) => Object.keys(e.rules)))] as RuleId[]);

/** Narrows an id from outside the code (input, records) to `RuleId`: some edition known to tartip has it. */
export function isRuleId(id: string): id is RuleId {
  return (RULE_IDS as readonly string[]).includes(id);
}

/** Rules of an edition (in the edition's order), optionally those a procedure uses. */
export function rulesOf(edition: Edition, procedure?: string): EditionRule[] {
  const all = Object.values(edition.rules);
  if (procedure === undefined) return all;
  const code = procedureCode(procedure);
  return all.filter((r) => r.procedure === code || (r.alsoUsedBy ?? []).includes(code));
}

/** What to hand to computePeriod (statute/periods.ts) for a period or bar rule. */
export interface RulePeriod {
  input: PeriodInput;
  /**
   * Interpretations this value depends on that computePeriod does not itself take (the day
   * type of an unqualified "дней", gap rules): record them beside the derivation.
   */
  recordAlso: InterpretationUse[];
}

/**
 * Builds computePeriod's input from a rule and the date of its anchor event, applying the
 * procedure's recorded options: `days.unqualified_are_calendar = working_day` switches the unit;
 * `period.*` options are passed on to computePeriod. Lead times (`direction: 'before'`, "не
 * позднее чем за N дней до") are passed with their direction and counted back from the anchor
 * (statute/periods.ts); a rule listing `art36_1.p3.days_before` has that choice applied as
 * `period.days_before`.
 */
export function periodFor(r: EditionRule, anchor: IsoDate, recorded: readonly InterpretationUse[] = []): RulePeriod {
  if (r.kind !== 'period' && r.kind !== 'bar') {
    throw new StatuteError(
      { code: 'wrong_rule_kind', field: 'rule', rule: r.id, params: { rule: r.id, kind: 'period', actual: r.kind } },
      `rule ${r.id} is a ${r.kind}, not a period`,
    );
  }
  const p = r.kind === 'period' ? r.period : r.bar.period;
  let unit = p.unit;
  const recordAlso: InterpretationUse[] = [];
  const periodUses: InterpretationUse[] = [];
  for (const u of r.interpretations ?? []) {
    if (u.id.startsWith('period.')) continue;
    const used = useOf(u.id, recorded.some((x) => x.id === u.id) ? recorded : u.chosen);
    if (used.id === 'days.unqualified_are_calendar') unit = used.chosen as PeriodUnit;
    const general = PERIOD_QUESTION_OF[used.id];
    if (general && (p.direction === 'before' || general === 'period.deadline_non_working_day') && !recorded.some((x) => x.id === general)) periodUses.push({ id: general, chosen: used.chosen });
    recordAlso.push(used);
  }
  for (const u of recorded) if (u.id.startsWith('period.')) periodUses.push({ id: u.id, chosen: u.chosen });
  const input: PeriodInput = { anchor, count: p.count, unit, kind: p.kind, citations: [r.cite] };
  if (p.direction === 'before') input.direction = 'before';
  if (periodUses.length) input.interpretations = periodUses;
  return { input, recordAlso };
}
