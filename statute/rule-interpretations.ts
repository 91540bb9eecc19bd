// Which interpretations apply to a rule, and with which option: what `tartip rules` lists under it.
// Three ways an interpretation reaches a rule:
//   rule:      the rule lists it (`interpretations`), with the option its value embodies;
//   period:    period arithmetic (statute/periods.ts) applies it to every period of the rule's
//              unit, kind and direction (period.start_next_day to every forward period,
//              period.month_end to months and years, period.days_before to every lead time …);
//   names_rule: the interpretation names the rule in `appliesTo` (a consequence or an anchor the
//              workflow decides, e.g. art24.p4.verification_overdue under the verification period).
// Pure; safe in workflow code.
import type { EditionRule } from './editions/types.js';
import { INTERPRETATIONS, PERIOD_QUESTION_OF } from './interpretations.js';
import { PERIOD_INTERPRETATIONS } from './periods.js';
import type { ExternalReference, Interpretation } from './types.js';

export type InterpretationVia = 'rule' | 'period' | 'names_rule';

export interface AppliedInterpretation {
  id: string;
  /** the option the rule's value embodies (listed by the rule), else the default */
  chosen: string;
  default: string;
  options: readonly string[];
  question: string;
  via: InterpretationVia;
  /** for `period`: why, e.g. 'every forward period', 'periods in months or years' */
  scope?: string;
  /** another id of the same question (period.anchor_day = period.start_next_day) */
  sameAs?: string;
  /** norms outside the sources the interpretation relies on; `verified: false` while unchecked */
  external?: readonly ExternalReference[];
}

/** Ids that ask the same question as a period interpretation. */
const SAME_QUESTION: Readonly<Record<string, string>> = { 'period.anchor_day': 'period.start_next_day' };

function known(id: string): Interpretation | undefined {
  return INTERPRETATIONS[id] ?? Object.values(PERIOD_INTERPRETATIONS).find((i) => i.id === id);
}

function entry(i: Interpretation, chosen: string, via: InterpretationVia, scope?: string): AppliedInterpretation {
  const a: AppliedInterpretation = { id: i.id, chosen, default: i.default, options: i.options, question: i.question, via };
  if (scope) a.scope = scope;
  const same = SAME_QUESTION[i.id];
  if (same) a.sameAs = same;
  if (i.external?.length) a.external = i.external;
  return a;
}

/** The period interpretations computePeriod applies to a period of this shape, with why. */
function periodInterpretations(p: { unit: string; kind: string; direction: 'after' | 'before' }): [Interpretation, string][] {
  const P = PERIOD_INTERPRETATIONS;
  const months = p.unit === 'month' || p.unit === 'year';
  if (p.direction === 'before') {
    return [
      [P.daysBefore, 'every lead time ("за N дней до")'],
      ...(months ? [[P.monthEnd, 'lead times in months or years'] as [Interpretation, string]] : []),
      ...(p.kind === 'deadline' ? [[P.beforeNonWorkingDay, 'lead times that end a time to act'] as [Interpretation, string]] : []),
    ];
  }
  return [
    [P.startNextDay, 'every period counted from an event'],
    ...(months ? [[P.monthEnd, 'periods in months or years'] as [Interpretation, string]] : []),
    p.kind === 'deadline' ? [P.deadlineNonWorkingDay, 'every deadline'] : [P.waitingFirstAllowedDay, 'every waiting period'],
  ];
}

/**
 * Every interpretation that applies to `r`, each once: those the rule lists (in its order), then
 * those of period arithmetic, then those naming the rule. An id the rule lists is not repeated,
 * nor a period interpretation whose question the rule already lists under another id.
 */
export function interpretationsOf(r: EditionRule): AppliedInterpretation[] {
  const out: AppliedInterpretation[] = [];
  const seen = new Set<string>();
  const add = (a: AppliedInterpretation) => {
    if (seen.has(a.id)) return;
    seen.add(a.id);
    if (a.sameAs) seen.add(a.sameAs);
    out.push(a);
  };
  for (const u of r.interpretations ?? []) {
    const i = known(u.id);
    if (i) add(entry(i, u.chosen, 'rule'));
  }
  const spec = r.kind === 'period' ? r.period : r.kind === 'bar' ? r.bar.period : undefined;
  if (spec) {
    for (const [i, scope] of periodInterpretations(spec)) {
      // a question the rule lists under its procedure's own id: its option is the one applied
      const own = (r.interpretations ?? []).find((u) => PERIOD_QUESTION_OF[u.id] === i.id);
      const a = entry(i, own?.chosen ?? i.default, 'period', scope);
      if (own) a.sameAs = own.id;
      add(a);
    }
  }
  for (const i of Object.values(INTERPRETATIONS)) if (i.appliesTo?.includes(r.id)) add(entry(i, i.default, 'names_rule'));
  return out;
}
