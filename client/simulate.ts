// Runs a scenario (workflows/scenario.ts, docs/scenarios.md) in a time-skipping Temporal
// environment against the real workflows and activities, and answers "what if" the same facts
// met another edition or calendar. Shared by `tartip simulate` and the tests.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { canonicalJson, sha256Hex } from '../activities/ledger-hash.js';
import { LATEST_OFFICIAL_VERSION } from '../statute/calendar/index.js';
import type { DatedPeriod } from '../statute/deadlines.js';
import { editionInForce } from '../statute/rules.js';
import { StatuteError } from '../statute/errors.js';
import { importRegisterCsv, type RegisterName } from '../activities/index.js';
import { REGISTER_NAMES } from '../activities/registers.js';
import { RegisterImportError } from '../activities/errors.js';
import { importSignatureSheetsCsv, sheetSerialPrefix } from '../activities/senate-recall.js';
import { buildActivities, closeBuiltActivities } from '../worker/activities.js';
import { ensureDatabase, startEmbeddedPostgres } from '../worker/db/embedded.js';
import { migrate } from '../worker/db/migrate.js';
import { freePort } from '../worker/temporal-server.js';
import { createTimeSkippingEnv } from '../worker/test-env.js';
import { cachedWorkflowBundle } from '../worker/bundle-cache.js';
import { postgresFromTemplate } from '../worker/db/template.js';
import { DEFINITIONS } from '../workflows/definitions.js';
import type { ProcedureDefinition } from '../workflows/procedure.js';
import { ScenarioSchema, isImport, type Scenario } from '../workflows/scenario.js';
import { findDerivations } from './audit/derivations.js';
import { decodeHistory, type HistoryJson } from './audit/history.js';
import { fetchHistoryJson } from './audit/source.js';
import { astana, timelineFromHistory, type Timeline } from './audit/timeline.js';
import type { ReplayBundle } from './audit/replay.js';

/** A user calendar (docs/calendar-format.md) carried inside the calendar ref, named by its digest (workflows/common.ts pinned). */
export function inlineCalendarRef(calendarJson: unknown): string {
  const text = canonicalJson(calendarJson);
  return `inline:${sha256Hex(text)}:${encodeURIComponent(text)}`;
}

/** Parses a scenario; a bad one throws StatuteError `invalid_scenario` naming the field. */
export function parseScenario(raw: unknown): Scenario {
  const r = ScenarioSchema.safeParse(raw);
  if (r.success) return r.data;
  const i = r.error.issues[0]!;
  const field = i.path.map(String).join('.') || '(root)';
  throw new StatuteError({ code: 'invalid_scenario', field, params: { message: i.message } }, `scenario: ${field}: ${i.message}`);
}

/** The files a scenario names: its registers folder and the files its import steps load. */
export interface ScenarioFiles {
  registers: { register: RegisterName; csv: string }[];
  files: Record<string, string>;
}
export const NO_FILES: ScenarioFiles = { registers: [], files: {} };

const scenarioError = (field: string, message: string) => new StatuteError({ code: 'invalid_scenario', field, params: { message } }, `scenario: ${field}: ${message}`);

/** Reads the registers (<register>.csv in `registers`) and import files a scenario names, relative to `baseDir`. */
export function loadScenarioFiles(baseDir: string, scenario: Scenario): ScenarioFiles {
  const out: ScenarioFiles = { registers: [], files: {} };
  if (scenario.registers !== undefined) {
    const dir = path.join(baseDir, scenario.registers);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw scenarioError('registers', `no folder ${dir}`);
    out.registers = registersIn(dir);
    if (out.registers.length === 0) throw scenarioError('registers', `${dir} has none of ${REGISTER_NAMES.map((n) => `${n}.csv`).join(', ')}`);
  }
  scenario.acts.forEach((step, i) => {
    if (!isImport(step)) return;
    const file = path.join(baseDir, step.signatures);
    if (!existsSync(file)) throw scenarioError(`acts.${i}.signatures`, `no file ${file}`);
    out.files[step.signatures] = readFileSync(file, 'utf8');
  });
  return out;
}

/** The register files of a folder, in the order they must be imported (units before what refers to them). */
export function registersIn(dir: string): { register: RegisterName; csv: string }[] {
  return REGISTER_NAMES.filter((n) => existsSync(path.join(dir, `${n}.csv`))).map((register) => ({ register, csv: readFileSync(path.join(dir, `${register}.csv`), 'utf8') }));
}

/** Every string of `v` that is a key of `map`, replaced by its value (a file's digest in an act). */
function mapStrings(v: unknown, map: ReadonlyMap<string, string>): unknown {
  if (typeof v === 'string') return map.get(v) ?? v;
  if (Array.isArray(v)) return v.map((x) => mapStrings(x, map));
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mapStrings(x, map)]));
  return v;
}

export interface Pins {
  /** edition id; default: the edition in force on the start date (or the scenario's own) */
  editionId?: string;
  /** official ref, or a user calendar JSON object (inlined) */
  calendar?: string | object;
}

export interface ActOutcome {
  act: string;
  at: string;
  /** refusal code (Refused:<code>, or invalid_input), null when accepted */
  refused: string | null;
  message?: string;
  expected: string | null;
  /** false when the scenario expected otherwise */
  asExpected: boolean;
}

export interface SimulationResult {
  scenario: string;
  procedureId: string;
  kind: string;
  editionId: string;
  calendarRef: string;
  stage: string | null;
  outcome: string | null;
  /** every deadline and waiting period computed during the run, first occurrence per rule+anchor */
  periods: DatedPeriod[];
  acts: ActOutcome[];
  state: unknown;
  timeline: Timeline;
  history: HistoryJson | null;
  /** expectations of the scenario that the run did not meet */
  problems: string[];
}

export interface Simulator {
  /** `files`: what the scenario names (loadScenarioFiles); its registers are imported before the run */
  run(scenario: Scenario, pins?: Pins, files?: ScenarioFiles): Promise<SimulationResult>;
  close(): Promise<void>;
}

export interface SimulatorOptions {
  env?: TestWorkflowEnvironment;
  pool?: pg.Pool;
  workflowBundle?: ReplayBundle;
  /** log lines about setup (servers started) */
  log?: (line: string) => void;
  /** procedures the bundle runs (default: workflows/definitions.ts) */
  definitions?: readonly ProcedureDefinition[];
  /** registers imported before any run (docs/records.md), in the order given */
  registers?: readonly { register: RegisterName; csv: string }[];
  /** activities to run instead of buildActivities(pool) with the built-in mail sink */
  activities?: object;
}

export interface MailSink {
  host: string;
  port: number;
  /** raw messages received (headers and body) */
  messages: string[];
  close(): Promise<void>;
}

/**
 * Accepts every e-mail notice and keeps it in memory, so a what-if run sends nothing to anybody.
 * Speaks just enough SMTP (RFC 5321: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) for nodemailer.
 */
export async function startMailSink(): Promise<MailSink> {
  const messages: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((sock) => {
    sockets.add(sock);
    sock.on('close', () => sockets.delete(sock));
    sock.on('error', () => {});
    sock.setEncoding('utf8');
    let buf = '';
    let data: string[] | null = null;
    sock.write('220 tartip-simulate ESMTP\r\n');
    sock.on('data', (chunk: string) => {
      buf += chunk;
      for (let i = buf.indexOf('\r\n'); i >= 0; i = buf.indexOf('\r\n')) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 2);
        if (data) {
          if (line === '.') {
            messages.push(data.join('\r\n'));
            data = null;
            sock.write('250 2.0.0 kept by tartip simulate\r\n');
          } else data.push(line.startsWith('..') ? line.slice(1) : line);
          continue;
        }
        const cmd = line.slice(0, 4).toUpperCase();
        if (cmd === 'EHLO') sock.write('250-tartip-simulate\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n');
        else if (cmd === 'DATA') {
          data = [];
          sock.write('354 end data with <CR><LF>.<CR><LF>\r\n');
        } else if (cmd === 'QUIT') sock.end('221 2.0.0 bye\r\n');
        else sock.write('250 2.0.0 OK\r\n');
      }
    });
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as net.AddressInfo).port;
  return {
    host: '127.0.0.1',
    port,
    messages,
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

/** Starts (or reuses) the time-skipping server, a database and a worker bundle. */
export async function createSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const log = opts.log ?? (() => {});
  const cleanups: (() => Promise<void>)[] = [];
  try {
    // the database and the test server start side by side (each takes about a second)
    const database = async (): Promise<pg.Pool> => {
      let url = process.env.DATABASE_URL;
      if (!url) {
        const dir = mkdtempSync(path.join(os.tmpdir(), 'tartip-sim-'));
        chmodSync(dir, 0o755);
        log('simulate: starting an embedded PostgreSQL in a temporary folder …');
        // a copy of a migrated template (worker/db/template.ts), else initdb
        const port = await freePort();
        const copied = await postgresFromTemplate({ dataDir: path.join(dir, 'pg'), port, database: 'tartip_sim' }).catch(() => null);
        const server = copied?.server ?? (await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port }));
        cleanups.push(async () => { await server.stop(); rmSync(dir, { recursive: true, force: true }); });
        url = copied?.url ?? (await ensureDatabase(server.adminUrl, 'tartip_sim'));
      }
      await migrate(url);
      const own = new pg.Pool({ connectionString: url, max: 5 });
      // an idle connection cut by the server stopping at the end is not an error of the run
      own.on('error', () => {});
      cleanups.push(() => own.end());
      return own;
    };
    const testServer = async (): Promise<TestWorkflowEnvironment> => {
      log('simulate: starting the time-skipping Temporal test server …');
      const own = await createTimeSkippingEnv();
      cleanups.push(() => own.teardown());
      return own;
    };
    // both settled before going on: a failure of one must not leave the other running uncleaned
    const [dbStarted, ts] = await Promise.allSettled([opts.pool ?? database(), opts.env ?? testServer()]);
    if (dbStarted.status === 'rejected') throw dbStarted.reason;
    if (ts.status === 'rejected') throw ts.reason;
    const pool = dbStarted.value;
    const env = ts.value;
    for (const r of opts.registers ?? []) await importRegisterCsv({ pool }, r.register, r.csv);
    const workflowBundle = opts.workflowBundle ?? { codePath: (await cachedWorkflowBundle()).codePath };
    let activities = opts.activities;
    if (!activities) {
      const sink = await startMailSink();
      cleanups.push(() => sink.close());
      const built = buildActivities(pool, { mail: { host: sink.host, port: sink.port, from: 'tartip-simulate@localhost', ignoreTLS: true } });
      cleanups.push(() => closeBuiltActivities(built));
      activities = built;
    }
    const e = env;
    const acts = activities;
    const db = pool;
    return {
      async run(scenario, pins, files = NO_FILES) {
        for (const r of files.registers) await importRegisterCsv({ pool: db }, r.register, r.csv);
        return runScenario(e, workflowBundle, acts, opts.definitions ?? DEFINITIONS, scenario, pins ?? {}, { files, pool: db });
      },
      async close() {
        for (const c of cleanups.reverse()) await c().catch(() => {});
      },
    };
  } catch (err) {
    for (const c of cleanups.reverse()) await c().catch(() => {});
    throw err;
  }
}

/**
 * Waits (real time) until the workflow has no activity or workflow task in flight, so an act
 * reaches a settled procedure, as a person would see it; the time-skipping test server is not to
 * be asked to take an Update in the middle of a task (it can hang there).
 */
export async function waitIdle(handle: { describe(): Promise<{ status: { name: string }; raw: unknown }> }, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const d = await handle.describe();
    const raw = d.raw as { pendingActivities?: unknown[]; pendingWorkflowTask?: unknown };
    if (d.status.name !== 'RUNNING' || ((raw.pendingActivities?.length ?? 0) === 0 && !raw.pendingWorkflowTask)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

function refusalCode(e: unknown): { code: string; message: string } {
  let c: unknown = e;
  while (c instanceof Error && !(c instanceof ApplicationFailure) && (c as { cause?: unknown }).cause) c = (c as { cause?: unknown }).cause;
  if (c instanceof ApplicationFailure) {
    const type = c.type ?? 'failure';
    return { code: type.startsWith('Refused:') ? type.slice(8) : type === 'InvalidInput' ? 'invalid_input' : type, message: c.message };
  }
  return { code: 'failure', message: e instanceof Error ? e.message : String(e) };
}

/**
 * Runs one scenario on an environment the caller owns (test harnesses: `runScenarioIn(env,
 * { workflowBundle: { codePath }, activities }, scenario)`); createSimulator wraps it.
 */
export function runScenarioIn(
  env: TestWorkflowEnvironment,
  worker: { workflowBundle: ReplayBundle; activities: object; definitions?: readonly ProcedureDefinition[]; pool?: pg.Pool },
  scenario: Scenario,
  pins: Pins = {},
  opts: { workflowId?: string; files?: ScenarioFiles } = {},
): Promise<SimulationResult> {
  return runScenario(env, worker.workflowBundle, worker.activities, worker.definitions ?? DEFINITIONS, scenario, pins, { ...opts, ...(worker.pool ? { pool: worker.pool } : {}) });
}

interface RunOptions {
  workflowId?: string;
  files?: ScenarioFiles;
  /** where import steps store what they load */
  pool?: pg.Pool;
}

async function runScenario(env: TestWorkflowEnvironment, bundle: ReplayBundle, activities: object, definitions: readonly ProcedureDefinition[], scenario: Scenario, pins: Pins, ro: RunOptions = {}): Promise<SimulationResult> {
  const { workflowId } = ro;
  const def = definitions.find((d) => d.kind === scenario.procedure);
  if (!def) throw new StatuteError({ code: 'invalid_scenario', field: 'procedure', params: { message: `unknown procedure ${scenario.procedure}` } }, `scenario: procedure: unknown kind ${scenario.procedure}`);
  const given = scenario.start.input as { editionId?: string; calendarRef?: string };
  const calendarRef = pins.calendar === undefined
    ? given.calendarRef ?? `kz-official@${LATEST_OFFICIAL_VERSION}`
    : typeof pins.calendar === 'string' ? pins.calendar : inlineCalendarRef(pins.calendar);
  const editionId = pins.editionId ?? given.editionId ?? editionInForce(astana(scenario.start.at).slice(0, 10)).id;
  const rawInput = { ...scenario.start.input, editionId, calendarRef, simulation: { legalStart: scenario.start.at } };
  const parsed = def.input.safeParse(rawInput);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    const field = `start.input.${i.path.map(String).join('.')}`;
    throw new StatuteError({ code: 'invalid_scenario', field, params: { message: i.message } }, `scenario: ${field}: ${i.message}`);
  }
  // one run, one id: what-if runs of the same facts share the database
  const canonicalId = def.workflowId(parsed.data);
  const procedureId = workflowId ?? `sim-${randomUUID().slice(0, 8)}:${canonicalId}`;
  // a file loaded by an import step, as named in later acts (its digest) → as this run stored it
  const digests = new Map<string, string>();
  const taskQueue = `simulate-${randomUUID()}`;
  const worker = await Worker.create({ connection: env.nativeConnection, namespace: env.namespace ?? 'default', taskQueue, workflowBundle: bundle, activities });
  const acts: ActOutcome[] = [];
  let state: unknown = null;
  let history: HistoryJson | null = null;
  await worker.runUntil(async () => {
    const handle = await env.client.workflow.start(def.workflowType, { workflowId: procedureId, taskQueue, args: [rawInput] });
    /** `tartip signatures import` as the scenario's step: the file's serials renamed to this run's sheets. */
    const importStep = async (name: string): Promise<{ refused: string | null; message?: string }> => {
      const csv = ro.files?.files[name];
      if (csv === undefined || !ro.pool) return { refused: 'invalid_scenario', message: `signatures: ${name} was not loaded` };
      const st = (await handle.query('state')) as { facts?: { runKey?: unknown } } | null;
      const runKey = st?.facts?.runKey;
      if (typeof runKey !== 'string') return { refused: 'invalid_scenario', message: `signatures: a ${def.kind} takes no signature sheets` };
      const renamed = csv.split(sheetSerialPrefix(canonicalId, runKey)).join(sheetSerialPrefix(procedureId, runKey));
      try {
        const r = await importSignatureSheetsCsv({ pool: ro.pool }, { procedureId, runKey, csv: renamed });
        digests.set(sha256Hex(csv), r.fileSha256);
        return { refused: null, message: `${name}: ${r.rows} rows, sha256 ${sha256Hex(csv)}` };
      } catch (e) {
        if (e instanceof RegisterImportError) return { refused: 'invalid_sheets', message: e.message };
        throw e;
      }
    };
    const first = await fetchHistoryJson(env.client, procedureId);
    const serverStart = Date.parse(first!.events[0]!.eventTime!);
    const legalStart = Date.parse(scenario.start.at);
    const until = async (legal: string) => {
      const target = serverStart + (Date.parse(legal) - legalStart);
      const now = await env.currentTimeMs();
      if (target > now) await env.sleep(target - now);
    };
    for (const a of scenario.acts) {
      await until(a.at);
      await waitIdle(handle);
      if (isImport(a)) {
        const r = await importStep(a.signatures);
        acts.push({ act: 'import signatures', at: a.at, ...r, expected: null, asExpected: r.refused === null });
        continue;
      }
      let refused: string | null = null;
      let message: string | undefined;
      try {
        await handle.executeUpdate(a.act, { args: [{ ...mapStrings(a.input, digests) as object, at: a.at }] });
      } catch (e) {
        if (!(e instanceof WorkflowUpdateFailedError) && !(e instanceof ApplicationFailure)) {
          ({ code: refused, message } = { code: 'procedure_not_accepting', message: e instanceof Error ? e.message : String(e) });
        } else ({ code: refused, message } = refusalCode(e));
      }
      const expected = a.expectRefusal ?? null;
      acts.push({ act: a.act, at: a.at, refused, ...(message ? { message } : {}), expected, asExpected: refused === expected });
    }
    if (scenario.runUntil) await until(scenario.runUntil);
    await waitIdle(handle);
    try {
      state = await handle.query('state');
    } catch {
      state = null;
    }
    history = await fetchHistoryJson(env.client, procedureId);
    // a simulated procedure has no future: left running, its timers would hold up the shared
    // time-skipping clock during the next run (nobody polls its task queue any more)
    const { status } = await handle.describe();
    // it may complete on its own meanwhile (its last notice delivered): then there is nothing to end
    if (status.name === 'RUNNING') await handle.terminate('tartip simulate: scenario finished').catch(async (e: unknown) => {
      if ((await handle.describe()).status.name === 'RUNNING') throw e;
    });
  });
  const timeline = timelineFromHistory(procedureId, history!, state);
  const decoded = decodeHistory(history!, procedureId);
  const periods = new Map<string, DatedPeriod>();
  for (const f of findDerivations({ events: decoded.events.map((e) => e.value), result: decoded.result, state }, '$', [], false)) {
    if (f.kind === 'period' && !periods.has(`${f.value.rule}|${f.value.anchor}`)) periods.set(`${f.value.rule}|${f.value.anchor}`, f.value);
  }
  const st = state as { stage?: string; outcome?: string | null } | null;
  const result = decoded.result as { stage?: string; outcome?: string } | undefined;
  const stage = st?.stage ?? result?.stage ?? null;
  const outcome = timeline.outcome;
  const problems: string[] = [];
  for (const a of acts) if (!a.asExpected) problems.push(`act ${a.act} at ${a.at}: ${a.expected ? `expected refusal ${a.expected}` : 'expected acceptance'}, got ${a.refused ?? 'accepted'}${a.message ? ` (${a.message})` : ''}`);
  const x = scenario.expect;
  if (x?.stage !== undefined && x.stage !== stage) problems.push(`stage: expected ${x.stage}, got ${stage}`);
  if (x?.outcome !== undefined && x.outcome !== outcome) problems.push(`outcome: expected ${x.outcome}, got ${outcome}`);
  for (const [rule, date] of Object.entries(x?.deadlines ?? {})) {
    const facts = (state as { facts?: { periods?: { rule: string; date: string }[] } } | null)?.facts?.periods ?? [];
    const got = [...periods.values(), ...facts].filter((p) => p.rule === rule).map((p) => p.date);
    if (!got.includes(date)) problems.push(`deadline ${rule}: expected ${date}, got ${got.join(', ') || 'none'}`);
  }
  return { scenario: scenario.title, procedureId, kind: def.kind, editionId, calendarRef, stage, outcome, periods: [...periods.values()], acts, state, timeline, history, problems };
}

// ---- what if ---------------------------------------------------------------------------------

export interface PeriodChange {
  rule: string;
  anchor: string;
  before: string | null;
  after: string | null;
  /** days the date moved (after − before), null when one side lacks it */
  days: number | null;
}

export interface WhatIf {
  base: SimulationResult;
  variant: SimulationResult;
  /** every period of either run, with whether its date moved */
  periods: PeriodChange[];
  moved: PeriodChange[];
  outcome: { before: string | null; after: string | null; changed: boolean };
  stage: { before: string | null; after: string | null; changed: boolean };
  acts: { act: string; at: string; before: string | null; after: string | null }[];
}

const dayMs = 86_400_000;

/** Compares two runs of the same facts. Periods are matched by rule and occurrence. */
export function compareRuns(base: SimulationResult, variant: SimulationResult): WhatIf {
  const occ = (ps: DatedPeriod[]) => {
    const n = new Map<string, number>();
    return ps.map((p) => {
      const i = n.get(p.rule) ?? 0;
      n.set(p.rule, i + 1);
      return { key: `${p.rule}#${i}`, p };
    });
  };
  const a = new Map(occ(base.periods).map((x) => [x.key, x.p]));
  const b = new Map(occ(variant.periods).map((x) => [x.key, x.p]));
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  const periods = keys.map((k) => {
    const x = a.get(k);
    const y = b.get(k);
    return {
      rule: (x ?? y)!.rule,
      anchor: (x ?? y)!.anchor,
      before: x?.date ?? null,
      after: y?.date ?? null,
      days: x && y ? Math.round((Date.parse(y.date) - Date.parse(x.date)) / dayMs) : null,
    };
  });
  return {
    base,
    variant,
    periods,
    moved: periods.filter((p) => p.before !== p.after),
    outcome: { before: base.outcome, after: variant.outcome, changed: base.outcome !== variant.outcome },
    stage: { before: base.stage, after: variant.stage, changed: base.stage !== variant.stage },
    acts: base.acts.map((x, i) => ({ act: x.act, at: x.at, before: x.refused, after: variant.acts[i]?.refused ?? null })).filter((x) => x.before !== x.after),
  };
}

/** Runs the scenario as written and under the other pins, and compares. */
export async function whatIf(sim: Simulator, scenario: Scenario, pins: Pins): Promise<WhatIf> {
  const base = await sim.run(scenario);
  const variant = await sim.run(scenario, pins);
  return compareRuns(base, variant);
}
