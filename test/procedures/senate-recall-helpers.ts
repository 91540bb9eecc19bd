// Shared by the senate-recall tests: a region with two maslikhats (120 + 80 = 200 electors),
// a running worker on a time-skipping server, the legal clock of a simulated run, and acts.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { WorkflowHandle } from '@temporalio/client';
import { importRegisterCsv } from '../../activities/registers.js';
import { importSignatureSheetsCsv, sheetSerial } from '../../activities/senate-recall.js';
import { DEFAULT_EDITION_ID } from '../../statute/rules.js';
import { LATEST_OFFICIAL_VERSION } from '../../statute/calendar/index.js';
import type pg from 'pg';
import path from 'node:path';
import { registersIn } from '../../client/simulate.js';
import { PROJECT_ROOT } from '../../worker/provision/temporal-binaries.js';
import {
  appeal, establishResult, issueSheets, jointSitting, senateRecall, senateRecallDefinition, sendProtocolToCec, sheetsReceived, stateQuery, submitSheets, verify,
  type SenateRecallInput, type SenateRecallState,
} from '../../workflows/senate-recall.js';

export const AREA = 'KZ-TEST-R';
export const M1 = { id: 'KZ-TEST-R-M', size: 120 };
export const M2 = { id: 'KZ-TEST-D-M', size: 80 };
export const calendarRef = `kz-official@${LATEST_OFFICIAL_VERSION}`;
export const electorName = (m: { id: string }, n: number) => `Сайлаушы ${m.id === M1.id ? 'Облыстық' : 'Аудандық'} ${n}`;

/** The region of examples/senate_recall/registers/ (the examples and these tests read the same files). */
export async function seedRegion(pool: pg.Pool): Promise<void> {
  for (const r of registersIn(path.join(PROJECT_ROOT, 'examples/senate_recall/registers'))) await importRegisterCsv({ pool }, r.register, r.csv);
}

const actor = (id: string) => ({ kind: 'official' as const, id, role: 'commission' });

export function startInput(senatorId: string, decisionDate: string, over: Partial<SenateRecallInput> = {}): SenateRecallInput {
  return {
    editionId: DEFAULT_EDITION_ID,
    calendarRef,
    unit: AREA,
    startedBy: { kind: 'body', id: M1.id, name: 'Облыстық мәслихат' },
    simulation: { legalStart: `${decisionDate}T10:00:00+05:00` },
    senator: { id: senatorId, fullName: 'Сенатор Тестов Тест', address: `${senatorId.toLowerCase()}@senate.example.kz` },
    commission: { name: 'Облыстық сайлау комиссиясы', address: 'oik@election.example.kz' },
    maslikhatName: { kk: 'Сынақ облыстық мәслихаты', ru: 'Тестовый областной маслихат', en: 'Test regional maslikhat' },
    regionName: { kk: 'Сынақ облысы', ru: 'Тестовой области', en: 'the Test region' },
    grounds: 'Сайлаушылардың сенімін жоғалту',
    initiation: { decisionDate, decisionNumber: '12/3' },
    ...over,
  };
}

/** One recall run on the time-skipping server, with its legal clock. */
export class Run {
  private constructor(
    readonly env: TestWorkflowEnvironment,
    readonly pool: pg.Pool,
    readonly handle: WorkflowHandle<typeof senateRecall>,
    readonly input: SenateRecallInput,
    private offset: number,
  ) {}

  static async start(env: TestWorkflowEnvironment, pool: pg.Pool, taskQueue: string, input: SenateRecallInput): Promise<Run> {
    const before = await env.currentTimeMs();
    const workflowId = senateRecallDefinition.workflowId(input);
    const handle = await env.client.workflow.start(senateRecall, { workflowId, taskQueue, args: [input] });
    const run = new Run(env, pool, handle, input, Date.parse(input.simulation!.legalStart) - before);
    // past the bar check, the registration and the notices of 24-1(1)
    for (let i = 0; ; i++) {
      const st = await run.state().catch(() => null);
      if (st && st.stage !== 'initiation') break;
      if (i > 200) throw new Error('recall did not start');
      await new Promise((r) => setTimeout(r, 50));
    }
    return run;
  }

  get id(): string {
    return this.handle.workflowId;
  }
  get runKey(): string {
    return this.input.initiation.decisionDate;
  }
  async now(): Promise<number> {
    return (await this.env.currentTimeMs()) + this.offset;
  }
  /** Lets legal time pass until the instant (no-op if already past). */
  async until(instant: string): Promise<string> {
    const ms = Date.parse(instant) - (await this.now());
    if (ms > 0) await this.env.sleep(ms);
    return new Date(await this.now()).toISOString();
  }
  /** Noon (Astana) of a legal date. */
  async onDay(date: string): Promise<string> {
    return this.until(`${date}T12:00:00+05:00`);
  }
  async at(): Promise<string> {
    return new Date(await this.now()).toISOString();
  }
  state(): Promise<SenateRecallState> {
    return this.handle.query(stateQuery);
  }
  /** The state once every notice owed so far has been delivered (or has failed). */
  async settled(): Promise<SenateRecallState> {
    for (let i = 0; ; i++) {
      const st = await this.state();
      if (!(st.notices as { status: string }[]).some((x) => x.status === 'queued')) return st;
      if (i > 200) throw new Error('notices not delivered');
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  deadline(st: SenateRecallState, rule: string) {
    const d = st.deadlines.find((x) => x.rule === rule);
    if (!d) throw new Error(`no open deadline ${rule} in stage ${st.stage}`);
    return d.period;
  }

  async issue(count = 10) {
    return this.handle.executeUpdate(issueSheets, { args: [{ actor: actor('oik'), at: await this.at(), count, initiators: [{ id: 'init-1', name: 'Бастамашы Бір' }, { id: 'init-2', name: 'Бастамашы Екі' }] }] });
  }
  async received() {
    return this.handle.executeUpdate(sheetsReceived, { args: [{ actor: actor('init-1'), at: await this.at() }] });
  }
  serial(seq: number): string {
    return sheetSerial(this.id, this.runKey, seq);
  }
  /** CSV of completed sheets: electors 1..k of each maslikhat, plus `invalid` non-electors. */
  csv(valid: { m1: number; m2: number }, invalid = 0): string {
    return signaturesCsv(this.id, this.runKey, valid, invalid);
  }
  async importCsv(csv: string) {
    return importSignatureSheetsCsv({ pool: this.pool }, { procedureId: this.id, runKey: this.runKey, csv });
  }
  async submit(files: string[]) {
    return this.handle.executeUpdate(submitSheets, { args: [{ actor: actor('init-1'), at: await this.at(), files }] });
  }
  async verify() {
    return this.handle.executeUpdate(verify, { args: [{ actor: actor('oik'), at: await this.at() }] });
  }
  async sitting(present: number, voted: number, votesFor: number) {
    return this.handle.executeUpdate(jointSitting, { args: [{ actor: actor('secretary'), at: await this.at(), present, voted, votesFor }] });
  }
  async protocol() {
    return this.handle.executeUpdate(sendProtocolToCec, { args: [{ actor: actor('oik'), at: await this.at(), protocolNumber: 'P-1' }] });
  }
  async result() {
    return this.handle.executeUpdate(establishResult, { args: [{ actor: actor('cec'), at: await this.at() }] });
  }
  async appeal(against: 'sheet_issue' | 'collection_closed' | 'decision' | 'vote_count' | 'result') {
    return this.handle.executeUpdate(appeal, { args: [{ actor: { kind: 'person', id: 'elector-1' }, at: await this.at(), against, to: 'higher_commission', summary: 'шағым' }] });
  }

  /** Start → sheets → collection → submission → verification, each act on a working day soon after the previous. */
  async toDecision(valid: { m1: number; m2: number }, invalid = 0): Promise<SenateRecallState> {
    await this.onDay(addDays(this.runKey, 2));
    await this.issue(Math.max(1, Math.ceil((valid.m1 + valid.m2 + invalid) / 20)));
    await this.received();
    await this.onDay(addDays(this.runKey, 12));
    const b = await this.importCsv(this.csv(valid, invalid));
    await this.submit([b.fileSha256]);
    await this.onDay(addDays(this.runKey, 14));
    return this.verify();
  }
}

/** Completed sheets (20 lines each, sheets 1, 2, …): electors 1..k of M1 and M2, then `invalid` non-electors. */
export function signaturesCsv(procedureId: string, runKey: string, valid: { m1: number; m2: number }, invalid = 0): string {
  const lines = ['sheet_serial,sheet_row,full_name,maslikhat_id,birth_date,address'];
  let i = 0;
  const row = (name: string, m: string) => {
    lines.push(`${sheetSerial(procedureId, runKey, 1 + Math.floor(i / 20))},${(i % 20) + 1},${name},${m},1970-05-0${1 + (i % 9)},"Қала, көше ${i}"`);
    i++;
  };
  for (let n = 1; n <= valid.m1; n++) row(electorName(M1, n), M1.id);
  for (let n = 1; n <= valid.m2; n++) row(electorName(M2, n), M2.id);
  for (let n = 1; n <= invalid; n++) row(`Бөтен Адам ${n}`, M1.id);
  return lines.join('\n') + '\n';
}

/** The notices of a state as `templateId:addressee role`. */
export function noticesOf(st: SenateRecallState): string[] {
  return (st.notices as { templateId: string; to: string }[]).map((x) => `${x.templateId}:${x.to}`);
}

export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The typed refusal carried by a rejected Update or a failed workflow. */
export async function refusalOf(p: Promise<unknown>): Promise<{ type: string; body: { code: string; date?: string; field?: string; rule?: string } }> {
  try {
    await p;
  } catch (e) {
    let c: unknown = e;
    while (c && typeof c === 'object') {
      const f = c as { type?: string; details?: unknown[]; cause?: unknown };
      if (typeof f.type === 'string' && f.type.startsWith('Refused:') || f.type === 'InvalidInput') return { type: f.type!, body: (f.details?.[0] ?? {}) as never };
      c = f.cause;
    }
    throw e;
  }
  throw new Error('expected a refusal, the call succeeded');
}

export type { Worker };
