// Art. 24-1(4): verification of 10,000 signatures against the electors' register, and the
// all-or-nothing import of the same sheets. Run: npx tsx bench/senate-recall.bench.ts
// Uses DATABASE_URL (a server where it may create a database) or starts an embedded PostgreSQL.
// Options (env): BENCH_SIGNATURES (default 10000), BENCH_MASLIKHATS (20), BENCH_ELECTORS_PER (600).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedPg } from '../worker/db/embedded.js';
import { migrate } from '../worker/db/migrate.js';
import { freePort } from '../worker/temporal-server.js';
import { importRegisterCsv, electorsAsOf } from '../activities/registers.js';
import { importSignatureSheetsCsv, issueSignatureSheets, judgeSignatures, sheetSerial, verifySignatures } from '../activities/senate-recall.js';

const N = Number(process.env.BENCH_SIGNATURES ?? 10_000);
const MS = Number(process.env.BENCH_MASLIKHATS ?? 20);
const PER = Number(process.env.BENCH_ELECTORS_PER ?? 600);
const secs = (t0: number) => (performance.now() - t0) / 1000;
const rate = (n: number, s: number) => `${Math.round(n / s).toLocaleString('en')}/s (${n.toLocaleString('en')} in ${s.toFixed(2)} s)`;

async function main() {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'tartip-bench-'));
  chmodSync(tmp, 0o755);
  let server: EmbeddedPg | null = null;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    server = await startEmbeddedPostgres({ dataDir: path.join(tmp, 'pg'), port: await freePort() });
    adminUrl = server.adminUrl;
  }
  const url = await ensureDatabase(adminUrl, `bench_${randomBytes(4).toString('hex')}`);
  await migrate(url);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const owner = { pool };
  const worker = { pool, role: 'tartip_worker' };
  try {
    const units = ['id,kind,parent_id,name_kk,name_ru', 'BR,region,,Облыс,Область'];
    const masl = ['id,unit_id,name_kk,name_ru,seats', `BR-M,BR,Облыстық,Областной,${PER}`];
    for (let m = 1; m < MS; m++) {
      units.push(`BD${m},district,BR,Аудан ${m},Район ${m}`);
      masl.push(`BD${m}-M,BD${m},Аудандық ${m},Районный ${m},${PER}`);
    }
    const mid = (m: number) => (m === 0 ? 'BR-M' : `BD${m}-M`);
    const deps = ['id,maslikhat_id,person_id,full_name,term_start'];
    for (let m = 0; m < MS; m++) for (let i = 0; i < PER; i++) deps.push(`${mid(m)}-${i},${mid(m)},P${m}-${i},Сайлаушы ${m} ${i},2021-01-15`);
    await importRegisterCsv(owner, 'admin_units', units.join('\n'));
    await importRegisterCsv(owner, 'maslikhats', masl.join('\n'));
    await importRegisterCsv(owner, 'deputies', deps.join('\n'));
    const P = 'senate_recall:BENCH';
    const RUN = '2025-03-03';
    await pool.query(`INSERT INTO procedures (procedure_id, kind, edition_id, calendar_id, started_by, input) VALUES ($1,'senate_recall','e','c','bench','{}')`, [P]);
    const sheets = Math.ceil(N / 20);
    let t0 = performance.now();
    await issueSignatureSheets(worker, { procedureId: P, runKey: RUN, senator: { id: 'S', fullName: 'Сенатор' }, initiators: [{ id: 'i', name: 'I' }], count: sheets, issuedOn: RUN });
    const tIssue = secs(t0);
    // valid signatures of distinct electors, with 1 in 200 a duplicate, a stranger or a wrong maslikhat
    const lines = ['sheet_serial,sheet_row,full_name,maslikhat_id,birth_date,address'];
    for (let k = 0; k < N; k++) {
      const e = k % (MS * PER);
      let [m, i] = [Math.floor(e / PER), e % PER];
      let name = `Сайлаушы ${m} ${i}`;
      if (k % 200 === 1) [m, i] = [0, 0]; // duplicate of the first
      if (k % 200 === 2) name = `Бөтен ${k}`;
      if (k % 200 === 3) m = (m + 1) % MS;
      if (k % 200 === 1) name = 'Сайлаушы 0 0';
      lines.push(`${sheetSerial(P, RUN, 1 + Math.floor(k / 20))},${(k % 20) + 1},${name},${mid(m)},1970-01-01,"Көше, ${k}"`);
    }
    const csv = lines.join('\n') + '\n';
    t0 = performance.now();
    const batch = await importSignatureSheetsCsv(worker, { procedureId: P, runKey: RUN, csv });
    const tImport = secs(t0);
    t0 = performance.now();
    const totals = await verifySignatures(worker, { procedureId: P, runKey: RUN, areaId: 'BR', date: '2025-04-01', batches: [batch.batchId] });
    const tVerify = secs(t0);
    // the pure verdict function alone (no database), on the same rows and register
    const roster = await electorsAsOf(worker, { areaId: 'BR', date: '2025-04-01' });
    const rows = (await pool.query(`SELECT batch_id, line, sheet_serial, sheet_row, full_name, maslikhat_id FROM senate_recall_signatures ORDER BY line`)).rows;
    const issued = new Set(Array.from({ length: sheets }, (_, s) => sheetSerial(P, RUN, s + 1)));
    t0 = performance.now();
    judgeSignatures(rows, issued, roster);
    const tJudge = secs(t0);
    console.log(`senate-recall benchmark: PostgreSQL ${server ? 'embedded' : 'from DATABASE_URL'}, ${(MS * PER).toLocaleString('en')} electors in ${MS} maslikhats, Node ${process.version}`);
    console.log(`  issue ${sheets} sheets (kk+ru documents): ${tIssue.toFixed(2)} s`);
    console.log(`  import CSV, every row checked, one transaction: ${rate(N, tImport)}`);
    console.log(`  verify against the register, verdicts stored, protocol digest: ${rate(N, tVerify)}`);
    console.log(`  verdicts alone (pure): ${rate(N, tJudge)}`);
    console.log(`  result: collected ${totals.collected}, valid ${totals.valid}, invalid ${totals.invalid} ${JSON.stringify(totals.reasons)}`);
  } finally {
    await pool.end();
    await server?.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
