// Issue 13 through the HTTP API, on the real stack (Temporal dev server, worker, PostgreSQL,
// Fastify): start bodies generated from every kind's start schema, and act bodies generated from
// every act schema sent to running procedures of each kind (test/harness/arbitrary.ts, valid in
// form or broken). No response is a 5xx; every refusal is a JSON error naming its field or rule;
// no accepted input fails later (an exception in a workflow, a record PostgreSQL refuses).
// Afterwards no procedure's workflow is FAILED (a start the workflow refused aside) or TERMINATED,
// each procedure still answers a state read and an act, and a start refused as input does not
// keep a later valid start for the same post from going through.
// The bugs these found are the cases first and last below; each failed before its fix and passes now.
// Seeded (a failure prints seed and path; endOnFailure: no shrinking against a live stack);
// TARTIP_PROP_SEED / TARTIP_PROP_RUNS (a factor) replay or widen it.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startStack, type Res, type Stack } from './helpers.js';
import { startSmtpServer, type TestSmtpServer } from '../harness/smtp.js';
import { createToken } from '../../client/http/tokens.js';
import { ErrorSchema } from '../../client/http/schemas.js';
import { ACT_FILLED, START_DROPPED } from '../../client/http/schemas.js';
import { openApiExamples, scenarioFiles } from '../../client/http/examples.js';
import { registersIn } from '../../client/simulate.js';
import { legalToday } from '../../client/pins.js';
import { DEFINITIONS } from '../../workflows/definitions.js';
import type { ProcedureDefinition, Role } from '../../workflows/procedure.js';
import { PROJECT_ROOT } from '../../worker/provision/temporal-binaries.js';
import { brief, broken, mutations, toJson, valueOf, withOffset } from '../harness/arbitrary.js';
import path from 'node:path';

const SEED = Number(process.env.TARTIP_PROP_SEED ?? 1313);
const FACTOR = Number(process.env.TARTIP_PROP_RUNS ?? 1);
const START_CASES = Math.round(150 * FACTOR);
const ACT_CASES = Math.round(400 * FACTOR);
const DAY = 86_400_000;
const enc = encodeURIComponent;

type Body = Record<string, unknown>;
const isObject = (v: unknown): v is Body => v !== null && typeof v === 'object' && !Array.isArray(v);
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Every date and instant of `v` moved by `days` (an example of 2025 made a procedure of today). */
function shiftDates(v: unknown, days: number): unknown {
  if (typeof v === 'string') {
    if (/^\d{4}-\d\d-\d\d$/.test(v)) return new Date(Date.parse(`${v}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
    if (/^\d{4}-\d\d-\d\dT/.test(v) && Number.isFinite(Date.parse(v))) return withOffset(Date.parse(v) + days * DAY, 300);
    return v;
  }
  if (Array.isArray(v)) return v.map((x) => shiftDates(x, days));
  if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shiftDates(x, days)]));
  return v;
}


// ---- the stack, its registers and its tokens ------------------------------------------------

let s: Stack;
let smtp: TestSmtpServer;
const tokens = new Map<string, string>();
/** A token of `role` for the body `unit` (made once). */
async function token(role: Role, unit: string): Promise<string> {
  const k = `${role}|${unit}`;
  let t = tokens.get(k);
  if (!t) {
    t = (await createToken(s.db.pool, { role, body: unit, actorId: `${role}-${unit}`, name: `${role} ${unit}` })).token;
    tokens.set(k, t);
  }
  return t;
}
let n = 0;
const key = () => `prop-${process.pid}-${++n}`;

/** A kind as this test drives it: its unit, the example start of today, fresh posts. */
interface Kind {
  def: ProcedureDefinition;
  /** the unit of its procedures (rural elections: one per unit, so `fresh` picks a unit too) */
  unit: string;
  /** the example's start body, dated today */
  start: Body;
  /** the example's act bodies (without `at`: the API dates them now) */
  acts: Map<string, Body>;
  /** the start body of a new procedure (its own post, senator, anchor or unit) */
  fresh(i: number): Body;
}
const kinds = new Map<string, Kind>();
// rural elections are one per unit: units P1… for the procedures acted on (fresh), P60 for generated starts
const RURAL_UNITS = Array.from({ length: 60 }, (_, i) => `ALM-R.TALGAR.P${i + 1}`);
const RURAL_GENERATED = RURAL_UNITS[59]!;
const SAME_POST = 50; // fresh numbers from here: the last test's posts

/** The role a token needs for an act or a start: administrator where allowed, else the first allowed. */
const who = (roles: readonly Role[]): Role => (roles.includes('administrator') ? 'administrator' : roles[0]!);
const startRole = (def: ProcedureDefinition) => who(def.startRoles ?? ['administrator']);

const seen = { requests: 0, status: {} as Record<string, number>, codes: {} as Record<string, number>, retryAfter: 0 };
const started: { id: string; kind: string; unit: string }[] = [];
const refusedByRecords: string[] = [];
/** procedures of the known-bug cases: failed or terminated as the bug has it, not by the properties */
const knownBugIds = new Set<string>();
let terminatedAt = 0;
/** a procedure this test started, said not to exist: an act in the moment it completes (BUG 6 of the report; shown with the summary) */
const notFound: string[] = [];

/** Posts and checks an answer: never a 5xx; a refusal is a typed JSON error naming its field or rule. */
async function send(url: string, tok: string, value: unknown, what: string): Promise<Res> {
  const raw = toJson(value);
  const r = await call(s.base, 'POST', url, { token: tok, key: key(), ...(raw === undefined ? {} : { raw }) });
  seen.requests++;
  seen.status[r.status] = (seen.status[r.status] ?? 0) + 1;
  const where = `${what}\n→ ${r.status} ${brief(r.body, 2000)}`;
  if (r.status === 429 || r.status === 503) {
    // acceptable with Retry-After, but should not happen here: counted and reported
    expect(r.headers.get('retry-after'), where).toMatch(/^\d+$/);
    seen.retryAfter++;
    return r;
  }
  expect(r.status, where).toBeLessThan(500);
  if (r.status >= 400) {
    const e = ErrorSchema.safeParse(r.body);
    expect(e.success, `${where}: not the error body`).toBe(true);
    const b = e.data!;
    const code = `${r.status} ${b.code}${b.rule && b.code === 'invalid_input' ? `:${b.rule}` : ''}`;
    seen.codes[code] = (seen.codes[code] ?? 0) + 1;
    // not about the input (who asks, which procedure, has it ended): these need not name a field
    expect(Boolean(b.field || b.rule) || ['forbidden_role', 'procedure_not_found', 'procedure_closed'].includes(b.code), `${where}: names neither field nor rule`).toBe(true);
    // an exception in a workflow (asFailure: InternalError) or a plain Error in a validator
    expect(b.code === 'invalid_input' && ['InternalError', 'refused', 'Error'].includes(b.rule ?? ''), `${where}: an untyped exception in the workflow`).toBe(false);
    // validated, then refused when recorded (the ledger, PostgreSQL); an activity that reads (the sheets imported) may refuse
    if (b.code === 'records_refused') {
      refusedByRecords.push(`${what.split('\n')[0]!.slice(0, 200)} → ${String(b.params?.reason)}`);
      expect(String(b.params?.reason), `${where}: accepted input refused by the records`).not.toMatch(/PostgreSQL refused|appendAct|registerProcedure|ledger|procedure_id|violates|out of range|invalid input syntax|database/i);
    }
    for (const i of b.issues ?? []) expect(i.field.length > 0 && i.rule.length > 0, `${where}: an issue without field or rule`).toBe(true);
    if (b.code === 'procedure_not_found') notFound.push(where.slice(0, 600));
  }
  return r;
}

async function startOne(k: Kind, body: Body, what: string): Promise<Res> {
  const unit = String(body.unit);
  const r = await send(`/v1/kinds/${k.def.kind}/procedures`, await token(startRole(k.def), unit), body, what);
  if (r.status === 201 || r.status === 202) started.push({ id: r.body.id, kind: k.def.kind, unit });
  return r;
}

/** Procedures acts are sent to, per kind: running ones, replaced when one ends. */
const targets = new Map<string, { id: string; unit: string }[]>();
const freshOf: Record<string, number> = {};
async function newTarget(k: Kind, advance: boolean): Promise<{ id: string; unit: string }> {
  const i = (freshOf[k.def.kind] = (freshOf[k.def.kind] ?? 0) + 1);
  expect(i, `${k.def.kind}: too many procedures ended; raise SAME_POST`).toBeLessThan(SAME_POST);
  const body = k.fresh(i);
  const r = await startOne(k, body, `${k.def.kind}: a procedure to act on`);
  expect(r.status, `${k.def.kind} example start: ${JSON.stringify(r.body)}`).toBe(201);
  const t = { id: r.body.id as string, unit: String(body.unit) };
  if (advance) {
    const ended = await advanced(k, t);
    // the example's acts ended it (a consent given): one that has not taken them
    if (ended) return newTarget(k, false);
  }
  return t;
}

/** Takes the example's acts now, as long as the law takes them; whether that ended the procedure. */
async function advanced(k: Kind, t: { id: string; unit: string }): Promise<boolean> {
  // its notices delivered first (a Senate recall issues sheets once the maslikhat's notice is out)
  for (const until = Date.now() + 8000; Date.now() < until; await new Promise((res) => setTimeout(res, 200))) {
    const v = await call(s.base, 'GET', `/v1/procedures/${enc(t.id)}`, { token: await token('administrator', t.unit) });
    const notices = (v.body?.state?.notices ?? []) as { status?: string }[];
    if (notices.every((x) => x.status === 'sent' || x.status === 'failed')) break;
  }
  for (const [act, b] of k.acts) {
    if (act === 'suspendClock' || act === 'resumeClock' || act === 'withdraw') continue;
    const a = await send(`/v1/procedures/${enc(t.id)}/acts/${act}`, await token(who(k.def.acts[act]!.roles), t.unit), b, `${k.def.kind}: example act ${act}`);
    if (a.status === 200 && (a.body.procedure?.status !== 'RUNNING' || a.body.procedure?.state?.outcome != null)) return true;
    if (a.status !== 200) break;
  }
  return false;
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  s = await startStack({ mail: { host: smtp.host, port: smtp.port } });
  const today = legalToday();
  const csv = async (unit: string, register: string, text: string) => {
    const r = await call(s.base, 'POST', `/v1/registers/${register}`, { token: await token('administrator', unit), key: key(), raw: text, contentType: 'text/csv' });
    if (r.status !== 200) throw new Error(`${register}: ${r.status} ${JSON.stringify(r.body)}`);
  };
  // the examples' registers, and what the generated ones need beside them
  for (const [kind, unit] of [['akim_consent', 'KZ-EXAMPLE'], ['first_session', 'KZ-EXAMPLE'], ['rural_akim_election', 'ALM-R'], ['senate_recall', 'KZ-TEST-R']] as const) {
    for (const r of registersIn(path.join(PROJECT_ROOT, `examples/${kind}/registers`))) {
      let text = r.csv;
      if (kind === 'rural_akim_election' && r.register === 'admin_units') text += RURAL_UNITS.map((u) => `${u},rural_district,ALM-R.TALGAR,Ауыл ${u},Село ${u}\n`).join('');
      await csv(unit, r.register, text);
    }
  }
  // Art. 24 (no_confidence): a district of the example region, its maslikhat of 25 and their deputies
  await csv('KZ-EXAMPLE', 'admin_units', 'id,kind,parent_id,name_kk,name_ru\nKZ-EXAMPLE,region,,Мысал облысы,Область (пример)\nKZ-EXAMPLE-R,district,KZ-EXAMPLE,Мысал ауданы,Район (пример)\n');
  await csv('KZ-EXAMPLE-R', 'maslikhats', 'id,unit_id,name_kk,name_ru,seats\nM-EXAMPLE-R,KZ-EXAMPLE-R,Аудандық мәслихат,Районный маслихат,25\n');
  await csv('KZ-EXAMPLE-R', 'deputies', `id,maslikhat_id,person_id,full_name,term_start\n${Array.from({ length: 25 }, (_, i) => `D${String(i + 1).padStart(2, '0')},M-EXAMPLE-R,P-D${i + 1},Депутат ${i + 1},2023-03-19`).join('\n')}\n`);

  // Art. 20 (deputy_early_termination): the example's maslikhat and a mandate per procedure (one open procedure per mandate)
  for (const r of registersIn(path.join(PROJECT_ROOT, 'examples/deputy_early_termination/registers'))) await csv('KZ-EX-P10', r.register, r.csv);
  await csv('KZ-EX-P10', 'deputies', `id,maslikhat_id,person_id,full_name,term_start\n${Array.from({ length: SAME_POST + 20 }, (_, i) => `PROP-DT-${i + 1},M-EX-P10,P-PROP-DT-${i + 1},Депутат ${i + 1},2023-03-19`).join('\n')}\n`);
  // Art. 23 (maslikhat_early_termination): a maslikhat per procedure (one open procedure per maslikhat), each of its own district
  for (const r of registersIn(path.join(PROJECT_ROOT, 'examples/maslikhat_early_termination/registers'))) await csv('KZ-EX-P13', r.register, r.csv);
  const P13 = Array.from({ length: SAME_POST + 20 }, (_, i) => i + 1);
  await csv('KZ-EX-P13', 'admin_units', `id,kind,parent_id,name_kk,name_ru\n${P13.map((i) => `KZ-EX-P13.D${i},district,KZ-EX-P13,Аудан ${i},Район ${i}`).join('\n')}\n`);
  await csv('KZ-EX-P13', 'maslikhats', `id,unit_id,name_kk,name_ru,seats\n${P13.map((i) => `PROP-MT-${i},KZ-EX-P13.D${i},Мәслихат ${i},Маслихат ${i},25`).join('\n')}\n`);

  // the examples' inputs as the API takes them (client/http/examples.ts), dated today
  const x = openApiExamples(DEFINITIONS, START_DROPPED, ACT_FILLED);
  const now = Date.now();
  for (const def of DEFINITIONS) {
    const ex = x.start.get(def.kind)!;
    // the first scenario of the kind gives the start example (examples.ts): its legal start moves to today, its dates as many days
    const first = scenarioFiles().find((f) => f.scenario.procedure === def.kind)!.scenario;
    const days = Math.floor((now - Date.parse(first.start.at)) / DAY);
    const start = shiftDates(ex.value, days) as Body;
    if (def.kind === 'no_confidence') start.maslikhatId = 'M-EXAMPLE-R';
    if (def.kind === 'statutory_wait') start.anchor = today;
    const acts = new Map<string, Body>();
    for (const [act, a] of x.acts.get(def.kind) ?? []) {
      const { at: _at, ...rest } = shiftDates(a.value, days) as Body;
      acts.set(act, rest);
    }
    const fresh = (i: number): Body => {
      const b = clone(start);
      if (def.kind === 'akim_consent') (b.post as Body).id = `PROP-AC-${i}`;
      if (def.kind === 'no_confidence') (b.akim as Body).postId = `PROP-NC-${i}`;
      if (def.kind === 'senate_recall') (b.senator as Body).id = `PROP-SR-${i}`;
      if (def.kind === 'extraordinary_session') (b.proposal as Body).id = `PROP-ES-${i}`;
      if (def.kind === 'first_session') b.convocation = `PROP-FS-${i}`;
      // the bar of 21(5): each start a misconduct of its own day
      if (def.kind === 'deputy_sanction') { (b.submission as Body).number = `PROP-DS-${i}`; b.misconduct = shiftDates(b.misconduct, -i) as Body; }
      if (def.kind === 'regular_session') (b.session as Body).number = `PROP-RS-${i}`;
      if (def.kind === 'statutory_wait') b.anchor = new Date(Date.parse(`${today}T00:00:00Z`) - i * DAY).toISOString().slice(0, 10);
      if (def.kind === 'rural_akim_election') b.unit = RURAL_UNITS[i - 1];
      if (def.kind === 'deputy_early_termination') (b.deputy as Body).id = `PROP-DT-${i}`;
      if (def.kind === 'maslikhat_early_termination') { b.maslikhatId = `PROP-MT-${i}`; b.unit = `KZ-EX-P13.D${i}`; }
      return b;
    };
    kinds.set(def.kind, { def, unit: String(start.unit), start, acts, fresh });
  }
  for (const k of kinds.values()) targets.set(k.def.kind, [await newTarget(k, false), await newTarget(k, true)]);
}, 240_000);

afterAll(async () => {
  // the Temporal client's retries (5 s apart at most) of a query against the stuck run of known bug 3 end before its channel closes
  const wait = terminatedAt + 25_000 - Date.now();
  if (terminatedAt && wait > 0) await new Promise((res) => setTimeout(res, wait));
  console.log(`schema property over HTTP (seed ${SEED}): ${seen.requests} requests, ${started.length} procedures started; status ${JSON.stringify(seen.status)}; 429/503 ${seen.retryAfter}\n${Object.entries(seen.codes).sort().map(([c, k]) => `${c}: ${k}`).join('\n')}${refusedByRecords.length ? `\nrefused by an activity after validation:\n${refusedByRecords.join('\n')}` : ''}${notFound.length ? `\nnot found:\n${notFound.join('\n')}` : ''}`);
  await s?.stop();
  await smtp?.close();
});

const startBody = (kind: string, i: number, path: string, value: string): Body => {
  const b = kinds.get(kind)!.fresh(i);
  const keys = path.split('.');
  let o = b as Record<string, any>;
  for (const k of keys.slice(0, -1)) o = o[k];
  o[keys.at(-1)!] = value;
  return b;
};
const post = async (kind: string, body: Body) => call(s.base, 'POST', `/v1/kinds/${kind}/procedures`, { token: await token(startRole(kinds.get(kind)!.def), String(body.unit)), key: key(), body });
/** refused naming `field` (a refusal of the input, not of the records), or started and still running a few seconds later */
async function refusedOrRunning(kind: string, body: Body, field: string): Promise<void> {
  const r = await post(kind, body);
  if (r.status >= 400 && r.status < 500) {
    expect(r.body, JSON.stringify(r.body)).toMatchObject({ field });
    expect(r.body.code).not.toBe('records_refused');
    return;
  }
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  expect(r.body.state).not.toBeNull();
  await new Promise((res) => setTimeout(res, 3000));
  const v = await call(s.base, 'GET', `/v1/procedures/${enc(r.body.id)}`, { token: await token('administrator', String(body.unit)) });
  expect(v.body.status, JSON.stringify(v.body.failure)).toBe('RUNNING');
}


// First, so that the state queries the API still retries against its stuck run are over before the stack stops.
describe('known bug 3 over HTTP (issue 13)', () => {
  // BUG 3: 202 after the state query's 10 s, the workflow task failing for ever on TartipNextDeadline +010000-06-30
  it('statutory_wait with anchor 9999-12-31 (its period ends in year 10000): refused, or a procedure that answers', async () => {
    const body = startBody('statutory_wait', SAME_POST + 13, 'anchor', '9999-12-31');
    try {
      await refusedOrRunning('statutory_wait', body, 'anchor');
    } finally {
      // the stuck run ended: the API's state query still retrying against it gives up while the properties run (afterAll waits if not)
      const h = s.env.client.workflow.getHandle(`statutory_wait:${String(body.unit)}:${String(body.rule)}:9999-12-31`);
      await h.terminate('known bug 3 shown').catch(() => undefined);
      knownBugIds.add(h.workflowId);
      terminatedAt = Date.now();
    }
  }, 60_000);
});

describe('generated inputs through the HTTP API (issue 13)', () => {
  it(`${START_CASES} start bodies of every kind: a procedure or a typed 4xx naming the field`, async () => {
    const arbs = DEFINITIONS.map((def) => {
      return fc.tuple(fc.constant(def.kind), valueOf(def.input), fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), fc.integer({ min: 0, max: 9 }), mutations);
    });
    await fc.assert(fc.asyncProperty(fc.oneof(...arbs), async ([kind, v, keep, dice, ms]) => {
      const k = kinds.get(kind)!;
      let body: unknown = v;
      if (isObject(v)) {
        const g = { ...v };
        // what the API fills or refuses, sent now and then (refused: actor_from_token, simulation_refused)
        for (const f of ['startedBy', 'simulation', 'editionId', 'calendarRef']) if (dice > 0) delete g[f];
        // half of the time the example's start with some of its fields generated
        const b: Body = dice % 2 === 0 ? k.fresh(1000 + n) : g;
        if (dice % 2 === 0) Object.keys(g).forEach((f, i) => { if (keep[i % keep.length]) b[f] = g[f]; });
        // the unit of the token (now and then another: 403 forbidden_body)
        b.unit = dice === 9 ? (g.unit ?? 'KZ-ELSEWHERE') : k.def.kind === 'rural_akim_election' ? RURAL_GENERATED : k.unit;
        body = b;
      }
      const { value, how } = broken(body, ms);
      // the token of the kind's unit: a body naming another unit is refused (403 forbidden_body)
      const unit = k.def.kind === 'rural_akim_election' ? RURAL_GENERATED : k.unit;
      const r = await send(`/v1/kinds/${k.def.kind}/procedures`, await token(startRole(k.def), unit), value, `start ${k.def.kind} ${how.join('; ') || '(unbroken)'}: ${brief(value)}`);
      if (r.status === 201 || r.status === 202) started.push({ id: r.body.id, kind: k.def.kind, unit: String(r.body.unit ?? unit) });
    }), { seed: SEED, numRuns: START_CASES, endOnFailure: true });
  });

  it(`${ACT_CASES} act bodies for every act of running procedures of every kind: 200 or a typed 4xx, never a failure later`, async () => {
    const cases = DEFINITIONS.flatMap((def) => Object.keys(def.acts).map((act) => fc.tuple(fc.constant([def.kind, act] as const), valueOf(def.acts[act]!.input))));
    await fc.assert(fc.asyncProperty(fc.oneof(...cases), fc.nat(), fc.integer({ min: 0, max: 19 }), fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), mutations, async ([[kind, act], v], pick, dice, keep, ms) => {
      const k = kinds.get(kind)!;
      const list = targets.get(kind)!;
      const i = pick % list.length;
      const t = list[i]!;
      let body: unknown = v;
      if (isObject(v)) {
        const g = { ...v };
        if (dice > 0) delete g.actor; // the token's holder (refused when sent: actor_from_token)
        // `at`: mostly left to the API (now), sometimes now written out, sometimes as generated
        if (dice < 12) delete g.at;
        else if (dice < 18) g.at = withOffset(Date.now() - 1000, 300);
        // half of the time the example's act with some of its fields generated
        const own = k.acts.get(act);
        if (own && dice % 2 === 0) {
          const b: Body = clone(own);
          Object.keys(g).forEach((f, j) => { if (keep[j % keep.length] || f === 'at') b[f] = g[f]; });
          body = b;
        } else body = g;
      }
      const { value, how } = broken(body, ms);
      const roles = k.def.acts[act]!.roles;
      // now and then a role the act does not allow (403 forbidden_role)
      const role: Role = dice === 19 ? (roles.includes('auditor') ? 'administrator' : 'auditor') : who(roles);
      const r = await send(`/v1/procedures/${enc(t.id)}/acts/${act}`, await token(role, t.unit), value, `act ${kind}.${act} on ${t.id} ${how.join('; ') || '(unbroken)'}: ${brief(value)}`);
      // ended (or about to: its outcome reached; an act in that moment may be answered 404, see the report of issue 13)
      const ended = (r.status === 409 && r.body.code === 'procedure_closed') || (r.status === 404 && r.body.code === 'procedure_not_found') || (r.status === 200 && (r.body.procedure?.status !== 'RUNNING' || r.body.procedure?.state?.outcome != null));
      if (ended) list[i] = await newTarget(k, i === 1);
    }), { seed: SEED, numRuns: ACT_CASES, endOnFailure: true });
  });

  it('a start refused as input or by the workflow does not block a later valid start for the same post', async () => {
    for (const k of kinds.values()) {
      const body = k.fresh(SAME_POST + [...kinds.keys()].indexOf(k.def.kind));
      const url = `/v1/kinds/${k.def.kind}/procedures`;
      const tok = await token(startRole(k.def), String(body.unit));
      // a NUL in a text: refused at the API, naming the field
      const nul = await send(url, tok, { ...body, unit: `${String(body.unit)}\u0000` }, `${k.def.kind} NUL`);
      expect(nul.status).toBe(400);
      expect(nul.body).toMatchObject({ code: 'invalid_input', field: 'unit', rule: 'control_character' });
      // an edition that does not exist: refused by the workflow at its start (its run failed, nothing registered)
      const ed = await send(url, tok, { ...body, editionId: 'kz-148@1990-01-01' }, `${k.def.kind} unknown edition`);
      expect(ed.status, JSON.stringify(ed.body)).toBe(422);
      expect(ed.body.code).toBe('unknown_edition');
      const ok = await startOne(k, body, `${k.def.kind} valid start after the refusals`);
      expect(ok.status, `${k.def.kind}: ${JSON.stringify(ok.body)}`).toBe(201);
    }
  });
  it('afterwards: no procedure failed or was terminated, each answers a state read and an act', async () => {
    const bad: string[] = [];
    for await (const w of s.env.client.workflow.list({ query: `TaskQueue = '${s.taskQueue}' AND (ExecutionStatus = 'Failed' OR ExecutionStatus = 'Terminated' OR ExecutionStatus = 'TimedOut')` })) {
      // a start the workflow refused (a legal refusal, a bad pin) fails its workflow by design; nothing else may
      let type = '';
      try {
        await s.env.client.workflow.getHandle(w.workflowId, w.runId).result();
      } catch (e) {
        type = String((e as { cause?: { type?: string } }).cause?.type ?? (e as Error).message);
      }
      if (knownBugIds.has(w.workflowId)) continue;
      if (w.status.name !== 'FAILED' || !(type.startsWith('Refused:') || type === 'InvalidInput') || type === 'Refused:records_refused') bad.push(`${w.workflowId}: ${w.status.name} ${type}`);
    }
    expect(bad).toEqual([]);
    const running = [...new Map(started.map((p) => [p.id, p])).values()];
    expect(running.length).toBeGreaterThanOrEqual(10);
    for (const p of running) {
      const def = kinds.get(p.kind)!.def;
      const admin = await token('administrator', p.unit);
      const v = await call(s.base, 'GET', `/v1/procedures/${enc(p.id)}`, { token: admin });
      expect(v.status, `${p.id}: ${JSON.stringify(v.body)}`).toBe(200);
      // a procedure that once answered 201/202: its latest run
      expect(['RUNNING', 'COMPLETED'], `${p.id}: ${JSON.stringify(v.body.failure)}`).toContain(v.body.status);
      if (v.body.status !== 'RUNNING') continue;
      expect(v.body.state, `${p.id}: no state (${v.body.stateError})`).not.toBeNull();
      expect((v.body.state.problems ?? []) as unknown[], `${p.id}: problems in its state`).toEqual([]);
      // a valid act is answered: accepted, or refused by the law (the clock already stopped, the outcome reached)
      const clock = (v.body.state.clock as { suspended?: unknown } | undefined)?.suspended ? 'resumeClock' : 'suspendClock';
      const a = await send(`/v1/procedures/${enc(p.id)}/acts/${clock}`, admin, clock === 'suspendClock' ? { reason: 'проверка', basis: 'определение суда', document: '№ 1' } : { document: '№ 2' }, `${p.id} ${clock}`);
      expect(a.status === 200 || (a.status >= 400 && a.status < 500 && a.body.code !== 'invalid_input'), `${p.id} ${clock}: ${a.status} ${JSON.stringify(a.body)}`).toBe(true);
      expect(def.kind).toBe(p.kind);
    }
  });

});

// The bugs the properties found, as the API showed them before their fixes (test/procedures/schema-property.pure.test.ts
// has each without servers).
describe('known bugs over HTTP (issue 13): dates the schemas take that the records or Temporal cannot store', () => {
  // BUG 1: 201 with its state, then the workflow FAILS writing its first record: ledger.legal_at 0000-12-31T19:00Z
  it('akim_consent with submission.at 0001-01-01T00:00:00+05:00 (year 0 in UTC): refused, or a procedure that keeps running', async () => {
    await refusedOrRunning('akim_consent', startBody('akim_consent', SAME_POST + 10, 'submission.at', '0001-01-01T00:00:00+05:00'), 'submission.at');
  });
  // BUG 1: 422 records_refused, field (root): "rosterAsOf: … PostgreSQL refused the data (22008)"
  it('akim_consent with submission.at 0000-01-01T00:00:00Z: refused naming submission.at, not by the records', async () => {
    await refusedOrRunning('akim_consent', startBody('akim_consent', SAME_POST + 11, 'submission.at', '0000-01-01T00:00:00Z'), 'submission.at');
  });
  // BUG 2: 422 records_refused, field (root): "senateRecallBarCheck: … PostgreSQL refused the data (22008)"
  it('senate_recall with initiation.decisionDate 0000-01-01: refused naming the field, not by the records', async () => {
    await refusedOrRunning('senate_recall', startBody('senate_recall', SAME_POST + 12, 'initiation.decisionDate', '0000-01-01'), 'initiation.decisionDate');
  });
});
