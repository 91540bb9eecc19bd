// A Senate recall's completed signature sheets through the interfaces (Art. 24-1(4); issue 19):
// a CSV file of sheet lines (activities/senate-recall.ts SIGNATURE_COLUMNS), stored all or nothing
// for the procedure's current run, then named by its sha256 in the submitSheets act.
import type pg from 'pg';
import type { Lang } from '../../statute/errors.js';
import { RegisterImportError } from '../../activities/errors.js';
import { SIGNATURE_COLUMNS, importSignatureSheetsCsv, type ImportSignaturesResult } from '../../activities/senate-recall.js';
import type { Role } from '../../workflows/procedure.js';
import { ApiError, hygiene, invalidInput } from './errors.js';
import type { Procedures } from './procedures.js';
import { importErrorOf } from './registers.js';
import { errorResponse, idemParam, json, langParam, mutating4xx } from './schemas.js';
import type { Principal } from './tokens.js';

/** The act that submits the sheets: who may load them is who may submit them. */
const SUBMIT_ACT = 'submitSheets';

export interface SignaturesView extends ImportSignaturesResult {
  procedureId: string;
  runKey: string;
  /** the input of the act that submits them */
  submit: { act: typeof SUBMIT_ACT; input: { files: string[] } };
}

export async function importSignatures(procedures: Procedures, pool: pg.Pool, principal: Principal, id: string, body: unknown, lang: Lang): Promise<SignaturesView> {
  const view = await procedures.read(principal, id, lang);
  const def = procedures.definition(view.kind);
  const act = def.acts[SUBMIT_ACT];
  if (!act) throw new ApiError(422, 'no_signature_sheets', { field: 'id', params: { id, kind: view.kind } });
  if (!(act.roles as readonly Role[]).includes(principal.role)) throw new ApiError(403, 'forbidden_role', { params: { role: principal.role, allowed: act.roles.join(', ') } });
  if (principal.body !== view.unit) throw new ApiError(403, 'forbidden_body', { params: { body: principal.body ?? '-', unit: view.unit ?? '-' } });
  if (view.status !== 'RUNNING') throw new ApiError(409, 'procedure_closed', { params: { id, status: view.status } });
  if (typeof body !== 'string') throw new ApiError(415, 'csv_required', { field: '(body)', params: { columns: SIGNATURE_COLUMNS.join(',') } });
  const dirty = hygiene(body, lang);
  if (dirty.length) throw invalidInput(dirty);
  const runKey = (view.state?.facts as { runKey?: unknown } | undefined)?.runKey;
  if (typeof runKey !== 'string') throw new ApiError(503, 'unavailable');
  try {
    const r = await importSignatureSheetsCsv({ pool }, { procedureId: id, runKey, csv: body });
    return { ...r, procedureId: id, runKey, submit: { act: SUBMIT_ACT, input: { files: [r.fileSha256] } } };
  } catch (e) {
    if (e instanceof RegisterImportError) throw importErrorOf(e);
    throw e;
  }
}

export function signaturePaths(): Record<string, unknown> {
  return {
    '/v1/procedures/{id}/signatures': {
      post: {
        operationId: 'importSignatures',
        summary: "Store a Senate recall's completed signature sheets (Art. 24-1(4)) for its current run, all or nothing (each bad line named); the answer's submit.input is the submitSheets act's input. Who may submit the sheets may load them.",
        tags: ['procedures'],
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string', minLength: 1, maxLength: 400 } },
          langParam, idemParam,
        ],
        requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' }, example: `${SIGNATURE_COLUMNS.join(',')}\nSR-20250303-1bb79c9c-0001,1,Сайлаушы Облыстық 1,KZ-TEST-R-M,1970-05-01,"Қала, көше 0"\n` } } },
        responses: {
          '200': json({ type: 'object', properties: { batchId: { type: 'string' }, rows: { type: 'integer' }, fileSha256: { type: 'string' }, replayed: { type: 'boolean' }, submit: { type: 'object' } } }, 'stored (replayed: this file was stored before)'),
          ...mutating4xx,
          '422': errorResponse('register_file_rejected (every bad line named; nothing stored) or no_signature_sheets (not a Senate recall)'),
        },
      },
    },
  };
}
