// Registers through the interfaces (issue 19): import (CSV or JSON rows, all-or-nothing, every bad
// row named), list, show and export, for the HTTP API and the CLI (same checks, same errors).
// Administrators change the entries of their own body's unit and the units below it; everyone
// with a token reads them. Each import is recorded with its actor and file digest.
import type pg from 'pg';
import { z } from 'zod';
import type { Lang } from '../../statute/errors.js';
import { RegisterImportError, RegisterScopeError } from '../../activities/errors.js';
import {
  REGISTER_COLUMNS, REGISTER_NAMES, importRegisterCsv, importRegisterRows, registerCsv, registerRows, registerSummaries,
  type ImportResult, type RegisterName,
} from '../../activities/registers.js';
import type { ProcedureDefinition, RegisterRef } from '../../workflows/procedure.js';
import { ApiError, hygiene, invalidInput, type Issue } from './errors.js';
import { common4xx, errorResponse, idemParam, json, langParam, mutating4xx } from './schemas.js';
import type { Principal } from './tokens.js';

/** Roles that may import register files. */
export const REGISTER_WRITERS = ['administrator'] as const;

/** A JSON import body: the rows, each an object of the register's columns. */
export const RowsBody = z.strictObject({
  rows: z.array(z.record(z.string().max(64), z.union([z.string().max(2000), z.number(), z.null()]))).min(1).max(100_000),
});

const UnitParam = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/);

export function registerOf(name: string): RegisterName {
  if (!(REGISTER_NAMES as readonly string[]).includes(name)) {
    throw new ApiError(404, 'unknown_register', { field: 'register', params: { register: name.slice(0, 100), known: REGISTER_NAMES.join(', ') } });
  }
  return name as RegisterName;
}

/** A rejected file as a typed error: each bad row an issue naming its line and field. */
export function importErrorOf(e: RegisterImportError): ApiError {
  const issues: Issue[] = e.rows.map((r) => ({
    field: `line ${r.line}${r.field ? `: ${r.field}` : ''}`,
    rule: e instanceof RegisterScopeError ? 'register.scope' : 'register.row',
    message: `line ${r.line}${r.field ? ` [${r.field}]` : ''}: ${r.reason}`,
  }));
  if (e instanceof RegisterScopeError) {
    return new ApiError(403, 'register_out_of_scope', { field: issues[0]?.field, rule: 'register.scope', issues, params: { register: e.register, body: e.scope, badRows: e.rows.length } });
  }
  return new ApiError(422, 'register_file_rejected', { field: issues[0]?.field, rule: 'register.row', issues, params: { register: e.register, badRows: e.rows.length } });
}

export interface ImportView extends ImportResult {
  importedBy: { actorId: string; name: string; body: string | null };
}

/** Imports one register file as `principal`: CSV text, or `{ rows: [...] }`. */
export async function importRegister(pool: pg.Pool, principal: Principal, name: string, body: unknown, lang: Lang): Promise<ImportView> {
  const register = registerOf(name);
  if (!(REGISTER_WRITERS as readonly string[]).includes(principal.role)) {
    throw new ApiError(403, 'forbidden_role', { params: { role: principal.role, allowed: REGISTER_WRITERS.join(', ') } });
  }
  const dirty = hygiene(body, lang);
  if (dirty.length) throw invalidInput(dirty);
  const opts = {
    by: { tokenId: principal.tokenId, actorId: principal.actor.id, actorName: principal.actor.name ?? principal.actor.id, body: principal.body },
    ...(principal.body !== null ? { scope: principal.body } : {}),
  };
  let r: ImportResult;
  try {
    if (typeof body === 'string') r = await importRegisterCsv({ pool }, register, body, opts);
    else {
      const parsed = RowsBody.safeParse(body);
      if (!parsed.success) {
        const i = parsed.error.issues[0]!;
        const field = i.path.map(String).join('.') || '(root)';
        throw invalidInput([{ field, rule: i.code, message: `${field}: ${i.message} (a JSON import is {"rows": [{${REGISTER_COLUMNS[register].map((c) => `"${c}"`).join(', ')}}, …]}, or send text/csv)` }]);
      }
      r = await importRegisterRows({ pool }, register, parsed.data.rows, opts);
    }
  } catch (e) {
    if (e instanceof RegisterImportError) throw importErrorOf(e);
    throw e;
  }
  return { ...r, importedBy: { actorId: opts.by.actorId, name: opts.by.actorName, body: principal.body } };
}

export async function listRegisters(pool: pg.Pool) {
  return { registers: await registerSummaries({ pool }) };
}

/** One register's rows (of `unit` and below): JSON, or the CSV file an import takes back. */
export async function exportRegister(pool: pg.Pool, name: string, query: { unit?: unknown }): Promise<{ register: RegisterName; unit: string | null; rows: Record<string, string>[]; csv: string }> {
  const register = registerOf(name);
  let unit: string | undefined;
  if (query.unit !== undefined) {
    const u = UnitParam.safeParse(query.unit);
    if (!u.success) throw invalidInput([{ field: 'unit', rule: 'invalid_format', message: 'unit: a unit id of the admin_units register' }]);
    unit = u.data;
  }
  const rows = await registerRows({ pool }, register, unit !== undefined ? { unit } : {});
  return { register, unit: unit ?? null, rows, csv: registerCsv(register, rows) };
}

export async function showEntry(pool: pg.Pool, name: string, id: string): Promise<{ register: RegisterName; entry: Record<string, string> }> {
  const register = registerOf(name);
  const [entry] = await registerRows({ pool }, register, { id });
  if (!entry) throw new ApiError(404, 'register_entry_not_found', { field: 'id', params: { register, id: id.slice(0, 200) } });
  return { register, entry };
}

/**
 * The register entries a start input names must exist (a missing one is a 422 naming the
 * field and the entry), before anything starts.
 */
export async function checkRegistered(pool: pg.Pool, def: ProcedureDefinition, input: unknown): Promise<void> {
  const refs: RegisterRef[] = def.registered?.(input) ?? [];
  for (const ref of refs) {
    const column = BELONGS_TO[registerOf(ref.register)];
    const r = await pool.query<{ owner: string | null }>(`SELECT ${column ?? 'NULL'}::text AS owner FROM ${registerOf(ref.register)} WHERE id = $1`, [ref.id]);
    const row = r.rows[0];
    if (!row) {
      throw new ApiError(422, 'not_registered', { field: ref.field, rule: 'registers.entry_exists', params: { field: ref.field, register: ref.register, id: ref.id } });
    }
    if (ref.of && row.owner !== ref.of.id) {
      throw new ApiError(422, 'not_of_entry', { field: ref.field, rule: 'registers.entry_belongs', params: { field: ref.field, register: ref.register, id: ref.id, owner: row.owner ?? '—', ofField: ref.of.field, of: ref.of.id } });
    }
  }
}

/** The column naming the entry a register's entry belongs to (RegisterRef.of). */
const BELONGS_TO: Partial<Record<RegisterName, string>> = { admin_units: 'parent_id', maslikhats: 'unit_id', deputies: 'maslikhat_id', akim_posts: 'unit_id', akim_incumbents: 'post_id' };

// ---- the OpenAPI paths of the routes above ---------------------------------------------------

export function registerPaths(): Record<string, unknown> {
  const registerParam = { name: 'register', in: 'path', required: true, schema: { type: 'string', enum: [...REGISTER_NAMES] }, description: 'the register (docs/records.md)' };
  const row = { type: 'object', additionalProperties: { type: 'string' } };
  const example = 'id,kind,parent_id,name_kk,name_ru\nKZ-ABAI,region,,Абай облысы,Область Абай\n';
  return {
    '/v1/registers': {
      get: {
        operationId: 'listRegisters', summary: 'Every register: its number of entries and its last import (who, when, file sha256)', tags: ['registers'],
        parameters: [langParam],
        responses: { '200': json({ type: 'object', properties: { registers: { type: 'array', items: { type: 'object' } } } }, 'the registers'), ...common4xx },
      },
    },
    '/v1/registers/{register}': {
      post: {
        operationId: 'importRegister',
        summary: "Import a register file (administrators: entries of their body's unit and the units below it). All or nothing: any bad row is named with its line and field, and nothing is stored. An entry with an existing id is replaced. Recorded with the actor and the file's sha256.",
        tags: ['registers'],
        parameters: [registerParam, langParam, idemParam],
        requestBody: {
          required: true,
          content: {
            'text/csv': { schema: { type: 'string' }, example },
            'application/json': { schema: { type: 'object', required: ['rows'], properties: { rows: { type: 'array', minItems: 1, items: row } } }, example: { rows: [{ id: 'KZ-ABAI', kind: 'region', parent_id: '', name_kk: 'Абай облысы', name_ru: 'Область Абай' }] } },
          },
        },
        responses: {
          '200': json({ type: 'object', properties: { register: { type: 'string' }, rows: { type: 'integer' }, fileSha256: { type: 'string' }, importedBy: { type: 'object' } } }, 'imported'),
          ...mutating4xx,
          '403': errorResponse('role may not import, or rows outside the body (register_out_of_scope, each row named)'),
          '422': errorResponse('register_file_rejected: every bad row named with its line and field; nothing stored'),
        },
      },
      get: {
        operationId: 'exportRegister', summary: 'A register (of a unit and the units below it) as JSON rows or as the CSV file an import takes back', tags: ['registers'],
        parameters: [registerParam, { name: 'unit', in: 'query', schema: { type: 'string' } }, { name: 'format', in: 'query', schema: { type: 'string', enum: ['json', 'csv'], default: 'json' } }, langParam],
        responses: { '200': { description: 'the rows', content: { 'application/json': { schema: { type: 'object' } }, 'text/csv': { schema: { type: 'string' } } } }, ...common4xx },
      },
    },
    '/v1/registers/{register}/{id}': {
      get: {
        operationId: 'getRegisterEntry', summary: 'One register entry', tags: ['registers'],
        parameters: [registerParam, { name: 'id', in: 'path', required: true, schema: { type: 'string' } }, langParam],
        responses: { '200': json({ type: 'object', properties: { register: { type: 'string' }, entry: row } }, 'the entry'), ...common4xx },
      },
    },
  };
}
