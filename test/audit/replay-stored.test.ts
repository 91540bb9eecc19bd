// The CI gate: every stored history of every procedure (test/histories/*.json) replays against
// today's workflow code. A change that would break running procedures fails here, not in production.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, inject } from 'vitest';
import { bundleWorkflowCode } from '@temporalio/worker';
import { decodeHistory, workflowIdOf, type HistoryJson } from '../../client/audit/history.js';
import { buildBundle, partsFromHistory, seal, verifyBundle } from '../../client/audit/bundle.js';
import { timelineFromHistory } from '../../client/audit/timeline.js';
import { replayHistories, replayHistory, summarise } from '../../client/audit/replay.js';
import { PROJECT_ROOT } from '../../worker/provision/temporal-binaries.js';
import { WORKFLOWS_PATH } from '../../worker/worker.js';
import { DEFINITIONS } from '../../workflows/definitions.js';

const DIR = path.join(PROJECT_ROOT, 'test/histories');
const stored = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => {
    const history = JSON.parse(readFileSync(path.join(DIR, file), 'utf8')) as HistoryJson;
    const decoded = decodeHistory(history);
    return { file, history, workflowType: decoded.workflowType, workflowId: workflowIdOf(decoded, file) };
  });
const today = () => ({ codePath: inject('workflowBundlePath') });

describe('stored histories replay against today\'s code', () => {
  it('there is at least one stored history of every registered procedure', () => {
    const missing = DEFINITIONS.filter((d) => !stored.some((s) => s.workflowType === d.workflowType)).map((d) => d.kind);
    expect(missing, 'record one with TARTIP_RECORD_HISTORIES=1 in the procedure\'s test').toEqual([]);
  });

  for (const s of stored) {
    it(`${s.file} (${s.workflowType}) is deterministic`, async () => {
      const r = await replayHistory(today(), s.history, s.workflowId);
      expect(r.error?.message ?? null).toBeNull();
      expect(r.ok).toBe(true);
    });
  }

  it('all of them in one replay worker', async () => {
    const results = await replayHistories(today(), stored.map((s) => ({ workflowId: s.workflowId, history: s.history })));
    expect(summarise(results)).toEqual({ total: stored.length, deterministic: stored.length, diverged: 0, failed: 0 });
  });

  it('every one of them diverges from a deliberately incompatible change (an extra timer first)', async () => {
    const changed = await bundleWorkflowCode({
      workflowsPath: WORKFLOWS_PATH,
      workflowInterceptorModules: [path.join(PROJECT_ROOT, 'test/audit/fixtures/extra-timer-interceptor.ts')],
      logger: { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} } as never,
    });
    const results = await replayHistories(changed, stored.map((s) => ({ workflowId: s.workflowId, history: s.history })));
    expect(results.map((r) => [r.workflowId, r.error?.name])).toEqual(stored.map((s) => [s.workflowId, 'DeterminismViolationError']));
    expect(summarise(results).diverged).toBe(stored.length);
  });

  it('tartip audit replay: exit 0 for a stored history, 4 with the divergence for an altered one', () => {
    const cli = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'client/cli.ts'), 'audit', 'replay', ...args], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    const first = stored[0]!;
    const ok = cli([path.join(DIR, first.file), '--json']);
    expect(ok.status).toBe(0);
    expect((JSON.parse(ok.stdout) as { summary: unknown }).summary).toEqual({ total: 1, deterministic: 1, diverged: 0, failed: 0 });
    // the history claims another activity than the code schedules
    const altered = JSON.parse(JSON.stringify(first.history)) as HistoryJson;
    const ev = altered.events.find((e) => e.activityTaskScheduledEventAttributes)!;
    (ev.activityTaskScheduledEventAttributes as { activityType: { name: string } }).activityType.name = 'somethingElse';
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'tartip-replay-')), 'altered.json');
    writeFileSync(file, JSON.stringify(altered));
    const bad = cli([file]);
    expect(bad.status).toBe(4);
    expect(bad.stdout).toMatch(/DIVERGED/);
    expect(bad.stdout).toContain('1 replayed: 0 deterministic, 1 diverged');
    // many at once, in one process with one bundle: the folder of stored histories and the altered one
    const many = cli([DIR, file, '--json']);
    expect(many.status).toBe(4);
    const m = JSON.parse(many.stdout) as { summary: unknown; results: { workflowId: string; ok: boolean }[] };
    expect(m.summary).toEqual({ total: stored.length + 1, deterministic: stored.length, diverged: 1, failed: 0 });
    expect(m.results.filter((r) => !r.ok)).toHaveLength(1);
  });
});

describe('stored histories: every deadline and threshold recomputes under the pinned edition and calendar', () => {
  for (const s of stored) {
    it(`${s.file}`, () => {
      const r = verifyBundle(buildBundle(partsFromHistory(s.history, s.file)));
      // the history alone lacks the acts notices recorded (they are in PostgreSQL): only derivations are judged here
      expect(r.findings.filter((f) => f.check === 'derivations' || f.check === 'edition' || f.check === 'calendar')).toEqual([]);
      expect(r.counts.periods + r.counts.thresholds).toBeGreaterThan(0);
    });
  }

  it('a deadline date changed in any stored history is caught at its place, even re-sealed', () => {
    for (const s of stored) {
      const b = buildBundle(partsFromHistory(s.history, s.file));
      const target = b.derivations.find((d) => d.kind === 'period' && d.path.startsWith('$.history.events['));
      if (!target) continue;
      const idx = Number(/^\$\.history\.events\[(\d+)\]/.exec(target.path)![1]);
      const ev = b.history!.events.find((e) => e !== undefined && Number(e.eventId) === decodeHistory(b.history!).events[idx]!.eventId)!;
      // re-encode the payload holding it with one date moved by a day
      const payloads: { data: string }[] = [];
      const walk = (v: unknown): void => {
        if (Array.isArray(v)) v.forEach(walk);
        else if (v && typeof v === 'object') {
          if ('metadata' in v && 'data' in v && typeof (v as { data: unknown }).data === 'string') payloads.push(v as { data: string });
          else Object.values(v).forEach(walk);
        }
      };
      walk(ev);
      const p = payloads.find((x) => Buffer.from(x.data, 'base64').toString('utf8').includes(`"rule":"${target.rule}"`))!;
      const text = Buffer.from(p.data, 'base64').toString('utf8');
      const m = /"date":"(\d{4}-\d{2}-)(\d{2})"/.exec(text)!;
      const forged = text.replace(m[0], `"date":"${m[1]}${m[2] === '28' ? '27' : '28'}"`);
      p.data = Buffer.from(forged).toString('base64');
      const r = verifyBundle(seal(b));
      const f = r.findings.find((x) => x.check === 'derivations');
      expect(f, s.file).toBeDefined();
      expect(f!.path.startsWith(`$.history.events[${idx}]`), `${s.file}: ${f!.path}`).toBe(true);
    }
  });

  for (const s of stored) {
    it(`timeline of ${s.file}: every act with its legal date and the deadlines in force`, () => {
      const t = timelineFromHistory(s.workflowId, s.history);
      expect(t.kind).not.toBeNull();
      expect(t.entries.length).toBeGreaterThan(0);
      for (const e of t.entries) expect(Number.isNaN(Date.parse(e.at))).toBe(false);
      // the law sets no deadline for a sanction or an early termination (catalogue P-09, P-10, P-13): none is ever in force
      expect(t.entries.some((e) => e.deadlines.length > 0), s.file).toBe(!UNTIMED.has(String(t.kind)));
    });
  }
});

/** Kinds whose article sets no period at all. */
const UNTIMED = new Set(['deputy_sanction', 'deputy_early_termination', 'maslikhat_early_termination']);

