// Throughput of the records activities: acts appended per second and notices sent per second
// (SMTP and webhook on loopback). Run: npx tsx bench/records.bench.ts
// Uses DATABASE_URL (a server where it may create a database) or starts an embedded PostgreSQL.
// Options (env): BENCH_ACTS (default 2000), BENCH_NOTICES (default 500), BENCH_CONCURRENCY (default 8).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedPg } from '../worker/db/embedded.js';
import { migrate } from '../worker/db/migrate.js';
import { freePort } from '../worker/temporal-server.js';
import { closeActivities, createActivities, type SendNoticeInput } from '../activities/index.js';
import { startSmtpServer } from '../test/harness/smtp.js';
import { startHttpReceiver } from '../test/harness/http-receiver.js';

const ACTS = Number(process.env.BENCH_ACTS ?? 2000);
const NOTICES = Number(process.env.BENCH_NOTICES ?? 500);
const CONC = Number(process.env.BENCH_CONCURRENCY ?? 8);

async function pool<T>(n: number, conc: number, fn: (i: number) => Promise<T>): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: conc }, async () => {
      while (next < n) await fn(next++);
    }),
  );
  return (performance.now() - t0) / 1000;
}

const rate = (n: number, s: number) => `${Math.round(n / s).toLocaleString('en')}/s (${n} in ${s.toFixed(2)} s)`;

async function main() {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'tartip-bench-'));
  chmodSync(tmp, 0o755); // the server may run as the 'postgres' system user
  let server: EmbeddedPg | null = null;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    server = await startEmbeddedPostgres({ dataDir: path.join(tmp, 'pg'), port: await freePort() });
    adminUrl = server.adminUrl;
  }
  const dbName = `bench_${randomBytes(4).toString('hex')}`;
  const url = await ensureDatabase(adminUrl, dbName);
  await migrate(url);
  const db = new pg.Pool({ connectionString: url, max: CONC + 2 });
  const smtp = await startSmtpServer();
  const secret = randomBytes(16).toString('hex');
  const receiver = await startHttpReceiver(secret);
  const acts = createActivities({
    pool: db,
    role: 'tartip_worker',
    mail: { host: smtp.host, port: smtp.port, from: 'bench@tartip.example.kz', ignoreTLS: true, maxConnections: CONC },
    webhook: { secret },
  });
  const lines: string[] = [];
  const report = (l: string) => {
    lines.push(l);
    console.log(l);
  };
  try {
    const procs = Array.from({ length: CONC }, (_, i) => `bench-p${i}`);
    for (const p of [...procs, 'bench-single', 'bench-hot']) {
      await db.query(
        `INSERT INTO procedures (procedure_id, kind, edition_id, calendar_id, started_by, input) VALUES ($1,'bench','e','c','bench','{}')`,
        [p],
      );
    }
    const act = (procedureId: string, i: number) => ({
      procedureId,
      key: `${procedureId}/run/${i}`,
      actType: 'vote_result',
      legalAt: '2026-03-02T10:00:00+05:00',
      actor: { kind: 'body' as const, id: 'm-1' },
      payload: { i, for: 21, against: 3, abstained: 1, text: 'Шешім қабылданды' },
      citation: { law: '148', article: '24-1', quote: '…', source: 'bench' },
      editionId: 'law148',
    });
    report(`records benchmark: PostgreSQL ${server ? 'embedded' : 'from DATABASE_URL'}, concurrency ${CONC}, Node ${process.version}`);
    let s = await pool(ACTS, 1, (i) => acts.appendAct(act('bench-single', i)));
    report(`acts, one procedure, sequential:           ${rate(ACTS, s)}`);
    s = await pool(ACTS, CONC, (i) => acts.appendAct(act('bench-hot', i)));
    report(`acts, one procedure, ${CONC} concurrent writers: ${rate(ACTS, s)}`);
    s = await pool(ACTS, CONC, (i) => acts.appendAct(act(procs[i % CONC]!, i)));
    report(`acts, ${CONC} procedures, ${CONC} concurrent:      ${rate(ACTS, s)}`);
    s = await pool(ACTS, CONC, (i) => acts.appendAct(act(procs[i % CONC]!, i)));
    report(`acts replayed (same keys, nothing written): ${rate(ACTS, s)}`);
    const v0 = performance.now();
    const v = await acts.verifyLedger({ procedureId: 'bench-hot' });
    report(`verifyLedger of ${ACTS} acts: ${((performance.now() - v0) / 1000).toFixed(2)} s, ok=${v.ok}`);

    const notice = (i: number, channel: 'email' | 'webhook'): SendNoticeInput => ({
      key: `bench-${channel}-${i}`,
      procedureId: procs[i % CONC]!,
      addressee: {
        name: 'Сайлау комиссиясы',
        role: 'election_commission',
        address: channel === 'email' ? `tik${i}@election.example.kz` : receiver.url,
      },
      channel,
      languages: ['kk', 'ru'],
      basis: { law: '148', article: '24-1', paragraph: '2', quote: '…', source: 'bench' },
      deadline: '2026-03-05T19:00:00Z',
      templateId: 'deputy_mandate_terminated',
      params: { maslikhat: 'Мәслихат', deputy: 'Депутат', decisionDate: '2026-03-02', decisionNumber: String(i), reason: 'тест' },
    });
    s = await pool(NOTICES, 1, (i) => acts.sendNotice(notice(i, 'email')));
    report(`notices, e-mail (SMTP loopback), sequential: ${rate(NOTICES, s)}`);
    s = await pool(NOTICES, CONC, (i) => acts.sendNotice(notice(NOTICES + i, 'email')));
    report(`notices, e-mail, ${CONC} concurrent:           ${rate(NOTICES, s)}`);
    s = await pool(NOTICES, CONC, (i) => acts.sendNotice(notice(i, 'webhook')));
    report(`notices, signed webhook, ${CONC} concurrent:   ${rate(NOTICES, s)}`);
    s = await pool(NOTICES, CONC, (i) => acts.sendNotice(notice(i, 'email')));
    report(`notices replayed (already delivered):      ${rate(NOTICES, s)}`);
    const received = smtp.messages.length;
    report(`SMTP server received ${received} messages (expected ${2 * NOTICES}); webhook receiver ${receiver.received.length} (expected ${NOTICES})`);
    if (received !== 2 * NOTICES || receiver.received.length !== NOTICES) process.exitCode = 1;
  } finally {
    await closeActivities(acts);
    await smtp.close();
    await receiver.close();
    await db.end();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
    await server?.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
