// Art. 24-1(3)–(4) in PostgreSQL: sheets as documents, the all-or-nothing import of completed
// sheets, and the verdict on every signature against the electors' register.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDatabase } from '../harness/postgres.js';
import { RegisterImportError } from '../../activities/errors.js';
import { canonicalJson, sha256Hex } from '../../activities/ledger-hash.js';
import {
  importSignatureSheetsCsv, issueSignatureSheets, senateRecallBarCheck, senateRecallRecordBar, sheetDocumentOf, sheetSerial, verifySignatures,
} from '../../activities/senate-recall.js';
import { AREA, electorName, M1, M2, seedRegion } from './senate-recall-helpers.js';

let db: FreshDatabase;
const worker = () => ({ pool: db.pool, role: 'tartip_worker' });
const P = 'senate_recall:ACT-1';
const RUN = '2025-03-03';
const HEADER = 'sheet_serial,sheet_row,full_name,maslikhat_id,birth_date,address';

beforeAll(async () => {
  db = await freshDatabase();
  await seedRegion(db.pool);
  await db.pool.query(`INSERT INTO procedures (procedure_id, kind, edition_id, calendar_id, started_by, input) VALUES ($1, 'senate_recall', 'e', 'c', 't', '{}')`, [P]);
  await issueSignatureSheets(worker(), { procedureId: P, runKey: RUN, senator: { id: 'S', fullName: 'Сенатор Тестов' }, initiators: [{ id: 'a', name: 'A' }], count: 300, issuedOn: RUN });
});
afterAll(async () => {
  await db?.close();
});

const rows = async (batch?: string) =>
  Number((await db.pool.query(`SELECT count(*) FROM senate_recall_signatures ${batch ? 'WHERE batch_id = $1' : ''}`, batch ? [batch] : [])).rows[0].count);

describe('24-1(3): signature sheets', () => {
  it('are numbered, printable in kk and ru with the deputy and the columns of 24-1(3), stored with their digest, issued once', async () => {
    const s1 = sheetSerial(P, RUN, 1);
    const kk = (await sheetDocumentOf(worker(), s1, 'kk'))!;
    const ru = (await sheetDocumentOf(worker(), s1, 'ru'))!;
    for (const [doc, words] of [[kk, ['Қол қою парағы', 'Депутаты болып табылатын мәслихат', 'Туған күні, айы, жылы', 'Жеке қолы']], [ru, ['Подписной лист', 'Маслихат, депутатом которого является', 'Адрес места жительства', 'Личная подпись']]] as const) {
      expect(doc).toContain(s1);
      expect(doc).toContain('Сенатор Тестов');
      for (const w of words) expect(doc).toContain(w);
    }
    const stored = await db.pool.query('SELECT document_sha256 FROM senate_recall_sheets WHERE serial = $1', [s1]);
    expect(stored.rows[0].document_sha256).toBe(sha256Hex(canonicalJson({ kk, ru })));
    const again = await issueSignatureSheets(worker(), { procedureId: P, runKey: RUN, senator: { id: 'S', fullName: 'Сенатор Тестов' }, initiators: [{ id: 'a', name: 'A' }], count: 300, issuedOn: RUN });
    expect(again.sheets).toHaveLength(300);
    await expect(db.pool.query(`UPDATE senate_recall_sheets SET senator_name = 'x' WHERE serial = $1`, [s1])).rejects.toThrow(/append-only/);
  });
});

describe('import of completed sheets: every row checked, nothing partial', () => {
  it('reports every bad row with its line and reason and stores nothing', async () => {
    const lines = [HEADER];
    for (let i = 0; i < 3000; i++) lines.push(`${sheetSerial(P, RUN, 1 + Math.floor(i / 20))},${(i % 20) + 1},${electorName(M1, 1 + (i % 120))},${M1.id},1970-01-01,Адрес ${i}`);
    lines[101] = `${sheetSerial(P, RUN, 1)},x,Аты Жөні,${M1.id},1970-01-01,Адрес`; // line 102: bad row number
    lines[2001] = `${sheetSerial(P, RUN, 2)},1,Аты Жөні,${M1.id},1970-02-30,Адрес`; // line 2002: no such date
    lines[2999] = `${sheetSerial(P, RUN, 2)},2,Аты Жөні,${M1.id},1970-01-01,`; // line 3000: no address
    lines.push(lines[10]!); // line 3002: same sheet line as line 11
    let err: unknown;
    try {
      await importSignatureSheetsCsv(worker(), { procedureId: P, runKey: RUN, csv: lines.join('\n') + '\n' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RegisterImportError);
    const bad = (err as RegisterImportError).rows;
    expect(bad.map((b) => [b.line, b.field])).toEqual([[102, 'sheet_row'], [2002, 'birth_date'], [3000, 'address'], [3002, 'sheet_row']]);
    expect(bad[3]!.reason).toMatch(/also on line 11/);
    expect(await rows()).toBe(0);
  });

  it('a file for an unknown procedure is refused', async () => {
    await expect(importSignatureSheetsCsv(worker(), { procedureId: 'senate_recall:nobody', runKey: RUN, csv: `${HEADER}\nS-1,1,Аты Жөні,${M1.id},1970-01-01,Алматы\n` })).rejects.toMatchObject({ rows: [{ field: 'procedureId' }] });
  });

  it('a wrong header names the missing and unknown columns', async () => {
    await expect(importSignatureSheetsCsv(worker(), { procedureId: P, runKey: RUN, csv: 'sheet,full_name\nx,y\n' })).rejects.toMatchObject({ rows: [{ line: 1, reason: expect.stringMatching(/missing columns sheet_serial.*unknown columns sheet/) }] });
  });

  it('imports a file of 5,000 rows in one go; the same file again stores nothing twice', async () => {
    const lines = [HEADER];
    for (let i = 0; i < 5000; i++) lines.push(`${sheetSerial(P, RUN, 1 + Math.floor(i / 20))},${(i % 20) + 1},Адам ${i},${M1.id},1971-01-01,"Көше, ${i}"`);
    const csv = lines.join('\n') + '\n';
    const a = await importSignatureSheetsCsv(worker(), { procedureId: 'senate_recall:ACT-1', runKey: '2025-09-09', csv });
    expect(a).toMatchObject({ rows: 5000, replayed: false });
    const b = await importSignatureSheetsCsv(worker(), { procedureId: 'senate_recall:ACT-1', runKey: '2025-09-09', csv });
    expect(b).toMatchObject({ batchId: a.batchId, replayed: true });
    expect(await rows(a.batchId)).toBe(5000);
  });
});

describe('24-1(4): verification against the electors of the region', () => {
  it('gives each signature a verdict with its reason, totals per maslikhat and a protocol digest; verdicts never change', async () => {
    const s = (n: number) => sheetSerial(P, RUN, n);
    const csv = [
      HEADER,
      `${s(1)},1,${electorName(M1, 1)},${M1.id},1970-01-01,Алматы`, // valid
      `${s(1)},2,${electorName(M2, 1)},${M2.id},1970-01-01,Алматы`, // valid
      `${s(1)},3,  ${electorName(M1, 2).toUpperCase()} ,${M1.id},1970-01-01,Алматы`, // valid: case and spaces do not matter
      `${s(1)},4,${electorName(M1, 1)},${M1.id},1970-01-01,Алматы`, // duplicate
      `${s(1)},5,${electorName(M1, 3)},${M2.id},1970-01-01,Алматы`, // data mismatch: elector of M1 wrote M2
      `${s(1)},6,Бөтен Адам,${M1.id},1970-01-01,Алматы`, // not an elector
      `SR-FORGED-0001,1,${electorName(M1, 4)},${M1.id},1970-01-01,Алматы`, // sheet not issued
    ].join('\n');
    const b = await importSignatureSheetsCsv(worker(), { procedureId: P, runKey: RUN, csv });
    const t = await verifySignatures(worker(), { procedureId: P, runKey: RUN, areaId: AREA, date: '2025-04-01', batches: [b.batchId] });
    expect(t).toMatchObject({
      collected: 7, valid: 3, invalid: 4,
      reasons: { duplicate: 1, data_mismatch: 1, not_elector: 1, sheet_not_issued: 1 },
      perMaslikhat: [{ maslikhat: M2.id, electors: M2.size, signatures: 1 }, { maslikhat: M1.id, electors: M1.size, signatures: 2 }],
    });
    const v = await db.pool.query('SELECT line, valid, reason FROM senate_recall_verdicts WHERE batch_id = $1 ORDER BY line', [b.batchId]);
    expect(v.rows.map((r) => r.reason)).toEqual([null, null, null, 'duplicate', 'data_mismatch', 'not_elector', 'sheet_not_issued']);
    const again = await verifySignatures(worker(), { procedureId: P, runKey: RUN, areaId: AREA, date: '2025-04-01', batches: [b.batchId] });
    expect(again.protocolDigest).toBe(t.protocolDigest);
    await expect(db.pool.query(`UPDATE senate_recall_verdicts SET valid = true, reason = NULL WHERE batch_id = $1`, [b.batchId])).rejects.toThrow(/append-only/);
  });
});

describe('24-1(6): the bar', () => {
  it('bars the same grounds (spacing and case aside) until allowed_from; other grounds only under any_grounds', async () => {
    await senateRecallRecordBar(worker(), { procedureId: P, runKey: '2024-01-10', senatorId: 'SB', grounds: 'Сенімді  жоғалту', refusedOn: '2024-01-10', allowedFrom: '2025-01-11', citation: { law: '148', article: '24-1', paragraph: '6', quote: 'q', source: 's' } });
    const q = (date: string, grounds = 'сенімді жоғалту', sameGrounds: 'recorded_grounds' | 'any_grounds' = 'recorded_grounds') =>
      senateRecallBarCheck(worker(), { senatorId: 'SB', grounds, sameGrounds, date });
    expect(await q('2025-01-10')).toMatchObject({ barred: true, allowedFrom: '2025-01-11', refusedOn: '2024-01-10' });
    expect(await q('2025-01-11')).toEqual({ barred: false });
    expect(await q('2024-06-01', 'басқа')).toEqual({ barred: false });
    expect(await q('2024-06-01', 'басқа', 'any_grounds')).toMatchObject({ barred: true });
  });
});
