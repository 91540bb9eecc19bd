// Recall of a Senate deputy by the electors, Art. 24-1: signature sheets, the import of completed
// sheets (all rows or none), verification against the electors' register, the one-year bar.
// Schema: migrations/0006_senate_recall.sql. Signatures stay here; workflows get totals + digest.
import { ApplicationFailure } from '@temporalio/common';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { inTransaction, type DbContext } from './db.js';
import { RecordsInputError, RegisterImportError, type BadRow } from './errors.js';
import { canonicalJson, sha256Hex } from './ledger-hash.js';
import { electorsAsOf, isoDate, type ElectorsRoster } from './registers.js';
import type { Citation, IsoDate } from '../statute/types.js';

export type SignatureVerdictReason = 'not_elector' | 'duplicate' | 'data_mismatch' | 'sheet_not_issued';
export const VERDICT_REASONS: readonly SignatureVerdictReason[] = ['not_elector', 'duplicate', 'data_mismatch', 'sheet_not_issued'];

/** How a person's name is compared: NFC, case, ё/е and spacing do not matter. */
export function normalizeName(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

const serial = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/, 'sheet serial: letters, digits, _ . : - (max 128)');

// ---- 24-1(3): signature sheets ----------------------------------------------------------------

export interface IssueSheetsInput {
  procedureId: string;
  runKey: string;
  senator: { id: string; fullName: string };
  initiators: { id: string; name: string }[];
  count: number;
  issuedOn: IsoDate;
}
export interface IssuedSheet {
  serial: string;
  seq: number;
  initiatorId: string;
  documentSha256: string;
}
export interface IssueSheetsResult {
  sheets: IssuedSheet[];
  /** sha256 of the canonical JSON of the issued sheets (serial, initiator, document digest) */
  digest: string;
}

const issueSchema = z.strictObject({
  procedureId: z.string().min(1),
  runKey: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  senator: z.strictObject({ id: z.string().min(1), fullName: z.string().min(1) }),
  initiators: z.array(z.strictObject({ id: z.string().min(1), name: z.string().min(1) })).min(1),
  count: z.number().int().min(1).max(10_000),
  issuedOn: isoDate,
});

/** Lines printed on one sheet. */
export const SHEET_LINES = 20;

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const SHEET_TEXT = {
  kk: {
    title: 'Қол қою парағы',
    lead: 'Сенат депутатының өкілеттігін мерзімінен бұрын тоқтату мәселесін дауыс беруге шығаруды қолдаймыз',
    deputy: 'Сенат депутатының тегі, аты, әкесінің аты',
    issued: 'Берілген күні',
    basis: '«Қазақстан Республикасындағы жергілікті мемлекеттік басқару және өзін-өзі басқару туралы» Заңның 24-1-бабының 3-тармағы',
    cols: ['№', 'Тегі, аты, әкесінің аты', 'Депутаты болып табылатын мәслихат', 'Туған күні, айы, жылы', 'Тұрғылықты жерінің мекенжайы', 'Жеке қолы'],
  },
  ru: {
    title: 'Подписной лист',
    lead: 'Поддерживаем вынесение на голосование вопроса о досрочном прекращении полномочий депутата Сената',
    deputy: 'Фамилия, имя, отчество депутата Сената',
    issued: 'Дата выдачи',
    basis: 'пункт 3 статьи 24-1 Закона «О местном государственном управлении и самоуправлении в Республике Казахстан»',
    cols: ['№', 'Фамилия, имя, отчество', 'Маслихат, депутатом которого является', 'День, месяц и год рождения', 'Адрес места жительства', 'Личная подпись'],
  },
} as const;

/** The printable sheet (HTML) in one language: serial, the deputy's name and the columns of 24-1(3). */
export function sheetDocument(lang: 'kk' | 'ru', s: { serial: string; senatorName: string; issuedOn: IsoDate }): string {
  const t = SHEET_TEXT[lang];
  const head = t.cols.map((c) => `<th>${esc(c)}</th>`).join('');
  const rows = Array.from({ length: SHEET_LINES }, (_, i) => `<tr><td>${i + 1}</td>${'<td></td>'.repeat(t.cols.length - 1)}</tr>`).join('\n');
  return [
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${esc(t.title)} № ${esc(s.serial)}</title>`,
    '<style>table{border-collapse:collapse;width:100%}td,th{border:1px solid #000;padding:4px;height:1.6em}</style></head><body>',
    `<h1>${esc(t.title)} № ${esc(s.serial)}</h1>`,
    `<p>${esc(t.lead)}.</p>`,
    `<p>${esc(t.deputy)}: <strong>${esc(s.senatorName)}</strong></p>`,
    `<table><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`,
    `<p>${esc(t.issued)}: ${s.issuedOn}. ${esc(t.basis)}.</p>`,
    '</body></html>',
  ].join('\n');
}

/** Serial of sheet `seq` of a recall run: SR-<decision date>-<8 hex of the procedure>-<seq>. */
export function sheetSerial(procedureId: string, runKey: string, seq: number): string {
  return `${sheetSerialPrefix(procedureId, runKey)}${String(seq).padStart(4, '0')}`;
}
/** What every sheet serial of a recall run begins with. */
export function sheetSerialPrefix(procedureId: string, runKey: string): string {
  return `SR-${runKey.replace(/-/g, '')}-${sha256Hex(procedureId).slice(0, 8)}-`;
}

/** Issues `count` numbered sheets, round-robin to the initiators. Idempotent per (procedure, run, seq). */
export async function issueSignatureSheets(db: DbContext, raw: IssueSheetsInput): Promise<IssueSheetsResult> {
  const v = issueSchema.safeParse(raw);
  if (!v.success) throw new RecordsInputError('issueSignatureSheets', v.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  const input = v.data;
  const rows = Array.from({ length: input.count }, (_, i) => {
    const seq = i + 1;
    const s = sheetSerial(input.procedureId, input.runKey, seq);
    const doc = { serial: s, senatorName: input.senator.fullName, issuedOn: input.issuedOn };
    const kk = sheetDocument('kk', doc);
    const ru = sheetDocument('ru', doc);
    return { serial: s, seq, initiator: input.initiators[i % input.initiators.length]!, kk, ru, sha: sha256Hex(canonicalJson({ kk, ru })) };
  });
  return inTransaction(db, async (c) => {
    await c.query(
      `INSERT INTO senate_recall_sheets (serial, procedure_id, run_key, seq, senator_id, senator_name, initiator, issued_on, document_kk, document_ru, document_sha256)
       SELECT s, $2, $3, q, $4, $5, i::jsonb, $6::date, kk, ru, h
         FROM unnest($1::text[], $7::int[], $8::text[], $9::text[], $10::text[], $11::text[]) AS t(s, q, i, kk, ru, h)
       ON CONFLICT (procedure_id, run_key, seq) DO NOTHING`,
      [
        rows.map((r) => r.serial), input.procedureId, input.runKey, input.senator.id, input.senator.fullName, input.issuedOn,
        rows.map((r) => r.seq), rows.map((r) => JSON.stringify(r.initiator)), rows.map((r) => r.kk), rows.map((r) => r.ru), rows.map((r) => r.sha),
      ],
    );
    const got = await c.query<{ serial: string; seq: number; initiator: { id: string }; document_sha256: string }>(
      `SELECT serial, seq, initiator, document_sha256 FROM senate_recall_sheets WHERE procedure_id = $1 AND run_key = $2 ORDER BY seq`,
      [input.procedureId, input.runKey],
    );
    const sheets = got.rows.map((r) => ({ serial: r.serial, seq: r.seq, initiatorId: r.initiator.id, documentSha256: r.document_sha256 }));
    return { sheets, digest: sha256Hex(canonicalJson(sheets)) };
  });
}

/** A stored sheet document, for printing. */
export async function sheetDocumentOf(db: DbContext, serialNo: string, lang: 'kk' | 'ru'): Promise<string | null> {
  const r = await db.pool.query<{ d: string }>(`SELECT ${lang === 'kk' ? 'document_kk' : 'document_ru'} AS d FROM senate_recall_sheets WHERE serial = $1`, [serialNo]);
  return r.rows[0]?.d ?? null;
}

// ---- import of completed sheets (CSV) ---------------------------------------------------------

export const SIGNATURE_COLUMNS = ['sheet_serial', 'sheet_row', 'full_name', 'maslikhat_id', 'birth_date', 'address'] as const;
const TABLE = 'senate_recall_signatures';

const rowSchema = z.strictObject({
  sheet_serial: serial,
  sheet_row: z.string().regex(/^[1-9]\d{0,3}$/, 'sheet_row: a line number of the sheet, 1 or more').transform(Number),
  full_name: z.string().min(3, 'full_name: surname, first name (and patronymic) required').max(300),
  maslikhat_id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/, 'maslikhat_id: a maslikhat register id'),
  birth_date: isoDate,
  address: z.string().min(3, 'address: the residential address is required').max(500),
});

export interface ImportSignaturesResult {
  batchId: string;
  rows: number;
  fileSha256: string;
  /** true when this exact file was already imported for this recall (nothing stored again) */
  replayed: boolean;
}

/**
 * Imports one CSV file of completed sheets (header = SIGNATURE_COLUMNS; UTF-8; RFC 4180). Every
 * row is checked; any bad row → RegisterImportError listing every bad row with its line and
 * reason, nothing stored. One transaction. Validity against the register is decided later, by
 * verification, not here.
 */
export async function importSignatureSheetsCsv(
  db: DbContext,
  input: { procedureId: string; runKey: string; csv: string; birthBefore?: IsoDate },
): Promise<ImportSignaturesResult> {
  const source = input.csv;
  const fileSha256 = sha256Hex(source);
  let records: { info: { lines: number }; record: Record<string, string> }[];
  let header: string[] = [];
  try {
    records = parse(source, {
      bom: true,
      columns: (h: string[]) => (header = h.map((c) => c.trim())),
      info: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (e) {
    const err = e as Error & { lines?: number };
    throw new RegisterImportError(TABLE, [{ line: err.lines ?? 0, reason: `unreadable CSV: ${err.message}` }]);
  }
  const missing = SIGNATURE_COLUMNS.filter((c) => !header.includes(c));
  const unknown = header.filter((c) => !(SIGNATURE_COLUMNS as readonly string[]).includes(c));
  if (header.length === 0) throw new RegisterImportError(TABLE, [{ line: 1, reason: 'empty file' }]);
  if (missing.length || unknown.length) {
    const reason = [missing.length ? `missing columns ${missing.join(', ')}` : '', unknown.length ? `unknown columns ${unknown.join(', ')}` : ''];
    throw new RegisterImportError(TABLE, [{ line: 1, reason: reason.filter(Boolean).join('; ') }]);
  }
  if (records.length === 0) throw new RegisterImportError(TABLE, [{ line: 1, reason: 'no rows' }]);
  const bad: BadRow[] = [];
  const ok: { line: number; row: z.output<typeof rowSchema> }[] = [];
  const seen = new Map<string, number>();
  for (const { info, record } of records) {
    const line = info.lines;
    const r = rowSchema.safeParse(record);
    if (!r.success) {
      for (const i of r.error.issues) bad.push({ line, field: i.path.map(String).join('.') || undefined, reason: i.message });
      continue;
    }
    if (input.birthBefore && r.data.birth_date >= input.birthBefore) {
      bad.push({ line, field: 'birth_date', reason: `birth_date ${r.data.birth_date} is not before ${input.birthBefore}` });
      continue;
    }
    const k = `${r.data.sheet_serial}#${r.data.sheet_row}`;
    const first = seen.get(k);
    if (first !== undefined) {
      bad.push({ line, field: 'sheet_row', reason: `line ${r.data.sheet_row} of sheet ${r.data.sheet_serial} appears twice (also on line ${first})` });
      continue;
    }
    seen.set(k, line);
    ok.push({ line, row: r.data });
  }
  if (bad.length) throw new RegisterImportError(TABLE, bad);
  const batchId = `${input.procedureId}/${input.runKey}/${fileSha256.slice(0, 16)}`;
  return inTransaction(db, async (c) => {
    const ins = await c
      .query(
        `INSERT INTO senate_recall_batches (batch_id, procedure_id, run_key, file_sha256, row_count) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT DO NOTHING`,
        [batchId, input.procedureId, input.runKey, fileSha256, ok.length],
      )
      .catch((e: { code?: string }) => {
        if (e.code === '23503') throw new RegisterImportError(TABLE, [{ line: 0, field: 'procedureId', reason: `unknown procedure ${input.procedureId}` }]);
        throw e;
      });
    if (ins.rowCount === 0) return { batchId, rows: ok.length, fileSha256, replayed: true };
    await c.query(
      `INSERT INTO senate_recall_signatures (batch_id, line, sheet_serial, sheet_row, full_name, maslikhat_id, birth_date, address)
       SELECT $1, * FROM unnest($2::int[], $3::text[], $4::int[], $5::text[], $6::text[], $7::date[], $8::text[])`,
      [
        batchId, ok.map((o) => o.line), ok.map((o) => o.row.sheet_serial), ok.map((o) => o.row.sheet_row), ok.map((o) => o.row.full_name),
        ok.map((o) => o.row.maslikhat_id), ok.map((o) => o.row.birth_date), ok.map((o) => o.row.address),
      ],
    );
    return { batchId, rows: ok.length, fileSha256, replayed: false };
  });
}

/** The stored batches of a recall run for the given file digests, in that order; unknown files are refused. */
export async function batchInfo(db: DbContext, input: { procedureId: string; runKey: string; files: string[] }): Promise<{ batchId: string; rows: number; fileSha256: string }[]> {
  const r = await db.pool.query<{ batch_id: string; row_count: number; file_sha256: string }>(
    `SELECT batch_id, row_count, file_sha256 FROM senate_recall_batches WHERE procedure_id = $1 AND run_key = $2 AND file_sha256 = ANY($3::text[])`,
    [input.procedureId, input.runKey, input.files],
  );
  const by = new Map(r.rows.map((x) => [x.file_sha256, x]));
  const unknown = input.files.filter((f) => !by.has(f));
  if (unknown.length) throw new RecordsInputError('senateRecallBatchInfo', [{ path: 'files', message: `not imported for this recall: ${unknown.join(', ')}` }]);
  if (new Set(input.files).size !== input.files.length) throw new RecordsInputError('senateRecallBatchInfo', [{ path: 'files', message: 'a file is listed twice' }]);
  return input.files.map((f) => ({ batchId: by.get(f)!.batch_id, rows: by.get(f)!.row_count, fileSha256: f }));
}

// ---- 24-1(4): verification against the electors' register -------------------------------------

export interface VerificationInput {
  procedureId: string;
  runKey: string;
  /** the region / city of republican significance / capital */
  areaId: string;
  /** the electors' register is read as of this date */
  date: IsoDate;
  /** batches submitted within the collection period, in submission order */
  batches: string[];
}
export interface VerificationTotals {
  verificationId: string;
  date: IsoDate;
  electorsDigest: string;
  /** signatures collected (every line submitted) */
  collected: number;
  valid: number;
  invalid: number;
  reasons: Record<SignatureVerdictReason, number>;
  /** per maslikhat of the area: its electors and the valid signatures of its electors */
  perMaslikhat: { maslikhat: string; electors: number; signatures: number }[];
  /** sha256 of the canonical JSON of the protocol (every verdict, in order) */
  protocolDigest: string;
}

interface SignatureRow {
  batch_id: string;
  line: number;
  sheet_serial: string;
  sheet_row: number;
  full_name: string;
  maslikhat_id: string;
}
interface Verdict {
  batch_id: string;
  line: number;
  valid: boolean;
  reason: SignatureVerdictReason | null;
  elector_id: string | null;
  elector_maslikhat_id: string | null;
}

/**
 * The verdict on each signature, in order (earlier signature of the same elector wins):
 * sheet_not_issued — the sheet's serial was not issued for this recall;
 * not_elector — no elector of the area holds that name on the date;
 * data_mismatch — the name is an elector's, but of another maslikhat than written (or ambiguous);
 * duplicate — the elector already signed. Pure: the benchmark and the activity share it.
 */
export function judgeSignatures(rows: readonly SignatureRow[], issued: ReadonlySet<string>, roster: ElectorsRoster): Verdict[] {
  const byName = new Map<string, { id: string; maslikhatId: string }[]>();
  for (const e of roster.electors) {
    const k = normalizeName(e.fullName);
    const list = byName.get(k);
    if (list) list.push({ id: e.id, maslikhatId: e.maslikhatId });
    else byName.set(k, [{ id: e.id, maslikhatId: e.maslikhatId }]);
  }
  const signed = new Set<string>();
  return rows.map((r) => {
    const base = { batch_id: r.batch_id, line: r.line };
    const no = (reason: SignatureVerdictReason, e?: { id: string; maslikhatId: string }): Verdict => ({
      ...base, valid: false, reason, elector_id: e?.id ?? null, elector_maslikhat_id: e?.maslikhatId ?? null,
    });
    if (!issued.has(r.sheet_serial)) return no('sheet_not_issued');
    const candidates = byName.get(normalizeName(r.full_name));
    if (!candidates) return no('not_elector');
    const inMaslikhat = candidates.filter((c) => c.maslikhatId === r.maslikhat_id);
    if (inMaslikhat.length !== 1) return no('data_mismatch', candidates.length === 1 ? candidates[0] : undefined);
    const e = inMaslikhat[0]!;
    if (signed.has(e.id)) return no('duplicate', e);
    signed.add(e.id);
    return { ...base, valid: true, reason: null, elector_id: e.id, elector_maslikhat_id: e.maslikhatId };
  });
}

export function totalsOf(verificationId: string, date: IsoDate, roster: ElectorsRoster, verdicts: readonly Verdict[]): VerificationTotals {
  const reasons: Record<SignatureVerdictReason, number> = { not_elector: 0, duplicate: 0, data_mismatch: 0, sheet_not_issued: 0 };
  const perM = new Map(roster.maslikhats.map((m) => [m.maslikhatId, { maslikhat: m.maslikhatId, electors: m.deputies, signatures: 0 }]));
  let valid = 0;
  for (const v of verdicts) {
    if (v.valid) {
      valid++;
      perM.get(v.elector_maslikhat_id!)!.signatures++;
    } else reasons[v.reason!]++;
  }
  const protocol = { kind: 'senate_recall_verification', verificationId, date, electorsDigest: roster.digest, verdicts: verdicts.map((v) => [v.batch_id, v.line, v.valid, v.reason, v.elector_id]) };
  return {
    verificationId, date, electorsDigest: roster.digest, collected: verdicts.length, valid, invalid: verdicts.length - valid, reasons,
    perMaslikhat: [...perM.values()], protocolDigest: sha256Hex(canonicalJson(protocol)),
  };
}

/** Verifies every submitted signature once; a second call returns the verdicts already recorded. */
export async function verifySignatures(db: DbContext, input: VerificationInput): Promise<VerificationTotals> {
  const verificationId = `${input.procedureId}/${input.runKey}`;
  const roster = await electorsAsOf(db, { areaId: input.areaId, date: input.date });
  return inTransaction(db, async (c) => {
    await c.query('SELECT pg_advisory_xact_lock(7263, hashtext($1))', [verificationId]);
    const b = await c.query<{ batch_id: string }>(
      `SELECT batch_id FROM senate_recall_batches WHERE procedure_id = $1 AND run_key = $2 AND batch_id = ANY($3::text[])`,
      [input.procedureId, input.runKey, input.batches],
    );
    const known = new Set(b.rows.map((r) => r.batch_id));
    const unknown = input.batches.filter((x) => !known.has(x));
    if (unknown.length) throw new RecordsInputError('verifySignatures', [{ path: 'batches', message: `not imported for this recall: ${unknown.join(', ')}` }]);
    const order = new Map(input.batches.map((x, i) => [x, i]));
    const sig = await c.query<SignatureRow>(
      `SELECT batch_id, line, sheet_serial, sheet_row, full_name, maslikhat_id FROM senate_recall_signatures WHERE batch_id = ANY($1::text[])`,
      [input.batches],
    );
    const rows = sig.rows.sort((x, y) => order.get(x.batch_id)! - order.get(y.batch_id)! || x.line - y.line);
    const done = await c.query<Verdict>(
      `SELECT batch_id, line, valid, reason, elector_id, elector_maslikhat_id FROM senate_recall_verdicts WHERE verification_id = $1`,
      [verificationId],
    );
    let verdicts: Verdict[];
    if (done.rowCount) {
      const map = new Map(done.rows.map((v) => [`${v.batch_id}#${v.line}`, v]));
      verdicts = rows.map((r) => map.get(`${r.batch_id}#${r.line}`)!);
      if (verdicts.some((v) => v === undefined)) throw new RecordsInputError('verifySignatures', [{ path: 'batches', message: 'differ from the batches already verified' }]);
    } else {
      const iss = await c.query<{ serial: string }>(`SELECT serial FROM senate_recall_sheets WHERE procedure_id = $1 AND run_key = $2`, [input.procedureId, input.runKey]);
      verdicts = judgeSignatures(rows, new Set(iss.rows.map((r) => r.serial)), roster);
      await c.query(
        `INSERT INTO senate_recall_verdicts (batch_id, line, verification_id, valid, reason, elector_id, elector_maslikhat_id)
         SELECT b, l, $1, v, r, e, m FROM unnest($2::text[], $3::int[], $4::bool[], $5::text[], $6::text[], $7::text[]) AS t(b, l, v, r, e, m)`,
        [verificationId, verdicts.map((v) => v.batch_id), verdicts.map((v) => v.line), verdicts.map((v) => v.valid), verdicts.map((v) => v.reason), verdicts.map((v) => v.elector_id), verdicts.map((v) => v.elector_maslikhat_id)],
      );
    }
    return totalsOf(verificationId, input.date, roster, verdicts);
  });
}

// ---- 24-1(6): the one-year bar -------------------------------------------------------------

export interface BarCheckInput {
  senatorId: string;
  grounds: string;
  /** art24_1.p6.same_grounds */
  sameGrounds: 'recorded_grounds' | 'any_grounds';
  /** the date of the new initiation decision */
  date: IsoDate;
}
export type BarCheck = { barred: false } | { barred: true; refusedOn: IsoDate; allowedFrom: IsoDate; procedureId: string; grounds: string };

export async function senateRecallBarCheck(db: DbContext, input: BarCheckInput): Promise<BarCheck> {
  const r = await db.pool.query<{ procedure_id: string; refused_on: string; allowed_from: string; grounds: string }>(
    `SELECT procedure_id, refused_on::text, allowed_from::text, grounds FROM senate_recall_bars
      WHERE senator_id = $1 AND refused_on <= $2::date AND allowed_from > $2::date AND ($3 OR grounds_norm = $4)
      ORDER BY allowed_from DESC LIMIT 1`,
    [input.senatorId, input.date, input.sameGrounds === 'any_grounds', normalizeName(input.grounds)],
  );
  const b = r.rows[0];
  return b ? { barred: true, refusedOn: b.refused_on, allowedFrom: b.allowed_from, procedureId: b.procedure_id, grounds: b.grounds } : { barred: false };
}

export interface RecordBarInput {
  procedureId: string;
  runKey: string;
  senatorId: string;
  grounds: string;
  refusedOn: IsoDate;
  allowedFrom: IsoDate;
  citation: Citation;
}

/** Records the bar once (a retry changes nothing). */
export async function senateRecallRecordBar(db: DbContext, b: RecordBarInput): Promise<void> {
  await inTransaction(db, (c) =>
    c.query(
      `INSERT INTO senate_recall_bars (procedure_id, run_key, senator_id, grounds, grounds_norm, refused_on, allowed_from, citation)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
      [b.procedureId, b.runKey, b.senatorId, b.grounds, normalizeName(b.grounds), b.refusedOn, b.allowedFrom, JSON.stringify(b.citation)],
    ),
  );
}

// ---- activities ------------------------------------------------------------------------------

/** An import rejection as a non-retryable failure that keeps every bad row. */
function nonRetryable<T>(p: Promise<T>): Promise<T> {
  return p.catch((e: unknown) => {
    if (e instanceof RegisterImportError) {
      throw ApplicationFailure.create({ type: 'SignatureImportRejected', nonRetryable: true, message: e.message, details: [{ ...e.body, rows: e.rows }] });
    }
    throw e;
  });
}

export function senateRecallActivities(db: DbContext) {
  return {
    issueSignatureSheets: (input: IssueSheetsInput) => issueSignatureSheets(db, input),
    importSignatureSheets: (input: { procedureId: string; runKey: string; csv: string; birthBefore?: IsoDate }) =>
      nonRetryable(importSignatureSheetsCsv(db, input)),
    senateRecallBatchInfo: (input: { procedureId: string; runKey: string; files: string[] }) => batchInfo(db, input),
    verifySignatures: (input: VerificationInput) => verifySignatures(db, input),
    senateRecallBarCheck: (input: BarCheckInput) => senateRecallBarCheck(db, input),
    senateRecallRecordBar: (input: RecordBarInput) => senateRecallRecordBar(db, input),
  };
}
