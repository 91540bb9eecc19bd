// What the akim procedures (consent, Art. 23-1; no confidence, Art. 24) share: the roster a
// procedure counts against, notice addressees, refusals, and the procedure's visible state
// (stage, open deadlines, thresholds, interpretations, acts) kept in step with search attributes.
import { ActivityFailure, ApplicationFailure, condition, upsertSearchAttributes } from '@temporalio/workflow';
import { z } from 'zod';
import type { DatedPeriod } from '../../statute/deadlines.js';
import { periodOfId as periodOf } from '../../statute/deadlines.js';
import { StatuteError, type RefusalBody } from '../../statute/errors.js';
import { useOf } from '../../statute/interpretations.js';
import { evaluateThreshold } from '../../statute/thresholds.js';
import { ruleById as rule } from '../../statute/rules.js';
import type { Calendar } from '../../statute/calendar/index.js';
import type { Edition } from '../../statute/editions/types.js';
import type { InterpretationUse, ThresholdDerivation } from '../../statute/types.js';
import { isoToDay, dayToIso } from '../../statute/calendar/index.js';
import { utcOffsetHours } from '../../statute/time.js';
import { legalNow, msUntil, notify, recordAct, refusal, TIMER, type NoticeInput } from '../common.js';
import { NEXT_DEADLINE, PROCEDURE, STAGE, UNIT } from '../search-attributes.js';
import type { ActSummary, Actor, OpenDeadline, ProcedureState } from '../procedure.js';
import type { ProcedureCode } from '../../statute/editions/types.js';

/** Someone the law says must be told: the President, a superior akim, the maslikhat. */
export const NoticeTarget = z.strictObject({
  name: z.string().min(1).max(300),
  role: z.string().min(1).max(100),
  /** e-mail address ('email') or URL ('webhook') */
  address: z.string().min(3).max(500),
  channel: z.enum(['email', 'webhook']).default('email'),
});
export type NoticeTarget = z.output<typeof NoticeTarget>;

/**
 * The deputies a procedure counts against. Real procedures read it from the register
 * (rosterAsOf); a what-if run (`simulation`) may carry it in its input instead.
 */
export const RosterInput = z.strictObject({
  seats: z.number().int().min(1).max(9999),
  deputies: z.array(z.strictObject({ id: z.string().min(1), fullName: z.string().min(1).optional() })).min(1),
});
export type RosterInput = z.output<typeof RosterInput>;

export interface RosterUsed {
  source: 'register' | 'input';
  date: string;
  seats: number;
  deputies: { id: string; fullName?: string }[];
  digest?: string;
}

/** Refuses with a typed StatuteError (→ `Refused:<code>`), naming the field and the rule. */
export function refuse(body: RefusalBody, message: string): never {
  return refusal(new StatuteError(body, message));
}

/** Legal date (Kazakhstan time, Astana) of an epoch instant. */
export function legalDateOf(ms: number): string {
  let day = Math.floor((ms + 5 * 3_600_000) / 86_400_000);
  if (utcOffsetHours(day) === 6) day = Math.floor((ms + 6 * 3_600_000) / 86_400_000);
  return dayToIso(day);
}

/** Legal date of an act's `at`: the date as the actor wrote it, in its own offset. */
export function dateOfAt(at: string): string {
  return at.slice(0, 10);
}

/** Acts may not be dated in the future (a tolerance of one hour for clocks), nor before the last act. */
export function checkActTime(at: string, lastAt: string | null): void {
  const ms = Date.parse(at);
  if (ms > legalNow() + 3_600_000) {
    refuse({ code: 'in_future', field: 'at', params: { value: at } }, `at: ${at} is in the future`);
  }
  if (lastAt && ms < Date.parse(lastAt)) {
    refuse({ code: 'out_of_order', field: 'at', params: { value: at, last: lastAt } }, `at: ${at} is before the last recorded act (${lastAt})`);
  }
}

/**
 * The bookkeeping of one procedure: what the `state` query shows, mirrored into search
 * attributes on every stage change.
 */
export class ProcedureBook<Facts extends Record<string, unknown>> {
  stage: string;
  outcome: string | null = null;
  deadlines: OpenDeadline[] = [];
  /** every period computed during the run (auditors, scenarios) */
  periods: DatedPeriod[] = [];
  thresholds: ThresholdDerivation[] = [];
  interpretations: InterpretationUse[] = [];
  acts: ActSummary[] = [];
  /** rules whose deadline passed without the act (their timer has fired; they stay open) */
  overdue: string[] = [];
  /** bumped on every change; the main loop waits on it */
  version = 0;

  constructor(
    readonly kind: string,
    readonly procedure: ProcedureCode,
    readonly edition: Edition,
    readonly calendar: Calendar,
    readonly chosen: readonly InterpretationUse[],
    readonly facts: Facts,
    stage: string,
  ) {
    this.stage = stage;
  }

  /** The option used for an interpretation (recorded at start, else the default); noted in the state. */
  use(id: string): string {
    const u = useOf(id, this.chosen);
    this.noteInterpretations([u]);
    return u.chosen;
  }

  noteInterpretations(us: readonly InterpretationUse[]): void {
    for (const u of us) if (!this.interpretations.some((x) => x.id === u.id)) this.interpretations.push({ id: u.id, chosen: u.chosen });
  }

  /** A dated period of the pinned edition and calendar, anchored on `anchor`. */
  period(ruleId: string, anchor: string): DatedPeriod {
    try {
      const p = periodOf(this.edition, ruleId, anchor, this.calendar, this.chosen);
      this.noteInterpretations(p.interpretations);
      this.periods.push(p);
      return p;
    } catch (e) {
      return refusal(e);
    }
  }

  threshold(ruleId: string, baseValue: number, actual: number): ThresholdDerivation {
    try {
      const d = evaluateThreshold(rule(this.edition, ruleId, 'threshold'), { baseValue, actual, interpretations: this.chosen });
      this.noteInterpretations(d.interpretations);
      this.thresholds.push(d);
      return d;
    } catch (e) {
      return refusal(e);
    }
  }

  /** What a threshold would give, without noting it (validators). */
  peekThreshold(ruleId: string, baseValue: number, actual: number): ThresholdDerivation {
    try {
      return evaluateThreshold(rule(this.edition, ruleId, 'threshold'), { baseValue, actual, interpretations: this.chosen });
    } catch (e) {
      return refusal(e);
    }
  }

  open(period: DatedPeriod, onExpiry: string): void {
    this.deadlines = [...this.deadlines.filter((d) => d.rule !== period.rule), { rule: period.rule, period, onExpiry }];
    this.touch();
  }

  close(ruleId: string): void {
    this.deadlines = this.deadlines.filter((d) => d.rule !== ruleId);
    this.overdue = this.overdue.filter((r) => r !== ruleId);
    this.touch();
  }

  deadline(ruleId: string): OpenDeadline | undefined {
    return this.deadlines.find((d) => d.rule === ruleId);
  }

  /** The earliest deadline whose timer has not fired yet. */
  nextTimer(): OpenDeadline | undefined {
    return this.deadlines.filter((d) => !this.overdue.includes(d.rule)).sort((a, b) => Date.parse(a.period.instant) - Date.parse(b.period.instant))[0];
  }

  /** Marks a deadline's timer as fired; an overdue deadline stays listed until its act comes. */
  fired(ruleId: string): void {
    if (!this.overdue.includes(ruleId)) this.overdue.push(ruleId);
    this.touch();
  }

  setStage(stage: string, outcome: string | null = null): void {
    this.stage = stage;
    if (outcome) {
      this.outcome = outcome;
      this.deadlines = [];
    }
    this.touch();
    this.publish();
  }

  touch(): void {
    this.version++;
  }

  publish(unit?: string): void {
    const next = this.nextTimer();
    const attrs: { key: unknown; value: unknown }[] = [
      { key: PROCEDURE, value: this.kind },
      { key: STAGE, value: this.stage },
      { key: NEXT_DEADLINE, value: next ? new Date(next.period.instant) : null },
    ];
    if (unit) attrs.push({ key: UNIT, value: unit });
    upsertSearchAttributes(attrs as never);
  }

  /**
   * Acts change the state at once (Update handlers stay synchronous, so an accepted act is in
   * the history before anything else happens); their records and notices follow in order,
   * written by the main loop (runTimers) through idempotent activities.
   */
  private queue: (() => Promise<void>)[] = [];

  later(effect: () => Promise<void>): void {
    this.queue.push(effect);
    this.touch();
  }

  pending(): boolean {
    return this.queue.length > 0;
  }

  async drain(): Promise<void> {
    for (let e = this.queue.shift(); e; e = this.queue.shift()) await e();
  }

  /** Lists an act in the state and writes it to the ledger (idempotent by step). */
  record(step: string, act: { type: string; at: string; actor: Actor; payload: unknown; citation?: unknown }): void {
    const seq = this.acts.length + 1;
    this.acts.push({ seq, act: act.type, at: act.at, actor: act.actor });
    this.later(async () => {
      await recordAct(step, { ...act, citation: (act.citation ?? null) as never, editionId: this.edition.id });
    });
  }

  /** A timer's act: the deadline passed (`timer_expiry`), with its derivation. */
  recordExpiry(step: string, d: OpenDeadline, consequence: string): void {
    this.record(step, {
      type: 'timer_expiry',
      at: d.period.instant,
      actor: TIMER,
      // the whole derivation, so an auditor can recompute the deadline from the record alone
      payload: { rule: d.rule, consequence, period: d.period },
      citation: d.period.citations,
    });
  }

  /**
   * Sends a notice the law requires (once per step), then runs `then` (e.g. counting from
   * receipt). A notice that cannot be sent at all (a channel not configured, a bad address)
   * does not end the procedure: the failure is recorded as an act and listed in the state, for
   * an administrator to deliver it by other means.
   */
  notice(step: string, n: Omit<NoticeInput, 'key' | 'procedureId'>, then?: () => void): void {
    this.later(async () => {
      try {
        await notify(step, n);
        this.noticesSent.push({ step, templateId: n.templateId, to: n.addressee.role });
      } catch (e) {
        if (!(e instanceof ActivityFailure)) throw e;
        const reason = e.cause instanceof ApplicationFailure ? `${e.cause.type ?? 'Error'}: ${e.cause.message}` : String(e.cause?.message ?? e.message);
        this.noticeFailures.push({ step, templateId: n.templateId, to: n.addressee.role, reason });
        const seq = this.acts.length + 1;
        const at = new Date(legalNow()).toISOString();
        this.acts.push({ seq, act: 'notice_failed', at, actor: TIMER });
        await recordAct(`notice_failed/${step}`, { type: 'notice_failed', at, actor: TIMER, payload: { step, templateId: n.templateId, addressee: n.addressee, reason }, citation: n.basis, editionId: this.edition.id });
      }
      then?.();
      this.touch();
    });
  }

  noticesSent: { step: string; templateId: string; to: string }[] = [];
  noticeFailures: { step: string; templateId: string; to: string; reason: string }[] = [];

  lastAt(): string | null {
    return this.acts.length ? this.acts[this.acts.length - 1]!.at : null;
  }

  state(editionId: string, calendarRef: string): ProcedureState<Facts & { overdue: string[]; notices: unknown[]; noticeFailures: unknown[]; periods: DatedPeriod[] }> {
    return {
      kind: this.kind,
      procedure: this.procedure,
      stage: this.stage,
      outcome: this.outcome,
      editionId,
      calendarRef,
      deadlines: this.deadlines,
      thresholds: this.thresholds,
      interpretations: this.interpretations,
      acts: this.acts,
      facts: { ...this.facts, overdue: this.overdue, notices: this.noticesSent, noticeFailures: this.noticeFailures, periods: this.periods },
    };
  }
}

/** The date an instant falls on, for comparing an act's `at` with a deadline's end. */
export function isAfterDeadline(at: string, period: DatedPeriod): boolean {
  return Date.parse(at) >= Date.parse(period.instant);
}

/** First allowed day of a waiting period not reached yet by `at`. */
export function isBeforeWaitingEnds(at: string, period: DatedPeriod): boolean {
  return Date.parse(at) < Date.parse(period.instant);
}

/**
 * The procedure's clock: waits for the next open deadline or for any act, and hands an
 * expired deadline to `onExpiry` (the consequence the law gives, or a named interpretation).
 */
export async function runTimers(b: ProcedureBook<Record<string, unknown>>, onExpiry: (d: OpenDeadline) => void): Promise<void> {
  let published = b.nextTimer()?.period.instant;
  for (;;) {
    await b.drain();
    if (b.outcome !== null) return;
    const next = b.nextTimer();
    if (next?.period.instant !== published) {
      published = next?.period.instant;
      b.publish();
    }
    const v = b.version;
    const changed = next ? await condition(() => b.version !== v || b.pending(), msUntil(next.period.instant)) : await condition(() => b.version !== v || b.pending()).then(() => true);
    if (!changed && b.outcome === null && b.deadline(next!.rule) && !b.overdue.includes(next!.rule)) onExpiry(next!);
  }
}

export { isoToDay };
