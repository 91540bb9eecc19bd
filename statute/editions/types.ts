// The law as data: an edition is a dated set of rules, each rule a value with its citation.
// Pure types and one pure constructor; safe in workflow code.
import { StatuteError } from '../errors.js';
import type {
  Citation,
  InterpretationUse,
  IsoDate,
  PeriodKind,
  PeriodUnit,
  ThresholdBase,
} from '../types.js';

/** Procedure numbers of shared/reference/law-catalogue.md §5. */
export type ProcedureCode =
  | 'P-01' | 'P-02' | 'P-03' | 'P-04' | 'P-05' | 'P-06' | 'P-07' | 'P-08' | 'P-09' | 'P-10'
  | 'P-11' | 'P-12' | 'P-13' | 'P-14' | 'P-15' | 'P-16' | 'P-17' | 'P-18' | 'P-19' | 'P-20'
  | 'P-21' | 'P-22' | 'P-23' | 'P-24' | 'P-25' | 'P-26' | 'P-27' | 'P-28' | 'P-29' | 'P-30'
  | 'P-31' | 'P-32';

export interface Titles {
  en: string;
  ru: string;
  kk: string;
}

/**
 * A period as data; the workflows pass it to `computePeriod` (statute/periods.ts).
 * `direction: 'before'` is a lead time counted back from the anchor ("не позднее чем за N дней до").
 */
export interface PeriodSpec {
  count: number;
  unit: PeriodUnit;
  kind: PeriodKind;
  /** Name of the event the period runs from (or back from), e.g. 'written_appeal'. */
  anchor: string;
  direction: 'after' | 'before';
}

/**
 * at_least: actual/base >= n/d  (ceil)            — "не менее"
 * more_than: actual/base > n/d  (floor + 1)       — "более", "свыше"
 * majority: more_than 1/2                          — "большинство"
 * at_most: actual/base <= n/d  (floor; a maximum) — the complement of "свыше"
 */
export type Comparison = 'at_least' | 'more_than' | 'majority' | 'at_most';

export interface ThresholdSpec {
  numerator: number;
  denominator: number;
  comparison: Comparison;
  base: ThresholdBase;
}

/** A count limit: at most (`max`) or at least (`min`) `limit` of `counts`. */
export interface CapSpec {
  bound: 'max' | 'min';
  limit: number;
  /** What is counted, e.g. 'consecutive_submissions', 'proxies', 'years_of_age'. */
  counts: string;
}

/**
 * A norm without a number: a duty, a power, a condition or a consequence the law states in words
 * (23-1(3): the candidate's presence "обязательно"; 23-1(4): who may or must do what after a third
 * refusal). Nothing is computed from it; workflows cite it and decide the branch themselves.
 */
export interface NormSpec {
  /** duty: someone must do it; power: someone may ("вправе"); condition: a requirement for an act to be valid; consequence: what follows an event */
  modality: 'duty' | 'power' | 'condition' | 'consequence';
  /** Who the norm addresses, e.g. 'candidate', 'president', 'regional_akim'. */
  subject: string;
  /** What the norm requires, allows or makes follow, e.g. 'attend_extraordinary_session'. */
  what: string;
  /** The day the text says the norm takes effect (20(4-1): "Вводится в действие с 01.01.2019"). */
  from?: IsoDate;
  /** The day the text says the norm stops applying (41(3): "Приостановить до 1 января 2019 года"). */
  until?: IsoDate;
}

/** An act is not allowed during a period. */
export interface BarSpec {
  period: PeriodSpec;
  /** What the bar forbids, e.g. 'reinitiation_same_grounds'. */
  forbids: string;
}

interface RuleCommon {
  /** Reads like its citation: `art24.p4.signature_collection`. */
  id: string;
  procedure: ProcedureCode;
  /** Other procedures that use this rule (e.g. the session quorum). */
  alsoUsedBy?: readonly ProcedureCode[];
  title: Titles;
  cite: Citation;
  /** Interpretations this rule's value depends on, with the option the value embodies. */
  interpretations?: readonly InterpretationUse[];
  /** Short note for readers (gaps, what the law does not say). */
  note?: string;
}

export interface PeriodRule extends RuleCommon { kind: 'period'; period: PeriodSpec }
export interface ThresholdRule extends RuleCommon { kind: 'threshold'; threshold: ThresholdSpec }
export interface CapRule extends RuleCommon { kind: 'cap'; cap: CapSpec }
export interface BarRule extends RuleCommon { kind: 'bar'; bar: BarSpec }
export interface NormRule extends RuleCommon { kind: 'norm'; norm: NormSpec }

export type Rule = PeriodRule | ThresholdRule | CapRule | BarRule | NormRule;
export type RuleKind = Rule['kind'];

/** A rule as it stands in an edition: with the date and edition its value comes from. */
export type EditionRule = Rule & {
  /** Date from which this value applies. */
  since: IsoDate;
  /** The edition that introduced this value (inherited rules keep their origin). */
  introducedBy: string;
};

export interface Edition {
  id: string;
  effectiveFrom: IsoDate;
  title: Titles;
  basedOn?: string;
  /** The source text this edition was taken from. */
  source?: string;
  /** What readers must know about the edition's reach (e.g. a snapshot, not the current law). */
  caveat?: Titles;
  rules: Readonly<Record<string, EditionRule>>;
}

export interface EditionDefinition {
  id: string;
  effectiveFrom: IsoDate;
  title: Titles;
  basedOn?: Edition;
  source?: string;
  caveat?: Titles;
  /** New or changed rules; a changed rule must keep its kind and carry its own citation. */
  overrides: readonly Rule[];
  /** Rule ids no longer in force in this edition. */
  repeals?: readonly string[];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  return d <= days;
}

function isPositiveInt(n: unknown): boolean {
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0;
}

function checkPeriod(p: PeriodSpec, id: string, field: string): void {
  if (!isPositiveInt(p.count)) {
    throw new StatuteError(
      { code: 'invalid_count', field: `${field}.count`, rule: id, params: { field: `${field}.count`, value: String(p.count) } },
      `rule ${id}: period count must be a positive integer`,
    );
  }
  if (!['calendar_day', 'working_day', 'month', 'year'].includes(p.unit)) {
    throw new StatuteError(
      { code: 'invalid_unit', field: `${field}.unit`, rule: id, params: { value: String(p.unit) } },
      `rule ${id}: unknown period unit ${String(p.unit)}`,
    );
  }
}

/** Checks a rule's own consistency (integers, units, id shape). Throws StatuteError. */
export function checkRule(r: Rule): void {
  if (!/^art\d+(_\d+)?\.[a-z0-9_.]+$/.test(r.id)) {
    throw new StatuteError({ code: 'invalid_rule', field: 'id', rule: r.id, params: { rule: r.id } }, `bad rule id ${r.id}`);
  }
  const art = r.id.slice(3, r.id.indexOf('.')).replace('_', '-');
  if (art !== r.cite.article) {
    throw new StatuteError(
      { code: 'invalid_rule', field: 'cite.article', rule: r.id, params: { rule: r.id } },
      `rule ${r.id} cites article ${r.cite.article}`,
    );
  }
  switch (r.kind) {
    case 'period':
      checkPeriod(r.period, r.id, 'period');
      break;
    case 'bar':
      checkPeriod(r.bar.period, r.id, 'bar.period');
      break;
    case 'cap':
      if (!isPositiveInt(r.cap.limit)) {
        throw new StatuteError(
          { code: 'invalid_count', field: 'cap.limit', rule: r.id, params: { field: 'cap.limit', value: String(r.cap.limit) } },
          `rule ${r.id}: cap must be a positive integer`,
        );
      }
      break;
    case 'threshold': {
      const t = r.threshold;
      if (!isPositiveInt(t.denominator) || !isPositiveInt(t.numerator) || t.numerator > t.denominator) {
        throw new StatuteError(
          { code: 'invalid_count', field: 'threshold', rule: r.id, params: { field: 'threshold', value: `${t.numerator}/${t.denominator}` } },
          `rule ${r.id}: threshold must be a fraction n/d with 0 < n <= d`,
        );
      }
      if (t.comparison === 'majority' && (t.numerator !== 1 || t.denominator !== 2)) {
        throw new StatuteError(
          { code: 'invalid_count', field: 'threshold', rule: r.id, params: { field: 'threshold', value: `${t.numerator}/${t.denominator}` } },
          `rule ${r.id}: majority is 1/2`,
        );
      }
      break;
    }
    case 'norm': {
      const n = r.norm;
      if (!['duty', 'power', 'condition', 'consequence'].includes(n.modality) || !/^[a-z][a-z0-9_]*$/.test(n.subject) || !/^[a-z][a-z0-9_]*$/.test(n.what)) {
        throw new StatuteError(
          { code: 'invalid_rule', field: 'norm', rule: r.id, params: { rule: r.id } },
          `rule ${r.id}: a norm needs a modality (duty, power, condition, consequence) and snake_case subject and what`,
        );
      }
      break;
    }
    default: {
      const never: never = r;
      throw new StatuteError({ code: 'invalid_rule', field: 'kind', params: { rule: String((never as Rule).id) } }, 'unknown rule kind');
    }
  }
}

/**
 * Builds an edition: the rules of `basedOn` (keeping their dates and origin), replaced or
 * extended by `overrides` (dated `effectiveFrom`, introduced by this edition), minus `repeals`.
 */
export function defineEdition(def: EditionDefinition): Edition {
  if (!isIsoDate(def.effectiveFrom)) {
    throw new StatuteError(
      { code: 'invalid_date', field: 'effectiveFrom', params: { value: String(def.effectiveFrom) } },
      `edition ${def.id}: bad effectiveFrom ${String(def.effectiveFrom)}`,
    );
  }
  const base = def.basedOn;
  if (base && base.effectiveFrom >= def.effectiveFrom) {
    throw new StatuteError(
      { code: 'invalid_date', field: 'effectiveFrom', params: { value: def.effectiveFrom } },
      `edition ${def.id} must take effect after ${base.id}`,
    );
  }
  const rules: Record<string, EditionRule> = { ...(base?.rules ?? {}) };
  const seen = new Set<string>();
  for (const r of def.overrides) {
    checkRule(r);
    if (seen.has(r.id)) {
      throw new StatuteError({ code: 'invalid_rule', field: 'overrides', rule: r.id, params: { rule: r.id } }, `duplicate rule ${r.id}`);
    }
    seen.add(r.id);
    const prev = rules[r.id];
    if (prev && prev.kind !== r.kind) {
      throw new StatuteError(
        { code: 'invalid_rule', field: 'overrides', rule: r.id, params: { rule: r.id } },
        `rule ${r.id}: override changes kind ${prev.kind} → ${r.kind}`,
      );
    }
    if (prev && prev.cite.quote === r.cite.quote && prev.cite.wording === r.cite.wording) {
      throw new StatuteError(
        { code: 'invalid_rule', field: 'overrides', rule: r.id, params: { rule: r.id } },
        `rule ${r.id}: an override needs its own citation`,
      );
    }
    rules[r.id] = Object.freeze({ ...r, since: def.effectiveFrom, introducedBy: def.id }) as EditionRule;
  }
  for (const id of def.repeals ?? []) {
    if (!rules[id]) {
      throw new StatuteError({ code: 'unknown_rule', field: 'repeals', rule: id, params: { rule: id, edition: def.id } }, `cannot repeal unknown rule ${id}`);
    }
    delete rules[id];
  }
  const edition: Edition = {
    id: def.id,
    effectiveFrom: def.effectiveFrom,
    title: def.title,
    rules: Object.freeze(rules),
  };
  if (base) edition.basedOn = base.id;
  const source = def.source ?? base?.source;
  if (source) edition.source = source;
  if (def.caveat) edition.caveat = def.caveat;
  return Object.freeze(edition);
}
