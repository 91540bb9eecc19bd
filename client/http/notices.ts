// The law's notices as clients see them: their states (queued, sent, retrying, failed with the
// reason), with the read checks of a procedure (auditors everything; others their own body's).
// Used by GET /v1/notices, GET /v1/procedures/{id}/notices, `tartip notices list` and `tartip show`.
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import type { Lang } from '../../statute/errors.js';
import { fill } from '../../statute/messages.js';
import { listNotices, type ListedNotice, type NoticeReasonCode } from '../../activities/notifications.js';
import { ApiError, hygiene, invalidInput, zodIssues } from './errors.js';
import { mayRead } from './procedures.js';
import { NoticesQuery, ProcedureId, ProcedureNoticesQuery, cursorOf, type NoticeSchema } from './schemas.js';
import type { Principal } from './tokens.js';
import type { z } from 'zod';

export type NoticeView = z.output<typeof NoticeSchema>;

const SETTING: Record<string, string> = { email: 'TARTIP_SMTP_HOST', webhook: 'TARTIP_WEBHOOK_SECRET' };

/** Why a notice is not sent (yet), for people. */
export const NOTICE_REASONS: Readonly<Record<NoticeReasonCode, Readonly<Record<Lang, string>>>> = {
  channel_not_configured: {
    en: 'the {channel} channel is not configured ({setting}): kept in the outbox; it goes out once {setting} is set',
    ru: 'канал {channel} не настроен ({setting}): уведомление сохранено в исходящих и будет отправлено, когда будет задан {setting}',
    kk: '{channel} арнасы бапталмаған ({setting}): хабарлама шығыс қалтасында сақталды, {setting} берілгенде жіберіледі',
  },
  sending: {
    en: 'being sent',
    ru: 'отправляется',
    kk: 'жіберілуде',
  },
  delivery_failed: {
    en: 'the last attempt failed; tried again at least once a minute: {detail}',
    ru: 'последняя попытка не удалась; повторяется не реже раза в минуту: {detail}',
    kk: 'соңғы әрекет сәтсіз болды; кемінде минутына бір рет қайталанады: {detail}',
  },
  refused: {
    en: 'refused for good: {detail}; deliver it by other means (the record has notice_failed)',
    ru: 'окончательно отклонено: {detail}; вручите иным способом (в реестре — notice_failed)',
    kk: 'біржола қабылданбады: {detail}; басқа жолмен табыс етіңіз (тізілімде — notice_failed)',
  },
};

function view(n: ListedNotice, lang: Lang): NoticeView {
  const reason = n.reason && {
    code: n.reason.code,
    message: fill(NOTICE_REASONS[n.reason.code][lang], { channel: n.channel, setting: SETTING[n.channel] ?? n.channel, detail: n.reason.detail ?? '' }),
    detail: n.reason.detail,
  };
  return { ...n, reason, basis: n.basis as NoticeView['basis'] };
}

export interface NoticesPage {
  items: NoticeView[];
  limit: number;
  next: string | null;
}

export class Notices {
  constructor(private readonly pool: pg.Pool) {}

  /** `GET /v1/notices`: filtered by procedure and state, in pages; a non-auditor sees their own body's only. */
  async list(principal: Principal | null, rawQuery: unknown, lang: Lang): Promise<NoticesPage> {
    const dirty = hygiene(rawQuery, lang); // a NUL must not reach PostgreSQL
    if (dirty.length) throw invalidInput(dirty);
    const q = NoticesQuery.safeParse(rawQuery ?? {}, { reportInput: false });
    if (!q.success) throw invalidInput(zodIssues(q.error.issues, lang));
    const f = q.data;
    if (f.procedure !== undefined) await this.checkProcedure(principal, f.procedure);
    const own = principal && principal.role !== 'auditor' && f.procedure === undefined ? (principal.body ?? '') : undefined;
    const limit = f.limit ?? 100;
    const r = await listNotices({ pool: this.pool }, {
      ...(f.procedure !== undefined ? { procedureId: f.procedure } : {}),
      ...(f.state ? { states: [f.state] } : {}),
      ...(own !== undefined ? { unit: own } : {}),
      ...(f.after ? { after: f.after } : {}),
      limit,
    });
    return { items: r.items.map((n) => view(n, lang)), limit, next: r.next ? cursorOf(r.next) : null };
  }

  /** `GET /v1/procedures/{id}/notices`. */
  async ofProcedure(principal: Principal | null, id: string, rawQuery: unknown, lang: Lang): Promise<NoticesPage> {
    const dirty = hygiene({ id }, lang);
    if (dirty.length) throw invalidInput(dirty);
    const idOk = ProcedureId.safeParse(id);
    if (!idOk.success) throw invalidInput(zodIssues(idOk.error.issues, lang, 'id'));
    const q = ProcedureNoticesQuery.safeParse(rawQuery ?? {}, { reportInput: false });
    if (!q.success) throw invalidInput(zodIssues(q.error.issues, lang));
    return this.list(principal, { ...(rawQuery as object), procedure: id }, lang);
  }

  /** The procedure is ours and the principal may read it: 404 / 403 otherwise (as GET /v1/procedures/{id}/record). */
  private async checkProcedure(principal: Principal | null, id: string): Promise<void> {
    const r = await this.pool.query<{ unit: string | null }>(`SELECT input->>'unit' AS unit FROM procedures WHERE procedure_id = $1`, [id]);
    const row = r.rows[0];
    if (!row) throw new ApiError(404, 'procedure_not_found', { params: { id } });
    if (!mayRead(principal, row.unit)) throw new ApiError(403, 'forbidden_body', { params: { body: principal?.body ?? '-', unit: row.unit ?? '-' } });
  }
}

/** The two routes; the server's hooks have set req.lang and req.principal. */
export function noticeRoutes(app: FastifyInstance, pool: pg.Pool): void {
  const notices = new Notices(pool);
  app.get('/v1/notices', async (req) => notices.list(req.principal, req.query, req.lang));
  app.get<{ Params: { id: string } }>('/v1/procedures/:id/notices', async (req) => notices.ofProcedure(req.principal, req.params.id, req.query, req.lang));
}
