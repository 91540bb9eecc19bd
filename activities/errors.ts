// Typed failures of the records activities.
// Those that a retry cannot cure are non-retryable Temporal ApplicationFailures, so a worker
// does not spin on a bug; delivery failures are retryable so Temporal backs off and retries.
import { ApplicationFailure, ApplicationFailureCategory } from '@temporalio/common';
import { StatuteError } from '../statute/errors.js';

/** The same idempotency key arrived with different content: a bug in the caller, not a retry. */
export class IdempotencyConflictError extends ApplicationFailure {
  constructor(
    readonly scope: 'ledger' | 'notice',
    readonly key: string,
    readonly procedureId: string | null,
    readonly differences: string[],
  ) {
    super(
      `${scope}: key ${JSON.stringify(key)} already used with different content (${differences.join(', ')})`,
      'IdempotencyConflict',
      true,
      [{ scope, key, procedureId, differences }],
    );
  }
}

/** Input to an activity is malformed (schema check failed). Non-retryable. */
export class RecordsInputError extends ApplicationFailure {
  constructor(
    readonly activity: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(
      `${activity}: invalid input: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`,
      'RecordsInputError',
      true,
      [{ activity, issues }],
    );
  }
}

/** A notice could not be delivered this time. Retryable: Temporal retries with backoff. */
export class NoticeDeliveryError extends ApplicationFailure {
  constructor(
    readonly noticeKey: string,
    readonly channel: string,
    readonly attempt: number,
    detail: string,
  ) {
    super(`notice ${noticeKey} via ${channel}, attempt ${attempt}: ${detail}`, 'NoticeDeliveryError', false, [
      { noticeKey, channel, attempt, detail },
    ]);
  }
}

/**
 * The notice's channel is not configured on this worker: the notice is kept (state queued, its
 * message in the outbox folder). Retryable: a worker with the channel set sends it on a later attempt.
 */
export class NoticeQueuedError extends ApplicationFailure {
  constructor(
    readonly noticeKey: string,
    readonly channel: string,
    readonly outboxFile: string | null,
  ) {
    // benign: an expected wait, not logged as a failure on every attempt (npm start said so once)
    super(`notice ${noticeKey}: channel ${channel} not configured; kept${outboxFile ? ` in ${outboxFile}` : ''} until it is`, 'NoticeQueued', false, [
      { noticeKey, channel, outboxFile },
    ], undefined, undefined, ApplicationFailureCategory.BENIGN);
  }
}

/** The addressee's side refused the notice for good (e.g. SMTP 550 for the address). Non-retryable: the procedure records notice_failed. */
export class NoticeRefusedError extends ApplicationFailure {
  constructor(
    readonly noticeKey: string,
    readonly channel: string,
    readonly attempt: number,
    detail: string,
  ) {
    super(`notice ${noticeKey} via ${channel}, attempt ${attempt}: refused: ${detail}`, 'NoticeRefused', true, [
      { noticeKey, channel, attempt, detail },
    ]);
  }
}

export interface BadRow {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  /** Column at fault, when one is. */
  field?: string;
  reason: string;
}

/** A register file was rejected whole; nothing from it was stored. */
export class RegisterImportError extends StatuteError {
  readonly rows: BadRow[];
  constructor(readonly register: string, rows: BadRow[]) {
    super(
      { code: 'register_file_rejected', field: register, params: { badRows: rows.length } },
      `register ${register}: file rejected, nothing stored; ${rows.length} bad row(s): ` +
        rows.map((r) => `line ${r.line}${r.field ? ` [${r.field}]` : ''}: ${r.reason}`).join('; '),
    );
    this.name = 'RegisterImportError';
    this.rows = rows;
  }
}

export function zodIssues(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }) {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/** A register file with entries of units outside the importer's body: nothing stored. */
export class RegisterScopeError extends RegisterImportError {
  constructor(register: string, readonly scope: string, rows: BadRow[]) {
    super(register, rows);
    this.name = 'RegisterScopeError';
    this.message = `register ${register}: ${rows.length} row(s) outside ${scope}, nothing stored; ` + rows.map((r) => `line ${r.line}: ${r.reason}`).join('; ');
  }
}
