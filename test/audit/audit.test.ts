// Auditors' tools on real runs: a scenario simulated under time skipping, its bundle exported and
// verified offline, every kind of tampering caught and located, timelines from history, record
// and bundle, and a what-if calendar moving exactly the deadlines it should.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { bundleWorkflowCode } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { timeSkippingEnv } from '../harness/temporal.js';
import { freshDatabase, type FreshDatabase } from '../harness/postgres.js';
import { createSimulator, compareRuns, parseScenario, type SimulationResult, type Simulator } from '../../client/simulate.js';
import { buildBundle, seal, verifyBundle, type AuditBundle } from '../../client/audit/bundle.js';
import { readProcedureRecord } from '../../client/audit/source.js';
import { markRows } from '../../client/audit/live.js';
import { readLedger } from '../../activities/ledger.js';
import { renderTimeline, timelineFromHistory, timelineFromRecord } from '../../client/audit/timeline.js';
import { PROJECT_ROOT } from '../../worker/provision/temporal-binaries.js';
import { deadlineProbeDefinition } from './fixtures/deadline-probe.js';

const CLI = path.join(PROJECT_ROOT, 'client/cli.ts');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'tartip-audit-'));

const waitScenario = parseScenario({
  format: 'tartip-scenario/1',
  procedure: 'statutory_wait',
  title: 'Art. 24(8): a repeat vote six months after the first',
  start: { at: '2025-03-17T10:00:00+05:00', input: { rule: 'art24.p8.repeat_vote', anchor: '2025-03-17', unit: 'KZ-TEST', startedBy: { kind: 'person', id: 'secretary-1' } } },
  runUntil: '2025-09-20T00:00:00+05:00',
  expect: { stage: 'allowed', deadlines: { 'art24.p8.repeat_vote': '2025-09-18' } },
});

const probeScenario = parseScenario({
  format: 'tartip-scenario/1',
  procedure: 'deadline_probe',
  title: 'Sheets handed in on the last day of the collection',
  start: { at: '2025-10-06T09:00:00+05:00', input: { appeal: '2025-10-06', unit: 'KZ-TEST', startedBy: { kind: 'person', id: 'secretary-1' } } },
  acts: [
    { at: '2025-10-21T11:00:00+05:00', act: 'hand_in', input: { actor: { kind: 'person', id: 'initiator-1' }, sheets: 3 }, expectRefusal: 'too_late' },
  ],
  runUntil: '2025-10-25T00:00:00+05:00',
});

// A what-if: 14 October 2025 (a Tuesday inside the collection period) made a holiday.
const holidayOverlay = {
  format: 'tartip-calendar/1',
  type: 'overlay',
  base: 'kz-official@2026-11-22',
  id: 'what-if-holiday',
  version: '1',
  add: [{ date: '2025-10-14', kind: 'holiday', labels: { en: 'What-if holiday', ru: 'Гипотетический праздник', kk: 'Болжамды мереке' } }],
};

let env: TestWorkflowEnvironment;
let db: FreshDatabase;
let sim: Simulator;
let probeSim: Simulator;
let wait: SimulationResult;
let bundle: AuditBundle;

beforeAll(async () => {
  env = await timeSkippingEnv();
  db = await freshDatabase();
  sim = await createSimulator({ env, pool: db.pool, workflowBundle: { codePath: inject('workflowBundlePath') } });
  const probeBundle = await bundleWorkflowCode({ workflowsPath: path.join(PROJECT_ROOT, 'test/audit/fixtures/deadline-probe.ts'), logger: { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} } as never });
  probeSim = await createSimulator({ env, pool: db.pool, workflowBundle: probeBundle, definitions: [deadlineProbeDefinition] });
  wait = await sim.run(waitScenario);
  const rec = await readProcedureRecord(db.pool, wait.procedureId);
  bundle = buildBundle({ procedure: rec.procedure, history: wait.history, rows: rec.rows, state: wait.state });
});
afterAll(async () => {
  await sim?.close();
  await probeSim?.close();
  await env?.teardown();
  await db?.close();
});

const clone = (b: AuditBundle): AuditBundle => JSON.parse(JSON.stringify(b)) as AuditBundle;
function cli(args: string[], extraEnv: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...process.env, TEMPORAL_ADDRESS: '127.0.0.1:9', DATABASE_URL: 'postgres://nobody:nothing@127.0.0.1:9/none', ...extraEnv },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('simulate', () => {
  it('runs a scenario to its expected stage and deadlines', () => {
    expect(wait.problems).toEqual([]);
    expect(wait.stage).toBe('allowed');
    expect(wait.periods.map((p) => [p.rule, p.date])).toEqual([['art24.p8.repeat_vote', '2025-09-18']]);
    expect(wait.timeline.entries.map((e) => e.act)).toEqual(['procedure_started', 'deadlines_opened', 'timer_expiry']);
  });

  it('reports an expected refusal as such, and an unexpected one as a problem', async () => {
    const r = await probeSim.run(probeScenario);
    expect(r.acts).toEqual([expect.objectContaining({ act: 'hand_in', refused: 'too_late', expected: 'too_late', asExpected: true })]);
    expect(r.outcome).toBe('expired');
    const inTime = await probeSim.run(parseScenario({ ...probeScenario, acts: [{ ...probeScenario.acts[0]!, at: '2025-10-20T18:00:00+05:00' }] }));
    expect(inTime.problems).toEqual([expect.stringContaining('expected refusal too_late, got accepted')]);
    expect(inTime.outcome).toBe('in_time');
  });

  it('what-if: a holiday inside a working-day deadline moves that deadline by one day and nothing else, and changes the outcome', async () => {
    const base = await probeSim.run(probeScenario);
    const variant = await probeSim.run(probeScenario, { calendar: holidayOverlay });
    const w = compareRuns(base, variant);
    expect(w.periods).toEqual([
      { rule: 'art24.p4.signature_collection', anchor: '2025-10-06', before: '2025-10-20', after: '2025-10-21', days: 1 },
      { rule: 'art24.p8.repeat_vote', anchor: '2025-10-06', before: '2026-04-07', after: '2026-04-07', days: 0 },
    ]);
    expect(w.moved.map((m) => m.rule)).toEqual(['art24.p4.signature_collection']);
    // the sheets handed in on 21 October are now in time
    expect(w.acts).toEqual([{ act: 'hand_in', at: '2025-10-21T11:00:00+05:00', before: 'too_late', after: null }]);
    expect(w.outcome).toEqual({ before: 'expired', after: 'in_time', changed: true });
    expect(variant.calendarRef).toMatch(/^inline:[0-9a-f]{64}:/);
    expect(variant.periods[0]!.skipped.map((s) => s.date)).toContain('2025-10-14');
  });

  it('what-if: a holiday after the deadline moves nothing', async () => {
    const later = { ...holidayOverlay, version: '2', add: [{ ...holidayOverlay.add[0]!, date: '2025-10-22' }] };
    const w = compareRuns(await probeSim.run(probeScenario), await probeSim.run(probeScenario, { calendar: later }));
    expect(w.moved).toEqual([]);
    expect(w.outcome.changed).toBe(false);
  });
});

describe('bundle', () => {
  it('verifies: digest, chain, history against the record, edition, calendar, every derivation', () => {
    const r = verifyBundle(bundle);
    expect(r.findings).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.counts.acts).toBe(2); // the deadline opened (its derivation), its expiry
    expect(r.counts.periods).toBeGreaterThanOrEqual(2); // workflow result + state query
    expect(r.checks.map((c) => c.name)).toEqual(['digest', 'sections', 'edition', 'calendar', 'ledger', 'history', 'history_vs_ledger', 'derivations']);
  });

  it('catches and locates a changed payload byte', () => {
    const b = clone(bundle);
    (b.ledger.rows[1]!.payload as { period: { date: string } }).period.date = '2025-09-19';
    const r = verifyBundle(b);
    expect(r.ok).toBe(false);
    expect(r.findings).toContainEqual(expect.objectContaining({ check: 'ledger', path: '$.ledger.rows[1]', message: expect.stringContaining('hash_mismatch') }));
    expect(r.findings).toContainEqual(expect.objectContaining({ check: 'history_vs_ledger', path: '$.ledger.rows[1].payload.period.date', expected: '2025-09-18', found: '2025-09-19' }));
    // even re-sealed (digests recomputed by the forger), the chain, the history and the recomputed period catch it
    expect(verifyBundle(seal(b)).findings.map((f) => f.check)).toEqual(['ledger', 'history_vs_ledger', 'derivations']);
  });

  it('catches a changed byte in the Temporal history and locates the event', () => {
    const b = clone(bundle);
    const i = b.history!.events.findIndex((e) => e.timerStartedEventAttributes);
    (b.history!.events[i]!.timerStartedEventAttributes as { startToFireTimeout: string }).startToFireTimeout = '1s';
    const r = verifyBundle(b);
    expect(r.findings).toContainEqual(expect.objectContaining({ check: 'sections', path: `$.history.events[${i}]` }));
  });

  it('catches a forged deadline in the workflow result even when re-sealed', () => {
    const b = clone(bundle);
    const last = b.history!.events[b.history!.events.length - 1]!;
    const p = (last.workflowExecutionCompletedEventAttributes as { result: { payloads: { data: string }[] } }).result.payloads[0]!;
    const result = JSON.parse(Buffer.from(p.data, 'base64').toString('utf8')) as { period: { date: string } };
    result.period.date = '2025-09-01';
    p.data = Buffer.from(JSON.stringify(result)).toString('base64');
    const r = verifyBundle(seal(b));
    expect(r.findings).toEqual([expect.objectContaining({ check: 'derivations', path: expect.stringMatching(/^\$\.history\.events\[\d+\]\.value\.period\.date$/), expected: '2025-09-18', found: '2025-09-01' })]);
  });

  it('catches a changed edition and locates the rule', () => {
    const b = clone(bundle);
    (b.edition.data.rules['art24.p8.repeat_vote'] as { period: { count: number } }).period.count = 5;
    const r = verifyBundle(seal(b));
    expect(r.findings[0]).toMatchObject({ check: 'edition', path: '$.edition.data.rules.art24.p8.repeat_vote.period.count', expected: 6, found: 5 });
    expect(r.findings.some((f) => f.check === 'derivations')).toBe(true);
    const other = clone(bundle);
    other.procedure.editionId = 'kz-148@2099-01-01';
    expect(verifyBundle(other).findings).toContainEqual(expect.objectContaining({ check: 'edition', path: '$.edition.id' }));
  });

  it('catches a changed calendar', () => {
    const b = clone(bundle);
    b.calendar.data.dated.push({ ...b.calendar.data.dated[0]!, date: '2025-09-17' });
    const r = verifyBundle(seal(b));
    expect(r.findings[0]).toMatchObject({ check: 'calendar', path: expect.stringMatching(/^\$\.calendar\.data\.dated/) });
  });
});

describe('record of several acts (history deleted by retention)', () => {
  let recBundle: AuditBundle;
  beforeAll(async () => {
    const r = await probeSim.run(parseScenario({ ...probeScenario, acts: [{ ...probeScenario.acts[0]!, at: '2025-10-20T18:00:00+05:00', expectRefusal: undefined }] }));
    const rec = await readProcedureRecord(db.pool, r.procedureId);
    expect(rec.rows.length).toBe(2);
    recBundle = buildBundle({ procedure: rec.procedure, history: null, rows: rec.rows, state: null });
  });

  it('verifies from the record alone', () => {
    expect(verifyBundle(recBundle).findings).toEqual([]);
  });

  it('catches a reordered act', () => {
    const b = clone(recBundle);
    b.ledger.rows.reverse();
    const f = verifyBundle(seal(b)).findings;
    expect(f[0]).toMatchObject({ check: 'ledger', path: '$.ledger.rows[0]', message: expect.stringContaining('out_of_order') });
  });

  it('catches a removed act (first, and last against the anchored digest)', () => {
    const b = clone(recBundle);
    b.ledger.rows.splice(0, 1);
    expect(verifyBundle(seal(b)).findings[0]).toMatchObject({ check: 'ledger', path: '$.ledger.rows[0]', message: expect.stringContaining('sequence_gap') });
    const c = clone(recBundle);
    c.ledger.rows.pop();
    expect(verifyBundle(c).findings[0]).toMatchObject({ check: 'digest' });
    expect(verifyBundle(c).findings).toContainEqual(expect.objectContaining({ check: 'sections', path: '$.ledger' }));
    expect(verifyBundle(seal(c), { expectedDigest: recBundle.digest }).findings[0]).toMatchObject({ check: 'digest', message: expect.stringContaining('anchored') });
  });

  it('timeline from the record shows each act with its deadlines in force', () => {
    const t = timelineFromRecord(recBundle.procedure, recBundle.ledger.rows);
    expect(t.entries.map((e) => [e.seq, e.act])).toEqual([[1, 'procedure_started'], [2, 'signature_sheet']]);
    expect(t.entries[1]!.deadlines.map((d) => [d.rule, d.date])).toEqual([['art24.p4.signature_collection', '2025-10-20'], ['art24.p8.repeat_vote', '2026-04-07']]);
  });
});

describe('timeline', () => {
  it('from the Temporal history: legal dates, actors, citations, deadlines in force, in kk/ru/en', () => {
    const t = timelineFromHistory(wait.procedureId, wait.history!, wait.state);
    expect(t.kind).toBe('statutory_wait');
    expect(t.entries[0]).toMatchObject({ act: 'procedure_started', at: '2025-03-17T05:00:00.000Z', actor: { id: 'secretary-1' } });
    expect(t.entries[0]!.deadlines.map((d) => [d.rule, d.date, d.instant])).toEqual([['art24.p8.repeat_vote', '2025-09-18', '2025-09-17T19:00:00.000Z']]);
    expect(t.entries[1]).toMatchObject({ act: 'deadlines_opened', seq: 1 });
    expect(t.entries[2]).toMatchObject({ act: 'timer_expiry', at: '2025-09-17T19:00:00.000Z', seq: 2, actor: { id: 'tartip-timer' } });
    expect(t.entries[2]!.citations[0]).toMatchObject({ article: '24', paragraph: '8' });
    expect(renderTimeline(t, 'en')).toContain('Law 148, Art. 24(8)');
    expect(renderTimeline(t, 'ru')).toContain('ст. 24 п. 8 Закона № 148');
    expect(renderTimeline(t, 'kk')).toContain('№ 148 Заңның 24-бабы, 8-тармағы');
    expect(renderTimeline(t, 'kk')).toContain('2025-09-18 00:00');
  });
});

describe('CLI offline (no Temporal, no database reachable)', () => {
  it('audit verify: exit 0 for an intact bundle, 4 with the located finding for a tampered one', () => {
    const good = path.join(tmp, 'good.json');
    writeFileSync(good, JSON.stringify(bundle));
    const ok = cli(['audit', 'verify', good]);
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain(bundle.digest);
    const b = clone(bundle);
    (b.ledger.rows[0]!.payload as { date: string }).date = '2025-09-19';
    const bad = path.join(tmp, 'bad.json');
    writeFileSync(bad, JSON.stringify(b));
    const r = cli(['audit', 'verify', bad, '--json']);
    expect(r.code).toBe(4);
    const report = JSON.parse(r.out) as { ok: boolean; findings: { path: string }[] };
    expect(report.ok).toBe(false);
    expect(report.findings.map((f) => f.path)).toContain('$.ledger.rows[0]');
  });

  it('audit timeline --bundle prints the timeline in the language asked', () => {
    const file = path.join(tmp, 'good.json');
    const r = cli(['audit', 'timeline', '--bundle', file, '--lang', 'ru']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('ст. 24 п. 8 Закона № 148');
    const j = cli(['audit', 'timeline', '--bundle', file, '--json']);
    expect((JSON.parse(j.out) as { entries: unknown[] }).entries).toHaveLength(3);
  });

  it('bad usage exits 2 with one line naming the problem', () => {
    const r = cli(['audit', 'verify']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^tartip audit verify: .*bundle/);
  });
});

describe('a real procedure (Art. 36-1 rural akim election, examples/rural_akim_election)', () => {
  const REG = path.join(PROJECT_ROOT, 'examples/rural_akim_election/registers');
  const scenario = parseScenario(JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'examples/rural_akim_election/06-tie-and-revote.json'), 'utf8')));
  let ruralSim: Simulator;
  let base: SimulationResult;
  beforeAll(async () => {
    ruralSim = await createSimulator({
      env,
      pool: db.pool,
      workflowBundle: { codePath: inject('workflowBundlePath') },
      registers: (['admin_units', 'maslikhats', 'deputies'] as const).map((register) => ({ register, csv: readFileSync(path.join(REG, `${register}.csv`), 'utf8') })),
    });
    base = await ruralSim.run(scenario);
  });
  afterAll(async () => {
    await ruralSim?.close();
  });

  it('runs its example as the example expects', () => {
    expect(base.problems).toEqual([]);
    expect(base.periods.length).toBeGreaterThan(10);
  });

  it('exported from the database (notice acts included), its bundle verifies in full', async () => {
    const rec = await readProcedureRecord(db.pool, base.procedureId);
    const b = buildBundle({ procedure: rec.procedure, history: base.history, rows: rec.rows, state: base.state });
    const r = verifyBundle(b);
    expect(r.findings).toEqual([]);
    expect(r.counts.acts).toBe(rec.rows.length);
    expect(r.counts.periods).toBeGreaterThan(20);
    expect(r.counts.thresholds).toBeGreaterThan(0);
  });

  it('what-if: a holiday on Monday 9 June 2025 moves exactly the deadlines that ended that day', async () => {
    const overlay = { ...holidayOverlay, id: 'what-if-june', add: [{ ...holidayOverlay.add[0]!, date: '2025-06-09' }] };
    const variant = await ruralSim.run(scenario, { calendar: overlay });
    const w = compareRuns(base, variant);
    // 36-1(11) register the winner and 36-1(9) fund report: 5 days from E = 01.06 end on 06.06 (Kurban Ait),
    // moved over the weekend to Monday 09.06; a holiday on 09.06 moves them to 10.06. Nothing else ends on 09.06.
    const onThatDay = base.periods.filter((p) => p.date === '2025-06-09' && p.kind === 'deadline').map((p) => p.rule).sort();
    expect(onThatDay).toEqual(['art36_1.p11.register_winner', 'art36_1.p9.fund_report']);
    expect([...new Set(w.moved.map((m) => `${m.rule} ${m.before} → ${m.after}`))].sort()).toEqual([
      'art36_1.p11.register_winner 2025-06-09 → 2025-06-10',
      'art36_1.p9.fund_report 2025-06-09 → 2025-06-10',
    ]);
    expect(w.outcome.changed).toBe(false);
  });
});

describe('CLI against the servers: export, then timeline from the database alone', () => {
  it('audit export writes a bundle that verifies; audit timeline reads the record when Temporal is gone', () => {
    const out = path.join(tmp, 'exported.json');
    const e = cli(['audit', 'export', wait.procedureId, '--out', out], { TEMPORAL_ADDRESS: env.address, DATABASE_URL: db.url, TEMPORAL_NAMESPACE: env.namespace ?? 'default' });
    expect(e.err).toBe('');
    expect(e.code).toBe(0);
    const exported = JSON.parse(readFileSync(out, 'utf8')) as AuditBundle;
    expect(e.out).toContain(exported.digest);
    expect(exported.history?.events.length).toBe(wait.history!.events.length);
    expect(cli(['audit', 'verify', out, '--digest', exported.digest]).code).toBe(0);
    // Temporal unreachable (retention deleted the history): the record of acts alone
    const t = cli(['audit', 'timeline', wait.procedureId, '--json'], { DATABASE_URL: db.url });
    expect(t.code).toBe(0);
    const tl = JSON.parse(t.out) as { source: string; entries: { act: string; seq: number }[] };
    expect(tl.source).toBe('record');
    expect(tl.entries.map((x) => [x.seq, x.act])).toEqual([[1, 'deadlines_opened'], [2, 'timer_expiry']]);
    // an unknown procedure: exit 1, one line
    const u = cli(['audit', 'timeline', 'no-such-procedure'], { DATABASE_URL: db.url });
    expect(u.code).toBe(1);
    expect(u.err).toMatch(/no-such-procedure: not in the records/);
  });
});

describe('what-if on the Art. 24 no-confidence procedure (examples/no_confidence)', () => {
  it('a holiday on 17 March 2025 moves the 10-working-day collection to 19 March and the sheet of 19 March is no longer late', async () => {
    const scenario = parseScenario(JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'examples/no_confidence/03-sheet-one-day-late.json'), 'utf8')));
    const base = await sim.run(scenario);
    expect(base.problems).toEqual([]);
    const overlay = { ...holidayOverlay, id: 'what-if-17-march', add: [{ ...holidayOverlay.add[0]!, date: '2025-03-17' }] };
    const w = compareRuns(base, await sim.run(scenario, { calendar: overlay }));
    expect(w.moved.find((m) => m.rule === 'art24.p4.signature_collection')).toEqual({ rule: 'art24.p4.signature_collection', anchor: '2025-03-03', before: '2025-03-18', after: '2025-03-19', days: 1 });
    // only the collection and what counts from its end move
    expect([...new Set(w.moved.map((m) => m.rule))].sort()).toEqual(['art24.p4.signature_collection', 'art24.p4.signature_verification']);
    expect(w.acts).toEqual([{ act: 'submitSheet', at: expect.stringMatching(/^2025-03-19/), before: 'too_late', after: null }]);
  });
});

describe('tampering found live (issue 13): a row changed in the running database by its superuser', () => {
  it('audit verify --live and --all find it at its place (exit 4); the record served marks the row', async () => {
    const run = await sim.run(waitScenario);
    const live = { TEMPORAL_ADDRESS: env.address, DATABASE_URL: db.url, TEMPORAL_NAMESPACE: env.namespace ?? 'default' };
    const clean = cli(['audit', 'verify', '--live', run.procedureId, '--json'], live);
    expect(clean.code, clean.err).toBe(0);
    // the superuser goes around the append-only triggers and changes the expiry's date
    const c = await db.pool.connect();
    try {
      await c.query('BEGIN');
      await c.query(`SET LOCAL session_replication_role = replica`);
      await c.query(`UPDATE ledger SET payload = jsonb_set(payload, '{period,date}', '"2025-09-19"') WHERE procedure_id = $1 AND act_type = 'timer_expiry'`, [run.procedureId]);
      await c.query('COMMIT');
    } finally {
      c.release();
    }
    const found = cli(['audit', 'verify', '--live', run.procedureId, '--json'], live);
    expect(found.code).toBe(4);
    const report = JSON.parse(found.out) as { ok: boolean; findings: { check: string; path: string }[] };
    expect(report.ok).toBe(false);
    expect(report.findings).toContainEqual(expect.objectContaining({ check: 'ledger', path: '$.ledger.rows[1]' }));
    const all = cli(['audit', 'verify', '--all', '--json'], live);
    expect(all.code).toBe(4);
    expect((JSON.parse(all.out) as { failed: { procedureId: string }[] }).failed.map((f) => f.procedureId)).toContain(run.procedureId);
    // what GET /v1/procedures/{id}/record serves: the row marked, the ones after it no longer vouched for
    const marked = markRows(await readLedger({ pool: db.pool }, run.procedureId));
    expect(marked.rows.map((r) => r.integrity)).toEqual(['ok', 'broken']);
    expect(marked.break).toMatchObject({ seq: 2, problem: 'hash_mismatch' });
  });
});
