// Art. 21(4)-(5) (P-09), the specification alone: no Temporal, no PostgreSQL (the bar across
// procedures is fixture data here; test/procedures/deputy-sanction.test.ts keeps it in PostgreSQL).
// 30 seats, 27 deputies: the quorum of 11(3) is 20 of the total (the seats); a sanction needs a
// majority of the deputies present (11 of 20, 15 of 28), not of the total (16).
import { describe, expect, it } from 'vitest';
import { deputySanctionSpec } from '../../workflows/deputy-sanction.js';
import { startPure } from '../harness/pure.js';

const at = (date: string, time = '10:00') => `${date}T${time}:00+05:00`;
const clerk = { kind: 'official', id: 'secretary-1', role: 'secretary' };
const input = (o: { deputy?: string; misconductDate?: string; interpretations?: { id: string; chosen: string }[] } = {}) => ({
  unit: 'KZ-TEST', startedBy: { kind: 'official', id: 'tec-chair', role: 'commission_chair' }, maslikhatId: 'M-TEST', maslikhatName: 'Тестовый маслихат',
  deputy: { id: o.deputy ?? 'D5', fullName: 'Депутат Пятый' },
  submission: { at: at('2025-04-14'), number: 'TEC-7', commission: 'Территориальная избирательная комиссия', measure: 'censure' },
  misconduct: { ground: 'participation', date: o.misconductDate ?? '2025-03-20', description: 'Пропуск трёх заседаний постоянной комиссии' },
  media: { name: 'Газета «Пример»', role: 'media', address: 'editor@example.kz' },
  roster: { seats: 30, deputies: Array.from({ length: 27 }, (_, i) => ({ id: `D${i + 1}` })) },
  interpretations: o.interpretations ?? [],
});
type Bar = { barred: false } | { barred: true; procedureId: string; matter: string; from: string; until: null };
function io(bars: { matterKey: string; from: string }[] = []) {
  const recorded: { matterKeys: string[]; from: string; subject: string }[] = [];
  const asked: string[] = [];
  return {
    recorded, asked,
    procedureBarCheck: async (i: { subject: string; matterKey: string; date: string }): Promise<Bar> => {
      asked.push(i.matterKey);
      const b = [...bars, ...recorded.flatMap((r) => r.matterKeys.map((matterKey) => ({ matterKey, from: r.from })))].find((x) => x.matterKey === i.matterKey && x.from <= i.date);
      return b ? { barred: true, procedureId: 'deputy_sanction:M-TEST:OLD', matter: 'прежний проступок', from: b.from, until: null } : { barred: false };
    },
    recordProcedureBar: async (i: { matterKeys: string[]; from: string; subject: string }) => void recorded.push(i),
  };
}
type Act = [name: string, date: string, input: Record<string, unknown>, refusal?: string];
const decide = (date: string, present: number, votesFor: number, refusal?: string): Act => ['recordSessionDecision', date, { actor: clerk, session: { number: 'XII' }, measure: 'censure', present, votesFor }, refusal];
const publish = (date: string, publishedOn: string, refusal?: string): Act => ['recordPublication', date, { actor: clerk, outlet: 'Газета «Пример»', publishedOn, reference: '№ 17, с. 2' }, refusal];

const rows: { name: string; acts: Act[]; stage: string; outcome?: string | null }[] = [
  { name: '11 of 20 present: imposed; published: sanctioned', acts: [decide('2025-04-24', 20, 11), publish('2025-04-28', '2025-04-26')], stage: 'closed', outcome: 'sanctioned' },
  { name: '10 of 20 present is not a majority of those present: not imposed', acts: [decide('2025-04-24', 20, 10)], stage: 'closed', outcome: 'not_imposed' },
  // T-38: the denominator is those present (28), not the total (30, a majority of which is 16)
  { name: '15 of 28 present is a majority of those present, though not of the total: imposed', acts: [decide('2025-04-24', 28, 15)], stage: 'imposed' },
  { name: '19 present is below the quorum of 20 of the total', acts: [decide('2025-04-24', 19, 15, 'below_threshold')], stage: 'submitted' },
  { name: 'more votes than deputies present', acts: [decide('2025-04-24', 20, 21, 'count_exceeds_base')], stage: 'submitted' },
  { name: 'a publication dated before the decision', acts: [decide('2025-04-24', 20, 11), publish('2025-04-28', '2025-04-23', 'invalid_date')], stage: 'imposed' },
  { name: 'withdrawn by the commission', acts: [['withdraw', '2025-04-15', { actor: clerk, reason: 'представление отозвано' }], decide('2025-04-24', 20, 11, 'wrong_stage')], stage: 'closed', outcome: 'withdrawn' },
];

describe('Art. 21(4)-(5), the specification without servers', () => {
  it.each(rows)('$name', async (row) => {
    const r = await startPure(deputySanctionSpec, at('2025-04-14', '12:00'), input(), io());
    for (const [name, date, a, refusal] of row.acts) expect([name, date, await r.act(name, { ...a, at: at(date) })]).toEqual([name, date, refusal ?? null]);
    const s = r.state();
    expect(s.stage).toBe(row.stage);
    if (row.outcome !== undefined) expect(s.outcome).toBe(row.outcome);
  });

  it('imposed: the bar is recorded once under both readings; the media are told (21(5))', async () => {
    const x = io();
    const r = await startPure(deputySanctionSpec, at('2025-04-14', '12:00'), input(), x);
    expect(await r.act('recordSessionDecision', { ...decide('2025-04-24', 20, 11)[2], at: at('2025-04-24') })).toBeNull();
    expect(x.recorded).toEqual([expect.objectContaining({ subject: 'D5', from: '2025-04-24', matterKeys: ['ground_date:participation|2025-03-20', 'description:пропуск трех заседаний постоянной комиссии'] })]);
    expect(r.state().notices).toEqual([expect.objectContaining({ templateId: 'deputy_sanction_imposed', to: 'media', status: 'sent' })]);
    expect(r.state().thresholds[0]).toMatchObject({ rule: 'art21.p5.sanction_majority', base: 'deputies_present', baseValue: 20, required: 11, actual: 11, met: true });
  });

  it('not imposed: no bar is recorded', async () => {
    const x = io();
    const r = await startPure(deputySanctionSpec, at('2025-04-14', '12:00'), input(), x);
    await r.act('recordSessionDecision', { ...decide('2025-04-24', 20, 10)[2], at: at('2025-04-24') });
    expect(x.recorded).toEqual([]);
  });

  it('a second sanction for the same misconduct: refused at the submission, citing 21(5)', async () => {
    const x = io([{ matterKey: 'ground_date:participation|2025-03-20', from: '2025-04-01' }]);
    await expect(startPure(deputySanctionSpec, at('2025-04-14', '12:00'), input(), x)).rejects.toMatchObject({
      body: { code: 'already_sanctioned', field: 'misconduct', rule: 'art21.p5.no_repeat', date: '2025-04-01', citation: { article: '21', paragraph: '5', quote: 'Взыскания не могут быть наложены повторно за один и тот же проступок' } },
    });
    // another day is another misconduct (same_ground_and_date, default)
    await expect(startPure(deputySanctionSpec, at('2025-04-14', '12:00'), input({ misconductDate: '2025-03-27' }), x)).resolves.toBeDefined();
    // recorded_description: the same day and ground described otherwise is not barred
    const r = await startPure(deputySanctionSpec, at('2025-04-14', '12:00'), input({ interpretations: [{ id: 'art21.p5.same_misconduct', chosen: 'recorded_description' }] }), x);
    expect(x.asked.at(-1)).toBe('description:пропуск трех заседаний постоянной комиссии');
    expect(r.state().interpretations).toContainEqual({ id: 'art21.p5.same_misconduct', chosen: 'recorded_description' });
  });

  it('imposed by another procedure since the submission: the session decision is refused and changes nothing', async () => {
    const x = io();
    const r = await startPure(deputySanctionSpec, at('2025-04-14', '12:00'), input(), x);
    x.recorded.push({ subject: 'D5', from: '2025-04-20', matterKeys: ['ground_date:participation|2025-03-20'] });
    const before = JSON.stringify(r.state());
    expect(await r.act('recordSessionDecision', { ...decide('2025-04-24', 20, 11)[2], at: at('2025-04-24') })).toBe('already_sanctioned');
    expect(JSON.stringify(r.state())).toBe(before);
  });

  it('a deputy not in the register, or a misconduct after the submission, is refused naming the field', async () => {
    await expect(startPure(deputySanctionSpec, at('2025-04-14', '12:00'), input({ deputy: 'X1' }), io())).rejects.toMatchObject({ body: { code: 'not_a_deputy', field: 'deputy.id' } });
    await expect(startPure(deputySanctionSpec, at('2025-04-14', '12:00'), input({ misconductDate: '2025-04-15' }), io())).rejects.toMatchObject({ body: { code: 'invalid_date', field: 'misconduct.date' } });
  });
});
