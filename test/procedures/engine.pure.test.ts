// The engine's own guarantees, on a tiny specification (Art. 10(2)'s five days), without servers.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineProcedure, kit } from '../../workflows/engine/spec.js';
import { ActBase, StartBase } from '../../workflows/procedure.js';
import { startPure } from '../harness/pure.js';

type Input = z.output<typeof StartBase>;
const { act, expiry } = kit<{ n: number }, 'open' | 'closed', Input>();
const spec = (onExpiry: (b: Parameters<Parameters<typeof expiry>[0]>[0]) => string) => defineProcedure<{ n: number }, 'open' | 'closed', Input>({
  kind: 'engine_probe', workflowType: 'engineProbe', procedure: 'P-04',
  title: { en: 'probe', ru: 'проба', kk: 'сынақ' },
  input: StartBase, workflowId: () => 'engine_probe', initial: 'open', stages: ['open', 'closed'],
  start(b) {
    b.open('art10.p2.extraordinary_convened', '2025-03-04', 'passes');
    return { n: 0 };
  },
  acts: {
    bump: act({
      title: { en: 'bump', ru: 'bump', kk: 'bump' }, input: ActBase, roles: ['administrator'], stages: ['open'],
      apply(b, a) {
        b.facts.n++;
        b.record(`bump/${b.facts.n}`, { type: 'bump', at: a.at, actor: a.actor, payload: {} });
      },
    }),
  },
  expiry: { passes: expiry((b) => onExpiry(b)) },
});
const startedBy = { kind: 'official' as const, id: 's' };
const base = { unit: 'KZ-X', startedBy };

describe('the engine, pure', () => {
  it("a timer whose consequence fails: the procedure stays as it was, the deadline is shown overdue and the problem named; it runs on", async () => {
    const r = await startPure(spec((b) => {
      b.facts.n = 99;
      throw new Error('the register could not be read');
    }), '2025-03-04T10:00:00+05:00', base);
    const records = r.records.length;
    await r.until('2025-03-12T10:00:00+05:00');
    const s = r.state();
    expect(s.overdue).toEqual(['art10.p2.extraordinary_convened']);
    expect((s.facts as { n: number; problems: { what: string; message: string }[] }).n).toBe(0);
    expect((s.facts as { problems: unknown[] }).problems).toEqual([expect.objectContaining({ what: 'expiry art10.p2.extraordinary_convened', message: 'the register could not be read' })]);
    expect(r.records).toHaveLength(records);
    // and acts go on
    expect(await r.act('bump', { actor: startedBy, at: '2025-03-12T11:00:00+05:00' })).toBeNull();
  });

  it('an expiry is recorded before what follows from it, with the time the timer fired', async () => {
    const r = await startPure(spec((b) => {
      b.record('after', { type: 'consequence', at: new Date(b.now()).toISOString(), actor: startedBy, payload: {} });
      b.setStage('closed', 'done');
      return 'closed';
    }), '2025-03-04T10:00:00+05:00', base);
    await r.until('2025-03-12T10:00:00+05:00');
    const types = r.records.map((x) => x.act.type);
    expect(types.slice(-2)).toEqual(['timer_expiry', 'consequence']);
    // five calendar days from 04.03: 05–09.03, 09.03 a Sunday, 10.03 the carry-over of 8 March → ends 11.03 24:00
    expect(r.records.find((x) => x.act.type === 'timer_expiry')!.act.payload).toMatchObject({ consequence: 'closed', period: { date: '2025-03-11' }, firedAt: '2025-03-11T19:00:00.000Z' });
  });
});
