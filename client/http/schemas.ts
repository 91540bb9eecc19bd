// The API's request and response schemas (zod), shared with the workflows' own schemas, and the
// OpenAPI 3.1 document generated from them (GET /openapi.json).
import { z } from 'zod';
import { ActorSchema, LegalTime } from '../../workflows/procedure.js';
import { DEFINITIONS } from '../../workflows/definitions.js';
import type { ProcedureDefinition } from '../../workflows/procedure.js';
import { LANGS } from './errors.js';
import { NOTICE_STATES } from '../../activities/notifications.js';
import { openApiExamples, type Example } from './examples.js';

export const Lang = z.enum(LANGS);

/** Unit and stage filters: a closed alphabet, so a value can never break out of a visibility query. */
export const Keyword = z.string().regex(/^[A-Za-z0-9._:@\/-]{1,200}$/);
export const IdempotencyKey = z.string().regex(/^[\x21-\x7e]{1,200}$/);
export const ProcedureId = z.string().min(1).max(400);

const CitationOut = z.looseObject({
  law: z.string(),
  article: z.string(),
  paragraph: z.string().optional(),
  subparagraph: z.string().optional(),
  quote: z.string().optional(),
  source: z.string().optional(),
});

export const IssueSchema = z.strictObject({ field: z.string(), rule: z.string(), message: z.string() });

export const ErrorSchema = z.strictObject({
  code: z.string().meta({ description: 'stable machine code: an API code (unauthenticated, forbidden_role, invalid_input, …) or a statute refusal code (too_late, below_threshold, barred, …)' }),
  message: z.string().meta({ description: 'for people, in `lang`' }),
  lang: Lang,
  field: z.string().optional(),
  rule: z.string().optional().meta({ description: 'edition rule id for legal refusals, else the validation rule' }),
  citation: CitationOut.optional(),
  date: z.string().optional().meta({ description: 'the date a legal refusal depends on' }),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  issues: z.array(IssueSchema).optional(),
});

const Titles = z.strictObject({ kk: z.string(), ru: z.string(), en: z.string() });

const HealthCheck = z.strictObject({
  ok: z.boolean(),
  ms: z.number().meta({ description: 'how long the check took' }),
  error: z.string().optional().meta({ description: "why it failed, in the server's or driver's words" }),
  state: z.string().optional().meta({ description: "worker: the main command's own worker's state (RUNNING, …)" }),
  pollers: z.number().optional().meta({ description: 'worker: pollers seen on the task queue (when the API runs without a worker)' }),
});
const HealthChecks = z.strictObject({ temporal: HealthCheck, postgres: HealthCheck, worker: HealthCheck });
export const HealthSchema = z.strictObject({ status: z.literal('ok'), checks: HealthChecks });
export const HealthDownSchema = z.strictObject({ status: z.literal('unavailable'), code: z.literal('unavailable'), message: z.string().meta({ description: 'for people, in `lang`, naming what is down' }), lang: Lang, checks: HealthChecks });

/** What the `state` query returns (workflows/procedure.ts ProcedureState); older procedures may return less. */
export const StateSchema = z.looseObject({
  kind: z.string().optional(),
  procedure: z.string().optional(),
  stage: z.string().optional(),
  outcome: z.string().nullable().optional(),
  editionId: z.string().optional(),
  calendarRef: z.string().optional(),
  deadlines: z.array(z.looseObject({ rule: z.string(), onExpiry: z.string().optional(), period: z.looseObject({}) })).optional(),
  thresholds: z.array(z.looseObject({})).optional(),
  interpretations: z.array(z.looseObject({})).optional(),
  acts: z.array(z.looseObject({ seq: z.number(), act: z.string(), at: z.string(), actor: z.looseObject({}) })).optional(),
  facts: z.looseObject({}).optional(),
});

export const ProcedureViewSchema = z.strictObject({
  id: z.string(),
  kind: z.string(),
  procedure: z.string(),
  title: Titles,
  status: z.string().meta({ description: 'Temporal execution status: RUNNING, COMPLETED, FAILED, TERMINATED, …' }),
  unit: z.string().nullable(),
  stage: z.string().nullable(),
  nextDeadline: z.string().nullable(),
  startedAt: z.string(),
  closedAt: z.string().nullable(),
  state: StateSchema.nullable(),
  failure: z.strictObject({
    status: z.string(),
    at: z.string().nullable(),
    reason: z.string().meta({ description: "the workflow's failure, the operator's reason to terminate, or what timed out, in plain words (`lang` for legal refusals)" }),
    code: z.string().nullable().meta({ description: 'the failure type (Refused:<code>, InvalidInput, …) when there is one' }),
  }).nullable().meta({ description: 'why a procedure ended without completing (FAILED, TERMINATED, TIMED_OUT, CANCELLED); null otherwise' }),
  stateError: z.string().nullable().meta({ description: 'why the state query failed (state is null); null when it was answered or went unanswered (no worker running)' }),
});

export const ActResponseSchema = z.strictObject({
  id: z.string(),
  act: z.string(),
  actor: ActorSchema,
  result: z.unknown(),
  procedure: ProcedureViewSchema,
});

export const ListItemSchema = z.strictObject({
  id: z.string(),
  kind: z.string(),
  unit: z.string().nullable(),
  stage: z.string().nullable(),
  nextDeadline: z.string().nullable(),
  status: z.string(),
  startedAt: z.string(),
  closedAt: z.string().nullable(),
});
export const ListResponseSchema = z.strictObject({
  items: z.array(ListItemSchema),
  limit: z.number().int(),
  nextCursor: z.string().nullable().meta({ description: 'the next page: send it as ?cursor= with the same filters; null on the last page' }),
});

export const LedgerRowSchema = z.strictObject({
  procedureId: z.string(),
  seq: z.number().int(),
  actType: z.string(),
  legalAt: z.string(),
  recordedAt: z.string(),
  actor: z.looseObject({ kind: z.string(), id: z.string() }),
  payload: z.unknown(),
  citation: z.unknown(),
  editionId: z.string().nullable(),
  key: z.string(),
  prevHash: z.string(),
  hash: z.string(),
  /** checked as the row is served: its hash and link hold (ok), it is the first that does not (broken), or it comes after such a row */
  integrity: z.enum(['ok', 'broken', 'after_break']),
});
export const RecordResponseSchema = z.strictObject({
  id: z.string(),
  acts: z.array(LedgerRowSchema),
  /** the hash chain checked now, in the database as it stands: null when intact, else the first break */
  break: z.strictObject({ seq: z.number().int(), index: z.number().int(), problem: z.string(), message: z.string(), expected: z.string().optional(), found: z.string().optional() }).nullable(),
});

export const KindsResponseSchema = z.strictObject({
  kinds: z.array(z.strictObject({
    kind: z.string(),
    procedure: z.string(),
    title: Titles,
    startRoles: z.array(z.string()),
    acts: z.array(z.strictObject({ act: z.string(), title: Titles, roles: z.array(z.string()) })),
  })),
});

export const LIST_LIMIT = 500;
export const CURSOR_PATTERN = /^[A-Za-z0-9_-]{1,4000}$/;
export const ListQuery = z.strictObject({
  kind: z.string().min(1).max(100).optional(),
  unit: Keyword.optional(),
  stage: Keyword.optional(),
  status: z.enum(['Running', 'Completed', 'Failed', 'Terminated', 'Canceled', 'TimedOut', 'ContinuedAsNew']).optional(),
  deadlineBefore: z.iso.datetime({ offset: true }).optional(),
  deadlineAfter: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(LIST_LIMIT).optional(),
  /** the nextCursor of the previous page (opaque) */
  cursor: z.string().regex(CURSOR_PATTERN).optional(),
  lang: Lang.optional(),
});

// ---- notices (GET /v1/notices, GET /v1/procedures/{id}/notices, tartip notices list) --------

export const NoticeState = z.enum(NOTICE_STATES);
/** A page's `next`: opaque to clients (base64url of the last notice's time and key). */
export const NoticeCursor = z.string().max(1400).transform((s, ctx) => {
  const text = /^[A-Za-z0-9_-]+$/.test(s) ? Buffer.from(s, 'base64url').toString('utf8') : '';
  const m = /^(\d{1,20})\.([^\u0000-\u001f\u007f]{1,512})$/.exec(text);
  if (!m) {
    ctx.addIssue({ code: 'invalid_format', format: 'cursor', input: s, message: 'not a cursor from next' } as never);
    return z.NEVER;
  }
  return { createdUs: m[1]!, key: m[2]! };
});
export const cursorOf = (c: { createdUs: string; key: string }): string => Buffer.from(`${c.createdUs}.${c.key}`, 'utf8').toString('base64url');

export const NoticesQuery = z.strictObject({
  procedure: ProcedureId.optional(),
  state: NoticeState.optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  after: NoticeCursor.optional(),
  lang: Lang.optional(),
});
export const ProcedureNoticesQuery = NoticesQuery.omit({ procedure: true });

export const NoticeSchema = z.strictObject({
  key: z.string().meta({ description: 'one notice per key; the delivery id (Message-ID) is fixed by it' }),
  procedureId: z.string().nullable(),
  state: NoticeState.meta({ description: 'queued: not sent yet (its channel is not configured, or it is being sent); sent; retrying: the last attempt failed and it is tried again; failed: refused for good' }),
  reason: z.strictObject({
    code: z.enum(['channel_not_configured', 'sending', 'delivery_failed', 'refused']),
    message: z.string().meta({ description: 'for people, in `lang`' }),
    detail: z.string().nullable().meta({ description: 'the channel, or what the other side answered' }),
  }).nullable(),
  channel: z.enum(['email', 'webhook']),
  addressee: z.strictObject({ name: z.string(), role: z.string(), address: z.string() }),
  templateId: z.string(),
  languages: z.array(Lang),
  basis: CitationOut,
  deadline: z.string().meta({ description: 'the statutory deadline of the notice' }),
  deliveryId: z.string(),
  attempts: z.number().int(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  late: z.boolean().meta({ description: 'sent after its deadline, or not sent and the deadline has passed' }),
  outboxFile: z.string().nullable().meta({ description: 'where its message was kept as a file while its channel was not configured' }),
});
export const NoticesResponseSchema = z.strictObject({
  items: z.array(NoticeSchema),
  limit: z.number().int(),
  next: z.string().nullable().meta({ description: 'pass as `after` for the next page; null at the end' }),
});

/** Fields of a start input the API fills itself (from the token and the pins) or refuses. */
export const START_FILLED = ['startedBy'] as const;
export const START_OPTIONAL = ['editionId', 'calendarRef'] as const;
export const START_REFUSED = ['simulation'] as const;
/** Allowed with `simulation` only (real procedures read the register): refused by the API with it. */
export const START_SIMULATION_ONLY = ['roster'] as const;
export const ACT_FILLED = ['actor'] as const;
export const ACT_OPTIONAL = ['at'] as const;

/** Roles that may start a procedure: the administrators of its unit (issue 8). */
export const START_ROLES = ['administrator'] as const;

type Json = Record<string, unknown>;

/** JSON Schema of a workflow schema as the API takes it: filled fields removed, pinned fields optional. */
export function requestBodySchema(schema: z.ZodType, drop: readonly string[], optional: readonly string[]): Json {
  const js = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Json;
  delete js.$schema;
  const props = js.properties as Json | undefined;
  if (props) for (const f of drop) delete props[f];
  if (Array.isArray(js.required)) js.required = (js.required as string[]).filter((f) => !drop.includes(f) && !optional.includes(f));
  return js;
}

function out(schema: z.ZodType): Json {
  const js = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any', reused: 'inline' }) as Json;
  delete js.$schema;
  return js;
}

const errorRef = { $ref: '#/components/schemas/Error' };
export const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: errorRef } } });
export const langParam = { name: 'lang', in: 'query', required: false, schema: { type: 'string', enum: [...LANGS] }, description: 'language of messages (else Accept-Language, else en)' };
export const idemParam = { name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,200}$' }, description: 'a retry with the same key returns the first response; another request with it is refused (422)' };
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', minLength: 1, maxLength: 400 }, description: 'procedure id (Temporal workflow id)' };
export const common4xx = {
  '405': errorResponse('method not allowed on this path (Allow header lists the allowed ones)'),
  '400': errorResponse('invalid request: issues name each field and rule'),
  '401': errorResponse('no or unknown token'),
  '403': errorResponse('role or body may not do this'),
  '404': errorResponse('unknown procedure, kind or act'),
  '503': errorResponse('unavailable: Temporal or PostgreSQL does not answer now (within about 1 s when it is down); retry after Retry-After seconds'),
};
export const mutating4xx = {
  ...common4xx,
  '409': {
    ...errorResponse('conflict: already running, ended, a timing refusal (too_late, too_early, barred) or the same key in flight'),
    headers: { 'Retry-After': { description: 'with idempotency_in_flight: seconds until the request holding the key must have renewed its lease', schema: { type: 'integer', minimum: 1 } } },
  },
  '413': errorResponse('body too large'),
  '415': errorResponse('body is not application/json'),
  '422': errorResponse('legal refusal (code, rule, citation, date) or the idempotency key was used for another request'),
};

export function json(schema: Json, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

/** Fields a start body may not carry: filled from the token, refused, or for simulations only. */
export const START_DROPPED = [...START_FILLED, ...START_REFUSED, ...START_SIMULATION_ONLY] as const;

/** OpenAPI Example Objects by name. */
const exampleMap = (xs: [string, Example][]) => (xs.length ? { examples: Object.fromEntries(xs.map(([k, x]) => [k, { summary: x.summary, value: x.value }])) } : {});

/** Acts by name over all definitions (one act name may be shared by several kinds). */
function actsByName(defs: readonly ProcedureDefinition[]): Map<string, { kind: string; def: ProcedureDefinition }[]> {
  const m = new Map<string, { kind: string; def: ProcedureDefinition }[]>();
  for (const d of defs) for (const a of Object.keys(d.acts)) m.set(a, [...(m.get(a) ?? []), { kind: d.kind, def: d }]);
  return m;
}

export function openApiDocument(defs: readonly ProcedureDefinition[] = DEFINITIONS): Json {
  const paths: Json = {};
  const schemas: Json = {
    Error: out(ErrorSchema),
    Procedure: out(ProcedureViewSchema),
  };
  const procRef = { $ref: '#/components/schemas/Procedure' };
  const examples = openApiExamples(defs, START_DROPPED, ACT_FILLED);
  paths['/health'] = {
    get: {
      operationId: 'health', summary: 'Whether Temporal, PostgreSQL and the worker answer now (each checked within about 1 s)', tags: ['service'], security: [],
      parameters: [langParam],
      responses: {
        '200': json(out(HealthSchema), 'every part answers'),
        '503': json(out(HealthDownSchema), 'a part does not answer (named in message; see checks); retry after Retry-After seconds'),
        '400': errorResponse('invalid request: an unknown query parameter or lang'),
      },
    },
  };
  paths['/v1/kinds'] = {
    get: {
      operationId: 'listKinds', summary: 'Procedures that can be started, their acts and who may perform them', tags: ['procedures'],
      parameters: [langParam],
      responses: { '200': json(out(KindsResponseSchema), 'the procedure kinds'), ...common4xx },
    },
  };
  for (const d of defs) {
    paths[`/v1/kinds/${d.kind}/procedures`] = {
      post: {
        operationId: `start_${d.kind}`,
        summary: `Start: ${d.title.en} (${d.procedure}). Roles: ${(d.startRoles ?? START_ROLES).join(', ')} of the input's unit.`,
        description: 'startedBy is the token\'s holder; editionId and calendarRef default to the edition in force today and the newest official calendar; simulation is refused.',
        tags: ['procedures'],
        parameters: [langParam, idemParam],
        requestBody: { required: true, content: { 'application/json': { schema: requestBodySchema(d.input, START_DROPPED, START_OPTIONAL), ...exampleMap(examples.start.has(d.kind) ? [[d.kind, examples.start.get(d.kind)!]] : []) } } },
        responses: {
          '201': json(procRef, 'started; the procedure as it stands'),
          '202': json(procRef, 'started; no worker has picked it up yet (state null)'),
          ...mutating4xx,
        },
      },
    };
  }
  const acts = actsByName(defs);
  const actPaths: [string, Json, string, [string, Example][]][] = [];
  for (const [act, owners] of acts) {
    const bodies = owners.map((o) => requestBodySchema(o.def.acts[act]!.input, ACT_FILLED, ACT_OPTIONAL));
    const roles = [...new Set(owners.flatMap((o) => o.def.acts[act]!.roles))];
    // one example per kind that has the act, named by the kind
    const xs = owners.flatMap((o): [string, Example][] => { const x = examples.acts.get(o.kind)?.get(act); return x ? [[o.kind, x]] : []; });
    actPaths.push([`/v1/procedures/{id}/acts/${act}`, bodies.length === 1 ? bodies[0]! : { anyOf: bodies },
      `Act ${act} (${owners.map((o) => `${o.kind}: ${o.def.acts[act]!.title.en}`).join('; ')}). Roles: ${roles.join(', ')} of the procedure's unit.`, xs]);
  }
  if (actPaths.length === 0) actPaths.push(['/v1/procedures/{id}/acts/{act}', { type: 'object' }, 'Perform an act (a workflow Update) of the procedure.', []]);
  for (const [p, body, summary, xs] of actPaths) {
    const params: unknown[] = [idParam, langParam, idemParam];
    if (p.endsWith('{act}')) params.push({ name: 'act', in: 'path', required: true, schema: { type: 'string', minLength: 1, maxLength: 100 } });
    paths[p] = {
      post: {
        operationId: `act_${p.split('/').pop()!.replace(/[{}]/g, '')}`,
        summary, tags: ['acts'],
        description: 'actor is the token\'s holder (a body field actor is refused); at defaults to now.',
        parameters: params,
        requestBody: { required: true, content: { 'application/json': { schema: body, ...exampleMap(xs) } } },
        responses: { '200': json(out(ActResponseSchema), 'done; the Update result and the procedure after it'), ...mutating4xx },
      },
    };
  }
  paths['/v1/procedures'] = {
    get: {
      operationId: 'listProcedures', summary: 'List procedures by kind, unit, stage, status and next deadline (search attributes). Non-auditors see their own body only.', tags: ['procedures'],
      parameters: [
        { name: 'kind', in: 'query', schema: { type: 'string', enum: defs.map((d) => d.kind) } },
        { name: 'unit', in: 'query', schema: { type: 'string', pattern: '^[A-Za-z0-9._:@\\/-]{1,200}$' } },
        { name: 'stage', in: 'query', schema: { type: 'string', pattern: '^[A-Za-z0-9._:@\\/-]{1,200}$' } },
        { name: 'status', in: 'query', schema: { type: 'string', enum: ['Running', 'Completed', 'Failed', 'Terminated', 'Canceled', 'TimedOut', 'ContinuedAsNew'] } },
        { name: 'deadlineBefore', in: 'query', schema: { type: 'string', format: 'date-time' } },
        { name: 'deadlineAfter', in: 'query', schema: { type: 'string', format: 'date-time' } },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: LIST_LIMIT, default: 100 } },
        { name: 'cursor', in: 'query', schema: { type: 'string', pattern: CURSOR_PATTERN.source }, description: 'nextCursor of the previous page, with the same filters' },
        langParam,
      ],
      responses: { '200': json(out(ListResponseSchema), 'a page of procedures, nearest next deadline first within it'), ...common4xx },
    },
  };
  paths['/v1/procedures/{id}'] = {
    get: {
      operationId: 'getProcedure', summary: 'A procedure: stage, deadlines with derivations and citations, thresholds, interpretations, acts', tags: ['procedures'],
      parameters: [idParam, langParam],
      responses: { '200': json(procRef, 'the procedure'), ...common4xx },
    },
  };
  paths['/v1/procedures/{id}/record'] = {
    get: {
      operationId: 'getRecord', summary: 'The record of acts (hash-chained ledger) of a procedure', tags: ['procedures'],
      parameters: [idParam, langParam],
      responses: { '200': json(out(RecordResponseSchema), 'the acts in order'), ...common4xx },
    },
  };
  const noticeParams = [
    { name: 'state', in: 'query', schema: { type: 'string', enum: [...NOTICE_STATES] } },
    { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } },
    { name: 'after', in: 'query', schema: { type: 'string', maxLength: 1400 }, description: '`next` of the page before' },
    langParam,
  ];
  const noticesOk = json(out(NoticesResponseSchema), 'notices, oldest first, with their states');
  paths['/v1/notices'] = {
    get: {
      operationId: 'listNotices', summary: 'The law\'s notices and their states (queued, sent, retrying, failed with the reason). Auditors: all; others: their own body\'s procedures.', tags: ['notices'],
      parameters: [{ name: 'procedure', in: 'query', schema: { type: 'string', minLength: 1, maxLength: 400 } }, ...noticeParams],
      responses: { '200': noticesOk, ...common4xx },
    },
  };
  paths['/v1/procedures/{id}/notices'] = {
    get: {
      operationId: 'getProcedureNotices', summary: 'A procedure\'s notices and their states; read as the procedure is', tags: ['notices'],
      parameters: [idParam, ...noticeParams],
      responses: { '200': noticesOk, ...common4xx },
    },
  };
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'tartip API',
      version: '1',
      description: 'Procedures of Law No 148 "On local state administration and self-government in the Republic of Kazakhstan": start them, record their acts, read their state and record. Errors: application/json Error bodies; messages in kk, ru or en (?lang= or Accept-Language).',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      schemas,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'a token from `tartip token create`' } },
    },
  };
}

export { LegalTime };
