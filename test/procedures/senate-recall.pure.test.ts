// Art. 24-1 (P-18), the specification alone: no Temporal, no PostgreSQL, no SMTP. Each row is
// dated acts → the stage, the deadlines and the refusals the law gives. The region: M1 (120
// electors) + M2 (80) = 200; 25% of 200 = 50, of M1 = 30, of M2 = 20; 2/3 of 200 = 134.
// The 2025 calendar: 8 March (Saturday) carried to 10 March; Nauryz 21–23 March carried to 24–25 March.
// Notices are delivered at once, so the maslikhat's notice is received on the day of the decision (3 March).
import { describe, expect, it } from 'vitest';
import { senateRecallSpec } from '../../workflows/senate-recall.js';
import type { Io } from '../../workflows/engine/spec.js';
import { startPure } from '../harness/pure.js';

const at = (date: string, time = '10:00') => `${date}T${time}:00+05:00`;
const oik = { kind: 'body', id: 'oik-test', name: 'Облыстық сайлау комиссиясы', role: 'commission' };
const init = { kind: 'person', id: 'init-1', name: 'Бастамашы Бір' };
const FILE = 'a'.repeat(64);
const input = (senator = 'SEN-1', decisionDate = '2025-03-03', interpretations: { id: string; chosen: string }[] = []) => ({
  unit: 'KZ-TEST-R', startedBy: { kind: 'body', id: 'KZ-TEST-R-M', name: 'Облыстық мәслихат' },
  senator: { id: senator, fullName: 'Сенатор Тестов Тест', address: 'sen@senate.example.kz' },
  commission: { name: 'Облыстық сайлау комиссиясы', address: 'oik@election.example.kz' },
  maslikhatName: { kk: 'Сынақ облыстық мәслихаты', ru: 'Тестовый областной маслихат', en: 'Test regional maslikhat' },
  regionName: { kk: 'Сынақ облысы', ru: 'Тестовой области', en: 'the Test region' },
  grounds: 'Сайлаушылардың сенімін жоғалту',
  initiation: { decisionDate, decisionNumber: '12/3' },
  interpretations,
});

/** The registers and the sheets, as fixture data: valid signatures per maslikhat and invalid ones. */
function io(sig: { m1: number; m2: number; invalid?: number } = { m1: 30, m2: 20 }, bar: { allowedFrom: string; refusedOn: string } | null = null): Io {
  const invalid = sig.invalid ?? 0;
  const data = {
    senateRecallBarCheck: async () => (bar ? { barred: true, ...bar, procedureId: 'senate_recall:SEN-1', grounds: 'x' } : { barred: false }),
    issueSignatureSheets: async (i: { count: number }) => ({ sheets: Array.from({ length: i.count }, (_, n) => ({ serial: `SR-${n + 1}`, seq: n + 1, initiatorId: 'init-1', documentSha256: '0'.repeat(64) })), digest: 'd'.repeat(64) }),
    senateRecallBatchInfo: async (i: { files: string[] }) => {
      if (i.files.some((f) => f !== FILE)) throw new Error(`not imported for this recall: ${i.files.join(', ')}`);
      return [{ batchId: 'B1', rows: sig.m1 + sig.m2 + invalid, fileSha256: FILE }];
    },
    verifySignatures: async (i: { date: string }) => ({
      verificationId: 'V1', date: i.date, electorsDigest: 'e'.repeat(64), protocolDigest: 'p'.repeat(64),
      collected: sig.m1 + sig.m2 + invalid, valid: sig.m1 + sig.m2, invalid, reasons: { not_elector: invalid, duplicate: 0, data_mismatch: 0, sheet_not_issued: 0 },
      perMaslikhat: [{ maslikhat: 'M1', electors: 120, signatures: sig.m1 }, { maslikhat: 'M2', electors: 80, signatures: sig.m2 }],
    }),
    electorsAsOf: async (i: { areaId: string; date: string }) => ({ areaId: i.areaId, date: i.date, maslikhats: [], electors: Array.from({ length: 200 }, (_, n) => ({ id: `E${n}`, maslikhatId: 'M1' })), digest: 'r'.repeat(64) }),
    senateRecallRecordBar: async () => undefined,
  };
  return data as unknown as Io;
}

type Act = [name: string, date: string, input: Record<string, unknown>, refusal?: string];
const issue = (d = '2025-03-05', refusal?: string): Act => ['issueSheets', d, { actor: oik, count: 5, initiators: [{ id: 'init-1', name: 'Бастамашы Бір' }] }, refusal];
const received = (d = '2025-03-05'): Act => ['sheetsReceived', `${d}|15:00`, { actor: init }];
const submit = (d = '2025-03-15', refusal?: string, files = [FILE]): Act => ['submitSheets', d, { actor: init, files }, refusal];
const verify = (d = '2025-03-17'): Act => ['verify', d, { actor: oik }];
const sitting = (present: number, voted: number, votesFor: number, refusal?: string): Act => ['jointSitting', '2025-03-28', { actor: oik, present, voted, votesFor }, refusal];
const protocol = (d = '2025-03-29', refusal?: string): Act => ['sendProtocolToCec', d, { actor: oik, protocolNumber: 'P-1' }, refusal];
const result = (d = '2025-04-01'): Act => ['establishResult', d, { actor: oik }];
const appeal = (against: string, d: string, refusal?: string): Act => ['appeal', d, { actor: init, against, to: 'higher_commission', summary: 'шағым' }, refusal];
const toDecision: Act[] = [issue(), received(), submit(), verify()];

interface Row {
  name: string;
  interpretations?: { id: string; chosen: string }[];
  sig?: { m1: number; m2: number; invalid?: number };
  acts: Act[];
  until?: string;
  stage: string;
  outcome?: string | null;
  deadlines?: Record<string, string>;
  missed?: string[];
}

const rows: Row[] = [
  // 24-1(1): 3 calendar days from 3 March → 6 March, closed by the delivery of both notices;
  // 24-1(3): ten working days from receipt on 3 March: 4–7 (4), 8–10 off (10 March in lieu of 8 March), 11–14 (8), 17 (9), 18 (10)
  { name: 'start: the notices delivered, sheets due in ten working days', acts: [], stage: 'sheet_issue', deadlines: { 'art24_1.p3.sheet_issue': '2025-03-18' } },
  // 24-1(4): thirty calendar days from receipt of the sheets on 5 March → 4 April (Friday);
  // 24-1(11): ten days from the sheet issue of 5 March → 15 March, a Saturday → Monday 17 March
  { name: 'sheets issued and received: collection until 4 April', acts: [issue(), received()], stage: 'collection', deadlines: { 'art24_1.p4.collection': '2025-04-04', 'art24_1.p11.appeal': '2025-03-17' } },
  { name: 'sheets issued after 18 March: accepted and flagged; the missed deadline shown', acts: [issue('2025-03-19')], stage: 'sheets_issued', missed: ['art24_1.p3.sheet_issue'] },
  // 24-1(4): verification within five calendar days of the submission on 15 March → 20 March
  { name: 'sheets submitted: verification within five days', acts: [issue(), received(), submit()], stage: 'verification', deadlines: { 'art24_1.p4.verification': '2025-03-20' } },
  { name: 'an unknown file is refused', acts: [issue(), received(), submit('2025-03-15', 'unknown_batch', ['b'.repeat(64)])], stage: 'collection' },
  { name: 'late sheets on 5 April: too_late, the collection lapsed on 4 April; its closing appealable until 14 April', acts: [issue(), received(), submit('2025-04-05', 'too_late')], stage: 'appeal_window', outcome: 'lapsed', deadlines: { 'art24_1.p11.appeal': '2025-04-14' }, missed: ['art24_1.p4.collection'] },
  { name: 'sheets on the last day (4 April, 23:00) are accepted', acts: [issue(), received(), submit('2025-04-04|23:00')], stage: 'verification' },
  // 24-1(7): one month from the decision of 17 March → 17 April; the appeal of the decision: ten days → 27 March
  { name: 'exactly 25% (50 of 200; 30/120, 20/80): put to a vote', acts: toDecision, stage: 'put_to_vote', deadlines: { 'art24_1.p7.joint_sitting': '2025-04-17', 'art24_1.p11.appeal': '2025-03-27' } },
  { name: '49 of 200: refused; the appeal window stays open after the outcome', sig: { m1: 29, m2: 20 }, acts: toDecision, stage: 'appeal_window', outcome: 'refused', deadlines: { 'art24_1.p11.appeal': '2025-03-27' } },
  { name: 'refused, the ten days pass (27 March): closed', sig: { m1: 29, m2: 20 }, acts: toDecision, until: at('2025-03-28'), stage: 'closed', outcome: 'refused' },
  { name: '2 of 100 invalid (more than 1%): refused', sig: { m1: 60, m2: 38, invalid: 2 }, acts: toDecision, stage: 'appeal_window', outcome: 'refused' },
  { name: 'T-5: M2 19/80 under "each": refused', sig: { m1: 60, m2: 19 }, acts: toDecision, stage: 'appeal_window', outcome: 'refused' },
  { name: 'T-5: M2 19/80 under "at_least_one": put to a vote', interpretations: [{ id: 'art24_1.p2.one_maslikhat', chosen: 'at_least_one' }], sig: { m1: 60, m2: 19 }, acts: toDecision, stage: 'put_to_vote' },
  { name: 'appeal on day 10 (27 March) considered, day 11 not', acts: [...toDecision, appeal('decision', '2025-03-27'), appeal('decision', '2025-03-28', 'too_late')], stage: 'put_to_vote' },
  { name: 'an appeal against a vote count not held yet', acts: [...toDecision, appeal('vote_count', '2025-03-18', 'nothing_to_appeal')], stage: 'put_to_vote' },
  { name: 'a verification before the submission: wrong stage', acts: [issue(), ['verify', '2025-03-06', { actor: oik }, 'wrong_stage']], stage: 'sheets_issued' },
  { name: '133 present of 200 (quorum 134): the vote did not take place; nothing left to appeal → closed', acts: [...toDecision, sitting(133, 133, 133)], stage: 'closed', outcome: 'vote_not_held' },
  { name: '134 present, 89 voted (needs 90): did not take place', acts: [...toDecision, sitting(134, 89, 89)], stage: 'closed', outcome: 'vote_not_held' },
  { name: 'more present than elected', acts: [...toDecision, sitting(201, 150, 100, 'count_exceeds_base')], stage: 'put_to_vote' },
  { name: 'more votes for than voters', acts: [...toDecision, sitting(134, 90, 91, 'count_exceeds_base')], stage: 'put_to_vote' },
  // 24-1(9): two days from 28 March → Sunday 30 → Monday 31 March; 24-1(10): seven days → 4 April (Friday)
  { name: 'the vote held: protocol by 31 March, result by 4 April', acts: [...toDecision, sitting(134, 90, 45)], stage: 'counting', deadlines: { 'art24_1.p9.protocol_to_cec': '2025-03-31', 'art24_1.p10.cec_result': '2025-04-04', 'art24_1.p11.appeal': '2025-04-07' } },
  { name: 'the protocol twice', acts: [...toDecision, sitting(134, 90, 45), protocol(), protocol('2025-03-30', 'duplicate')], stage: 'counting' },
  // 24-1(11): ten days from the result of 1 April → 11 April
  { name: '45 of 90 (exactly 50%): not terminated; appealable until 11 April', acts: [...toDecision, sitting(134, 90, 45), protocol(), result()], stage: 'appeal_window', outcome: 'not_terminated', deadlines: { 'art24_1.p11.appeal': '2025-04-11' } },
  { name: '46 of 90: powers terminated; closed after 11 April', acts: [...toDecision, sitting(134, 90, 46), protocol(), result()], until: at('2025-04-15'), stage: 'closed', outcome: 'powers_terminated' },
  { name: 'the CEC misses 4 April: both deadlines shown missed, the late result accepted', acts: [...toDecision, sitting(134, 90, 46), result('2025-04-05')], stage: 'appeal_window', outcome: 'powers_terminated', missed: ['art24_1.p9.protocol_to_cec', 'art24_1.p10.cec_result'] },
];

const when = (d: string) => (d.includes('|') ? at(d.split('|')[0]!, d.split('|')[1]) : at(d));

describe('Art. 24-1 without servers: dated acts → stage, deadlines, refusals', () => {
  for (const r of rows) {
    it(r.name, async () => {
      const run = await startPure(senateRecallSpec, at('2025-03-03'), input('SEN-1', '2025-03-03', r.interpretations), io(r.sig));
      const got: (string | null)[] = [];
      for (const [name, d, a] of r.acts) got.push(await run.act(name, { ...a, at: when(d) }));
      expect(got).toEqual(r.acts.map((a) => a[3] ?? null));
      if (r.until) await run.until(r.until);
      const st = run.state() as ReturnType<typeof run.state> & { facts: { missed: { rule: string }[] } };
      expect(st.stage).toBe(r.stage);
      expect(st.outcome).toBe(r.outcome ?? null);
      for (const [rule, date] of Object.entries(r.deadlines ?? {})) expect(st.deadlines.find((x) => x.rule === rule)?.period.date, rule).toBe(date);
      if (r.missed) expect(st.facts.missed.map((m) => m.rule)).toEqual(r.missed);
    });
  }

  it('every deadline is opened with its derivation; the late sheets are refused with the date the period ended', async () => {
    const run = await startPure(senateRecallSpec, at('2025-03-03'), input(), io());
    for (const a of [issue(), received()]) await run.act(a[0], { ...a[2], at: when(a[1]) });
    const opened = run.records.filter((x) => x.act.type === 'deadlines_opened').flatMap((x) => (x.act.payload as { deadlines: { rule: string }[] }).deadlines.map((d) => d.rule));
    // 24-1(1) at the start, 24-1(3) on receipt of the notice, then the appeal of the issue and the collection
    expect(opened).toEqual(['art24_1.p1.notify', 'art24_1.p3.sheet_issue', 'art24_1.p11.appeal', 'art24_1.p4.collection']);
    expect(run.records.map((x) => x.step)).toContain('2025-03-03/initiation');
    await run.until(at('2025-04-05'));
    expect(run.records.find((x) => x.act.type === 'timer_expiry' && (x.act.payload as { rule: string }).rule === 'art24_1.p4.collection')?.act.payload).toMatchObject({ rule: 'art24_1.p4.collection', consequence: 'lapsed', period: { date: '2025-04-04' } });
    await expect(run.p.perform('submitSheets', { actor: init, at: at('2025-04-05'), files: [FILE] }, io())).rejects.toMatchObject({ body: { code: 'too_late', date: '2025-04-04', rule: 'art24_1.p4.collection', field: 'at' } });
  });

  it('24-1(6): a refusal of 17 March 2025 bars the same grounds until 17 March 2026 inclusive', async () => {
    const run = await startPure(senateRecallSpec, at('2025-03-03'), input(), io({ m1: 10, m2: 10 }));
    for (const a of toDecision) await run.act(a[0], { ...a[2], at: when(a[1]) });
    expect((run.state().facts as { decision: { bar: unknown } }).decision.bar).toEqual({ endsOn: '2026-03-17', allowedFrom: '2026-03-18' });
    await expect(startPure(senateRecallSpec, at('2026-03-17'), input('SEN-1', '2026-03-17'), io(undefined, { allowedFrom: '2026-03-18', refusedOn: '2025-03-17' })))
      .rejects.toMatchObject({ body: { code: 'barred', date: '2026-03-17', rule: 'art24_1.p6.reinitiation_bar' } });
    await expect(startPure(senateRecallSpec, at('2025-03-03'), input('SEN-1', '2025-03-04'), io())).rejects.toMatchObject({ body: { code: 'in_future' } });
  });
});
