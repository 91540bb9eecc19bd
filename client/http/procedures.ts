// Procedures as clients see them: start, act, read, list, record — with the role and body
// checks of issue 8. Used by the HTTP server and by the CLI (same checks, same errors).
import type pg from 'pg';
import { WorkflowFailedError, isGrpcServiceError, type Client, type WorkflowExecutionInfo, type WorkflowHandle } from '@temporalio/client';
// the SDK's own decoding of a visibility row (its list() hides the page token we page by)
import { executionInfoFromRaw } from '@temporalio/client/lib/helpers.js';
import { ApplicationFailure, TerminatedFailure, TimeoutFailure, TypedSearchAttributes, WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { z } from 'zod';
import type { Lang } from '../../statute/errors.js';
import { StatuteError } from '../../statute/errors.js';
import { readLedger, type LedgerRow } from '../../activities/ledger.js';
import { DEFINITIONS } from '../../workflows/definitions.js';
import type { Actor, ProcedureDefinition, Role } from '../../workflows/procedure.js';
import { NEXT_DEADLINE, PROCEDURE, STAGE, UNIT } from '../../workflows/search-attributes.js';
import { withPins } from '../pins.js';
import { markRows, type RowIntegrity } from '../audit/live.js';
import type { LedgerBreak } from '../../activities/ledger-hash.js';
import { ApiError, fromApplicationFailure, fromTemporal, hygiene, invalidInput, isTransient, issueText, zodIssues } from './errors.js';
import { READ_DEADLINE_MS } from '../temporal-rpc.js';
import { ACT_FILLED, START_FILLED, START_REFUSED, START_ROLES, Keyword, ListQuery } from './schemas.js';

/** An act whose Update call was aborted or timed out is tried this many times before a 503. */
const ACT_ATTEMPTS = 4;
import type { Principal } from './tokens.js';
import { checkRegistered } from './registers.js';
import { sha256 } from './tokens.js';

/** Roles that may start a procedure of this kind: its definition's, else administrators. */
export function startRolesOf(d: ProcedureDefinition): readonly Role[] {
  return d.startRoles ?? START_ROLES;
}

export interface ProcedureView {
  id: string;
  kind: string;
  procedure: string;
  title: { kk: string; ru: string; en: string };
  status: string;
  unit: string | null;
  stage: string | null;
  nextDeadline: string | null;
  startedAt: string;
  closedAt: string | null;
  state: Record<string, unknown> | null;
  /** why it ended without completing (FAILED, TERMINATED, TIMED_OUT, CANCELLED) */
  failure: Failure | null;
  /** the state query failed (not: went unanswered) */
  stateError: string | null;
}

export interface Failure {
  status: string;
  at: string | null;
  reason: string;
  code: string | null;
}

/** Statuses of a procedure that ended without completing. */
const ENDED_BADLY = ['FAILED', 'TERMINATED', 'TIMED_OUT', 'CANCELLED'];

export interface ListItem {
  id: string;
  kind: string;
  unit: string | null;
  stage: string | null;
  nextDeadline: string | null;
  status: string;
  startedAt: string;
  closedAt: string | null;
}

export interface ProceduresOptions {
  client: Client;
  pool: pg.Pool;
  taskQueue: string;
  definitions?: readonly ProcedureDefinition[];
  /** how long a start or a read waits for a worker to answer the state query */
  stateTimeoutMs?: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function timeout<T>(p: Promise<T>, ms: number): Promise<T | typeof TIMEOUT> {
  let t: NodeJS.Timeout;
  return Promise.race([p, new Promise<typeof TIMEOUT>((r) => { t = setTimeout(() => r(TIMEOUT), ms); })]).finally(() => clearTimeout(t));
}
const TIMEOUT = Symbol('timeout');
type Info = Awaited<ReturnType<WorkflowHandle['describe']>>;

/** What an act needs of a run, fixed while it runs (`closed`: it had ended when described). */
interface RunFacts { runId: string; type: string; unit: string | null; startedAt: string; closed?: string }
/** Runs whose facts the API keeps (the oldest forgotten first); a forgotten one is described again. */
const RUNS_REMEMBERED = 10_000;

/** An engine state with an outcome and no deadline open: its workflow ends (Book.ended). */
function endedIn(state: Record<string, unknown>): boolean {
  return state.outcome !== null && state.outcome !== undefined && Array.isArray(state.deadlines) && state.deadlines.length === 0;
}

/** TartipNextDeadline as the interpreter publishes it (Book.nextTimer): the earliest deadline whose
 * timer has not fired, none while the clock is suspended. */
export function nextDeadlineOf(state: Record<string, unknown>): string | null {
  const clock = state.clock as { suspended?: unknown } | undefined;
  if (clock?.suspended || !Array.isArray(state.deadlines)) return null;
  let best: number | null = null;
  for (const d of state.deadlines as { overdue?: boolean; period?: { instant?: string } }[]) {
    const t = d.overdue ? NaN : Date.parse(d.period?.instant ?? '');
    if (Number.isFinite(t) && (best === null || t < best)) best = t;
  }
  return best === null ? null : new Date(best).toISOString();
}

const notAnObject = (body: unknown, lang: Lang) => invalidInput(zodIssues([{ code: 'invalid_type', expected: 'object', path: [], message: '', input: body } as never], lang));

/**
 * A start body the way the API takes it: hygiene, the refused and the token's fields, the pins
 * filled, the kind's schema. `input` is what the workflow gets; `data` the parsed form.
 */
export function parseStart(def: ProcedureDefinition, body: unknown, startedBy: Actor, lang: Lang): { input: Record<string, unknown>; data: unknown } {
  if (!isObject(body)) throw notAnObject(body, lang);
  const dirty = hygiene(body, lang);
  if (dirty.length) throw invalidInput(dirty);
  for (const f of START_REFUSED) if (f in body) throw new ApiError(422, 'simulation_refused', { field: f, rule: 'api.no_simulation' });
  for (const f of START_FILLED) if (f in body) throw new ApiError(400, 'actor_from_token', { field: f, rule: 'api.actor_from_token', params: { field: f } });
  let input: Record<string, unknown>;
  try {
    input = withPins({ ...body, startedBy });
  } catch (e) {
    throw fromTemporal(e, { lang });
  }
  const parsed = def.input.safeParse(input, { reportInput: false });
  if (!parsed.success) throw invalidInput(zodIssues(parsed.error.issues, lang));
  return { input, data: parsed.data };
}

/** An act body the way the API takes it: hygiene, the token's actor, `at` defaulting to now, the act's schema. */
export function parseAct(spec: ProcedureDefinition['acts'][string], body: unknown, actor: Actor, lang: Lang): Record<string, unknown> {
  if (!isObject(body)) throw notAnObject(body, lang);
  const dirty = hygiene(body, lang);
  if (dirty.length) throw invalidInput(dirty);
  for (const f of ACT_FILLED) if (f in body) throw new ApiError(400, 'actor_from_token', { field: f, rule: 'api.actor_from_token', params: { field: f } });
  const input = { ...body, actor, at: body.at ?? new Date().toISOString() };
  const parsed = spec.input.safeParse(input, { reportInput: false });
  if (!parsed.success) throw invalidInput(zodIssues(parsed.error.issues, lang));
  return input;
}

/** The failure of a procedure in plain words: a legal refusal in `lang`, else the chain of messages. */
function reasonOf(e: unknown, lang: Lang): { reason: string; code: string | null } {
  if (e instanceof ApplicationFailure) {
    const mapped = fromApplicationFailure(e, lang);
    if (mapped) return { reason: mapped.body(lang).message, code: e.type ?? null };
  }
  if (e instanceof TimeoutFailure) return { reason: String(e.timeoutType ?? e.message), code: 'timeout' };
  const said: string[] = [];
  for (let x: unknown = e, depth = 0; x instanceof Error && depth < 6; x = x.cause, depth++) {
    const m = x.message.trim();
    if (m && !said.some((t) => t.includes(m))) said.push(m);
  }
  return { reason: said.join(': ') || String(e), code: e instanceof ApplicationFailure ? (e.type ?? null) : e instanceof TerminatedFailure ? 'terminated' : null };
}

/**
 * A cursor is the visibility page token with a digest binding it to the query it pages through:
 * one of another query, cut short or changed is refused here (opaque to clients).
 */
const CursorBody = z.strictObject({ d: z.string(), t: z.string().regex(/^[A-Za-z0-9+/]+=*$/) });
const cursorDigest = (query: string, t: string) => sha256(`${query}\n${t}`).slice(0, 32);
function encodeCursor(token: Uint8Array, query: string): string {
  const t = Buffer.from(token).toString('base64');
  return Buffer.from(JSON.stringify({ d: cursorDigest(query, t), t })).toString('base64url');
}
function decodeCursor(c: string, query: string): Buffer | null {
  try {
    const b = CursorBody.safeParse(JSON.parse(Buffer.from(c, 'base64url').toString('utf8')));
    return b.success && b.data.d === cursorDigest(query, b.data.t) ? Buffer.from(b.data.t, 'base64') : null;
  } catch {
    return null;
  }
}

/** A bad ?cursor= / --cursor: 400 naming it. */
const badCursor = (lang: Lang, field: string) => invalidInput([{ field, rule: 'invalid_cursor', message: issueText({ field, rule: 'invalid_cursor', message: '' }, lang) }]);

/** Who may read a procedure of `unit`: auditors everything; others their own body; the local operator (null) everything. */
export function mayRead(p: Principal | null, unit: string | null): boolean {
  return p === null || p.role === 'auditor' || (unit !== null && p.body === unit);
}

export class Procedures {
  readonly defs: readonly ProcedureDefinition[];
  private readonly client: Client;
  private readonly pool: pg.Pool;
  private readonly taskQueue: string;
  private readonly stateTimeoutMs: number;
  private readonly runs = new Map<string, RunFacts>();

  constructor(o: ProceduresOptions) {
    this.client = o.client;
    this.pool = o.pool;
    this.taskQueue = o.taskQueue;
    this.defs = o.definitions ?? DEFINITIONS;
    this.stateTimeoutMs = o.stateTimeoutMs ?? 10_000;
  }

  definition(kind: string): ProcedureDefinition {
    const d = this.defs.find((x) => x.kind === kind);
    if (!d) throw new ApiError(404, 'unknown_kind', { field: 'kind', params: { kind, known: this.defs.map((x) => x.kind).join(', ') } });
    return d;
  }

  kinds() {
    return this.defs.map((d) => ({
      kind: d.kind,
      procedure: d.procedure,
      title: { ...d.title },
      startRoles: [...startRolesOf(d)] as string[],
      acts: Object.entries(d.acts).map(([act, a]) => ({ act, title: { ...a.title }, roles: [...a.roles] as string[] })),
    }));
  }

  // ---- start ---------------------------------------------------------------------------------

  /**
   * Validates, authorises and starts; waits for the first answer of the workflow (a refusal at
   * start is a 4xx, not a started procedure). `idemKey`: the request's idempotency key, kept in
   * the memo, so that a retry after a request that died mid-way finds its own start, not a 409.
   */
  async start(principal: Principal, kind: string, body: unknown, lang: Lang, idemKey?: string): Promise<{ status: 201 | 202; view: ProcedureView }> {
    const def = this.definition(kind);
    const startRoles = startRolesOf(def);
    if (!startRoles.includes(principal.role)) {
      throw new ApiError(403, 'forbidden_role', { params: { role: principal.role, allowed: startRoles.join(', ') } });
    }
    const { input, data } = parseStart(def, body, principal.actor as Actor, lang);
    const unit = String((data as { unit: string }).unit);
    if (principal.body !== unit) throw new ApiError(403, 'forbidden_body', { field: 'unit', params: { body: principal.body ?? '-', unit } });
    await checkRegistered(this.pool, def, data);
    let id: string;
    try {
      id = def.workflowId(data);
    } catch (e) {
      if (e instanceof StatuteError) throw fromTemporal(e, { lang });
      throw invalidInput([{ field: '(root)', rule: 'custom', message: e instanceof Error ? e.message : String(e) }]);
    }
    const request = idemKey === undefined ? undefined : sha256(`${principal.tokenId}\n${idemKey}`).slice(0, 40);
    let handle: WorkflowHandle;
    try {
      handle = await this.client.workflow.start(def.workflowType, {
        workflowId: id,
        taskQueue: this.taskQueue,
        args: [input],
        memo: { kind: def.kind, unit, ...(request ? { request } : {}) },
        typedSearchAttributes: new TypedSearchAttributes([
          { key: PROCEDURE, value: def.kind },
          { key: UNIT, value: unit },
        ]),
      });
    } catch (e) {
      const mine = e instanceof WorkflowExecutionAlreadyStartedError && request !== undefined && (await this.startedBy(id, request));
      if (!mine) throw fromTemporal(e, { id, lang, rule: 'one_open_procedure' });
      handle = this.client.workflow.getHandle(id);
    }
    const state = await this.settle(handle, lang);
    const view = await this.view(id, def, state === TIMEOUT ? null : state, undefined, lang);
    return { status: state === TIMEOUT ? 202 : 201, view };
  }

  /** Whether the running procedure `id` was started by the request `request` (memo). */
  private async startedBy(id: string, request: string): Promise<boolean> {
    try {
      const d = await this.client.workflow.getHandle(id).describe();
      return d.status.name === 'RUNNING' && isObject(d.memo) && d.memo.request === request;
    } catch {
      return false;
    }
  }

  /** The first state of a new procedure, or its refusal when it failed at once. */
  private async settle(handle: WorkflowHandle, lang: Lang): Promise<Record<string, unknown> | null | typeof TIMEOUT> {
    const until = Date.now() + this.stateTimeoutMs;
    for (;;) {
      const left = until - Date.now();
      if (left <= 0) return TIMEOUT;
      try {
        const s = await timeout(handle.query<unknown>('state'), left);
        if (s === TIMEOUT) return TIMEOUT;
        return isObject(s) ? s : null;
      } catch (e) {
        const d = await handle.describe();
        if (d.status.name === 'RUNNING') {
          await new Promise((r) => setTimeout(r, 100));
          continue;
        }
        if (d.status.name === 'FAILED') {
          try {
            await handle.result();
          } catch (f) {
            throw fromTemporal(f, { id: handle.workflowId, lang });
          }
        }
        return null;
      }
    }
  }

  // ---- acts ----------------------------------------------------------------------------------

  async act(principal: Principal, id: string, act: string, body: unknown, idemKey: string, lang: Lang) {
    // the facts of a running run (its kind, unit, start) do not change while it runs: one describe
    // per run, not two per act; the Update is pinned to that run, so a run that ended meanwhile
    // (or was followed by a new one under the same id) is found by the Update itself
    let run = this.runs.get(id);
    let described = false;
    for (;;) {
      if (!run) {
        const info = await this.describe(id, lang);
        described = true;
        this.defOf(info, id);
        if (info.status.name === 'RUNNING') this.remember(id, (run = { runId: info.runId, type: info.type, unit: await this.unitOf(info, id), startedAt: info.startTime.toISOString() }));
        else run = { runId: info.runId, type: info.type, unit: await this.unitOf(info, id), startedAt: info.startTime.toISOString(), closed: info.status.name };
      }
      const def = this.defs.find((x) => x.workflowType === run!.type)!;
      const spec = def.acts[act];
      if (!spec) throw new ApiError(404, 'unknown_act', { field: 'act', params: { kind: def.kind, act, known: Object.keys(def.acts).join(', ') || '-' } });
      if (!(spec.roles as readonly Role[]).includes(principal.role)) {
        throw new ApiError(403, 'forbidden_role', { params: { role: principal.role, allowed: spec.roles.join(', ') } });
      }
      if (principal.body !== run.unit) throw new ApiError(403, 'forbidden_body', { params: { body: principal.body ?? '-', unit: run.unit ?? '-' } });
      if (run.closed) throw new ApiError(409, 'procedure_closed', { params: { id, status: run.closed } });
      const input = parseAct(spec, body, principal.actor as Actor, lang);
      const handle = this.client.workflow.getHandle(id, run.runId);
      let result: unknown;
      const updateId = `api-${sha256(`${principal.tokenId}\n${idemKey}`).slice(0, 40)}`;
      try {
        result = await this.update(handle, act, input, updateId, id, lang);
      } catch (e) {
        // "workflow execution already completed" is a NOT_FOUND: the run ended between the
        // describe and the Update, or before it (a remembered run): the procedure is closed, or
        // runs again under the same id (then the act goes to that run, checked afresh)
        if (!(e instanceof ApiError && e.status === 404 && e.code === 'procedure_not_found')) throw e;
        this.runs.delete(id);
        const now = await this.describe(id, lang).catch(() => null);
        if (now && now.status.name !== 'RUNNING') throw new ApiError(409, 'procedure_closed', { params: { id, status: now.status.name } });
        if (now && now.runId !== run.runId && !described) {
          run = undefined;
          continue;
        }
        throw e;
      }
      // every act's Update returns the new state (the engine's one ack); older acks are queried for it
      const acked = isObject(result) && typeof result.stage === 'string' && typeof result.kind === 'string';
      if (acked && !endedIn(result as Record<string, unknown>)) {
        return { id, act, actor: principal.actor as Actor, result: null, procedure: this.runningView(id, def, run, result as Record<string, unknown>) };
      }
      // the act may have ended the procedure: its status and close time are Temporal's
      this.runs.delete(id);
      const q = acked ? { state: result as Record<string, unknown>, error: null } : await this.queryState(handle);
      return { id, act, actor: principal.actor as Actor, result: acked ? null : (result ?? null), procedure: await this.view(id, def, q.state, await this.describe(id, lang), lang, q.error) };
    }
  }

  /** The Update, retried as the same act (the Update id follows the idempotency key, so Temporal
   * dedups it) when the call was aborted or timed out (a loaded worker), then answered 503. */
  private async update(handle: WorkflowHandle, act: string, input: unknown, updateId: string, id: string, lang: Lang): Promise<unknown> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await handle.executeUpdate(act, { args: [input], updateId });
      } catch (e) {
        if (attempt < ACT_ATTEMPTS && isTransient(e)) {
          await new Promise((r) => setTimeout(r, 250 * 2 ** (attempt - 1)));
          continue;
        }
        throw fromTemporal(e, { id, lang });
      }
    }
  }

  private remember(id: string, run: RunFacts): void {
    if (this.runs.size >= RUNS_REMEMBERED) this.runs.delete(this.runs.keys().next().value!);
    this.runs.set(id, run);
  }

  /** The view of a procedure still running after an act, from the state its Update returned
   * (stage and next deadline as the workflow publishes them, workflows/engine/interpreter.ts). */
  private runningView(id: string, def: ProcedureDefinition, run: RunFacts, state: Record<string, unknown>): ProcedureView {
    return {
      id, kind: def.kind, procedure: def.procedure, title: { ...def.title }, status: 'RUNNING', unit: run.unit,
      stage: state.stage as string, nextDeadline: nextDeadlineOf(state), startedAt: run.startedAt, closedAt: null,
      state: JSON.parse(JSON.stringify(state)) as Record<string, unknown>, failure: null, stateError: null,
    };
  }

  // ---- reads ---------------------------------------------------------------------------------

  async read(principal: Principal | null, id: string, lang: Lang): Promise<ProcedureView> {
    const info = await this.describe(id, lang);
    const def = this.defOf(info, id);
    const unit = await this.unitOf(info, id);
    if (!mayRead(principal, unit)) throw new ApiError(403, 'forbidden_body', { params: { body: principal?.body ?? '-', unit: unit ?? '-' } });
    const q = await this.queryState(this.client.workflow.getHandle(id, info.runId));
    return this.view(id, def, q.state, info, lang, q.error);
  }

  async record(principal: Principal | null, id: string, lang: Lang): Promise<{ id: string; acts: (LedgerRow & { integrity: RowIntegrity })[]; break: LedgerBreak | null }> {
    const row = await this.pool.query<{ unit: string | null }>(`SELECT input->>'unit' AS unit FROM procedures WHERE procedure_id = $1`, [id]);
    let unit: string | null;
    if (row.rows[0]) unit = row.rows[0].unit;
    else {
      // not registered (yet): it must still be one of our procedures in Temporal
      const info = await this.describe(id, lang);
      this.defOf(info, id);
      unit = await this.unitOf(info, id);
    }
    if (!mayRead(principal, unit)) throw new ApiError(403, 'forbidden_body', { params: { body: principal?.body ?? '-', unit: unit ?? '-' } });
    // checked as it is served: a row changed in the database behind the worker's back is marked
    const marked = markRows(await readLedger({ pool: this.pool }, id));
    return { id, acts: marked.rows, break: marked.break };
  }

  /**
   * Lists procedures through a visibility query over the search attributes (values from a closed
   * alphabet), one page of at most `limit`; `nextCursor` pages on (the same filters). `name`
   * says a query field the caller's way in errors (the CLI: `--limit`).
   */
  async list(principal: Principal | null, rawQuery: unknown, lang: Lang, name: (field: string) => string = (f) => f): Promise<{ items: ListItem[]; limit: number; nextCursor: string | null }> {
    const q = ListQuery.safeParse(rawQuery ?? {}, { reportInput: false });
    if (!q.success) throw invalidInput(zodIssues(q.error.issues, lang, '', name));
    const f = q.data;
    if (f.kind !== undefined) this.definition(f.kind);
    let unit = f.unit;
    if (principal && principal.role !== 'auditor') {
      if (unit !== undefined && unit !== principal.body) throw new ApiError(403, 'forbidden_body', { field: name('unit'), params: { body: principal.body ?? '-', unit } });
      unit = principal.body ?? undefined;
    }
    const lit = (v: string) => `'${Keyword.parse(v)}'`;
    const kinds = f.kind ? [f.kind] : this.defs.map((d) => d.kind);
    const clauses = [`TartipProcedure IN (${kinds.map(lit).join(', ')})`];
    if (unit !== undefined) clauses.push(`TartipUnit = ${lit(unit)}`);
    if (f.stage !== undefined) clauses.push(`TartipStage = ${lit(f.stage)}`);
    if (f.status !== undefined) clauses.push(`ExecutionStatus = ${lit(f.status)}`);
    if (f.deadlineBefore !== undefined) clauses.push(`TartipNextDeadline <= '${new Date(f.deadlineBefore).toISOString()}'`);
    if (f.deadlineAfter !== undefined) clauses.push(`TartipNextDeadline >= '${new Date(f.deadlineAfter).toISOString()}'`);
    const limit = f.limit ?? 100;
    const query = clauses.join(' AND ');
    const token = f.cursor === undefined ? undefined : decodeCursor(f.cursor, query);
    if (token === null) throw badCursor(lang, name('cursor'));
    const { namespace, loadedDataConverter } = this.client.options;
    let page: Awaited<ReturnType<Client['workflowService']['listWorkflowExecutions']>>;
    try {
      page = await this.client.connection.withDeadline(Date.now() + 2 * READ_DEADLINE_MS, () => this.client.workflowService.listWorkflowExecutions({ namespace, query, pageSize: limit, nextPageToken: token }));
    } catch (e) {
      // a page token the server does not take (one of another server, an old one): INVALID_ARGUMENT, or UNKNOWN from the dev server
      if (token && isGrpcServiceError(e) && (e.code === 3 || e.code === 2)) throw badCursor(lang, name('cursor'));
      throw fromTemporal(e, { lang });
    }
    const items: ListItem[] = [];
    for (const raw of page.executions) items.push(this.listItem(await executionInfoFromRaw(raw as never, loadedDataConverter, raw, namespace) as WorkflowExecutionInfo));
    // nearest next deadline first within the page; none last
    items.sort((a, b) => (a.nextDeadline ?? '\uffff').localeCompare(b.nextDeadline ?? '\uffff') || a.id.localeCompare(b.id));
    const next = page.nextPageToken && page.nextPageToken.length > 0 ? encodeCursor(page.nextPageToken, query) : null;
    return { items, limit, nextCursor: next };
  }

  // ---- helpers -------------------------------------------------------------------------------

  private listItem(w: WorkflowExecutionInfo): ListItem {
    const sa = w.typedSearchAttributes;
    const def = this.defs.find((d) => d.workflowType === w.type);
    const deadline = sa.get(NEXT_DEADLINE);
    return {
      id: w.workflowId,
      kind: sa.get(PROCEDURE) ?? def?.kind ?? w.type,
      unit: sa.get(UNIT) ?? null,
      stage: sa.get(STAGE) ?? null,
      nextDeadline: deadline ? deadline.toISOString() : null,
      status: w.status.name,
      startedAt: w.startTime.toISOString(),
      closedAt: w.closeTime ? w.closeTime.toISOString() : null,
    };
  }

  private async describe(id: string, lang: Lang): Promise<Info> {
    try {
      // a read's deadline: a Temporal that does not answer is a 503, not a request left hanging
      return await this.client.connection.withDeadline(Date.now() + READ_DEADLINE_MS, () => this.client.workflow.getHandle(id).describe());
    } catch (e) {
      throw fromTemporal(e, { id, lang });
    }
  }

  /** Only workflows of a definition are procedures; anything else (self-check, …) is not found. */
  private defOf(info: Info, id: string): ProcedureDefinition {
    const d = this.defs.find((x) => x.workflowType === info.type);
    if (!d) throw new ApiError(404, 'procedure_not_found', { params: { id } });
    return d;
  }

  private async unitOf(info: Info, id: string): Promise<string | null> {
    const sa = info.typedSearchAttributes.get(UNIT);
    if (sa) return sa;
    if (isObject(info.memo) && typeof info.memo.unit === 'string') return info.memo.unit;
    const r = await this.pool.query<{ unit: string | null }>(`SELECT input->>'unit' AS unit FROM procedures WHERE procedure_id = $1`, [id]);
    return r.rows[0]?.unit ?? null;
  }

  /** The state, or null: unanswered in time (error null: no worker running?) or the query failed (error). */
  private async queryState(handle: WorkflowHandle): Promise<{ state: Record<string, unknown> | null; error: string | null }> {
    try {
      const s = await timeout(handle.query<unknown>('state'), this.stateTimeoutMs);
      return { state: s !== TIMEOUT && isObject(s) ? s : null, error: null };
    } catch (e) {
      return { state: null, error: e instanceof Error ? e.message : String(e) };
    }
  }

  /** Why a procedure ended without completing, from its close event. */
  private async failureOf(id: string, i: Info, lang: Lang): Promise<Failure | null> {
    if (!ENDED_BADLY.includes(i.status.name)) return null;
    const base = { status: i.status.name, at: i.closeTime ? i.closeTime.toISOString() : null };
    try {
      await this.client.workflow.getHandle(id, i.runId).result();
    } catch (e) {
      // the close event's failure; anything else (the history unreadable now) says no reason
      if (e instanceof WorkflowFailedError) return { ...base, ...reasonOf(e.cause ?? e, lang) };
    }
    return { ...base, reason: '', code: null };
  }

  private async view(id: string, def: ProcedureDefinition, state: Record<string, unknown> | null, info: Info | undefined, lang: Lang, stateError: string | null = null): Promise<ProcedureView> {
    const i = info ?? (await this.client.workflow.getHandle(id).describe());
    const sa = i.typedSearchAttributes;
    const deadline = sa.get(NEXT_DEADLINE);
    const stage = typeof state?.stage === 'string' ? state.stage : (sa.get(STAGE) ?? null);
    return {
      id,
      kind: def.kind,
      procedure: def.procedure,
      title: { ...def.title },
      status: i.status.name,
      unit: sa.get(UNIT) ?? (isObject(i.memo) && typeof i.memo.unit === 'string' ? i.memo.unit : null),
      stage,
      nextDeadline: deadline ? deadline.toISOString() : null,
      startedAt: i.startTime.toISOString(),
      closedAt: i.closeTime ? i.closeTime.toISOString() : null,
      state: state ? (JSON.parse(JSON.stringify(state)) as Record<string, unknown>) : null,
      failure: await this.failureOf(id, i, lang),
      stateError: state ? null : stateError,
    };
  }
}
