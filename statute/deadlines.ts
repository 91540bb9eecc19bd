// A rule of the edition + an anchor date + the pinned calendar → a dated, explained period.
// The one way workflows obtain a deadline or a waiting period.
import type { Calendar } from './calendar/index.js';
import type { Edition } from './editions/types.js';
import { StatuteError } from './errors.js';
import { computePeriod } from './periods.js';
import { rule } from './rules.js';
import type { IsoDate, PeriodDerivation } from './types.js';

export interface RulePeriod extends PeriodDerivation {
  rule: string;
  editionId: string;
}

export function periodOf(edition: Edition, ruleId: string, anchor: IsoDate, calendar: Calendar): RulePeriod {
  const r = rule(edition, ruleId, 'period');
  if (r.period.direction !== 'after') {
    throw new StatuteError({ code: 'unsupported_direction', rule: ruleId, field: 'rule' }, `${ruleId}: counted back from its anchor; use the election calendar functions`);
  }
  const d = computePeriod(
    {
      anchor,
      count: r.period.count,
      unit: r.period.unit,
      kind: r.period.kind,
      citations: [r.cite],
      interpretations: r.interpretations ?? [],
    },
    calendar,
  );
  return { ...d, rule: ruleId, editionId: edition.id };
}
