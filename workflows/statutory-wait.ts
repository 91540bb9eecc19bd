// A statutory waiting period as a procedure of its own: armed from an anchor date under the
// pinned edition and calendar, it ends on the first day the act becomes allowed.
// Example: Art. 24(8) "по истечении шести месяцев со дня первого выражения вотума недоверия".
import { z } from 'zod';
import type { DatedPeriod } from '../statute/deadlines.js';
import { isRuleId, ruleById, type RuleId } from '../statute/rules.js';
import { definitionOf } from './engine/pipeline.js';
import { runProcedure } from './engine/interpreter.js';
import { defineProcedure } from './engine/spec.js';
import { StartBase, type ProcedureState, LegalDate } from './procedure.js';

export const StatutoryWaitInput = StartBase.extend({
  /** a waiting-period rule of the edition, e.g. 'art24.p8.repeat_vote' */
  rule: z.string().min(1),
  anchor: LegalDate,
});
export type StatutoryWaitInput = z.input<typeof StatutoryWaitInput>;
type Input = z.output<typeof StatutoryWaitInput>;

export type WaitStage = 'waiting' | 'allowed';
export interface StatutoryWaitFacts {
  period: DatedPeriod;
  /** workflow time at which the timer fired */
  firedAt: string | null;
}
export interface StatutoryWaitState extends ProcedureState<StatutoryWaitFacts> {
  stage: WaitStage;
}
export interface StatutoryWaitResult extends StatutoryWaitState {
  period: DatedPeriod;
  firedAt: string;
}

export const statutoryWaitSpec = defineProcedure<StatutoryWaitFacts, WaitStage, Input>({
  kind: 'statutory_wait',
  workflowType: 'statutoryWait',
  procedure: 'P-17',
  title: { en: 'Statutory waiting period', ru: 'Установленный законом срок ожидания', kk: 'Заңда белгіленген күту мерзімі' },
  input: StatutoryWaitInput,
  workflowId: (i) => `statutory_wait:${i.unit}:${i.rule}:${i.anchor}`,
  initial: 'waiting',
  stages: ['waiting', 'allowed'],
  start(b, input) {
    const r = isRuleId(input.rule) ? ruleById(b.edition, input.rule) : undefined;
    if (!r) return b.refuse({ code: 'unknown_rule', field: 'rule', rule: input.rule, params: { rule: input.rule, edition: b.edition.id } }, `rule: ${input.rule} is not a rule of ${b.edition.id}`);
    if (r.kind !== 'period' || r.period.kind !== 'waiting') {
      return b.refuse({ code: 'not_a_waiting_period', field: 'rule', rule: input.rule }, `rule: ${input.rule} is a deadline, not a waiting period`);
    }
    return { period: b.open(input.rule as RuleId, input.anchor, 'allowed'), firedAt: null };
  },
  acts: {},
  expiry: {
    allowed(b) {
      b.facts.firedAt = new Date(b.now()).toISOString();
      b.setStage('allowed', 'allowed');
    },
  },
});

export const statutoryWaitDefinition = definitionOf(statutoryWaitSpec);

export async function statutoryWait(raw: StatutoryWaitInput): Promise<StatutoryWaitResult> {
  const s = (await runProcedure(statutoryWaitSpec, raw)) as unknown as StatutoryWaitState;
  return { ...s, period: s.facts.period, firedAt: s.facts.firedAt! };
}
