// The records activities: plain async functions over a context, built once per worker.
//   const acts = createActivities({ pool, mail: { host, port, from }, webhook: { secret } });
//   Worker.create({ activities: { ...acts }, ... })
// Every activity takes one input object and returns JSON-serialisable data.
import type pg from 'pg';
import { createSmtpChannel, type SmtpConfig } from './channels/smtp.js';
import { createWebhookChannel, type WebhookConfig } from './channels/webhook.js';
import type { Channel } from './channels/types.js';
import type { OutboxConfig } from './outbox.js';
import * as ledger from './ledger.js';
import * as notifications from './notifications.js';
import * as registers from './registers.js';
import * as steps from './steps.js';
import type { LedgerRow, LedgerVerification } from './ledger-hash.js';

export type { RecordStepInput, RecordStepResult } from './steps.js';
export type { AppendActInput, AppendActResult, ActType, VerifyLedgerInput } from './ledger.js';
export type { Actor, LedgerRow, LedgerVerification, LedgerBreak, LedgerProblem } from './ledger-hash.js';
export type { SendNoticeInput, SendNoticeResult, OverdueNotice, NoticeRecord, NotificationFaults } from './notifications.js';
export type { Roster, RosterDeputy, ElectorsRoster, AkimAsOf, RegisterName, ImportResult, EndMandatesInput, EndMandatesResult } from './registers.js';
export type { Addressee } from './channels/types.js';
export { importRegisterCsv } from './registers.js';
export { IdempotencyConflictError, NoticeDeliveryError, NoticeQueuedError, NoticeRefusedError, RecordsInputError, RegisterImportError } from './errors.js';

export interface RecordsConfig {
  pool: pg.Pool;
  /** Role assumed in each transaction (SET LOCAL ROLE), e.g. 'tartip_worker'. */
  role?: string;
  mail?: SmtpConfig;
  webhook?: WebhookConfig;
  /** Where notices are kept as files while their channel is not configured (activities/outbox.ts). */
  outbox?: OutboxConfig;
  /** Domain of SMTP Message-IDs; default: the domain of mail.from (else outbox.from), else 'tartip.local'. */
  messageIdDomain?: string;
  /** Test seams for crash simulation. */
  faults?: notifications.NotificationFaults;
}

const closers = new WeakMap<object, () => Promise<void>>();

export function createActivities(cfg: RecordsConfig) {
  const db = { pool: cfg.pool, role: cfg.role };
  const channels: Partial<Record<notifications.NoticeChannel, Channel>> = {};
  if (cfg.mail) channels.email = createSmtpChannel(cfg.mail);
  if (cfg.webhook) channels.webhook = createWebhookChannel(cfg.webhook);
  // the same domain with and without SMTP: a notice kept while it was missing keeps its Message-ID
  const messageIdDomain = cfg.messageIdDomain ?? (cfg.mail?.from ?? cfg.outbox?.from)?.split('@')[1]?.replace(/[>\s]/g, '') ?? 'tartip.local';
  const nctx: notifications.NotificationContext = { ...db, channels, messageIdDomain, ...(cfg.outbox ? { outbox: cfg.outbox } : {}), faults: cfg.faults };

  const activities = {
    // ---- record of legal acts
    appendAct: (input: ledger.AppendActInput): Promise<ledger.AppendActResult> => ledger.appendAct(db, input),
    /** A step's records and the notices it owes, in one transaction (activities/steps.ts). */
    recordStep: (input: steps.RecordStepInput): Promise<steps.RecordStepResult> => steps.recordStep({ ...db, messageIdDomain }, input),
    /** A stored procedure's chain ({ procedureId }) or an offline bundle ({ rows }). */
    verifyLedger: (
      input: ledger.VerifyLedgerInput | { rows: LedgerRow[]; procedureId?: string; expectedHead?: { seq: number; hash: string } },
    ): Promise<LedgerVerification> => ledger.verifyLedger(db, input),
    ledgerHead: (input: { procedureId: string }): Promise<{ seq: number; hash: string } | null> =>
      ledger.ledgerHead(db, input.procedureId),
    readLedger: (input: { procedureId: string; fromSeq?: number; limit?: number }): Promise<LedgerRow[]> =>
      ledger.readLedger(db, input.procedureId, input),
    // ---- registers
    rosterAsOf: (input: { maslikhatId: string; date: string }): Promise<registers.Roster> => registers.rosterAsOf(db, input),
    electorsAsOf: (input: { areaId: string; date: string }): Promise<registers.ElectorsRoster> =>
      registers.electorsAsOf(db, input),
    akimAsOf: (input: { unitId: string; date: string }): Promise<registers.AkimAsOf> => registers.akimAsOf(db, input),
    /** Art. 20(3)-(4), 23: closes mandates in the deputies register (idempotent per procedure) */
    endMandates: (input: registers.EndMandatesInput): Promise<registers.EndMandatesResult> => registers.endMandates(db, input),
    // ---- notices
    sendNotice: (input: notifications.SendNoticeInput): Promise<notifications.SendNoticeResult> =>
      notifications.sendNotice(nctx, input),
    overdueNotices: (input: { now: string }): Promise<notifications.OverdueNotice[]> => notifications.overdueNotices(db, input),
    getNotice: (input: { key: string }): Promise<notifications.NoticeRecord | null> => notifications.getNotice(db, input),
  };
  closers.set(activities, async () => {
    await Promise.all(Object.values(channels).map((c) => c?.close()));
  });
  return activities;
}

export type RecordsActivities = ReturnType<typeof createActivities>;

/** Close the channels (SMTP connection pool) of an object made by createActivities. */
export async function closeActivities(activities: RecordsActivities): Promise<void> {
  await closers.get(activities)?.();
}
