import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDatabase } from '../harness/postgres.js';
import { akimAsOf, electorsAsOf, importRegisterCsv, rosterAsOf } from '../../activities/registers.js';
import { RegisterImportError } from '../../activities/errors.js';
import { StatuteError } from '../../statute/errors.js';

let db: FreshDatabase;
const owner = () => ({ pool: db.pool });
const worker = () => ({ pool: db.pool, role: 'tartip_worker' });

const UNITS = `id,kind,parent_id,name_kk,name_ru
ALM-R,region,,Алматы облысы,Алматинская область
ALM-R.TALGAR,district,ALM-R,Талғар ауданы,Талгарский район
ALM-R.KONAEV,city_regional,ALM-R,Қонаев қаласы,город Конаев
ALM-R.TALGAR.BELBULAK,rural_district,ALM-R.TALGAR,Бельбұлақ ауылдық округі,Бельбулакский сельский округ
ALM-R.TALGAR.BELBULAK.V1,village,ALM-R.TALGAR.BELBULAK,Бельбұлақ ауылы,село Бельбулак
AST,capital,,Астана қаласы,город Астана
`;
// children before parents in the file on purpose: the import orders them
const MASLIKHATS = `id,unit_id,name_kk,name_ru,seats,seats_basis
M-TALGAR,ALM-R.TALGAR,Талғар аудандық мәслихаты,Талгарский районный маслихат,3,ТИК 2023-03-20 № 5
M-ALM-R,ALM-R,Алматы облыстық мәслихаты,Алматинский областной маслихат,4,
M-KONAEV,ALM-R.KONAEV,Қонаев қалалық мәслихаты,Конаевский городской маслихат,2,
M-AST,AST,Астана қалалық мәслихаты,Маслихат города Астаны,2,
`;
const DEPUTIES = `id,maslikhat_id,person_id,full_name,term_start,term_end,end_reason
D1,M-ALM-R,P1,Әбенов Ерлан,2023-03-29,,
D2,M-ALM-R,P2,Иванова Анна,2023-03-29,2025-06-10,сложение полномочий
D3,M-ALM-R,P3,Сейітқали Айгүл,2025-07-01,,
D4,M-ALM-R,P4,"Нұрланов, Дәулет",2023-03-29,,
D5,M-TALGAR,P5,Омаров Бақыт,2023-03-29,,
D6,M-KONAEV,P6,Ким Ольга,2023-03-29,2024-01-15,смерть
D7,M-AST,P7,Жұмабаев Нұржан,2023-03-29,,
`;
const AKIMS = `id,unit_id,title_kk,title_ru
A-ALM-R,ALM-R,Алматы облысының әкімі,аким Алматинской области
`;
const INCUMBENTS = `id,post_id,person_id,full_name,term_start,term_end,basis
I1,A-ALM-R,P10,Бозымбаев Қанатбек,2022-06-11,2025-02-01,Указ
I2,A-ALM-R,P11,Сұлтанғазиев Марлен,2025-02-01,,Указ
`;

async function count(table: string): Promise<number> {
  const r = await db.pool.query(`SELECT count(*)::int AS n FROM ${table}`);
  return r.rows[0].n;
}

beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => {
  await db?.close();
});

describe('registers', () => {
  it('imports units, maslikhats, deputies and akims', async () => {
    expect(await importRegisterCsv(owner(), 'admin_units', UNITS)).toMatchObject({ rows: 6 });
    expect(await importRegisterCsv(owner(), 'maslikhats', MASLIKHATS)).toMatchObject({ rows: 4 });
    expect(await importRegisterCsv(owner(), 'deputies', DEPUTIES)).toMatchObject({ rows: 7 });
    await importRegisterCsv(owner(), 'akim_posts', AKIMS);
    await importRegisterCsv(owner(), 'akim_incumbents', INCUMBENTS);
    expect(await count('deputies')).toBe(7);
  });

  it('reads a roster as of a date, with a stable digest', async () => {
    const before = await rosterAsOf(worker(), { maslikhatId: 'M-ALM-R', date: '2025-06-09' });
    expect(before.deputies.map((d) => d.id)).toEqual(['D1', 'D2', 'D4']);
    expect(before.seats).toBe(4);
    expect(before.deputies[2]).toEqual({ id: 'D4', personId: 'P4', fullName: 'Нұрланов, Дәулет', termStart: '2023-03-29', termEnd: null });
    // term_end is the first day without the mandate
    const onEnd = await rosterAsOf(worker(), { maslikhatId: 'M-ALM-R', date: '2025-06-10' });
    expect(onEnd.deputies.map((d) => d.id)).toEqual(['D1', 'D4']);
    const later = await rosterAsOf(worker(), { maslikhatId: 'M-ALM-R', date: '2025-07-01' });
    expect(later.deputies.map((d) => d.id)).toEqual(['D1', 'D3', 'D4']);
    expect(before.digest).toMatch(/^[0-9a-f]{64}$/);
    expect((await rosterAsOf(worker(), { maslikhatId: 'M-ALM-R', date: '2025-06-09' })).digest).toBe(before.digest);
    expect(onEnd.digest).not.toBe(before.digest);
  });

  it('lists the electors of a region: deputies of all its maslikhats (Art. 24-1)', async () => {
    const e = await electorsAsOf(worker(), { areaId: 'ALM-R', date: '2024-02-01' });
    expect(e.electors.map((d) => d.id)).toEqual(['D1', 'D2', 'D4', 'D5']);
    expect(e.maslikhats.map((m) => m.maslikhatId)).toEqual(['M-ALM-R', 'M-KONAEV', 'M-TALGAR']);
    const earlier = await electorsAsOf(worker(), { areaId: 'ALM-R', date: '2024-01-14' });
    expect(earlier.electors.map((d) => d.id)).toContain('D6');
    await expect(electorsAsOf(worker(), { areaId: 'ALM-R.TALGAR', date: '2024-01-14' })).rejects.toThrow(/not an electoral area/);
  });

  it('names the akim in office on a date', async () => {
    expect((await akimAsOf(worker(), { unitId: 'ALM-R', date: '2025-01-31' })).incumbent?.id).toBe('I1');
    expect((await akimAsOf(worker(), { unitId: 'ALM-R', date: '2025-02-01' })).incumbent?.id).toBe('I2');
    expect((await akimAsOf(worker(), { unitId: 'ALM-R', date: '2020-01-01' })).incumbent).toBeNull();
  });

  it('a CSV with one bad row stores nothing and names the row', async () => {
    const before = await count('deputies');
    const csv = `id,maslikhat_id,person_id,full_name,term_start,term_end,end_reason
D20,M-ALM-R,P20,Первый Депутат,2025-08-01,,
D21,M-ALM-R,P21,Второй Депутат,2025-02-30,,
D22,M-ALM-R,P22,Третий Депутат,2025-08-01,,
`;
    const err = await importRegisterCsv(owner(), 'deputies', csv).catch((e) => e);
    expect(err).toBeInstanceOf(RegisterImportError);
    expect(err).toBeInstanceOf(StatuteError);
    expect(err.rows).toEqual([{ line: 3, field: 'term_start', reason: 'not a calendar date' }]);
    expect(err.body.code).toBe('register_file_rejected');
    expect(await count('deputies')).toBe(before);
  });

  it('lists every bad row, including those only the database can judge', async () => {
    const csv = `id,maslikhat_id,person_id,full_name,term_start,term_end,end_reason
D30,M-ALM-R,P30,Хороший Депутат,2025-08-01,,
D31,M-NOWHERE,P31,Неизвестный Маслихат,2025-08-01,,
D32,M-ALM-R,P32,,2025-08-01,,
D33,M-ALM-R,P1,Әбенов Ерлан,2024-01-01,,
D34,M-ALM-R,P34,Обратный Срок,2025-08-01,2025-07-01,
D30,M-ALM-R,P35,Повтор,2025-08-01,,
`;
    const err: RegisterImportError = await importRegisterCsv(owner(), 'deputies', csv).catch((e) => e);
    expect(err.rows.map((r) => [r.line, r.field])).toEqual([
      [3, 'maslikhat_id'],
      [4, 'full_name'],
      [5, 'term_start'],
      [6, 'term_end'],
      [7, 'id'],
    ]);
    expect(err.message).toMatch(/line 5 \[term_start\]: term overlaps a mandate of the same person \(D1\)/);
    expect(await count('deputies')).toBe(7);
  });

  it('checks the hierarchy of units and the header', async () => {
    const bad = `id,kind,parent_id,name_kk,name_ru
X-V,village,AST,Ауыл,Село
X-R,region,AST,Облыс,Область
X-D,district,X-MISSING,Аудан,Район
`;
    const err: RegisterImportError = await importRegisterCsv(owner(), 'admin_units', bad).catch((e) => e);
    expect(err.rows.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(err.rows[0]!.reason).toMatch(/cannot stand under a capital/);
    const header: RegisterImportError = await importRegisterCsv(owner(), 'admin_units', 'id,kind,colour\nA,region,red\n').catch((e) => e);
    expect(header.rows).toEqual([{ line: 1, reason: 'missing columns name_kk, name_ru; unknown columns colour' }]);
    const ragged: RegisterImportError = await importRegisterCsv(owner(), 'akim_posts', 'id,unit_id,title_kk,title_ru\nA,B,C\n').catch((e) => e);
    expect(ragged.rows[0]!.line).toBe(2);
    expect(await count('admin_units')).toBe(6);
  });

  it('the worker role only reads registers', async () => {
    await expect(importRegisterCsv(worker(), 'akim_posts', 'id,unit_id,title_kk,title_ru\nA-AST,AST,Әкім,Аким\n')).rejects.toThrow(
      /permission denied/,
    );
  });
});
