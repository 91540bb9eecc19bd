// docs/procedures.md's worked example is code that runs: its specification block is written out
// (imports pointed at workflows/) and driven through the engine's pipeline as the doc says.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../worker/provision/temporal-binaries.js';
import { startPure } from '../harness/pure.js';

it('the worked example of docs/procedures.md runs: 1/3 of the elected deputies, five days to convene', async () => {
  const doc = readFileSync(path.join(PROJECT_ROOT, 'docs/procedures.md'), 'utf8');
  const block = /```ts\n(import \{ z \}[\s\S]*?)```/.exec(doc)![1]!;
  const dir = path.join(PROJECT_ROOT, 'test/.docs-example');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'extraordinary-session.ts');
  writeFileSync(file, block.replaceAll("from './", "from '../../workflows/"));
  const { extraordinarySessionSpec: spec } = (await import(pathToFileURL(file).href)) as { extraordinarySessionSpec: Parameters<typeof startPure>[0] };
  const startedBy = { kind: 'official', id: 'secretary' };
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `D${i + 1}`);
  const input = (n: number) => ({ unit: 'KZ-X', startedBy, maslikhatId: 'M', elected: 30, proposedBy: ids(n) });
  // 9 of 30 is below a third
  await expect(startPure(spec, '2025-03-03T10:00:00+05:00', input(9))).rejects.toMatchObject({ body: { code: 'below_threshold', field: 'proposedBy' } });
  const r = await startPure(spec, '2025-03-03T10:00:00+05:00', input(10));
  expect(await r.act('decide', { actor: startedBy, at: '2025-03-04T10:00:00+05:00' })).toBeNull();
  // as the doc counts: 05–09.03, 09.03 a Sunday, 10.03 the carry-over of 8 March → 11.03
  expect(r.state().deadlines[0]!.period.date).toBe('2025-03-11');
  await r.until('2025-03-12T09:00:00+05:00');
  expect(r.state().overdue).toEqual(['art10.p2.extraordinary_convened']);
  expect(await r.act('convene', { actor: startedBy, session: { date: '2025-03-14' }, at: '2025-03-12T10:00:00+05:00' })).toBeNull();
  expect(r.state()).toMatchObject({ stage: 'closed', outcome: 'convened_late' });
});

it('the worked example is a shortened form of the real workflows/extraordinary-session.ts', async () => {
  const doc = readFileSync(path.join(PROJECT_ROOT, 'docs/procedures.md'), 'utf8');
  const block = /```ts\n(import \{ z \}[\s\S]*?)```/.exec(doc)![1]!;
  const real = readFileSync(path.join(PROJECT_ROOT, 'workflows/extraordinary-session.ts'), 'utf8');
  const { extraordinarySessionSpec } = await import('../../workflows/extraordinary-session.js');
  for (const [k, v] of [['kind', extraordinarySessionSpec.kind], ['workflowType', extraordinarySessionSpec.workflowType], ['procedure', extraordinarySessionSpec.procedure]]) expect(block).toContain(`${k}: '${v}'`);
  // every rule, interpretation, act, stage and record type of the example is the real one's
  for (const m of block.matchAll(/'(art10[a-z0-9_.]*)'/g)) expect(real, m[1]).toMatch(new RegExp(`'${m[1]!.replaceAll('.', '\\.')}'`));
  for (const name of ['decide', 'convene']) expect(Object.keys(extraordinarySessionSpec.acts)).toContain(name);
  for (const stage of /type Stage = ([^;]*);/.exec(block)![1]!.match(/'(\w+)'/g)!) expect(extraordinarySessionSpec.stages).toContain(stage.slice(1, -1));
  for (const m of block.matchAll(/type: '(\w+)'/g)) expect(real).toContain(`type: '${m[1]}'`);
});
