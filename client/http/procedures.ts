// Procedures as clients see them: start, act, read, list, record — with the role and body
// checks of issue 8. Used by the HTTP server and by the CLI (same checks, same errors).
import type pg from 'pg';
import type { Client, WorkflowExecutionInfo, WorkflowHandle } from '@temporalio/client';
import { TypedSearchAttributes } from '@temporalio/common';
import type { Lang } from '../../statute/errors.js';
import { StatuteError } from '../../statute/errors.js';
import { readLedger, type LedgerRow } from '../../activities/ledger.js';
import { DEFINITIONS } from '../../workflows/definitions.js';
import type { Actor, ProcedureDefinition, Role } from '../../workflows/procedure.js';
import { NEXT_DEADLINE, PROCEDURE, STAGE, UNIT } from '../../workflows/search-attributes.js';
import { withPins } from '../pins.js';
import { markRows, type RowIntegrity } from '../audit/live.js';
import type { LedgerBreak } from '../../activities/ledger-hash.js';
import { ApiError, fromTemporal, hygiene, invalidInput, isTransient, zodIssues } from './errors.js';
import { READ_DEADLINE_MS } from '../temporal-rpc.js';

/** An act whose Update call was aborted or timed out is tried this many times before a 503. */
const ACT_ATTEMPTS = 4;
import { ACT_FILLED, START_FILLED, START_REFUSED, START_ROLES, Keyword, ListQuery } from './schemas.js';
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
}

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

  /** Validates, authorises and starts; waits for the first answer of the workflow (a refusal at start is a 4xx, not a started procedure). */
  async start(principal: Principal, kind: string, body: unknown, lang: Lang): Promise<{ status: 201 | 202; view: ProcedureView }> {
    const def = this.definition(kind);
    const startRoles = startRolesOf(def);
    if (!startRoles.includes(principal.role)) {
      throw new ApiError(403, 'forbidden_role', { params: { role: principal.role, allowed: startRoles.join(', ') } });
    }
    if (!isObject(body)) throw invalidInput([{ field: '(root)', rule: 'invalid_type', message: zodIssues([{ code: 'invalid_type', expected: 'object', path: [], message: '', input: body } as never], lang)[0]!.message }]);
    const dirty = hygiene(body, lang);
    if (dirty.length) throw invalidInput(dirty);
    for (const f of START_REFUSED) if (f in body) throw new ApiError(422, 'simulation_refused', { field: f, rule: 'api.no_simulation' });
    for (const f of START_FILLED) if (f in body) throw new ApiError(400, 'actor_from_token', { field: f, rule: 'api.actor_from_token', params: { field: f } });
    let input: Record<string, unknown>;
    try {
      input = withPins({ ...body, startedBy: principal.actor });
    } catch (e) {
      throw fromTemporal(e, { lang });
    }
    const parsed = def.input.safeParse(input, { reportInput: false });
    if (!parsed.success) throw invalidInput(zodIssues(parsed.error.issues, lang));
    const unit = String((parsed.data as { unit: string }).unit);
    if (principal.body !== unit) throw new ApiError(403, 'forbidden_body', { field: 'unit', params: { body: principal.body ?? '-', unit } });
    await checkRegistered(this.pool, def, parsed.data);
    let id: string;
    try {
      id = def.workflowId(parsed.data);
    } catch (e) {
      if (e instanceof StatuteError) throw fromTemporal(e, { lang });
      throw invalidInput([{ field: '(root)', rule: 'custom', message: e instanceof Error ? e.message : String(e) }]);
    }
    let handle: WorkflowHandle;
    try {
      handle = await this.client.workflow.start(def.workflowType, {
        workflowId: id,
        taskQueue: this.taskQueue,
        args: [input],
        memo: { kind: def.kind, unit },
        typedSearchAttributes: new TypedSearchAttributes([
          { key: PROCEDURE, value: def.kind },
          { key: UNIT, value: unit },
        ]),
      });
    } catch (e) {
      throw fromTemporal(e, { id, lang, rule: 'one_open_procedure' });
    }
    const state = await this.settle(handle, lang);
    const view = await this.view(id, def, state === TIMEOUT ? null : state);
    return { status: state === TIMEOUT ? 202 : 201, view };
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
    const info = await this.describe(id, lang);
    const def = this.defOf(info, id);
    const spec = def.acts[act];
    if (!spec) throw new ApiError(404, 'unknown_act', { field: 'act', params: { kind: def.kind, act, known: Object.keys(def.acts).join(', ') || '-' } });
    const unit = await this.unitOf(info, id);
    if (!(spec.roles as readonly Role[]).includes(principal.role)) {
      throw new ApiError(403, 'forbidden_role', { params: { role: principal.role, allowed: spec.roles.join(', ') } });
    }
    if (principal.body !== unit) throw new ApiError(403, 'forbidden_body', { params: { body: principal.body ?? '-', unit: unit ?? '-' } });
    if (info.status.name !== 'RUNNING') throw new ApiError(409, 'procedure_closed', { params: { id, status: info.status.name } });
    if (!isObject(body)) throw invalidInput(zodIssues([{ code: 'invalid_type', expected: 'object', path: [], message: '', input: body } as never], lang));
    const dirty = hygiene(body, lang);
    if (dirty.length) throw invalidInput(dirty);
    for (const f of ACT_FILLED) if (f in body) throw new ApiError(400, 'actor_from_token', { field: f, rule: 'api.actor_from_token', params: { field: f } });
    const input = { ...body, actor: principal.actor, at: body.at ?? new Date().toISOString() };
    const parsed = spec.input.safeParse(input, { reportInput: false });
    if (!parsed.success) throw invalidInput(zodIssues(parsed.error.issues, lang));
    const handle = this.client.workflow.getHandle(id, info.runId);
    let result: unknown;
    const updateId = `api-${sha256(`${principal.tokenId}\n${idemKey}`).slice(0, 40)}`;
    // the Update id follows the idempotency key, so Temporal itself dedups a retried act: an
    // aborted or timed-out call (a loaded worker) is retried as the same act, then answered 503
    for (let attempt = 1; ; attempt++) {
      try {
        result = await handle.executeUpdate(act, { args: [input], updateId });
        break;
      } catch (e) {
        if (attempt < ACT_ATTEMPTS && isTransient(e)) {
          await new Promise((r) => setTimeout(r, 250 * 2 ** (attempt - 1)));
          continue;
        }
        throw fromTemporal(e, { id, lang });
      }
    }
    // every act's Update returns the new state (the engine's one ack); older acks are queried for it
    const acked = isObject(result) && typeof result.stage === 'string' && typeof result.kind === 'string';
    const state = acked ? (result as unknown as Awaited<ReturnType<typeof this.queryState>>) : await this.queryState(handle);
    return { id, act, actor: principal.actor as Actor, result: acked ? null : (result ?? null), procedure: await this.view(id, def, state, await this.describe(id, lang)) };
  }

  // ---- reads ---------------------------------------------------------------------------------

  async read(principal: Principal | null, id: string, lang: Lang): Promise<ProcedureView> {
    const info = await this.describe(id, lang);
    const def = this.defOf(info, id);
    const unit = await this.unitOf(info, id);
    if (!mayRead(principal, unit)) throw new ApiError(403, 'forbidden_body', { params: { body: principal?.body ?? '-', unit: unit ?? '-' } });
    const state = await this.queryState(this.client.workflow.getHandle(id, info.runId));
    return this.view(id, def, state, info);
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

  /** Lists procedures through a visibility query over the search attributes; values come from a closed alphabet. */
  async list(principal: Principal | null, rawQuery: unknown, lang: Lang): Promise<{ items: ListItem[]; limit: number }> {
    const q = ListQuery.safeParse(rawQuery ?? {}, { reportInput: false });
    if (!q.success) throw invalidInput(zodIssues(q.error.issues, lang));
    const f = q.data;
    if (f.kind !== undefined) this.definition(f.kind);
    let unit = f.unit;
    if (principal && principal.role !== 'auditor') {
      if (unit !== undefined && unit !== principal.body) throw new ApiError(403, 'forbidden_body', { field: 'unit', params: { body: principal.body ?? '-', unit } });
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
    const items: ListItem[] = [];
    try {
      await this.client.connection.withDeadline(Date.now() + 2 * READ_DEADLINE_MS, async () => {
        for await (const w of this.client.workflow.list({ query: clauses.join(' AND '), pageSize: Math.min(limit, 100) })) {
          items.push(this.listItem(w));
          if (items.length >= limit) break;
        }
      });
    } catch (e) {
      throw fromTemporal(e, { lang });
    }
    // nearest next deadline first; none last
    items.sort((a, b) => (a.nextDeadline ?? '\uffff').localeCompare(b.nextDeadline ?? '\uffff') || a.id.localeCompare(b.id));
    return { items, limit };
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

  private async queryState(handle: WorkflowHandle): Promise<Record<string, unknown> | null> {
    try {
      const s = await timeout(handle.query<unknown>('state'), this.stateTimeoutMs);
      return isObject(s) ? s : null;
    } catch {
      return null;
    }
  }

  private async view(id: string, def: ProcedureDefinition, state: Record<string, unknown> | null, info?: Info): Promise<ProcedureView> {
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
    };
  }
}
