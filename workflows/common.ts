// What every procedure workflow shares: input validation that refuses with a typed failure,
// pinned edition/calendar, and the one way to record an act or send a notice.
import { ActivityFailure, ApplicationFailure, TemporalFailure, condition, proxyActivities, workflowInfo } from '@temporalio/workflow';
import { InputRefusal, parseInput } from './engine/pipeline.js';
import type { z } from 'zod';
import { calendarFromJson, officialCalendar, type Calendar } from '../statute/calendar/index.js';
import { getEdition } from '../statute/rules.js';
import type { Edition } from '../statute/editions/types.js';
import { StatuteError } from '../statute/errors.js';
import type { Citation } from '../statute/types.js';
import type { DatedPeriod } from '../statute/deadlines.js';
import type { TartipActivities } from '../worker/activities.js';
import type { Actor } from './procedure.js';

/** Parses workflow input or an act (engine/pipeline.ts parseInput: hygiene, then the schema); a bad one fails as 'InvalidInput' naming each field. */
export function parseOrRefuse<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  try {
    return parseInput(schema as z.ZodType<z.output<S>>, value, what);
  } catch (e) {
    throw asFailure(e);
  }
}

/** A StatuteError as a non-retryable failure that keeps its typed body (code, field, rule, citation, date). */
export function refusal(e: unknown): never {
  throw asFailure(e);
}

/** A refusal as the Update's (or the start's) typed failure; the workflow itself never fails of it. */
export function asFailure(e: unknown): unknown {
  if (e instanceof StatuteError) {
    return ApplicationFailure.create({ type: `Refused:${e.body.code}`, nonRetryable: true, message: e.message, details: [e.body] });
  }
  if (e instanceof InputRefusal) {
    return ApplicationFailure.create({ type: 'InvalidInput', nonRetryable: true, message: e.message, details: e.issues });
  }
  if (e instanceof ActivityFailure && e.cause instanceof ApplicationFailure && e.cause.nonRetryable !== false) {
    const body = { code: 'records_refused', field: '(root)', params: { reason: e.cause.message } };
    return ApplicationFailure.create({ type: 'Refused:records_refused', nonRetryable: true, message: e.cause.message, details: [body] });
  }
  // a bug in a specification must fail the act, not the workflow task (which would hold the procedure)
  if (e instanceof Error && !(e instanceof TemporalFailure)) {
    return ApplicationFailure.create({ type: 'InternalError', nonRetryable: true, message: `${e.name}: ${e.message}` });
  }
  return e;
}

export interface Pinned {
  edition: Edition;
  calendar: Calendar;
}

/** `inline:<sha256 of the canonical JSON>:<URI-encoded JSON>`: a user calendar carried in the ref itself (what-if runs). */
export const INLINE_CALENDAR_PREFIX = 'inline:';

/**
 * The edition and calendar a procedure started with; both refs are part of its input.
 * A ref is an official version (`kz-official@…`) or an inline user calendar (docs/calendar-format.md,
 * made by client/simulate.ts inlineCalendarRef); its digest is checked offline by `tartip audit verify`.
 */
export function pinned(editionId: string, calendarRef: string): Pinned {
  try {
    return { edition: getEdition(editionId), calendar: calendarOfRef(calendarRef) };
  } catch (e) {
    return refusal(e);
  }
}

function calendarOfRef(ref: string): Calendar {
  if (!ref.startsWith(INLINE_CALENDAR_PREFIX)) return officialCalendar(ref);
  const m = /^inline:([0-9a-f]{64}):(.+)$/s.exec(ref);
  let obj: unknown;
  try {
    obj = m ? JSON.parse(decodeURIComponent(m[2]!)) : undefined;
  } catch {
    obj = undefined;
  }
  if (obj === undefined) {
    throw new StatuteError({ code: 'invalid_calendar', field: 'calendarRef' }, 'calendarRef: expected inline:<sha256>:<URI-encoded calendar JSON>');
  }
  return calendarFromJson(obj);
}

// ---- legal clock ---------------------------------------------------------------------------
// Legal time = workflow time + an offset fixed at start. Real procedures: offset 0. What-if runs
// (`simulation.legalStart`) replay dated facts of the past on a server whose clock is today; the
// offset is computed from workflow time, so it is the same on every replay.
let legalOffsetMs = 0;

/** Call once, first thing in a workflow, with the start input's `simulation` (if any). */
export function useLegalClock(simulation?: { legalStart: string }): void {
  legalOffsetMs = simulation ? Date.parse(simulation.legalStart) - Date.now() : 0;
}

/** Legal "now" in epoch ms. */
export function legalNow(): number {
  return Date.now() + legalOffsetMs;
}

/** Milliseconds from legal now to an ISO instant (never negative). */
export function msUntil(instant: string): number {
  return Math.max(0, Date.parse(instant) - legalNow());
}

/** Waits for `done` until the period ends. True when `done` came first, false when the period ran out. */
export function beforeExpiry(period: DatedPeriod, done: () => boolean): Promise<boolean> {
  return condition(done, msUntil(period.instant));
}

/** The system as the actor of timer acts (expiries). */
export { TIMER } from './engine/book.js';

// ---- records and notices -------------------------------------------------------------------

const records = proxyActivities<TartipActivities>({
  startToCloseTimeout: '1 minute',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '5 minutes',
    nonRetryableErrorTypes: ['IdempotencyConflictError', 'RecordsInputError'],
  },
});

export const registerProcedure = records.registerProcedure;

/**
 * The idempotency key of one step of this procedure: workflow id + the procedure's first run id
 * + the step. The run id keeps a later procedure that reuses the workflow id (the next consent
 * cycle of the same post) apart from a closed one; it stays the same across continue-as-new.
 */
function stepKey(step: string): string {
  const { workflowId, firstExecutionRunId } = workflowInfo();
  return `${workflowId}/${firstExecutionRunId}/${step}`;
}

/** A legal act as a procedure owes it to the record. */
export interface OwedAct { type: string; at: string; actor: Actor; payload: unknown; citation?: Citation | Citation[] | null; editionId: string }

/** The record's input for one step's act: its idempotency key is the step's. */
const actInput = (step: string, act: OwedAct) => ({
  procedureId: workflowInfo().workflowId,
  key: stepKey(step),
  actType: act.type,
  legalAt: act.at,
  actor: act.actor,
  payload: act.payload as never,
  citation: act.citation ?? null,
  editionId: act.editionId,
});

/**
 * Writes one legal act to the record, once per step: a retried activity or a replayed workflow
 * never writes twice.
 */
export function recordAct(step: string, act: OwedAct) {
  return records.appendAct(actInput(step, act));
}

/**
 * Writes one step whole: its records and the notices it owes in one transaction (the notices are
 * delivered later by `notify`, which finds them). A retry or a replay writes nothing twice.
 */
export function recordStep(acts: { step: string; act: OwedAct }[], owed: { step: string; notice: Omit<NoticeInput, 'key' | 'procedureId'> }[]) {
  return records.recordStep({
    procedureId: workflowInfo().workflowId,
    acts: acts.map(({ step, act }) => actInput(step, act)),
    notices: owed.map(({ step, notice }) => noticeInput(step, notice)),
  });
}

export type NoticeInput = Parameters<TartipActivities['sendNotice']>[0];

const noticeInput = (step: string, notice: Omit<NoticeInput, 'key' | 'procedureId'>): NoticeInput => ({ ...notice, key: stepKey(`notice/${step}`), procedureId: workflowInfo().workflowId });

/**
 * Notices: retried without end, at least once a minute, while they cannot go out (an outage, or a
 * channel not configured: kept, state queued), so a worker with the channel sends them soon; a
 * refusal for good (NoticeRefused) ends the attempts. (Retry options are not part of the history.)
 */
const notices = proxyActivities<TartipActivities>({
  startToCloseTimeout: '1 minute',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: ['IdempotencyConflictError', 'RecordsInputError', 'NoticeRefused'],
  },
});

/** Sends a notice once per step of this procedure (retries and replays do not resend). */
export function notify(step: string, notice: Omit<NoticeInput, 'key' | 'procedureId'>) {
  return notices.sendNotice(noticeInput(step, notice));
}
