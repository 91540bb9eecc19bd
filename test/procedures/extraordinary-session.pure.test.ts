// Art. 10(2)-(3) (P-04), the specification alone: no Temporal, no PostgreSQL. 30 seats, 27 deputies
// elected: a third of the elected is 9 (a third of the seats would be 10); the quorum of 11(3) is
// 20 of the total (the seats, total_deputies.base default). The 2025 calendar: 8 March (Saturday)
// carried to 10 March; 19–20 April a weekend.
import { describe, expect, it } from 'vitest';
import { extraordinarySessionSpec } from '../../workflows/extraordinary-session.js';
import { startPure } from '../harness/pure.js';

const at = (date: string, time = '10:00') => `${date}T${time}:00+05:00`;
const chair = { kind: 'official', id: 'chair-1', role: 'session_chair' };
const ids = (n: number) => Array.from({ length: n }, (_, i) => `D${i + 1}`);
const ISSUES = [{ id: 'Q1', title: 'Об уточнении местного бюджета' }, { id: 'Q2', title: 'О согласовании кандидатуры' }];
const input = (o: { by?: 'deputies' | 'akim'; deputies?: string[]; first?: string; interpretations?: { id: string; chosen: string }[] } = {}) => ({
  unit: 'KZ-TEST', startedBy: { kind: 'official', id: 'secretary-1', role: 'secretary' }, maslikhatId: 'M-TEST', maslikhatName: 'Тестовый маслихат',
  akim: { name: 'Аким', role: 'akim', address: 'akim@example.kz' },
  proposal: { id: 'P1', at: at(o.first ?? '2025-04-14'), by: o.by ?? 'deputies', deputies: o.by === 'akim' ? [] : (o.deputies ?? ids(9)), issues: ISSUES },
  roster: { seats: 30, deputies: ids(27).map((id) => ({ id })) },
  interpretations: o.interpretations ?? [],
});
type Act = [name: string, date: string, input: Record<string, unknown>, refusal?: string];
const decide = (date: string, refusal?: string): Act => ['decide', date, { actor: chair, decision: { number: '1' } }, refusal];
const convene = (date: string, session: string, refusal?: string): Act => ['convene', date, { actor: chair, session: { date: session, place: 'зал сессий' } }, refusal];
const announce = (date: string, refusal?: string): Act => ['announce', date, { actor: chair, deputies: 'письма депутатам', population: 'сайт маслихата' }, refusal];
const materials = (date: string, issueIds = ['Q1', 'Q2'], refusal?: string): Act => ['provideMaterials', date, { actor: chair, materials: issueIds.map((issueId) => ({ issueId, title: `материалы ${issueId}` })) }, refusal];
const hold = (date: string, agenda = ['Q1', 'Q2'], present = 25, refusal?: string): Act => ['holdSession', date, { actor: chair, present, agenda }, refusal];

interface Row {
  name: string;
  start?: Parameters<typeof input>[0];
  acts: Act[];
  until?: string;
  stage: string;
  outcome?: string | null;
  deadlines?: Record<string, string>;
  overdue?: string[];
  late?: Record<string, boolean>;
}

const rows: Row[] = [
  // decided 15.04: 16, 17, 18, 19, 20.04 (day 5, a Sunday) → Monday 21.04
  { name: 'decided 15.04: convened by 21.04 (five calendar days, day 5 a Sunday)', acts: [decide('2025-04-15')], stage: 'decided', deadlines: { 'art10.p2.extraordinary_convened': '2025-04-21' } },
  // T-8: the same five days read as working days: 16, 17, 18, 21, 22.04
  { name: '"дней" read as working days (days.unqualified_are_calendar = working_day): 22.04', start: { interpretations: [{ id: 'days.unqualified_are_calendar', chosen: 'working_day' }] }, acts: [decide('2025-04-15')], stage: 'decided', deadlines: { 'art10.p2.extraordinary_convened': '2025-04-22' } },
  // decided 04.03: 05–09.03, 09.03 a Sunday, 10.03 the carry-over of 8 March → 11.03
  { name: 'decided 04.03: 09.03 a Sunday and 10.03 a holiday → 11.03', start: { first: '2025-03-03' }, acts: [decide('2025-03-04')], stage: 'decided', deadlines: { 'art10.p2.extraordinary_convened': '2025-03-11' } },
  // session 21.04: three days back, 20.04 (1), 19.04 (2), 18.04 (3) → notice and materials by 18.04
  { name: 'convened 16.04 for 21.04: notice and materials by 18.04', acts: [decide('2025-04-15'), convene('2025-04-16', '2025-04-21')], stage: 'convened', deadlines: { 'art10.p3.notice_extraordinary': '2025-04-18', 'art10.p3.materials_extraordinary': '2025-04-18' }, late: { convened: false } },
  {
    name: 'everything in time, then the session on its grounds: held',
    acts: [decide('2025-04-15'), convene('2025-04-16', '2025-04-21'), announce('2025-04-17'), materials('2025-04-18'), hold('2025-04-21')],
    stage: 'closed', outcome: 'held', late: { convened: false, notice: false, materials: false },
  },
  {
    name: 'materials on 19.04, a day after 18.04: recorded late',
    acts: [decide('2025-04-15'), convene('2025-04-16', '2025-04-21'), announce('2025-04-17'), materials('2025-04-19')],
    stage: 'convened', late: { convened: false, notice: false, materials: true },
  },
  { name: 'nothing announced by 18.04: the notice is overdue on 19.04', acts: [decide('2025-04-15'), convene('2025-04-16', '2025-04-21')], until: at('2025-04-19', '09:00'), stage: 'convened', overdue: ['art10.p3.notice_extraordinary', 'art10.p3.materials_extraordinary'] },
  { name: 'another item at the session is refused (10(2): only its grounds)', acts: [decide('2025-04-15'), convene('2025-04-16', '2025-04-21'), hold('2025-04-21', ['Q1', 'Q9'], 25, 'not_a_ground'), hold('2025-04-21', ['Q1'])], stage: 'closed', outcome: 'held' },
  { name: 'materials on another item are refused', acts: [decide('2025-04-15'), convene('2025-04-16', '2025-04-21'), materials('2025-04-17', ['Q3'], 'not_a_ground')], stage: 'convened' },
  { name: 'the session recorded before its day is refused', acts: [decide('2025-04-15'), convene('2025-04-16', '2025-04-21'), hold('2025-04-20', ['Q1'], 25, 'before_session')], stage: 'convened' },
  // 11(3): two thirds of the total (30 seats) is 20
  { name: '19 present is below the quorum of 20 of the total', acts: [decide('2025-04-15'), convene('2025-04-16', '2025-04-21'), hold('2025-04-21', ['Q1'], 19, 'below_threshold'), hold('2025-04-21', ['Q1'], 20)], stage: 'closed', outcome: 'held' },
  // art10.convened = session_day (default): the session on 22.04 is after 21.04
  { name: 'convened on 16.04 for 22.04: late (the session day counts)', acts: [decide('2025-04-15'), convene('2025-04-16', '2025-04-22')], stage: 'convened', late: { convened: true } },
  { name: 'convened on 16.04 for 22.04 under convocation_act: in time', start: { interpretations: [{ id: 'art10.convened', chosen: 'convocation_act' }] }, acts: [decide('2025-04-15'), convene('2025-04-16', '2025-04-22')], stage: 'convened', late: { convened: false } },
  { name: 'a session day before the act convening it is refused', acts: [decide('2025-04-15'), convene('2025-04-16', '2025-04-15', 'invalid_date')], stage: 'decided' },
  { name: 'on the last day (21.04, 23:00) nothing has fired', acts: [decide('2025-04-15')], until: at('2025-04-21', '23:00'), stage: 'decided', overdue: [] },
  { name: 'not convened by 21.04: overdue on 22.04; convened later, recorded late', acts: [decide('2025-04-15'), convene('2025-04-23', '2025-04-28')], stage: 'convened', late: { convened: true } },
  { name: 'not convened by 21.04: overdue on 22.04', acts: [decide('2025-04-15')], until: at('2025-04-22', '09:00'), stage: 'decided', overdue: ['art10.p2.extraordinary_convened'] },
  { name: 'proposed by the akim: no threshold', start: { by: 'akim' }, acts: [decide('2025-04-15')], stage: 'decided' },
  { name: 'the chair may not decline (default must_decide)', acts: [['decline', '2025-04-15', { actor: chair, reason: 'нет оснований' }, 'decline_not_allowed']], stage: 'proposed' },
  { name: 'declined under may_decline', start: { interpretations: [{ id: 'art10.p2.proposal_declined', chosen: 'may_decline' }] }, acts: [['decline', '2025-04-15', { actor: chair, reason: 'нет оснований' }]], stage: 'closed', outcome: 'declined' },
  { name: 'withdrawn', acts: [decide('2025-04-15'), ['withdraw', '2025-04-16', { actor: chair, reason: 'предложение отозвано' }]], stage: 'closed', outcome: 'withdrawn' },
  { name: 'a decision dated before the proposal is refused', acts: [decide('2025-04-13', 'out_of_order')], stage: 'proposed' },
  { name: 'convening before the decision is refused by stage', acts: [convene('2025-04-15', '2025-04-18', 'wrong_stage')], stage: 'proposed' },
];

describe('Art. 10(2)-(3), the specification without servers', () => {
  it.each(rows)('$name', async (row) => {
    const i = input(row.start);
    const r = await startPure(extraordinarySessionSpec, at(row.start?.first ?? '2025-04-14', '12:00'), i);
    for (const [name, date, a, refusal] of row.acts) expect([name, date, await r.act(name, { ...a, at: at(date) })]).toEqual([name, date, refusal ?? null]);
    if (row.until) await r.until(row.until);
    const s = r.state();
    expect(s.stage).toBe(row.stage);
    if (row.outcome !== undefined) expect(s.outcome).toBe(row.outcome);
    for (const [rule, date] of Object.entries(row.deadlines ?? {})) expect(s.deadlines.find((d) => d.rule === rule)?.period.date).toBe(date);
    if (row.overdue) expect(s.overdue).toEqual(row.overdue);
    if (row.late) expect((s.facts as { late: object }).late).toMatchObject(row.late);
  });

  // T-38: the denominator is the deputies elected (27), not the seats (30) nor the total
  it.each([
    [9, null],
    [8, 'below_threshold'],
  ])('%i proposing deputies of 27 elected (30 seats): %s', async (n, refusal) => {
    const start = startPure(extraordinarySessionSpec, at('2025-04-14', '12:00'), input({ deputies: ids(n) }));
    if (refusal === null) {
      const r = await start;
      expect(r.state().thresholds[0]).toMatchObject({ rule: 'art10.p2.extraordinary_initiators', base: 'deputies_elected', baseValue: 27, required: 9, actual: n, met: true });
    } else await expect(start).rejects.toMatchObject({ body: { code: refusal, field: 'proposal.deputies', params: { required: 9, actual: n, base: 27 } } });
  });

  it('a proposer who is not a deputy, or one listed twice, is refused naming the field', async () => {
    await expect(startPure(extraordinarySessionSpec, at('2025-04-14', '12:00'), input({ deputies: [...ids(8), 'X99'] }))).rejects.toMatchObject({ body: { code: 'not_a_deputy', field: 'proposal.deputies.8' } });
    await expect(startPure(extraordinarySessionSpec, at('2025-04-14', '12:00'), input({ deputies: [...ids(9), 'D1'] }))).rejects.toMatchObject({ body: { code: 'duplicate', field: 'proposal.deputies.9' } });
    await expect(startPure(extraordinarySessionSpec, at('2025-04-14', '12:00'), { ...input({ by: 'akim' }), proposal: { ...input().proposal, by: 'akim' } })).rejects.toMatchObject({ issues: [{ field: 'proposal.deputies' }] });
  });

  it('the refusal of another item cites Art. 10(2)', async () => {
    const r = await startPure(extraordinarySessionSpec, at('2025-04-14', '12:00'), input());
    for (const [name, date, a] of [decide('2025-04-15'), convene('2025-04-16', '2025-04-21')]) await r.act(name, { ...a, at: at(date) });
    await r.until(at('2025-04-21'));
    const p = r.p.perform('holdSession', { actor: chair, present: 25, agenda: ['Q9'], at: at('2025-04-21') }, {} as never);
    await expect(p).rejects.toMatchObject({ body: { code: 'not_a_ground', field: 'agenda.0', rule: 'art10.p2.only_grounds', citation: { article: '10', paragraph: '2', quote: expect.stringContaining('исключительно вопросы') } } });
  });

  it('the deadline and both lead times are in the record with their derivations when they open', async () => {
    const r = await startPure(extraordinarySessionSpec, at('2025-04-14', '12:00'), input());
    for (const [name, date, a] of [decide('2025-04-15'), convene('2025-04-16', '2025-04-21')]) await r.act(name, { ...a, at: at(date) });
    const opened = r.records.filter((x) => x.act.type === 'deadlines_opened').flatMap((x) => (x.act.payload as { deadlines: { rule: string; period: { date: string; anchor: string } }[] }).deadlines);
    expect(opened.map((d) => [d.rule, d.period.anchor, d.period.date])).toEqual([
      ['art10.p2.extraordinary_convened', '2025-04-15', '2025-04-21'],
      ['art10.p3.notice_extraordinary', '2025-04-21', '2025-04-18'],
      ['art10.p3.materials_extraordinary', '2025-04-21', '2025-04-18'],
    ]);
  });
});

// Issue 15: an issue of the session names the procedure it belongs to (`for`): a no-confidence
// (Art. 24(5)) or an akim consent (Art. 23-1(3)) procedure of the same maslikhat, read from the
// procedures registry at start.
describe('Art. 10(2): an issue linked to the procedure that needs the session', () => {
  const REGISTRY: Record<string, { kind: string; input: unknown }> = {
    'no_confidence:AKIM-POST-1': { kind: 'no_confidence', input: { maslikhatId: 'M-TEST' } },
    'akim_consent:AKIM-POST-2': { kind: 'akim_consent', input: { maslikhatId: 'M-TEST' } },
    'akim_consent:AKIM-POST-3': { kind: 'akim_consent', input: { maslikhatId: 'M-OTHER' } },
    'deputy_sanction:M-TEST:S1': { kind: 'deputy_sanction', input: { maslikhatId: 'M-TEST' } },
  };
  const asked: string[] = [];
  const io = {
    procedureRegistration: async ({ procedureId }: { procedureId: string }) => {
      asked.push(procedureId);
      const r = REGISTRY[procedureId];
      return r ? { procedureId, ...r } : null;
    },
  };
  const linked = (...fors: (string | undefined)[]) => {
    const i = input();
    return { ...i, proposal: { ...i.proposal, issues: fors.map((f, n) => ({ id: `Q${n + 1}`, title: `Вопрос ${n + 1}`, ...(f ? { for: { procedureId: f } } : {}) })) } };
  };
  const start = (i: Record<string, unknown>) => startPure(extraordinarySessionSpec, at('2025-04-14', '12:00'), i, io as never);

  it('a no-confidence and an akim consent procedure of the same maslikhat: linked in the facts and in the proposal record, citing 10(2) and their articles', async () => {
    const r = await start(linked('no_confidence:AKIM-POST-1', undefined, 'akim_consent:AKIM-POST-2'));
    const links = (r.state().facts as { links: unknown[] }).links;
    expect(links).toMatchObject([
      { issueId: 'Q1', procedureId: 'no_confidence:AKIM-POST-1', kind: 'no_confidence', title: { kk: expect.any(String), ru: expect.any(String), en: expect.any(String) }, citation: { article: '24', paragraph: '5' } },
      { issueId: 'Q3', procedureId: 'akim_consent:AKIM-POST-2', kind: 'akim_consent', title: { kk: expect.any(String), ru: expect.any(String), en: expect.any(String) }, citation: { article: '23-1', paragraph: '3', quote: expect.stringContaining('внеочередной сессии') } },
    ]);
    const proposed = r.records.find((x) => x.act.type === 'extraordinary_session_proposed')!.act;
    expect((proposed.payload as { links: unknown }).links).toEqual(links);
    expect((proposed.payload as { proposal: { issues: unknown[] } }).proposal.issues[0]).toMatchObject({ for: { procedureId: 'no_confidence:AKIM-POST-1' } });
    expect((proposed.citation as { article: string; paragraph?: string }[]).map((c) => [c.article, c.paragraph])).toEqual([['10', '2'], ['24', '5'], ['23-1', '3']]);
    // the linked session runs as any other
    for (const [name, date, a] of [decide('2025-04-15'), convene('2025-04-16', '2025-04-21'), announce('2025-04-17'), materials('2025-04-18', ['Q1']), hold('2025-04-21', ['Q1', 'Q3'])]) expect(await r.act(name, { ...a, at: at(date) })).toBeNull();
    expect(r.state().outcome).toBe('held');
  });

  it('without `for` nothing is read and the facts show no links; the record is as before', async () => {
    asked.length = 0;
    const r = await start(input());
    expect(asked).toEqual([]);
    expect((r.state().facts as { links: unknown[] }).links).toEqual([]);
    const proposed = r.records.find((x) => x.act.type === 'extraordinary_session_proposed')!.act;
    expect(proposed.payload).not.toHaveProperty('links');
    expect(proposed.citation).toMatchObject({ article: '10', paragraph: '2' });
  });

  it.each([
    ['no such procedure', 'no_confidence:NOBODY', 'no_such_procedure', { value: 'no_confidence:NOBODY' }],
    ['a procedure of another kind', 'deputy_sanction:M-TEST:S1', 'not_a_session_procedure', { value: 'deputy_sanction:M-TEST:S1', kind: 'deputy_sanction' }],
    ['a procedure of another maslikhat', 'akim_consent:AKIM-POST-3', 'other_maslikhat', { value: 'akim_consent:AKIM-POST-3', maslikhat: 'M-OTHER', expected: 'M-TEST' }],
  ])('%s: refused naming proposal.issues.1.for.procedureId', async (_, id, code, params) => {
    await expect(start(linked(undefined, id))).rejects.toMatchObject({ body: { code, field: 'proposal.issues.1.for.procedureId', params } });
  });

  it('the refusals have texts in kk, ru and en', async () => {
    const { MESSAGES } = await import('../../statute/messages.js');
    for (const code of ['no_such_procedure', 'not_a_session_procedure', 'other_maslikhat']) {
      for (const lang of ['kk', 'ru', 'en'] as const) expect(MESSAGES[code]?.[lang], `${code} ${lang}`).toMatch(/\{value\}/);
    }
  });

  it('a `for` without a procedure id, or with another field, is refused by the schema', async () => {
    const i = linked('no_confidence:AKIM-POST-1');
    await expect(start({ ...i, proposal: { ...i.proposal, issues: [{ id: 'Q1', title: 't', for: { procedureId: '' } }] } })).rejects.toMatchObject({ issues: [{ field: 'proposal.issues.0.for.procedureId' }] });
    await expect(start({ ...i, proposal: { ...i.proposal, issues: [{ id: 'Q1', title: 't', for: { procedureId: 'x', kind: 'no_confidence' } }] } })).rejects.toMatchObject({ issues: [{ field: expect.stringContaining('proposal.issues.0.for') }] });
  });
});
