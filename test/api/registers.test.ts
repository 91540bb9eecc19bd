// Registers and signature sheets through the interfaces (issue 19): import all or nothing with
// every bad row named, administrators only within their body's units, each import recorded;
// list, show, export (an export imports back); a start naming an unregistered entry refused
// before anything starts; a Senate recall's sheets loaded by the API and by the CLI.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startStack, tartipOn, type Stack } from './helpers.js';
import { startSmtpServer, type TestSmtpServer } from '../harness/smtp.js';
import { createToken } from '../../client/http/tokens.js';
import { ErrorSchema, ProcedureViewSchema } from '../../client/http/schemas.js';
import { legalToday } from '../../client/pins.js';
import { sheetSerial } from '../../activities/senate-recall.js';
import { PROJECT_ROOT } from '../../worker/provision/temporal-binaries.js';

let s: Stack;
let smtp: TestSmtpServer;
let region: string; // administrator of KZ-REG
let other: string; // administrator of KZ-OTHER
let recallAdmin: string; // administrator of KZ-TEST-R (examples/senate_recall/registers)
let recallCommission: string;
let dir: string;
beforeAll(async () => {
  smtp = await startSmtpServer();
  s = await startStack({ mail: { host: smtp.host, port: smtp.port } });
  const mk = (role: 'administrator' | 'commission', body: string, actorId: string, name: string) => createToken(s.db.pool, { role, body, actorId, name }).then((t) => t.token);
  region = await mk('administrator', 'KZ-REG', 'reg-admin', 'Гүлнар Әбенова');
  other = await mk('administrator', 'KZ-OTHER', 'other-admin', 'Other Admin');
  recallAdmin = await mk('administrator', 'KZ-TEST-R', 'recall-admin', 'Облыстық мәслихат хатшысы');
  recallCommission = await mk('commission', 'KZ-TEST-R', 'oik', 'Облыстық сайлау комиссиясы');
  dir = mkdtempSync(path.join(os.tmpdir(), 'tartip-registers-'));
}, 240_000);
afterAll(async () => {
  await s?.stop();
  await smtp?.close();
});

let n = 0;
const key = () => `reg-${++n}`;
const csv = (token: string, register: string, text: string, lang?: string) => call(s.base, 'POST', `/v1/registers/${register}${lang ? `?lang=${lang}` : ''}`, { token, key: key(), raw: text, contentType: 'text/csv' });
const count = async (table: string) => (await s.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;

const UNITS = 'id,kind,parent_id,name_kk,name_ru\nKZ-REG,region,,Облыс,Область\nKZ-REG.D,district,KZ-REG,Аудан,Район\nKZ-REG.D.V,rural_district,KZ-REG.D,Ауылдық округ,Сельский округ\n';

const tartip = (args: string[], env: Record<string, string> = {}) => tartipOn(s, args, env);

describe('registers through the API', () => {
  it('imports a CSV file and records who imported which file', async () => {
    const r = await csv(region, 'admin_units', UNITS);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ register: 'admin_units', rows: 3, importedBy: { actorId: 'reg-admin', body: 'KZ-REG' } });
    expect(r.body.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    const rec = await s.db.pool.query(`SELECT register, file_sha256, row_count, actor_id, actor_name, body_id FROM register_imports ORDER BY import_id DESC LIMIT 1`);
    expect(rec.rows[0]).toEqual({ register: 'admin_units', file_sha256: r.body.fileSha256, row_count: 3, actor_id: 'reg-admin', actor_name: 'Гүлнар Әбенова', body_id: 'KZ-REG' });
  });

  it('imports JSON rows too', async () => {
    const r = await call(s.base, 'POST', '/v1/registers/maslikhats', { token: region, key: key(), body: { rows: [{ id: 'M-REG.D', unit_id: 'KZ-REG.D', name_kk: 'Аудандық мәслихат', name_ru: 'Районный маслихат', seats: 15 }] } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.rows).toBe(1);
  });

  it('a file with bad rows is refused whole, every bad row named with its line and field (kk/ru/en)', async () => {
    const before = await count('deputies');
    const file = 'id,maslikhat_id,person_id,full_name,term_start\nD-1,M-REG.D,P-1,Бірінші Депутат,2024-01-10\nD-2,M-NONE,P-2,Екінші Депутат,2024-01-10\nD-3,M-REG.D,P-3,,2024-02-30\n';
    const r = await csv(region, 'deputies', file, 'ru');
    expect(r.status).toBe(422);
    const e = ErrorSchema.parse(r.body);
    expect(e.code).toBe('register_file_rejected');
    expect(e.message).toContain('ничего не сохранено');
    const fields = e.issues!.map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['line 3: maslikhat_id', 'line 4: full_name', 'line 4: term_start']));
    expect(fields.some((f) => f.startsWith('line 2'))).toBe(false);
    expect(await count('deputies')).toBe(before);
    const kk = await csv(region, 'deputies', file, 'kk');
    expect(ErrorSchema.parse(kk.body).message).toContain('ештеңе сақталған жоқ');
  });

  it("an administrator may not change another body's units: refused whole (403), each row named", async () => {
    const before = await count('admin_units');
    const r = await csv(other, 'admin_units', 'id,kind,parent_id,name_kk,name_ru\nKZ-OTHER,region,,Басқа,Другая\nKZ-REG.D2,district,KZ-REG,Бөтен аудан,Чужой район\n');
    expect(r.status).toBe(403);
    const e = ErrorSchema.parse(r.body);
    expect(e.code).toBe('register_out_of_scope');
    expect(e.issues!.map((i) => i.field)).toEqual(['line 3: id']);
    expect(await count('admin_units')).toBe(before);
    // a commission member imports nothing
    const c = await csv(recallCommission, 'admin_units', UNITS);
    expect(c.status).toBe(403);
    expect(ErrorSchema.parse(c.body).code).toBe('forbidden_role');
  });

  it('lists, shows and exports; an export imports back unchanged', async () => {
    const l = await call(s.base, 'GET', '/v1/registers', { token: other });
    expect(l.status).toBe(200);
    const units = (l.body.registers as { register: string; rows: number; lastImport: { actorId: string } | null }[]).find((x) => x.register === 'admin_units')!;
    expect(units.rows).toBeGreaterThanOrEqual(3);
    expect(units.lastImport?.actorId).toBe('reg-admin');
    const one = await call(s.base, 'GET', '/v1/registers/admin_units/KZ-REG.D', { token: other });
    expect(one.body).toEqual({ register: 'admin_units', entry: { id: 'KZ-REG.D', kind: 'district', parent_id: 'KZ-REG', name_kk: 'Аудан', name_ru: 'Район' } });
    expect((await call(s.base, 'GET', '/v1/registers/admin_units/NOPE', { token: other })).status).toBe(404);
    const unknown = await call(s.base, 'GET', '/v1/registers/akims', { token: other });
    expect(unknown.status).toBe(404);
    expect(ErrorSchema.parse(unknown.body).code).toBe('unknown_register');
    const exp = await call(s.base, 'GET', '/v1/registers/admin_units?unit=KZ-REG&format=csv', { token: other });
    expect(exp.status).toBe(200);
    expect(exp.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(exp.body).toBe('id,kind,parent_id,name_kk,name_ru\nKZ-REG,region,,Облыс,Область\nKZ-REG.D,district,KZ-REG,Аудан,Район\nKZ-REG.D.V,rural_district,KZ-REG.D,Ауылдық округ,Сельский округ\n');
    const again = await csv(region, 'admin_units', exp.body as string);
    expect(again.status).toBe(200);
    expect(again.body.fileSha256).toBe((await csv(region, 'admin_units', UNITS)).body.fileSha256);
  });

  it('a start naming an entry not in the registers is refused (422, the field and the entry named) and nothing starts', async () => {
    const admin = (await createToken(s.db.pool, { role: 'administrator', body: 'KZ-REG.D.V', actorId: 'v-admin', name: 'Округ әкімі аппараты' })).token;
    const termEnd = new Date(Date.parse(`${legalToday()}T00:00:00Z`) + 200 * 86_400_000).toISOString().slice(0, 10);
    const r = await call(s.base, 'POST', '/v1/kinds/rural_akim_election/procedures?lang=en', { token: admin, key: key(), body: { unit: 'KZ-REG.D.V', districtMaslikhatId: 'M-MISSING', trigger: { kind: 'term_end', termEnd } } });
    expect(r.status, JSON.stringify(r.body)).toBe(422);
    const e = ErrorSchema.parse(r.body);
    expect(e).toMatchObject({ code: 'not_registered', field: 'districtMaslikhatId', params: { register: 'maslikhats', id: 'M-MISSING' } });
    expect(e.message).toContain('tartip registers import');
    const h = s.env.client.workflow.getHandle('rural_akim_election:KZ-REG.D.V');
    await expect(h.describe()).rejects.toThrow();
    // with the maslikhat registered the same start goes through
    const ok = await call(s.base, 'POST', '/v1/kinds/rural_akim_election/procedures', { token: admin, key: key(), body: { unit: 'KZ-REG.D.V', districtMaslikhatId: 'M-REG.D', trigger: { kind: 'term_end', termEnd } } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    await h.terminate('test done');
  });
  it("a start naming another unit's maslikhat is refused (422, both fields named) and nothing starts", async () => {
    const ex = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'examples/deputy_sanction/01-censure-published.json'), 'utf8')) as { start: { input: Record<string, unknown> } };
    const { roster: _roster, startedBy: _by, ...input } = ex.start.input;
    // M-REG.D is the district's maslikhat (KZ-REG.D), not the region's
    const r = await call(s.base, 'POST', '/v1/kinds/deputy_sanction/procedures?lang=ru', { token: region, key: key(), body: { ...input, unit: 'KZ-REG', maslikhatId: 'M-REG.D' } });
    expect(r.status, JSON.stringify(r.body)).toBe(422);
    const e = ErrorSchema.parse(r.body);
    expect(e).toMatchObject({ code: 'not_of_entry', field: 'maslikhatId', rule: 'registers.entry_belongs', params: { owner: 'KZ-REG.D', ofField: 'unit', of: 'KZ-REG' } });
    expect(e.message).toContain('относится к «KZ-REG.D»');
    expect(await count('procedures WHERE kind = \'deputy_sanction\'')).toBe(0);
  });
});

describe('the CLI: tartip registers and tartip signatures', () => {
  let id: string;
  it('imports a folder of register files (units first) and exports one', async () => {
    const imp = await tartip(['registers', 'import', path.join(PROJECT_ROOT, 'examples/senate_recall/registers'), '--token', recallAdmin]);
    expect(imp.code, imp.err).toBe(0);
    expect(imp.out.split('\n').filter(Boolean).map((l) => l.split(':')[0])).toEqual(['admin_units', 'maslikhats', 'deputies']);
    expect(imp.out).toContain('200 entries imported');
    const exp = await tartip(['registers', 'export', 'maslikhats', '--unit', 'KZ-TEST-R']);
    expect(exp.code, exp.err).toBe(0);
    expect(exp.out).toBe('id,unit_id,name_kk,name_ru,seats,seats_basis\nKZ-TEST-D-M,KZ-TEST-D,Аудандық мәслихат,Районный маслихат,80,\nKZ-TEST-R-M,KZ-TEST-R,Облыстық мәслихат,Областной маслихат,120,\n');
    const bad = await tartip(['registers', 'import', path.join(PROJECT_ROOT, 'examples/senate_recall/registers/deputies.csv'), '--register', 'admin_units', '--token', recallAdmin]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('line 1');
    const stage = await tartip(['registers', 'show', 'units', 'X']);
    expect(stage.code, stage.err).toBe(2);
  });

  it("loads a Senate recall's sheets, which the submitSheets act then names by their sha256", async () => {
    const today = legalToday();
    const start = await call(s.base, 'POST', '/v1/kinds/senate_recall/procedures', {
      token: recallAdmin, key: key(),
      body: {
        unit: 'KZ-TEST-R', senator: { id: 'CLI-SENATOR', fullName: 'Сенатор Тестов Тест', address: 'cli-senator@senate.example.kz' },
        commission: { name: 'Облыстық сайлау комиссиясы', address: 'oik@election.example.kz' },
        maslikhatName: { kk: 'Сынақ облыстық мәслихаты', ru: 'Тестовый областной маслихат', en: 'Test regional maslikhat' },
        regionName: { kk: 'Сынақ облысы', ru: 'Тестовой области', en: 'the Test region' },
        grounds: 'Сайлаушылардың сенімін жоғалту', initiation: { decisionDate: today, decisionNumber: '1/1' },
      },
    });
    expect(start.status, JSON.stringify(start.body)).toBe(201);
    id = ProcedureViewSchema.parse(start.body).id;
    // the 24-1(1) notice goes out first (apart from the act): then the sheets may be issued
    for (let t = Date.now(); ; ) {
      const v = await call(s.base, 'GET', `/v1/procedures/${encodeURIComponent(id)}`, { token: recallAdmin });
      if (v.body.stage === 'sheet_issue') break;
      if (Date.now() - t > 60_000) throw new Error(`still ${v.body.stage}: ${JSON.stringify(v.body.state?.notices)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const act = (token: string, name: string, body: unknown) => call(s.base, 'POST', `/v1/procedures/${encodeURIComponent(id)}/acts/${name}`, { token, key: key(), body });
    const issued = await act(recallCommission, 'issueSheets', { count: 3, initiators: [{ id: 'init-1', name: 'Бастамашы Бір' }] });
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    expect((await act(recallAdmin, 'sheetsReceived', {})).status).toBe(200);
    const lines = Array.from({ length: 50 }, (_, i) => `${sheetSerial(id, today, 1 + Math.floor(i / 20))},${(i % 20) + 1},Сайлаушы Облыстық ${i + 1},KZ-TEST-R-M,1970-01-01,"Қала, көше ${i}"`);
    const file = path.join(dir, 'sheets.csv');
    writeFileSync(file, `sheet_serial,sheet_row,full_name,maslikhat_id,birth_date,address\n${lines.join('\n')}\n`);
    // a bad line: the whole file refused, the line named
    const badFile = path.join(dir, 'bad.csv');
    writeFileSync(badFile, `sheet_serial,sheet_row,full_name,maslikhat_id,birth_date,address\n${lines[0]}\n${lines[1]!.replace('1970-01-01', '1970-13-01')}\n`);
    const bad = await tartip(['signatures', 'import', id, badFile, '--token', recallAdmin]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('line 3');
    const auditor = await tartip(['signatures', 'import', id, file, '--token', recallCommission]);
    expect(auditor.code).toBe(3);
    const ok = await tartip(['signatures', 'import', id, file, '--token', recallAdmin, '--json']);
    expect(ok.code, ok.err).toBe(0);
    const r = JSON.parse(ok.out) as { rows: number; fileSha256: string; submit: { input: { files: string[] } } };
    expect(r.rows).toBe(50);
    const submitted = await act(recallAdmin, 'submitSheets', r.submit.input);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.procedure.stage).toBe('verification');
    // not a sheet file: refused, naming the columns
    const rec = await call(s.base, 'POST', `/v1/procedures/${encodeURIComponent(id)}/signatures`, { token: recallAdmin, key: key(), raw: 'x\n1\n', contentType: 'text/csv' });
    expect(rec.status).toBe(422);
    expect(ErrorSchema.parse(rec.body).issues![0]!.message).toContain('missing columns sheet_serial');
  });
});
