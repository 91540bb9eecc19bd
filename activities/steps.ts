// One step of a procedure (an act, a timer's consequence, a delivery's follow-up) written whole:
// its records and the notices it owes in one transaction (a transactional outbox). Delivery runs
// apart (notifications.ts sendNotice finds the notice recorded here), so an outage of a channel
// delays notices, never acts or the record; and no act is recorded without its notices, or the
// other way round.
import type pg from 'pg';
import { inTransaction, type DbContext } from './db.js';
import { RecordsInputError } from './errors.js';
import { appendActIn, unknownProcedure, type AppendActInput, type AppendActResult } from './ledger.js';
import { recordNoticeIn, validate as validateNotice, type NotificationContext, type SendNoticeInput } from './notifications.js';

export interface RecordStepInput {
  procedureId: string;
  /** in order; each with its own idempotency key */
  acts: AppendActInput[];
  /** the notices the step owes; each recorded as pending, delivered later by sendNotice */
  notices: SendNoticeInput[];
}

export interface RecordStepResult {
  /** each act as recorded, a full ledger row (as appendAct returns): a history alone shows the record */
  acts: AppendActResult[];
  notices: string[];
  /** notices left out as they stand, with the reason (their delivery records notice_failed) */
  refused: { key: string; reason: string }[];
}

export async function recordStep(ctx: DbContext & Pick<NotificationContext, 'messageIdDomain'>, input: RecordStepInput): Promise<RecordStepResult> {
  if (!input || !Array.isArray(input.acts) || !Array.isArray(input.notices)) {
    throw new RecordsInputError('recordStep', [{ path: '(root)', message: 'acts and notices must be lists' }]);
  }
  for (const [i, a] of input.acts.entries()) {
    if (a.procedureId !== input.procedureId) throw new RecordsInputError('recordStep', [{ path: `acts.${i}.procedureId`, message: 'another procedure' }]);
  }
  // a notice that cannot be sent as it stands (an address that is not one, a template's missing
  // text) does not hold up its act: it is left out here, and its delivery fails for good and is
  // recorded as notice_failed, for delivery by other means
  const refused: { key: string; reason: string }[] = [];
  const notices: SendNoticeInput[] = [];
  for (const [i, n] of input.notices.entries()) {
    if ((n.procedureId ?? null) !== input.procedureId) throw new RecordsInputError('recordStep', [{ path: `notices.${i}.procedureId`, message: 'another procedure' }]);
    try {
      validateNotice(n);
      notices.push(n);
    } catch (e) {
      if (!(e instanceof RecordsInputError)) throw e;
      refused.push({ key: n.key, reason: e.message });
    }
  }
  try {
    return await inTransaction(ctx, async (c: pg.PoolClient) => {
      const acts: AppendActResult[] = [];
      for (const a of input.acts) acts.push(await appendActIn(c, a));
      for (const n of notices) await recordNoticeIn(c, ctx, n);
      return { acts, notices: notices.map((n) => n.key), refused };
    });
  } catch (e) {
    throw unknownProcedure(e, 'recordStep', input.procedureId);
  }
}
