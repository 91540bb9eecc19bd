// Acts of a real procedure over HTTP: the rural akim election (Art. 36-1, P-19) started through the
// API with today's pins, its election called by the commission — roles from its definition, legal
// refusals from its validators, the actor from the token in the record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startStack, type Stack } from './helpers.js';
import { createToken } from '../../client/http/tokens.js';
import { ErrorSchema, ProcedureViewSchema, RecordResponseSchema } from '../../client/http/schemas.js';
import { legalToday } from '../../client/pins.js';

// The API refuses what-if runs, so this procedure lives in real time: dates are relative to today.
const plusDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const today = legalToday();
const termEnd = plusDays(today, 210);

let s: Stack;
let admin: string;
let commission: string;
beforeAll(async () => {
  s = await startStack();
  admin = (await createToken(s.db.pool, { role: 'administrator', body: 'KZ-R.BELBULAK', actorId: 'akimat-r', name: 'Белбұлақ ауылдық округі әкімінің аппараты' })).token;
  commission = (await createToken(s.db.pool, { role: 'commission', body: 'KZ-R.BELBULAK', actorId: 'tik-r', name: 'Аудандық сайлау комиссиясы' })).token;
  // the registers the procedure names, imported through the API by the region's administrator
  const region = (await createToken(s.db.pool, { role: 'administrator', body: 'KZ-REG', actorId: 'akimat-reg', name: 'Облыс әкімдігі' })).token;
  const deputies = Array.from({ length: 20 }, (_, i) => `M-R-${i + 1},M-R,P-R-${i + 1},Депутат ${i + 1},2021-01-15`);
  for (const [register, csv] of [
    ['admin_units', 'id,kind,parent_id,name_kk,name_ru\nKZ-REG,region,,Облыс,Область\nKZ-R,district,KZ-REG,Аудан,Район\nKZ-R.BELBULAK,rural_district,KZ-R,Бельбұлақ,Бельбулак\n'],
    ['maslikhats', 'id,unit_id,name_kk,name_ru,seats\nM-R,KZ-R,Аудандық мәслихат,Районный маслихат,20\n'],
    ['deputies', `id,maslikhat_id,person_id,full_name,term_start\n${deputies.join('\n')}\n`],
  ] as const) {
    const r = await call(s.base, 'POST', `/v1/registers/${register}`, { token: region, key: `reg-${register}`, raw: csv, contentType: 'text/csv' });
    if (r.status !== 200) throw new Error(`${register}: ${r.status} ${JSON.stringify(r.body)}`);
  }
}, 240_000);
afterAll(async () => {
  await s?.stop();
});

let n = 0;
const key = () => `r-${++n}`;

describe('rural akim election (Art. 36-1) through the API', () => {
  let id: string;
  it('starts with the pins of today and shows its deadlines with citations', async () => {
    const r = await call(s.base, 'POST', '/v1/kinds/rural_akim_election/procedures', {
      token: admin, key: key(),
      body: { unit: 'KZ-R.BELBULAK', districtMaslikhatId: 'M-R', trigger: { kind: 'term_end', termEnd } },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const v = ProcedureViewSchema.parse(r.body);
    id = v.id;
    expect(v).toMatchObject({ kind: 'rural_akim_election', procedure: 'P-19', status: 'RUNNING', unit: 'KZ-R.BELBULAK' });
    const deadlines = (v.state?.deadlines ?? []) as { rule: string; period: { citations: { article: string }[] } }[];
    expect(deadlines.length).toBeGreaterThan(0);
    expect(deadlines[0]!.period.citations[0]!.article).toMatch(/^36/);
    // 36-1(10): the call is due 40 days before the term ends
    expect(v.stage).toBe('awaiting_call');
    expect(deadlines.map((d) => d.rule)).toContain('art36_1.p10.call_deadline');
  });

  it('the commission calls the election; an administrator may not (the definition says so)', async () => {
    const adm = await call(s.base, 'POST', `/v1/procedures/${encodeURIComponent(id)}/acts/callElection`, { token: admin, key: key(), body: { decisionNumber: 'ТИК-1', electionDay: plusDays(today, 28) } });
    expect(adm.status).toBe(403);
    expect(ErrorSchema.parse(adm.body).code).toBe('forbidden_role');
    // 36-1(10) "и проводятся в течение месяца": an election day two months away is refused, with the rule and the date
    const late = await call(s.base, 'POST', `/v1/procedures/${encodeURIComponent(id)}/acts/callElection?lang=ru`, { token: commission, key: key(), body: { decisionNumber: 'ТИК-1', electionDay: plusDays(today, 60) } });
    expect(late.status, JSON.stringify(late.body)).toBe(409);
    const e = ErrorSchema.parse(late.body);
    expect(e).toMatchObject({ code: 'too_late', field: 'electionDay', rule: 'art36_1.p10.hold_within_month', lang: 'ru' });
    expect(e.citation).toMatchObject({ article: '36-1', paragraph: '10' });
    expect(e.date! > today && e.date! < plusDays(today, 60)).toBe(true);
    expect(e.message).toContain(`Срок истёк ${e.date}`);
    // the last day the law allows (36-1(10)) — if nomination (30 days before it, 36-1(3)) would open before today, the window is empty
    const electionDay = e.date!;
    const k = key();
    const ok = await call(s.base, 'POST', `/v1/procedures/${encodeURIComponent(id)}/acts/callElection`, { token: commission, key: k, body: { decisionNumber: 'ТИК-1', electionDay } });
    if (plusDays(electionDay, -30) < today) {
      expect(ErrorSchema.parse(ok.body)).toMatchObject({ code: 'nomination_before_call', rule: 'art36_1.p3.nomination_opens' });
      return;
    }
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.procedure.stage).not.toBe('awaiting_call');
    const rec = RecordResponseSchema.parse((await call(s.base, 'GET', `/v1/procedures/${encodeURIComponent(id)}/record`, { token: admin })).body);
    const called = rec.acts.find((a) => a.actType === 'rural_akim.election_called');
    expect(called?.actor).toEqual({ kind: 'person', id: 'tik-r', name: 'Аудандық сайлау комиссиясы', role: 'commission' });
    // a retried call (same key) answers the same and records nothing new
    const again = await call(s.base, 'POST', `/v1/procedures/${encodeURIComponent(id)}/acts/callElection`, { token: commission, key: k, body: { decisionNumber: 'ТИК-1', electionDay } });
    expect(again.body).toEqual(ok.body);
    const rec2 = RecordResponseSchema.parse((await call(s.base, 'GET', `/v1/procedures/${encodeURIComponent(id)}/record`, { token: admin })).body);
    expect(rec2.acts.length).toBe(rec.acts.length);
  });
});
