// A statutory waiting period as a procedure of its own: armed from an anchor date under the
// pinned edition and calendar, it completes on the first day the act becomes allowed.
// Example: Art. 24(8) "по истечении шести месяцев со дня первого выражения вотума недоверия".
import { defineQuery, setHandler, sleep, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { z } from 'zod';
import type { DatedPeriod } from '../statute/deadlines.js';
import { periodOfId as periodOf } from '../statute/deadlines.js';
import { ruleById as rule } from '../statute/rules.js';
import { StatuteError } from '../statute/errors.js';
import { msUntil, parseOrRefuse, pinned, recordAct, refusal, registerProcedure, TIMER, useLegalClock } from './common.js';
import { NEXT_DEADLINE, PROCEDURE, STAGE, UNIT } from './search-attributes.js';
import { StartBase, type ProcedureDefinition } from './procedure.js';

export const StatutoryWaitInput = StartBase.extend({
  /** a waiting-period rule of the edition, e.g. 'art24.p8.repeat_vote' */
  rule: z.string().min(1),
  anchor: z.iso.date(),
});
export type StatutoryWaitInput = z.input<typeof StatutoryWaitInput>;

export type WaitStage = 'waiting' | 'allowed';
export interface StatutoryWaitState {
  stage: WaitStage;
  period: DatedPeriod;
}
export interface StatutoryWaitResult extends StatutoryWaitState {
  /** workflow time at which the timer fired */
  firedAt: string;
}

export const waitState = defineQuery<StatutoryWaitState>('state');

export async function statutoryWait(raw: StatutoryWaitInput): Promise<StatutoryWaitResult> {
  const input = parseOrRefuse(StatutoryWaitInput, raw, 'statutoryWait input');
  useLegalClock(input.simulation);
  const { edition, calendar } = pinned(input.editionId, input.calendarRef);
  let period: DatedPeriod;
  try {
    if (rule(edition, input.rule, 'period').period.kind !== 'waiting') {
      throw new StatuteError({ code: 'not_a_waiting_period', field: 'rule', rule: input.rule }, `rule: ${input.rule} is a deadline, not a waiting period`);
    }
    period = periodOf(edition, input.rule, input.anchor, calendar);
  } catch (e) {
    return refusal(e);
  }
  let stage: WaitStage = 'waiting';
  setHandler(waitState, () => ({ stage, period }));
  upsertSearchAttributes([
    { key: PROCEDURE, value: 'statutory_wait' },
    { key: STAGE, value: stage },
    { key: NEXT_DEADLINE, value: new Date(period.instant) },
    { key: UNIT, value: input.unit },
  ] as never);
  await registerProcedure({
    procedureId: workflowInfo().workflowId,
    kind: 'statutory_wait',
    editionId: edition.id,
    calendarId: calendar.ref,
    startedBy: input.startedBy.id,
    input,
  });
  await sleep(msUntil(period.instant));
  await recordAct('expiry', { type: 'timer_expiry', at: period.instant, actor: TIMER, payload: { rule: period.rule, date: period.date }, citation: period.citations, editionId: edition.id });
  stage = 'allowed';
  upsertSearchAttributes([{ key: STAGE, value: stage }] as never);
  return { stage, period, firedAt: new Date().toISOString() };
}



export const statutoryWaitDefinition: ProcedureDefinition = {
  kind: 'statutory_wait',
  workflowType: 'statutoryWait',
  procedure: 'P-17',
  title: {
    en: 'Statutory waiting period',
    ru: 'Установленный законом срок ожидания',
    kk: 'Заңда белгіленген күту мерзімі',
  },
  input: StatutoryWaitInput,
  workflowId: (i) => {
    const x = i as { rule: string; unit: string; anchor: string };
    return `statutory_wait:${x.unit}:${x.rule}:${x.anchor}`;
  },
  acts: {},
};
