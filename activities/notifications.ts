// The law's notices: recorded first, sent at most once per key when the outcome is known,
// marked delivered together with a 'notice_delivered' act in the procedure's ledger. A notice whose
// channel is not configured is kept (queued, its message in the outbox folder) and goes out on a
// later attempt by a worker that has the channel.
import type pg from 'pg';
import { z } from 'zod';
import type { Citation } from '../statute/types.js';
import { BrokenConnection, checkout, transactionOn, type DbContext } from './db.js';
import { IdempotencyConflictError, NoticeDeliveryError, NoticeQueuedError, NoticeRefusedError, RecordsInputError, zodIssues } from './errors.js';
import { canonicalJson, normaliseInstant, sha256Hex } from './ledger-hash.js';
import { appendActIn } from './ledger.js';
import { PermanentDeliveryError, type Addressee, type Channel, type OutgoingNotice } from './channels/types.js';
import { keepInOutbox, markSentInOutbox, type OutboxConfig } from './outbox.js';
import { checkTemplate, renderNotice, type NoticeLang, type Rendered, type TemplateParams } from './templates/index.js';

export type NoticeChannel = 'email' | 'webhook';

export interface SendNoticeInput {
  /** Idempotency key: one notice per key, e.g. `${workflowId}/notice/election-commission`. */
  key: string;
  procedureId?: string | null;
  addressee: Addressee;
  channel: NoticeChannel;
  /** Languages of the text, in order, e.g. ['kk', 'ru']. */
  languages: NoticeLang[];
  /** The statutory basis of the notice. */
  basis: Citation;
  /** Statutory deadline of the notice: ISO 8601 instant with offset. */
  deadline: string;
  templateId: string;
  params: TemplateParams;
  /** Write a 'notice_delivered' act to the procedure's ledger on delivery. Default: true when procedureId is set. */
  recordAct?: boolean;
}

export interface SendNoticeResult {
  key: string;
  status: 'delivered';
  channel: NoticeChannel;
  deliveryId: string;
  deliveredAt: string;
  /** Delivery attempts made for this key, all runs of the activity together. */
  attempts: number;
  /** true when the key was already delivered and nothing was sent now. */
  replayed: boolean;
  /** true when an earlier attempt's outcome was unknown (crash between send and mark) and it was sent again with the same delivery id. */
  resentAfterUnknownOutcome: boolean;
  /** Delivered after the statutory deadline. */
  late: boolean;
  /** Ledger act recording the delivery, when one was written. */
  act: { seq: number; hash: string } | null;
}

export interface OverdueNotice {
  key: string;
  procedureId: string | null;
  addressee: Addressee;
  channel: NoticeChannel;
  basis: Citation;
  deadline: string;
  status: Exclude<NoticeRow['status'], 'delivered'>;
  attempts: number;
  lastError: string | null;
  overdueSeconds: number;
}

/** Test seams: throw from these to simulate a crash at that point. Not for production use. */
export interface NotificationFaults {
  /** After the channel accepted the notice, before it is marked delivered. */
  afterSend?(key: string): void | Promise<void>;
  /** After it is marked delivered, before the activity returns. */
  beforeReturn?(key: string): void | Promise<void>;
}

export interface NotificationContext extends DbContext {
  channels: Partial<Record<NoticeChannel, Channel>>;
  /** Domain of SMTP Message-IDs. */
  messageIdDomain: string;
  /** Where a notice's message is written while its channel is not configured. */
  outbox?: OutboxConfig;
  faults?: NotificationFaults;
}

const citationSchema = z
  .object({ law: z.string().min(1), article: z.string().min(1), quote: z.string(), source: z.string() })
  .loose();

const sendSchema = z.object({
  key: z.string().min(1).max(512),
  procedureId: z.string().min(1).max(256).nullable().optional(),
  addressee: z.object({ name: z.string().min(1), role: z.string().min(1), address: z.string().min(3) }).strict(),
  channel: z.enum(['email', 'webhook']),
  languages: z
    .array(z.enum(['kk', 'ru', 'en']))
    .min(1)
    .refine((a) => new Set(a).size === a.length, 'languages repeat'),
  basis: citationSchema,
  deadline: z.iso.datetime({ offset: true }),
  templateId: z.string().min(1),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.record(z.string(), z.string())])),
  recordAct: z.boolean().optional(),
});

export function validate(input: SendNoticeInput): void {
  const r = sendSchema.safeParse(input);
  if (!r.success) throw new RecordsInputError('sendNotice', zodIssues(r.error));
  const problems = checkTemplate(input.templateId, input.params, input.languages);
  if (problems.length > 0) {
    throw new RecordsInputError('sendNotice', problems.map((message) => ({ path: 'params', message })));
  }
  if (input.channel === 'email' && !/^[^\s@<>]+@[^\s@<>]+$/.test(input.addressee.address)) {
    throw new RecordsInputError('sendNotice', [{ path: 'addressee.address', message: 'not an e-mail address' }]);
  }
  if (input.channel === 'webhook' && !/^https?:\/\//.test(input.addressee.address)) {
    throw new RecordsInputError('sendNotice', [{ path: 'addressee.address', message: 'not an http(s) URL' }]);
  }
  if (input.key.length > 500) {
    // the ledger act's key `notice/${key}` must fit the ledger's limit of 512
    throw new RecordsInputError('sendNotice', [{ path: 'key', message: 'longer than 500 characters' }]);
  }
}

function contentHash(input: SendNoticeInput): string {
  return sha256Hex(
    canonicalJson({
      procedureId: input.procedureId ?? null,
      addressee: input.addressee,
      channel: input.channel,
      languages: input.languages,
      basis: input.basis,
      deadline: normaliseInstant(input.deadline),
      templateId: input.templateId,
      params: input.params,
    }),
  );
}

export function deliveryIdFor(key: string, channel: NoticeChannel, domain: string): string {
  const h = sha256Hex(`tartip.notice\u0000${key}`).slice(0, 40);
  return channel === 'email' ? `<${h}@${domain}>` : `tartip-${h}`;
}

interface NoticeRow {
  key: string;
  procedure_id: string | null;
  addressee: Addressee;
  channel: NoticeChannel;
  languages: NoticeLang[];
  basis: Citation;
  deadline: Date;
  template_id: string;
  content_hash: string;
  delivery_id: string;
  rendered: Partial<Record<NoticeLang, Rendered>>;
  /** pending: recorded; queued: its channel is not configured; in_flight: being sent (or the outcome
   * of that attempt is unknown); retrying: the last attempt failed and is tried again; failed: refused for good */
  status: 'pending' | 'queued' | 'in_flight' | 'retrying' | 'delivered' | 'failed';
  attempts: number;
  created_at: Date;
  delivered_at: Date | null;
  last_error: string | null;
  outbox_file: string | null;
}

function outgoingOf(row: NoticeRow): OutgoingNotice {
  return {
    key: row.key,
    deliveryId: row.delivery_id,
    procedureId: row.procedure_id,
    addressee: row.addressee,
    languages: row.languages,
    texts: row.rendered,
    basis: row.basis,
    deadline: row.deadline.toISOString(),
    templateId: row.template_id,
  };
}

const LOCK_SPACE = 7263;

/**
 * Records a notice owed (state pending) within an open transaction, or finds it: the same key with
 * other content is an IdempotencyConflictError. Used by the act's step (records and notices in one
 * transaction, activities/steps.ts) and by delivery. Returns the row, locked.
 */
export async function recordNoticeIn(c: pg.PoolClient, ctx: Pick<NotificationContext, 'messageIdDomain'>, input: SendNoticeInput, checked?: string): Promise<NoticeRow> {
  if (checked === undefined) validate(input);
  const hash = checked ?? contentHash(input);
  const deadline = normaliseInstant(input.deadline);
  const rendered = renderNotice(input.templateId, input.params, input.languages, input.basis, deadline);
  await c.query(
    `INSERT INTO notices (key, procedure_id, addressee, channel, languages, basis, deadline, template_id,
                          params, content_hash, delivery_id, rendered)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (key) DO NOTHING`,
    [
      input.key,
      input.procedureId ?? null,
      canonicalJson(input.addressee),
      input.channel,
      input.languages,
      canonicalJson(input.basis),
      deadline,
      input.templateId,
      canonicalJson(input.params),
      hash,
      deliveryIdFor(input.key, input.channel, ctx.messageIdDomain),
      canonicalJson(rendered),
    ],
  );
  const row = (await c.query<NoticeRow>(`SELECT * FROM notices WHERE key = $1 FOR UPDATE`, [input.key])).rows[0]!;
  if (row.content_hash !== hash) {
    throw new IdempotencyConflictError('notice', input.key, input.procedureId ?? null, ['content']);
  }
  return row;
}

/**
 * Send a notice at most once per key (when the outcome of the last attempt is known).
 * Throws NoticeDeliveryError (retryable) when the channel fails, so Temporal retries with backoff;
 * NoticeQueuedError (retryable) when the channel is not configured, after keeping the notice;
 * NoticeRefusedError (final) when the other side refused it for good.
 */
export async function sendNotice(ctx: NotificationContext, input: SendNoticeInput): Promise<SendNoticeResult> {
  validate(input);
  const channel = ctx.channels[input.channel];
  const hash = contentHash(input);
  const deadline = normaliseInstant(input.deadline);
  const { client, release } = await checkout(ctx.pool);
  let broken: Error | undefined;
  try {
    // Session lock on the key: two executions of the same notice (a retry racing a slow first
    // attempt) queue here instead of both sending.
    await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [LOCK_SPACE, input.key]);
    // 1. Record the intent (or find it: the act's step recorded it with the act) and open an attempt.
    const opened = await transactionOn(client, ctx.role, async (c) => {
      const row = await recordNoticeIn(c, ctx, input, hash);
      if (row.status === 'delivered') return { row, attempt: 0, unknownBefore: false, file: row.outbox_file };
      if (!channel) {
        // kept, not attempted: attempts count sends only, however long the channel is missing
        let file = row.outbox_file;
        let reason = `channel ${row.channel} not configured`;
        try {
          if (ctx.outbox) file = await keepInOutbox(ctx.outbox, row.channel, outgoingOf(row));
        } catch (e) {
          // kept all the same (the record is the notice); the file is a convenience
          reason += `; the outbox file could not be written: ${(e as Error).message}`.slice(0, 1000);
        }
        if (row.status !== 'queued' || row.last_error !== reason || row.outbox_file !== file) {
          await c.query(`UPDATE notices SET status = 'queued', last_error = $2, outbox_file = $3 WHERE key = $1`, [row.key, reason, file]);
        }
        return { row, attempt: -1, unknownBefore: false, file };
      }
      const prev = await c.query<{ outcome: string }>(
        `SELECT outcome FROM notice_attempts WHERE notice_key = $1 ORDER BY attempt_no DESC LIMIT 1`,
        [input.key],
      );
      const unknownBefore = prev.rows[0]?.outcome === 'in_flight';
      const attempt = row.attempts + 1;
      await c.query(
        `INSERT INTO notice_attempts (notice_key, attempt_no, error) VALUES ($1, $2, $3)`,
        [input.key, attempt, unknownBefore ? 'previous attempt outcome unknown; resending with the same delivery id' : null],
      );
      await c.query(`UPDATE notices SET status = 'in_flight', attempts = $2 WHERE key = $1`, [input.key, attempt]);
      return { row, attempt, unknownBefore, file: row.outbox_file };
    });
    const { row } = opened;
    if (opened.attempt === 0) {
      return resultFrom(row, true, false, await actOf(client, ctx, row));
    }
    if (opened.attempt === -1 || !channel) throw new NoticeQueuedError(row.key, row.channel, opened.file);

    // 2. Send. The delivery id is fixed per key, so a resend is recognisable as a copy.
    let response: string;
    try {
      response = (await channel.send(outgoingOf(row))).response;
    } catch (e) {
      const detail = (e instanceof Error ? e.message : String(e)).slice(0, 2000);
      const final = e instanceof PermanentDeliveryError;
      await transactionOn(client, ctx.role, async (c) => {
        await c.query(
          `UPDATE notice_attempts SET outcome = 'failed', finished_at = clock_timestamp(), error = $3
            WHERE notice_key = $1 AND attempt_no = $2`,
          [row.key, opened.attempt, detail],
        );
        await c.query(`UPDATE notices SET status = $3, last_error = $2 WHERE key = $1`, [row.key, detail, final ? 'failed' : 'retrying']);
      });
      if (final) throw new NoticeRefusedError(row.key, row.channel, opened.attempt, detail);
      throw new NoticeDeliveryError(row.key, row.channel, opened.attempt, detail);
    }
    await ctx.faults?.afterSend?.(row.key);
    // the copy kept while the channel was missing has gone out: to outbox/sent/
    const kept = row.outbox_file ? await markSentInOutbox(row.outbox_file) : null;

    // 3. Mark delivered, and record the act, in one transaction.
    const marked = await transactionOn(client, ctx.role, async (c) => {
      const u = await c.query<NoticeRow>(
        `UPDATE notices SET status = 'delivered', delivered_at = date_trunc('milliseconds', clock_timestamp()),
                last_error = NULL, outbox_file = COALESCE($2, outbox_file)
          WHERE key = $1 RETURNING *`,
        [row.key, kept],
      );
      await c.query(
        `UPDATE notice_attempts SET outcome = 'delivered', finished_at = clock_timestamp(), response = $3
          WHERE notice_key = $1 AND attempt_no = $2`,
        [row.key, opened.attempt, response.slice(0, 2000)],
      );
      const done = u.rows[0]!;
      let act: { seq: number; hash: string } | null = null;
      if (done.procedure_id && input.recordAct !== false) {
        const a = await appendActIn(c, {
          procedureId: done.procedure_id,
          key: `notice/${done.key}`,
          actType: 'notice_delivered',
          legalAt: done.delivered_at!.toISOString(),
          actor: { kind: 'system', id: 'tartip.notifications', role: done.channel },
          payload: noticeActPayload(done, response, opened.unknownBefore),
          citation: done.basis,
        });
        act = { seq: a.seq, hash: a.hash };
      }
      return { done, act };
    });
    await ctx.faults?.beforeReturn?.(row.key);
    return resultFrom(marked.done, false, opened.unknownBefore, marked.act);
  } catch (e) {
    if (e instanceof BrokenConnection) {
      broken = e;
      throw e.original;
    }
    throw e;
  } finally {
    if (!broken) {
      try {
        await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [LOCK_SPACE, input.key]);
      } catch (unlockError) {
        broken = unlockError as Error;
      }
    }
    release(broken);
  }
}

function noticeActPayload(n: NoticeRow, response: string | null, resentAfterUnknownOutcome = false) {
  return {
    // an earlier attempt may have reached the addressee (a crash between sending and marking): at
    // least once, with the same delivery id (Message-ID), and said so in the record
    ...(resentAfterUnknownOutcome ? { resentAfterUnknownOutcome: true } : {}),
    noticeKey: n.key,
    addressee: n.addressee,
    channel: n.channel,
    templateId: n.template_id,
    languages: n.languages,
    deliveryId: n.delivery_id,
    deadline: n.deadline.toISOString(),
    response,
  };
}

async function actOf(client: pg.PoolClient, ctx: DbContext, n: NoticeRow): Promise<{ seq: number; hash: string } | null> {
  if (!n.procedure_id) return null;
  return transactionOn(client, ctx.role, async (c) => {
    const r = await c.query<{ seq: string; hash: string }>(
      `SELECT seq, hash FROM ledger WHERE procedure_id = $1 AND idem_key = $2`,
      [n.procedure_id, `notice/${n.key}`],
    );
    const a = r.rows[0];
    return a ? { seq: Number(a.seq), hash: a.hash } : null;
  });
}

function resultFrom(
  n: NoticeRow,
  replayed: boolean,
  resent: boolean,
  act: { seq: number; hash: string } | null,
): SendNoticeResult {
  return {
    key: n.key,
    status: 'delivered',
    channel: n.channel,
    deliveryId: n.delivery_id,
    deliveredAt: n.delivered_at!.toISOString(),
    attempts: n.attempts,
    replayed,
    resentAfterUnknownOutcome: resent,
    late: n.delivered_at!.getTime() > n.deadline.getTime(),
    act,
  };
}

/** Notices past their statutory deadline and not delivered, most overdue first. */
export async function overdueNotices(ctx: DbContext, input: { now: string }): Promise<OverdueNotice[]> {
  const now = normaliseInstant(input.now);
  const r = await ctx.pool.query<NoticeRow>(
    `SELECT * FROM notices WHERE status <> 'delivered' AND deadline < $1 ORDER BY deadline, key`,
    [now],
  );
  return r.rows.map((n) => ({
    key: n.key,
    procedureId: n.procedure_id,
    addressee: n.addressee,
    channel: n.channel,
    basis: n.basis,
    deadline: n.deadline.toISOString(),
    status: n.status as OverdueNotice['status'],
    attempts: n.attempts,
    lastError: n.last_error,
    overdueSeconds: Math.floor((Date.parse(now) - n.deadline.getTime()) / 1000),
  }));
}

export interface NoticeRecord {
  key: string;
  procedureId: string | null;
  addressee: Addressee;
  channel: NoticeChannel;
  languages: NoticeLang[];
  basis: Citation;
  deadline: string;
  templateId: string;
  deliveryId: string;
  status: NoticeRow['status'];
  deliveredAt: string | null;
  lastError: string | null;
  attempts: { attemptNo: number; startedAt: string; finishedAt: string | null; outcome: string; response: string | null; error: string | null }[];
}

export async function getNotice(ctx: DbContext, input: { key: string }): Promise<NoticeRecord | null> {
  const r = await ctx.pool.query<NoticeRow>(`SELECT * FROM notices WHERE key = $1`, [input.key]);
  const n = r.rows[0];
  if (!n) return null;
  const a = await ctx.pool.query<{
    attempt_no: number; started_at: Date; finished_at: Date | null; outcome: string; response: string | null; error: string | null;
  }>(`SELECT * FROM notice_attempts WHERE notice_key = $1 ORDER BY attempt_no`, [input.key]);
  return {
    key: n.key,
    procedureId: n.procedure_id,
    addressee: n.addressee,
    channel: n.channel,
    languages: n.languages,
    basis: n.basis,
    deadline: n.deadline.toISOString(),
    templateId: n.template_id,
    deliveryId: n.delivery_id,
    status: n.status,
    deliveredAt: n.delivered_at ? n.delivered_at.toISOString() : null,
    lastError: n.last_error,
    attempts: a.rows.map((x) => ({
      attemptNo: x.attempt_no,
      startedAt: x.started_at.toISOString(),
      finishedAt: x.finished_at ? x.finished_at.toISOString() : null,
      outcome: x.outcome,
      response: x.response,
      error: x.error,
    })),
  };
}

// ---- the notices as people see them (tartip notices list, GET /v1/notices, tartip show) -------

export const NOTICE_STATES = ['queued', 'sent', 'failed', 'retrying'] as const;
export type NoticeState = (typeof NOTICE_STATES)[number];
/** why a notice is not sent (yet): its channel is missing, an attempt is under way, the last failed, or it was refused for good */
export type NoticeReasonCode = 'channel_not_configured' | 'sending' | 'delivery_failed' | 'refused';

export interface ListedNotice {
  key: string;
  procedureId: string | null;
  state: NoticeState;
  reason: { code: NoticeReasonCode; detail: string | null } | null;
  channel: NoticeChannel;
  addressee: Addressee;
  templateId: string;
  languages: NoticeLang[];
  basis: Citation;
  deadline: string;
  deliveryId: string;
  /** delivery attempts made (a notice kept while its channel is missing has made none) */
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  /** not sent and its statutory deadline has passed, or sent after it */
  late: boolean;
  /** the message as a file, kept while its channel was missing */
  outboxFile: string | null;
}

export interface NoticeFilter {
  procedureId?: string;
  states?: readonly NoticeState[];
  /** only notices of procedures of this unit (the body of a non-auditor token) */
  unit?: string;
  /** 1–500 */
  limit: number;
  /** from `next` of the page before */
  after?: NoticeCursor;
}
export interface NoticeCursor {
  /** created_at in microseconds since the epoch, as digits */
  createdUs: string;
  key: string;
}

const STATE_SQL = `CASE WHEN n.status = 'delivered' THEN 'sent' WHEN n.status = 'failed' THEN 'failed'
  WHEN n.status = 'retrying' OR (n.status = 'in_flight' AND n.attempts > 1) THEN 'retrying' ELSE 'queued' END`;

/** Notices oldest first, in pages: `next` continues after the last one given, null at the end. */
export async function listNotices(ctx: DbContext, f: NoticeFilter): Promise<{ items: ListedNotice[]; next: NoticeCursor | null }> {
  const where: string[] = [];
  const args: unknown[] = [];
  const arg = (v: unknown) => `$${args.push(v)}`;
  if (f.procedureId !== undefined) where.push(`n.procedure_id = ${arg(f.procedureId)}`);
  if (f.unit !== undefined) where.push(`p.input->>'unit' = ${arg(f.unit)}`);
  if (f.states?.length) where.push(`(${STATE_SQL}) = ANY(${arg(f.states)}::text[])`);
  if (f.after) where.push(`(n.created_at, n.key) > (timestamptz 'epoch' + ${arg(f.after.createdUs)}::bigint * interval '1 microsecond', ${arg(f.after.key)})`);
  const r = await ctx.pool.query<NoticeRow & { state: NoticeState; created_us: string }>(
    `SELECT n.*, ${STATE_SQL} AS state, floor(extract(epoch FROM n.created_at) * 1000000)::bigint::text AS created_us
       FROM notices n ${f.unit !== undefined ? 'JOIN' : 'LEFT JOIN'} procedures p ON p.procedure_id = n.procedure_id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY n.created_at, n.key LIMIT ${arg(f.limit + 1)}`,
    args,
  );
  const rows = r.rows.slice(0, f.limit);
  const last = rows[rows.length - 1];
  const now = Date.now();
  return {
    items: rows.map((n) => ({
      key: n.key,
      procedureId: n.procedure_id,
      state: n.state,
      reason: reasonOf(n),
      channel: n.channel,
      addressee: n.addressee,
      templateId: n.template_id,
      languages: n.languages,
      basis: n.basis,
      deadline: n.deadline.toISOString(),
      deliveryId: n.delivery_id,
      attempts: n.attempts,
      createdAt: n.created_at.toISOString(),
      sentAt: n.delivered_at ? n.delivered_at.toISOString() : null,
      late: (n.delivered_at?.getTime() ?? now) > n.deadline.getTime(),
      outboxFile: n.outbox_file,
    })),
    next: r.rows.length > f.limit && last ? { createdUs: last.created_us, key: last.key } : null,
  };
}

function reasonOf(n: NoticeRow & { state: NoticeState }): ListedNotice['reason'] {
  switch (n.state) {
    case 'sent':
      return null;
    case 'failed':
      return { code: 'refused', detail: n.last_error };
    case 'retrying':
      return { code: 'delivery_failed', detail: n.last_error };
    default:
      return n.status === 'queued' ? { code: 'channel_not_configured', detail: n.channel } : { code: 'sending', detail: null };
  }
}
