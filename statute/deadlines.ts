// A rule of the edition + an anchor date + the pinned calendar → a dated, explained period.
// The one way workflows obtain a deadline or a waiting period.
import type { Calendar } from './calendar/index.js';
import type { Edition } from './editions/types.js';
import type { RuleId } from './editions/index.js';
import { computePeriod } from './periods.js';
import { periodFor, ruleById } from './rules.js';
import type { InterpretationUse, IsoDate, PeriodDerivation } from './types.js';

export interface DatedPeriod extends PeriodDerivation {
  rule: string;
  editionId: string;
}

/**
 * `recorded`: interpretation options the procedure recorded; defaults apply otherwise. All used ones are in the result.
 * `ruleId` is a `RuleId` (a typo is a compile error); `periodOfId` takes an id known only at run time.
 */
export function periodOf(edition: Edition, ruleId: RuleId, anchor: IsoDate, calendar: Calendar, recorded: readonly InterpretationUse[] = []): DatedPeriod {
  return periodOfId(edition, ruleId, anchor, calendar, recorded);
}

/** `periodOf` for a rule id from outside the code (CLI flag, recorded derivation); throws `unknown_rule` at run time. */
export function periodOfId(edition: Edition, ruleId: string, anchor: IsoDate, calendar: Calendar, recorded: readonly InterpretationUse[] = []): DatedPeriod {
  const { input, recordAlso } = periodFor(ruleById(edition, ruleId), anchor, recorded);
  const d = computePeriod(input, calendar);
  return { ...d, interpretations: [...d.interpretations, ...recordAlso], rule: ruleId, editionId: edition.id };
}
