// Shared vocabulary of the statute module. Pure types: safe in workflow code.

/** A calendar date in Kazakhstan's legal time, `YYYY-MM-DD`. */
export type IsoDate = string;

/** Where a rule comes from: the norm and a short verbatim quote of the Russian text. */
export interface Citation {
  /** e.g. "148" for Law No 148 of 23.01.2001 */
  law: string;
  article: string;
  paragraph?: string;
  subparagraph?: string;
  /** Verbatim Russian text of the source (line breaks aside). */
  quote: string;
  /** Source file under shared/sources/ the quote is checked against. */
  source: string;
  /** The amending act that gave this wording, where the text names it. */
  wording?: string;
}

/**
 * A reference to a norm outside shared/sources/ (the Civil Code's rules on counting periods): shown
 * with the interpretation it supports, never presented as a checked citation. `verified` is false
 * while the text is not in the project's sources: the article number (and any wording quoted in
 * the rationale) are from memory.
 */
export interface ExternalReference {
  /** e.g. 'Гражданский кодекс РК (Общая часть) от 27.12.1994' */
  law: string;
  /** the article number as believed, e.g. '170' */
  article?: string;
  /** what the article is about, e.g. 'начало срока' */
  topic: string;
  verified: boolean;
  /** why it is (not) verified, e.g. 'Civil Code text not in the project\'s sources' */
  note: string;
}

/**
 * A choice the law leaves open. The default is used unless a procedure records another
 * option; whatever is used is written to the procedure's history.
 */
export interface Interpretation {
  id: string;
  question: string;
  options: readonly string[];
  default: string;
  rationale: string;
  cite?: Citation;
  /** Norms outside the sources the rationale relies on (unverified unless `verified`). */
  external?: readonly ExternalReference[];
  /**
   * Rules this interpretation governs that do not list it themselves (a consequence or an anchor
   * the workflow decides, not part of the rule's value). Shown under those rules by `tartip rules`
   * (statute/rule-interpretations.ts); changes no computation.
   */
  appliesTo?: readonly string[];
}

/** The option of an interpretation actually used in one computation. */
export interface InterpretationUse {
  id: string;
  chosen: string;
}

export type PeriodUnit = 'calendar_day' | 'working_day' | 'month' | 'year';

/**
 * deadline: the last day on which the act may be done; moves off a non-working day.
 * waiting: the first day on which the act becomes allowed ("по истечении"); never moves.
 */
export type PeriodKind = 'deadline' | 'waiting';

export interface SkippedDay {
  date: IsoDate;
  /** machine reason: 'weekend' | 'holiday' | 'carry_over' | 'transfer' */
  reason: 'weekend' | 'holiday' | 'carry_over' | 'transfer';
  /** What the day is, in Russian / English, e.g. "Наурыз мейрамы" */
  label: string;
  /** Source of the calendar entry (normative act or announcement). */
  source?: string;
  /** The label in each language known (en always; ru, kk where known). */
  labels?: { en: string; ru?: string; kk?: string };
}

/** Every computed value carries how it was obtained. */
export interface PeriodDerivation {
  anchor: IsoDate;
  count: number;
  unit: PeriodUnit;
  kind: PeriodKind;
  /** 'before' for a lead time counted back from `anchor` ("не позднее чем за N дней до"); absent when counted forward. */
  direction?: 'before';
  /** Date on which counting ended before any move off a non-working day (for a lead time: the Nth day counted back). */
  rawEnd: IsoDate;
  /** The result: last day (deadline) or first allowed day (waiting). */
  date: IsoDate;
  /** The instant the period ends (deadline: 24:00 local of `date`; waiting: 00:00 local of `date`), ISO 8601 UTC. */
  instant: string;
  /** UTC offset used for the legal time of `date`, e.g. "+05:00". */
  utcOffset: string;
  skipped: SkippedDay[];
  /** True when any day used comes from a year whose calendar is not confirmed. */
  provisional: boolean;
  /** The years that made the result provisional (empty when it is not). */
  provisionalYears?: number[];
  /** Region whose legal time gave `utcOffset` (matters before 2024-03-01). */
  region?: string;
  calendarId: string;
  calendarVersion: string;
  citations: Citation[];
  interpretations: InterpretationUse[];
}

export type ThresholdBase =
  | 'total_deputies'
  | 'seats_fixed'
  | 'deputies_elected'
  | 'deputies_present'
  | 'electors_total'
  | 'electors_present'
  | 'electors_voted'
  | 'signatures_collected'
  | 'community_members'
  | 'participants';

export interface ThresholdDerivation {
  rule: string;
  /** e.g. "at_least_fraction 1/5 of total_deputies" */
  test: string;
  base: ThresholdBase;
  baseValue: number;
  /** The smallest (or, for caps, largest) integer count that satisfies the rule. */
  required: number;
  actual: number;
  met: boolean;
  citations: Citation[];
  interpretations: InterpretationUse[];
}
