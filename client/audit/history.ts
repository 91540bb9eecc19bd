// A Temporal history in its JSON form (historyToJSON), read without a server: the start input,
// the acts (Updates), the records written (appendAct activities), timers and the result.
// Pure: used by the timeline, the bundle and `tartip audit verify` offline.

/** One history event as proto3 JSON (int64 as strings, payload bytes as base64). */
export interface HistoryEventJson {
  eventId: string;
  eventTime?: string;
  eventType?: string;
  [attributes: string]: unknown;
}
export interface HistoryJson {
  events: HistoryEventJson[];
}

interface PayloadJson {
  metadata?: Record<string, string>;
  data?: string;
}

const b64 = (s: string | undefined): string => (s ? Buffer.from(s, 'base64').toString('utf8') : '');

/** Decodes a payload written by the default payload converter (json/plain, binary/null). */
export function decodePayload(p: PayloadJson | undefined): unknown {
  if (!p) return undefined;
  const encoding = b64(p.metadata?.encoding);
  if (encoding === 'binary/null') return undefined;
  if (encoding === 'json/plain') return JSON.parse(b64(p.data)) as unknown;
  return { encoding, base64: p.data ?? '' };
}

function payloads(x: unknown): unknown[] {
  const list = (x as { payloads?: PayloadJson[] } | undefined)?.payloads ?? [];
  return list.map(decodePayload);
}

export interface DecodedEvent {
  eventId: number;
  /** server (workflow) time of the event */
  time: string;
  type:
    | 'started'
    | 'update_accepted'
    | 'update_completed'
    | 'update_rejected'
    | 'activity_scheduled'
    | 'activity_completed'
    | 'activity_failed'
    | 'timer_started'
    | 'timer_fired'
    | 'completed'
    | 'failed'
    | 'other';
  name?: string;
  /** update / activity / timer id linking the events of one thing */
  ref?: string;
  value?: unknown;
}

export interface DecodedHistory {
  workflowId: string | null;
  workflowType: string | null;
  input: unknown;
  events: DecodedEvent[];
  /** appendAct inputs in order: what the workflow asked the record to keep */
  recordRequests: { eventId: number; time: string; input: Record<string, unknown> }[];
  result: unknown;
  closed: 'completed' | 'failed' | 'terminated' | 'timed_out' | 'canceled' | 'continued' | null;
}

function attr(e: HistoryEventJson, name: string): Record<string, unknown> | undefined {
  return e[name] as Record<string, unknown> | undefined;
}

/** The ledger rows an `activity_completed` event of a record write returned (appendAct: one; recordStep: the step's). */
export function recordedRows(e: DecodedEvent): Record<string, unknown>[] {
  if (e.type !== 'activity_completed') return [];
  if (e.name === 'appendAct') return e.value && typeof e.value === 'object' ? [e.value as Record<string, unknown>] : [];
  if (e.name === 'recordStep') return (((e.value ?? {}) as { acts?: unknown[] }).acts ?? []).filter((a): a is Record<string, unknown> => !!a && typeof a === 'object');
  return [];
}

/** Reads the legal story out of a history. Throws on a shape that is not a Temporal history. */
export function decodeHistory(h: HistoryJson, workflowId?: string): DecodedHistory {
  if (!h || !Array.isArray(h.events) || h.events.length === 0) throw new Error('history: no events');
  const out: DecodedHistory = { workflowId: workflowId ?? null, workflowType: null, input: undefined, events: [], recordRequests: [], result: undefined, closed: null };
  const activityNames = new Map<string, string>();
  for (const e of h.events) {
    const eventId = Number(e.eventId);
    const time = e.eventTime ?? '';
    const push = (d: Omit<DecodedEvent, 'eventId' | 'time'>) => out.events.push({ eventId, time, ...d });
    let a: Record<string, unknown> | undefined;
    if ((a = attr(e, 'workflowExecutionStartedEventAttributes'))) {
      out.workflowType = (a.workflowType as { name?: string } | undefined)?.name ?? null;
      out.input = payloads(a.input)[0];
      push({ type: 'started', name: out.workflowType ?? undefined, value: out.input });
    } else if ((a = attr(e, 'workflowExecutionUpdateAcceptedEventAttributes'))) {
      const req = a.acceptedRequest as { meta?: { updateId?: string }; input?: { name?: string; args?: unknown } } | undefined;
      push({ type: 'update_accepted', name: req?.input?.name, ref: req?.meta?.updateId ?? String(a.protocolInstanceId ?? ''), value: payloads(req?.input?.args)[0] });
    } else if ((a = attr(e, 'workflowExecutionUpdateCompletedEventAttributes'))) {
      const outcome = a.outcome as { success?: unknown; failure?: unknown } | undefined;
      const ref = (a.meta as { updateId?: string } | undefined)?.updateId;
      if (outcome?.failure) push({ type: 'update_rejected', ref, value: outcome.failure });
      else push({ type: 'update_completed', ref, value: payloads(outcome?.success)[0] });
    } else if ((a = attr(e, 'activityTaskScheduledEventAttributes'))) {
      const name = (a.activityType as { name?: string } | undefined)?.name;
      activityNames.set(String(eventId), name ?? '');
      const input = payloads(a.input)[0];
      push({ type: 'activity_scheduled', name, ref: String(eventId), value: input });
      if (name === 'appendAct' && input && typeof input === 'object') out.recordRequests.push({ eventId, time, input: input as Record<string, unknown> });
      // a whole step (activities/steps.ts): its acts in order
      if (name === 'recordStep' && input && typeof input === 'object') {
        for (const act of ((input as { acts?: unknown[] }).acts ?? [])) if (act && typeof act === 'object') out.recordRequests.push({ eventId, time, input: act as Record<string, unknown> });
      }
    } else if ((a = attr(e, 'activityTaskCompletedEventAttributes'))) {
      const ref = String(a.scheduledEventId);
      push({ type: 'activity_completed', name: activityNames.get(ref), ref, value: payloads(a.result)[0] });
    } else if ((a = attr(e, 'activityTaskFailedEventAttributes'))) {
      const ref = String(a.scheduledEventId);
      push({ type: 'activity_failed', name: activityNames.get(ref), ref, value: a.failure });
    } else if ((a = attr(e, 'timerStartedEventAttributes'))) {
      push({ type: 'timer_started', ref: String(a.timerId), value: a.startToFireTimeout });
    } else if ((a = attr(e, 'timerFiredEventAttributes'))) {
      push({ type: 'timer_fired', ref: String(a.timerId) });
    } else if ((a = attr(e, 'workflowExecutionCompletedEventAttributes'))) {
      out.result = payloads(a.result)[0];
      out.closed = 'completed';
      push({ type: 'completed', value: out.result });
    } else if ((a = attr(e, 'workflowExecutionFailedEventAttributes'))) {
      out.closed = 'failed';
      push({ type: 'failed', value: a.failure });
    } else if (attr(e, 'workflowExecutionTerminatedEventAttributes')) {
      out.closed = 'terminated';
    } else if (attr(e, 'workflowExecutionTimedOutEventAttributes')) {
      out.closed = 'timed_out';
    } else if (attr(e, 'workflowExecutionCanceledEventAttributes')) {
      out.closed = 'canceled';
    } else if (attr(e, 'workflowExecutionContinuedAsNewEventAttributes')) {
      out.closed = 'continued';
    }
  }
  return out;
}

/** The workflow id of a history file: not stored in the events, so taken from the start input's records or the file name. */
/**
 * The procedure of a history without decoding all of it (replay of many files): the input of its
 * first record write or of its registration, else `fallback`. Same answer as workflowIdOf.
 */
export function procedureIdOf(h: HistoryJson, fallback: string): string {
  let registered: string | undefined;
  for (const e of h.events ?? []) {
    const a = attr(e, 'activityTaskScheduledEventAttributes') as { activityType?: { name?: string }; input?: unknown } | undefined;
    const name = a?.activityType?.name;
    if (name !== 'appendAct' && name !== 'recordStep' && name !== 'registerProcedure') continue;
    const v = payloads(a!.input)[0] as { procedureId?: unknown } | undefined;
    if (typeof v?.procedureId !== 'string') continue;
    if (name !== 'registerProcedure') return v.procedureId;
    registered ??= v.procedureId;
  }
  return registered ?? fallback;
}

export function workflowIdOf(d: DecodedHistory, fallback: string): string {
  const fromRecord = d.recordRequests[0]?.input.procedureId;
  if (typeof fromRecord === 'string') return fromRecord;
  const reg = d.events.find((e) => e.type === 'activity_scheduled' && e.name === 'registerProcedure')?.value as { procedureId?: string } | undefined;
  return reg?.procedureId ?? d.workflowId ?? fallback;
}
