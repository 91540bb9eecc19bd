// Registers: administrative units, maslikhats and their deputies, akim posts and incumbents.
// Imported from CSV (all rows checked; a bad file stores nothing) and read as of a date.
import { parse } from 'csv-parse/sync';
import type pg from 'pg';
import { z } from 'zod';
import { inTransaction, type DbContext } from './db.js';
import { RecordsInputError, RegisterImportError, RegisterScopeError, type BadRow } from './errors.js';
import { canonicalJson, sha256Hex } from './ledger-hash.js';
import type { IsoDate } from '../statute/types.js';

export const UNIT_KINDS = [
  'region',
  'city_republican',
  'capital',
  'district',
  'city_regional',
  'rural_district',
  'village',
  'settlement',
  'city_district',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Which kinds of unit may stand directly above a unit of each kind. */
export const ALLOWED_PARENTS: Record<UnitKind, readonly UnitKind[]> = {
  region: [],
  city_republican: [],
  capital: [],
  // a district of a region, or a district within a city
  district: ['region', 'city_republican', 'capital', 'city_regional'],
  city_regional: ['region'],
  rural_district: ['district', 'city_regional'],
  village: ['district', 'city_regional', 'rural_district', 'city_district'],
  settlement: ['district', 'city_regional', 'rural_district', 'city_district'],
  city_district: ['district'],
};

/** Units that have a maslikhat of their own. */
export const MASLIKHAT_KINDS: readonly UnitKind[] = ['region', 'city_republican', 'capital', 'district', 'city_regional'];
/** Units whose maslikhats' deputies are electors (Art. 24-1): regions, cities of republican significance, the capital. */
export const ELECTOR_AREA_KINDS: readonly UnitKind[] = ['region', 'city_republican', 'capital'];

// ---- row schemas -------------------------------------------------------------------------

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/, 'identifier: letters, digits, _ . : - (max 128)');
const text = z.string().min(1, 'required');
const optText = z
  .string()
  .optional()
  .transform((s) => (s === undefined || s === '' ? null : s));
/** A real calendar date as YYYY-MM-DD (2025-02-30 refused). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a calendar date');
const optDate = z
  .union([z.literal(''), isoDate])
  .optional()
  .transform((s) => (s === undefined || s === '' ? null : s));
const term = <T extends z.ZodRawShape>(shape: T) =>
  z
    .object({ ...shape, term_start: isoDate, term_end: optDate })
    .strict()
    .refine((r) => {
      const t = r as unknown as { term_start: string; term_end: string | null };
      return t.term_end === null || t.term_end > t.term_start;
    }, {
      message: 'term_end must be after term_start',
      path: ['term_end'],
    });

export const REGISTER_SCHEMAS = {
  admin_units: z
    .object({
      id,
      kind: z.enum(UNIT_KINDS),
      parent_id: z.union([z.literal(''), id]).optional().transform((s) => (s ? s : null)),
      name_kk: text,
      name_ru: text,
    })
    .strict(),
  maslikhats: z
    .object({
      id,
      unit_id: id,
      name_kk: text,
      name_ru: text,
      seats: z.string().regex(/^[1-9]\d{0,3}$/, 'seats: a positive whole number').transform(Number),
      seats_basis: optText,
    })
    .strict(),
  deputies: term({ id, maslikhat_id: id, person_id: id, full_name: text, end_reason: optText }),
  akim_posts: z.object({ id, unit_id: id, title_kk: text, title_ru: text }).strict(),
  akim_incumbents: term({ id, post_id: id, person_id: id, full_name: text, basis: optText }),
} as const;

export type RegisterName = keyof typeof REGISTER_SCHEMAS;
export const REGISTER_NAMES = Object.keys(REGISTER_SCHEMAS) as RegisterName[];

const COLUMNS: Record<RegisterName, readonly string[]> = {
  admin_units: ['id', 'kind', 'parent_id', 'name_kk', 'name_ru'],
  maslikhats: ['id', 'unit_id', 'name_kk', 'name_ru', 'seats', 'seats_basis'],
  deputies: ['id', 'maslikhat_id', 'person_id', 'full_name', 'term_start', 'term_end', 'end_reason'],
  akim_posts: ['id', 'unit_id', 'title_kk', 'title_ru'],
  akim_incumbents: ['id', 'post_id', 'person_id', 'full_name', 'term_start', 'term_end', 'basis'],
};
const REQUIRED: Record<RegisterName, readonly string[]> = {
  admin_units: ['id', 'kind', 'name_kk', 'name_ru'],
  maslikhats: ['id', 'unit_id', 'name_kk', 'name_ru', 'seats'],
  deputies: ['id', 'maslikhat_id', 'person_id', 'full_name', 'term_start'],
  akim_posts: ['id', 'unit_id', 'title_kk', 'title_ru'],
  akim_incumbents: ['id', 'post_id', 'person_id', 'full_name', 'term_start'],
};

type Parsed = { line: number; row: Record<string, unknown> };

export interface ImportResult {
  register: RegisterName;
  /** rows inserted or replaced */
  rows: number;
  /** sha256 of the file as given */
  fileSha256: string;
}

/**
 * Import one register from CSV (UTF-8, header line with the register's column names, comma
 * separated, RFC 4180 quoting). Every row is checked (shape, then references and hierarchy
 * against the database and the file); if any row is bad, nothing is stored and a
 * RegisterImportError lists every bad row with its line number. Rows with an existing id
 * replace it. One transaction. Run as the owner (the worker role only reads registers).
 */
export async function importRegisterCsv(db: DbContext, register: RegisterName, csv: string | Buffer, opts: ImportOptions = {}): Promise<ImportResult> {
  if (!REGISTER_NAMES.includes(register)) {
    throw new RecordsInputError('importRegisterCsv', [{ path: 'register', message: `unknown register ${register}` }]);
  }
  const source = typeof csv === 'string' ? csv : csv.toString('utf8');
  const fileSha256 = sha256Hex(source);
  const bad: BadRow[] = [];

  let records: { info: { lines: number }; record: Record<string, string> }[];
  let header: string[] = [];
  try {
    records = parse(source, {
      bom: true,
      columns: (h: string[]) => {
        header = h.map((c) => c.trim());
        return header;
      },
      info: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false,
    }) as unknown as { info: { lines: number }; record: Record<string, string> }[];
  } catch (e) {
    const err = e as Error & { lines?: number };
    throw new RegisterImportError(register, [{ line: err.lines ?? 0, reason: `unreadable CSV: ${err.message}` }]);
  }
  const known = COLUMNS[register];
  const unknown = header.filter((c) => !known.includes(c));
  const missing = REQUIRED[register].filter((c) => !header.includes(c));
  if (unknown.length || missing.length || header.length === 0) {
    throw new RegisterImportError(register, [
      {
        line: 1,
        reason:
          header.length === 0
            ? 'empty file'
            : [missing.length ? `missing columns ${missing.join(', ')}` : '', unknown.length ? `unknown columns ${unknown.join(', ')}` : '']
                .filter(Boolean)
                .join('; '),
      },
    ]);
  }
  if (records.length === 0) throw new RegisterImportError(register, [{ line: 1, reason: 'no rows' }]);
  return importRegisterRecords(db, register, records.map(({ info, record }) => ({ line: info.lines, record })), fileSha256, opts);
}

/** Who imports (recorded in register_imports) and which units' entries they may change. */
export interface ImportOptions {
  by?: { tokenId: string | null; actorId: string; actorName: string; body: string | null };
  /** only entries of this unit or of units below it (an administrator's body) */
  scope?: string;
}

/**
 * Import one register from JSON rows (each an object of the register's columns; numbers are
 * taken as written). Same checks and all-or-nothing as the CSV import; a row's "line" is its
 * position, from 1. The digest is of the rows' canonical JSON.
 */
export async function importRegisterRows(db: DbContext, register: RegisterName, rows: readonly Record<string, unknown>[], opts: ImportOptions = {}): Promise<ImportResult> {
  if (!REGISTER_NAMES.includes(register)) {
    throw new RecordsInputError('importRegisterRows', [{ path: 'register', message: `unknown register ${register}` }]);
  }
  if (rows.length === 0) throw new RegisterImportError(register, [{ line: 1, reason: 'no rows' }]);
  const asText = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : v);
  const records = rows.map((r, i) => ({ line: i + 1, record: Object.fromEntries(Object.entries(r).map(([k, v]) => [k, asText(v)])) as Record<string, string> }));
  return importRegisterRecords(db, register, records, sha256Hex(canonicalJson(rows)), opts);
}

async function importRegisterRecords(
  db: DbContext,
  register: RegisterName,
  records: readonly { line: number; record: Record<string, string> }[],
  fileSha256: string,
  opts: ImportOptions,
): Promise<ImportResult> {
  const bad: BadRow[] = [];
  const schema = REGISTER_SCHEMAS[register] as z.ZodType<Record<string, unknown>>;
  const parsed: Parsed[] = [];
  const seenIds = new Map<string, number>();
  for (const { line, record } of records) {
    const r = schema.safeParse(record);
    if (!r.success) {
      for (const issue of r.error.issues) {
        bad.push({ line, field: issue.path.map(String).join('.') || undefined, reason: issue.message });
      }
      continue;
    }
    const rid = r.data.id as string;
    const first = seenIds.get(rid);
    if (first !== undefined) {
      bad.push({ line, field: 'id', reason: `duplicate id ${rid} (also on line ${first})` });
      continue;
    }
    seenIds.set(rid, line);
    parsed.push({ line, row: r.data });
  }

  return inTransaction(db, async (client) => {
    // Serialise imports so checks against the database stay true until commit.
    await client.query(`SELECT pg_advisory_xact_lock(7264, 0)`);
    bad.push(...(await checkReferences(client, register, parsed)));
    if (bad.length > 0) {
      bad.sort((a, b) => a.line - b.line);
      throw new RegisterImportError(register, bad);
    }
    if (opts.scope !== undefined) {
      const outside = await outOfScope(client, register, parsed, opts.scope);
      if (outside.length) throw new RegisterScopeError(register, opts.scope, outside);
    }
    const ordered = register === 'admin_units' ? topoOrder(parsed) : parsed;
    const cols = COLUMNS[register];
    const updates = cols.filter((c) => c !== 'id').map((c) => `${c} = EXCLUDED.${c}`);
    const sql = `INSERT INTO ${register} (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})
                 ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')}`;
    const dbErrors: BadRow[] = [];
    for (const p of ordered) {
      await client.query('SAVEPOINT r');
      try {
        await client.query(sql, cols.map((c) => (p.row[c] === undefined ? null : p.row[c])));
        await client.query('RELEASE SAVEPOINT r');
      } catch (e) {
        await client.query('ROLLBACK TO SAVEPOINT r');
        const pe = e as { message: string; constraint?: string; column?: string };
        dbErrors.push({ line: p.line, field: pe.column, reason: pe.constraint ? `${pe.constraint}: ${pe.message}` : pe.message });
      }
    }
    if (dbErrors.length > 0) throw new RegisterImportError(register, dbErrors.sort((a, b) => a.line - b.line));
    if (opts.by) {
      await client.query(
        `INSERT INTO register_imports (register, file_sha256, row_count, token_id, actor_id, actor_name, body_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [register, fileSha256, ordered.length, opts.by.tokenId, opts.by.actorId, opts.by.actorName, opts.by.body],
      );
    }
    return { register, rows: ordered.length, fileSha256 };
  });
}

/** The unit whose entry a row is: the unit itself, the maslikhat's or akim post's unit. */
async function owningUnits(client: pg.PoolClient, register: RegisterName, rows: Parsed[]): Promise<(string | null)[]> {
  switch (register) {
    case 'admin_units':
      return rows.map((p) => p.row.id as string);
    case 'maslikhats':
    case 'akim_posts':
      return rows.map((p) => p.row.unit_id as string);
    case 'deputies':
    case 'akim_incumbents': {
      const [col, table] = register === 'deputies' ? ['maslikhat_id', 'maslikhats'] : ['post_id', 'akim_posts'];
      const ids = [...new Set(rows.map((p) => p.row[col] as string))];
      const r = await client.query<{ id: string; unit_id: string }>(`SELECT id, unit_id FROM ${table} WHERE id = ANY($1)`, [ids]);
      const unit = new Map(r.rows.map((x) => [x.id, x.unit_id]));
      return rows.map((p) => unit.get(p.row[col] as string) ?? null);
    }
  }
}

/** Rows whose unit is neither `scope` nor below it (the hierarchy as it will be after the import). */
async function outOfScope(client: pg.PoolClient, register: RegisterName, rows: Parsed[], scope: string): Promise<BadRow[]> {
  const units = await owningUnits(client, register, rows);
  const r = await client.query<{ id: string; parent_id: string | null }>(`SELECT id, parent_id FROM admin_units`);
  const parent = new Map(r.rows.map((x) => [x.id, x.parent_id]));
  if (register === 'admin_units') for (const p of rows) parent.set(p.row.id as string, p.row.parent_id as string | null);
  const within = (u: string): boolean => {
    let cur: string | null | undefined = u;
    for (let i = 0; cur && i < 64; i++, cur = parent.get(cur)) if (cur === scope) return true;
    return false;
  };
  const bad: BadRow[] = [];
  rows.forEach((p, i) => {
    const u = units[i];
    if (u && !within(u)) bad.push({ line: p.line, field: register === 'admin_units' ? 'id' : register === 'deputies' ? 'maslikhat_id' : register === 'akim_incumbents' ? 'post_id' : 'unit_id', reason: `unit ${u} is neither ${scope} nor under it` });
  });
  return bad;
}

function topoOrder(rows: Parsed[]): Parsed[] {
  const byId = new Map(rows.map((p) => [p.row.id as string, p]));
  const out: Parsed[] = [];
  const done = new Set<string>();
  const visit = (p: Parsed, depth: number) => {
    const rid = p.row.id as string;
    if (done.has(rid) || depth > 10) return;
    const parent = p.row.parent_id as string | null;
    const pp = parent ? byId.get(parent) : undefined;
    if (pp) visit(pp, depth + 1);
    done.add(rid);
    out.push(p);
  };
  for (const p of rows) visit(p, 0);
  return out;
}

async function existingKinds(client: pg.PoolClient, ids: string[]): Promise<Map<string, UnitKind>> {
  if (ids.length === 0) return new Map();
  const r = await client.query<{ id: string; kind: UnitKind }>(`SELECT id, kind FROM admin_units WHERE id = ANY($1)`, [ids]);
  return new Map(r.rows.map((x) => [x.id, x.kind]));
}

async function existingIds(client: pg.PoolClient, table: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const r = await client.query<{ id: string }>(`SELECT id FROM ${table} WHERE id = ANY($1)`, [ids]);
  return new Set(r.rows.map((x) => x.id));
}

/** Checks that need the database: references exist, hierarchy is allowed, one maslikhat/akim per unit. */
async function checkReferences(client: pg.PoolClient, register: RegisterName, rows: Parsed[]): Promise<BadRow[]> {
  const bad: BadRow[] = [];
  switch (register) {
    case 'admin_units': {
      const fileKinds = new Map(rows.map((p) => [p.row.id as string, p.row.kind as UnitKind]));
      const parents = [...new Set(rows.map((p) => p.row.parent_id as string | null).filter((x): x is string => !!x))];
      const dbKinds = await existingKinds(client, parents);
      for (const p of rows) {
        const kind = p.row.kind as UnitKind;
        const parent = p.row.parent_id as string | null;
        const allowed = ALLOWED_PARENTS[kind];
        if (allowed.length === 0) {
          if (parent) bad.push({ line: p.line, field: 'parent_id', reason: `a ${kind} has no parent unit` });
          continue;
        }
        if (!parent) {
          bad.push({ line: p.line, field: 'parent_id', reason: `a ${kind} needs a parent (${allowed.join(' or ')})` });
          continue;
        }
        const pk = fileKinds.get(parent) ?? dbKinds.get(parent);
        if (!pk) bad.push({ line: p.line, field: 'parent_id', reason: `unknown parent unit ${parent}` });
        else if (!allowed.includes(pk)) {
          bad.push({ line: p.line, field: 'parent_id', reason: `a ${kind} cannot stand under a ${pk} (${parent})` });
        }
      }
      // cycles (only possible among units of this file)
      for (const p of rows) {
        let cur: string | null = p.row.parent_id as string | null;
        const seen = new Set([p.row.id as string]);
        while (cur && fileKinds.has(cur)) {
          if (seen.has(cur)) {
            bad.push({ line: p.line, field: 'parent_id', reason: 'cycle in the unit hierarchy' });
            break;
          }
          seen.add(cur);
          cur = (rows.find((q) => q.row.id === cur)?.row.parent_id as string | null) ?? null;
        }
      }
      break;
    }
    case 'maslikhats':
    case 'akim_posts': {
      const unitIds = [...new Set(rows.map((p) => p.row.unit_id as string))];
      const kinds = await existingKinds(client, unitIds);
      const table = register;
      const taken = await client.query<{ id: string; unit_id: string }>(`SELECT id, unit_id FROM ${table} WHERE unit_id = ANY($1)`, [unitIds]);
      const holder = new Map(taken.rows.map((x) => [x.unit_id, x.id]));
      const inFile = new Map<string, number>();
      for (const p of rows) {
        const unit = p.row.unit_id as string;
        const kind = kinds.get(unit);
        if (!kind) bad.push({ line: p.line, field: 'unit_id', reason: `unknown unit ${unit}` });
        else if (register === 'maslikhats' && !MASLIKHAT_KINDS.includes(kind)) {
          bad.push({ line: p.line, field: 'unit_id', reason: `a ${kind} has no maslikhat` });
        }
        const h = holder.get(unit);
        if (h && h !== p.row.id) bad.push({ line: p.line, field: 'unit_id', reason: `unit ${unit} already has ${h}` });
        const other = inFile.get(unit);
        if (other !== undefined) bad.push({ line: p.line, field: 'unit_id', reason: `unit ${unit} also on line ${other}` });
        inFile.set(unit, p.line);
      }
      break;
    }
    case 'deputies':
    case 'akim_incumbents': {
      const refCol = register === 'deputies' ? 'maslikhat_id' : 'post_id';
      const refTable = register === 'deputies' ? 'maslikhats' : 'akim_posts';
      const refs = [...new Set(rows.map((p) => p.row[refCol] as string))];
      const have = await existingIds(client, refTable, refs);
      for (const p of rows) {
        const ref = p.row[refCol] as string;
        if (!have.has(ref)) bad.push({ line: p.line, field: refCol, reason: `unknown ${refTable.replace(/s$/, '')} ${ref}` });
      }
      // one person cannot hold two overlapping terms of the same body/post (file + database)
      const overlapping = await overlaps(client, register, refCol, rows);
      bad.push(...overlapping);
      break;
    }
  }
  return bad;
}

async function overlaps(client: pg.PoolClient, table: 'deputies' | 'akim_incumbents', refCol: string, rows: Parsed[]): Promise<BadRow[]> {
  type T = { id: string; ref: string; person: string; start: string; end: string | null; line: number | null };
  const fileIds = new Set(rows.map((p) => p.row.id as string));
  const refs = [...new Set(rows.map((p) => p.row[refCol] as string))];
  const db = await client.query<{ id: string; ref: string; person: string; start: string; end: string | null }>(
    `SELECT id, ${refCol} AS ref, person_id AS person, term_start::text AS start, term_end::text AS "end"
       FROM ${table} WHERE ${refCol} = ANY($1)`,
    [refs],
  );
  const all: T[] = [
    ...db.rows.filter((r) => !fileIds.has(r.id)).map((r) => ({ ...r, line: null })),
    ...rows.map((p) => ({
      id: p.row.id as string,
      ref: p.row[refCol] as string,
      person: p.row.person_id as string,
      start: p.row.term_start as string,
      end: p.row.term_end as string | null,
      line: p.line,
    })),
  ];
  const bad: BadRow[] = [];
  const key = (t: T) => (table === 'deputies' ? `${t.ref}\u0000${t.person}` : t.ref);
  const groups = new Map<string, T[]>();
  for (const t of all) groups.set(key(t), [...(groups.get(key(t)) ?? []), t]);
  for (const g of groups.values()) {
    for (const a of g) {
      if (a.line === null) continue;
      for (const b of g) {
        if (a === b) continue;
        const overlap = a.start < (b.end ?? '9999-12-31') && b.start < (a.end ?? '9999-12-31');
        if (overlap) {
          const what = table === 'deputies' ? 'a mandate of the same person' : 'another incumbent of the post';
          bad.push({
            line: a.line,
            field: 'term_start',
            reason: `term overlaps ${what} (${b.id}${b.line !== null ? `, line ${b.line}` : ''})`,
          });
          break;
        }
      }
    }
  }
  return bad;
}

// ---- reading as of a date ------------------------------------------------------------------

export interface RosterDeputy {
  id: string;
  personId: string;
  fullName: string;
  termStart: IsoDate;
  termEnd: IsoDate | null;
}

export interface Roster {
  maslikhatId: string;
  unitId: string;
  date: IsoDate;
  /** seats fixed by the election commission */
  seats: number;
  /** deputies holding a mandate that day, by id */
  deputies: RosterDeputy[];
  /** sha256 hex of the canonical JSON of { kind:'roster', maslikhatId, unitId, date, seats, deputies } */
  digest: string;
}

const dateInput = z.object({ date: isoDate });

export function rosterDigest(r: Omit<Roster, 'digest'>): string {
  return sha256Hex(
    canonicalJson({ kind: 'roster', maslikhatId: r.maslikhatId, unitId: r.unitId, date: r.date, seats: r.seats, deputies: r.deputies }),
  );
}

const DEPUTY_COLS = `d.id, d.person_id AS "personId", d.full_name AS "fullName",
  d.term_start::text AS "termStart", d.term_end::text AS "termEnd"`;
const HOLDS = `d.term_start <= $2::date AND (d.term_end IS NULL OR $2::date < d.term_end)`;

/** The deputies of a maslikhat holding a mandate on `date`, with a digest of the roster. */
export async function rosterAsOf(db: DbContext, input: { maslikhatId: string; date: IsoDate }): Promise<Roster> {
  const v = dateInput.safeParse(input);
  if (!v.success) throw new RecordsInputError('rosterAsOf', [{ path: 'date', message: 'date as YYYY-MM-DD' }]);
  return inTransaction(db, async (c) => {
    await c.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const m = await c.query<{ id: string; unit_id: string; seats: number }>(
      `SELECT id, unit_id, seats FROM maslikhats WHERE id = $1`,
      [input.maslikhatId],
    );
    const ms = m.rows[0];
    if (!ms) throw new RecordsInputError('rosterAsOf', [{ path: 'maslikhatId', message: `unknown maslikhat ${input.maslikhatId}` }]);
    const d = await c.query<RosterDeputy>(
      `SELECT ${DEPUTY_COLS} FROM deputies d WHERE d.maslikhat_id = $1 AND ${HOLDS} ORDER BY d.id COLLATE "C"`,
      [input.maslikhatId, input.date],
    );
    const base = { maslikhatId: ms.id, unitId: ms.unit_id, date: input.date, seats: ms.seats, deputies: d.rows };
    return { ...base, digest: rosterDigest(base) };
  });
}

export interface ElectorsRoster {
  /** a region, city of republican significance or the capital */
  areaId: string;
  date: IsoDate;
  /** every maslikhat in the area and its seats */
  maslikhats: { maslikhatId: string; unitId: string; seats: number; deputies: number }[];
  /** the electors: deputies of all maslikhats of the area holding a mandate that day */
  electors: (RosterDeputy & { maslikhatId: string })[];
  digest: string;
}

/** Art. 24-1: the electors of a region are the deputies of all maslikhats of the region. */
export async function electorsAsOf(db: DbContext, input: { areaId: string; date: IsoDate }): Promise<ElectorsRoster> {
  const v = dateInput.safeParse(input);
  if (!v.success) throw new RecordsInputError('electorsAsOf', [{ path: 'date', message: 'date as YYYY-MM-DD' }]);
  return inTransaction(db, async (c) => {
    await c.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const a = await c.query<{ kind: UnitKind }>(`SELECT kind FROM admin_units WHERE id = $1`, [input.areaId]);
    const kind = a.rows[0]?.kind;
    if (!kind || !ELECTOR_AREA_KINDS.includes(kind)) {
      throw new RecordsInputError('electorsAsOf', [
        { path: 'areaId', message: kind ? `a ${kind} is not an electoral area` : `unknown unit ${input.areaId}` },
      ]);
    }
    const ms = await c.query<{ maslikhatId: string; unitId: string; seats: number; deputies: number }>(
      `WITH RECURSIVE area AS (
         SELECT id FROM admin_units WHERE id = $1
         UNION ALL SELECT u.id FROM admin_units u JOIN area ON u.parent_id = area.id)
       SELECT m.id AS "maslikhatId", m.unit_id AS "unitId", m.seats,
              (SELECT count(*)::int FROM deputies d WHERE d.maslikhat_id = m.id AND ${HOLDS}) AS deputies
         FROM maslikhats m JOIN area ON m.unit_id = area.id
        ORDER BY m.id COLLATE "C"`,
      [input.areaId, input.date],
    );
    const el = await c.query<RosterDeputy & { maslikhatId: string }>(
      `WITH RECURSIVE area AS (
         SELECT id FROM admin_units WHERE id = $1
         UNION ALL SELECT u.id FROM admin_units u JOIN area ON u.parent_id = area.id)
       SELECT ${DEPUTY_COLS}, d.maslikhat_id AS "maslikhatId"
         FROM deputies d JOIN maslikhats m ON m.id = d.maslikhat_id JOIN area ON m.unit_id = area.id
        WHERE ${HOLDS}
        ORDER BY d.id COLLATE "C"`,
      [input.areaId, input.date],
    );
    const base = { areaId: input.areaId, date: input.date, maslikhats: ms.rows, electors: el.rows };
    return { ...base, digest: sha256Hex(canonicalJson({ kind: 'electors', ...base })) };
  });
}

export interface AkimAsOf {
  postId: string;
  unitId: string;
  date: IsoDate;
  incumbent: { id: string; personId: string; fullName: string; termStart: IsoDate; termEnd: IsoDate | null; basis: string | null } | null;
}

/** Who held the akim post of a unit on `date` (null incumbent: vacant). */
export async function akimAsOf(db: DbContext, input: { unitId: string; date: IsoDate }): Promise<AkimAsOf> {
  const v = dateInput.safeParse(input);
  if (!v.success) throw new RecordsInputError('akimAsOf', [{ path: 'date', message: 'date as YYYY-MM-DD' }]);
  const p = await db.pool.query<{ id: string }>(`SELECT id FROM akim_posts WHERE unit_id = $1`, [input.unitId]);
  const post = p.rows[0];
  if (!post) throw new RecordsInputError('akimAsOf', [{ path: 'unitId', message: `no akim post for unit ${input.unitId}` }]);
  const r = await db.pool.query<NonNullable<AkimAsOf['incumbent']>>(
    `SELECT d.id, d.person_id AS "personId", d.full_name AS "fullName", d.term_start::text AS "termStart",
            d.term_end::text AS "termEnd", d.basis
       FROM akim_incumbents d WHERE d.post_id = $1 AND ${HOLDS} ORDER BY d.term_start DESC LIMIT 1`,
    [post.id, input.date],
  );
  return { postId: post.id, unitId: input.unitId, date: input.date, incumbent: r.rows[0] ?? null };
}

// ---- reading whole registers (API and CLI: list, show, export) ----------------------------------

/** The columns of each register, in file order (an export has exactly these). */
export const REGISTER_COLUMNS: Readonly<Record<RegisterName, readonly string[]>> = COLUMNS;

export interface RegisterSummary {
  register: RegisterName;
  rows: number;
  lastImport: { at: string; actorId: string; actorName: string; body: string | null; fileSha256: string; rows: number } | null;
}

export async function registerSummaries(db: DbContext): Promise<RegisterSummary[]> {
  const out: RegisterSummary[] = [];
  for (const register of REGISTER_NAMES) {
    const n = await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${register}`);
    const l = await db.pool.query<{ at: Date; actor_id: string; actor_name: string; body_id: string | null; file_sha256: string; row_count: number }>(
      `SELECT imported_at AS at, actor_id, actor_name, body_id, file_sha256, row_count FROM register_imports WHERE register = $1 ORDER BY import_id DESC LIMIT 1`,
      [register],
    );
    const x = l.rows[0];
    out.push({ register, rows: n.rows[0]!.n, lastImport: x ? { at: x.at.toISOString(), actorId: x.actor_id, actorName: x.actor_name, body: x.body_id, fileSha256: x.file_sha256, rows: x.row_count } : null });
  }
  return out;
}

/** Units of `unit`'s subtree (itself included), as SQL to select their ids. */
const AREA = `WITH RECURSIVE area AS (SELECT id FROM admin_units WHERE id = $1 UNION ALL SELECT u.id FROM admin_units u JOIN area ON u.parent_id = area.id)`;
const OWNED: Record<RegisterName, string> = {
  admin_units: `t.id IN (SELECT id FROM area)`,
  maslikhats: `t.unit_id IN (SELECT id FROM area)`,
  akim_posts: `t.unit_id IN (SELECT id FROM area)`,
  deputies: `t.maslikhat_id IN (SELECT m.id FROM maslikhats m WHERE m.unit_id IN (SELECT id FROM area))`,
  akim_incumbents: `t.post_id IN (SELECT p.id FROM akim_posts p WHERE p.unit_id IN (SELECT id FROM area))`,
};

/** A register's rows (of `unit` and below when given) as their file columns, text as in a CSV file, ordered by id. */
export async function registerRows(db: DbContext, register: RegisterName, opts: { unit?: string; id?: string } = {}): Promise<Record<string, string>[]> {
  if (!REGISTER_NAMES.includes(register)) throw new RecordsInputError('registerRows', [{ path: 'register', message: `unknown register ${register}` }]);
  const cols = COLUMNS[register].map((c) => `coalesce(t.${c}::text, '') AS ${c}`).join(', ');
  const params: string[] = [];
  const where: string[] = [];
  let prefix = '';
  if (opts.unit !== undefined) {
    params.push(opts.unit);
    prefix = AREA;
    where.push(OWNED[register]);
  }
  if (opts.id !== undefined) {
    params.push(opts.id);
    where.push(`t.id = $${params.length}`);
  }
  const r = await db.pool.query<Record<string, string>>(
    `${prefix} SELECT ${cols} FROM ${register} t ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY t.id COLLATE "C"`,
    params,
  );
  return r.rows;
}

/** Rows as a CSV file (RFC 4180, header of the register's columns) that importRegisterCsv takes back. */
export function registerCsv(register: RegisterName, rows: readonly Record<string, string>[]): string {
  const q = (v: string) => (/[",\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v);
  const cols = COLUMNS[register];
  return [cols.join(','), ...rows.map((r) => cols.map((c) => q(r[c] ?? '')).join(','))].join('\n') + '\n';
}

// ---- closing mandates (Art. 20(3)-(4), Art. 23: early termination) ----------------------------

export interface EndMandatesInput {
  /** the procedure that decided it (kept in mandate_ends; the key of idempotency) */
  procedureId: string;
  maslikhatId: string;
  /** the deputies (register ids) whose powers end; absent: every deputy holding a mandate on `decisionDate` */
  deputyIds?: string[];
  /** the day of the decision: the mandates held that day are the ones that end */
  decisionDate: IsoDate;
  /** the first day without the mandate (the register's half-open term_end) */
  termEnd: IsoDate;
  reason: string;
}

export interface EndMandatesResult {
  /** closed now */
  ended: string[];
  /** closed by this procedure before (a retry, a replayed step) */
  already: string[];
  /** closed before by something else, on or before termEnd: left as it was */
  endedBefore: { id: string; termEnd: IsoDate }[];
}

const endInput = z.strictObject({
  procedureId: z.string().min(1).max(300),
  maslikhatId: id,
  deputyIds: z.array(id).min(1).optional(),
  decisionDate: isoDate,
  termEnd: isoDate,
  reason: z.string().min(1).max(500),
});

/**
 * Ends mandates in the deputies register: term_end and end_reason set, one mandate_ends row per
 * deputy and procedure. Idempotent: running it again for the same procedure changes nothing and
 * reports the deputies as `already`. A mandate already closed on or before termEnd is left alone.
 */
export async function endMandates(db: DbContext, raw: EndMandatesInput): Promise<EndMandatesResult> {
  const v = endInput.safeParse(raw);
  if (!v.success) throw new RecordsInputError('endMandates', v.error.issues.map((i) => ({ path: i.path.join('.') || '(input)', message: i.message })));
  const input = v.data;
  if (input.termEnd < input.decisionDate) {
    throw new RecordsInputError('endMandates', [{ path: 'termEnd', message: 'termEnd before the decision date' }]);
  }
  return inTransaction(db, async (c) => {
    const m = await c.query(`SELECT id FROM maslikhats WHERE id = $1`, [input.maslikhatId]);
    if (!m.rows[0]) throw new RecordsInputError('endMandates', [{ path: 'maslikhatId', message: `unknown maslikhat ${input.maslikhatId}` }]);
    const rows = input.deputyIds
      ? await c.query<{ id: string; start: string; end: string | null }>(
          `SELECT id, term_start::text AS start, term_end::text AS "end" FROM deputies WHERE maslikhat_id = $1 AND id = ANY($2) ORDER BY id COLLATE "C" FOR UPDATE`,
          [input.maslikhatId, input.deputyIds],
        )
      : await c.query<{ id: string; start: string; end: string | null }>(
          `SELECT id, term_start::text AS start, term_end::text AS "end" FROM deputies d WHERE d.maslikhat_id = $1 AND ${HOLDS} ORDER BY id COLLATE "C" FOR UPDATE`,
          [input.maslikhatId, input.decisionDate],
        );
    if (input.deputyIds) {
      const found = new Set(rows.rows.map((r) => r.id));
      const missing = input.deputyIds.filter((d) => !found.has(d));
      if (missing.length) throw new RecordsInputError('endMandates', missing.map((d) => ({ path: 'deputyIds', message: `no deputy ${d} of maslikhat ${input.maslikhatId}` })));
    }
    const done = await c.query<{ deputy_id: string }>(`SELECT deputy_id FROM mandate_ends WHERE procedure_id = $1`, [input.procedureId]);
    const mine = new Set(done.rows.map((r) => r.deputy_id));
    const out: EndMandatesResult = { ended: [], already: [], endedBefore: [] };
    for (const r of rows.rows) {
      if (mine.has(r.id)) out.already.push(r.id);
      else if (r.end !== null && r.end <= input.termEnd) out.endedBefore.push({ id: r.id, termEnd: r.end });
      else if (input.termEnd <= r.start) {
        throw new RecordsInputError('endMandates', [{ path: 'termEnd', message: `deputy ${r.id}: the mandate starts on ${r.start}, not before ${input.termEnd}` }]);
      } else {
        await c.query(`UPDATE deputies SET term_end = $2::date, end_reason = $3 WHERE id = $1`, [r.id, input.termEnd, input.reason]);
        await c.query(`INSERT INTO mandate_ends (deputy_id, procedure_id, term_end, end_reason) VALUES ($1, $2, $3, $4)`, [r.id, input.procedureId, input.termEnd, input.reason]);
        out.ended.push(r.id);
      }
    }
    return out;
  });
}
