// P-19, Art. 36, 36-1: election of a rural-level akim by the deputies of the district maslikhat,
// on the time-skipping server with real PostgreSQL (registers, ledger) and a real SMTP server.
// District maslikhat M-TALGAR: 20 seats, 20 deputies → quorum 2/3 = 14 (36-1(10)).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { timeSkippingEnv, testWorker } from '../harness/temporal.js';
import { freshDatabase, type FreshDatabase } from '../harness/postgres.js';
import { startSmtpServer, type TestSmtpServer } from '../harness/smtp.js';
import { waitIdle } from '../harness/scenarios.js';
import { importRegisterCsv } from '../../activities/registers.js';
import { buildActivities, closeBuiltActivities } from '../../worker/activities.js';
import { LATEST_OFFICIAL_VERSION } from '../../statute/calendar/index.js';
import { DEFAULT_EDITION_ID } from '../../statute/rules.js';
import { PROJECT_ROOT } from '../../worker/provision/temporal-binaries.js';
import type { RuralAkimElectionInput, RuralAkimState } from '../../workflows/rural-akim-election.js';

const HISTORIES = path.join(PROJECT_ROOT, 'test/histories');
const RECORD = process.env.TARTIP_RECORD_HISTORIES === '1';

const UNITS = `id,kind,parent_id,name_kk,name_ru
ALM-R,region,,Алматы облысы,Алматинская область
ALM-R.TALGAR,district,ALM-R,Талғар ауданы,Талгарский район
ALM-R.TALGAR.BELBULAK,rural_district,ALM-R.TALGAR,Бельбұлақ ауылдық округі,Бельбулакский сельский округ
`;
const MASLIKHATS = `id,unit_id,name_kk,name_ru,seats,seats_basis
M-TALGAR,ALM-R.TALGAR,Талғар аудандық мәслихаты,Талгарский районный маслихат,20,ТИК 2023-03-20 № 5
`;
const DEPUTIES = ['id,maslikhat_id,person_id,full_name,term_start,term_end,end_reason']
  .concat(Array.from({ length: 20 }, (_, i) => `TD${i + 1},M-TALGAR,TP${i + 1},Депутат ${i + 1},2023-03-29,,`))
  .join('\n');

let env: TestWorkflowEnvironment;
let db: FreshDatabase;
let smtp: TestSmtpServer;
let worker: Worker;
let taskQueue: string;
let running: Promise<void>;
let activities: ReturnType<typeof buildActivities>;

beforeAll(async () => {
  [env, db, smtp] = await Promise.all([timeSkippingEnv(), freshDatabase(), startSmtpServer()]);
  for (const [reg, csv] of [['admin_units', UNITS], ['maslikhats', MASLIKHATS], ['deputies', DEPUTIES]] as const) {
    await importRegisterCsv({ pool: db.pool }, reg, csv);
  }
  activities = buildActivities(db.pool, { mail: { host: smtp.host, port: smtp.port, from: 'tartip@maslikhat.example.kz', ignoreTLS: true } });
  ({ worker, taskQueue } = await testWorker(env, activities));
  running = worker.run();
});
afterAll(async () => {
  worker?.shutdown();
  await running;
  await closeBuiltActivities(activities);
  await env?.teardown();
  await smtp?.close();
  await db?.close();
});

const EC = { kind: 'body' as const, id: 'tik-talgar', name: 'Талгарская районная избирательная комиссия' };
const AKIM = { kind: 'official' as const, id: 'akim-talgar', name: 'Аким Талгарского района' };
const at = (date: string, time = '10:00') => `${date}T${time}:00+05:00`;

/** One procedure run: legal time is tracked here and advanced on the time-skipping server. */
class Run {
  legal: number;
  constructor(readonly id: string, readonly handle: WorkflowHandle, readonly firstRunId: string, start: string) {
    this.legal = Date.parse(start);
  }

  static async start(startAt: string, over: Partial<RuralAkimElectionInput> = {}): Promise<Run> {
    const id = `rural_akim_election:ALM-R.TALGAR.BELBULAK#${randomUUID()}`;
    const input: RuralAkimElectionInput = {
      editionId: DEFAULT_EDITION_ID,
      calendarRef: `kz-official@${LATEST_OFFICIAL_VERSION}`,
      unit: 'ALM-R.TALGAR.BELBULAK',
      startedBy: EC,
      districtMaslikhatId: 'M-TALGAR',
      trigger: { kind: 'term_end', termEnd: '2025-06-30' },
      notices: { channel: 'email', languages: ['kk', 'ru', 'en'], commission: { name: 'ТИК', role: 'election_commission', address: `tik-${id.slice(-6)}@election.example.kz` }, districtAkim: { name: 'Аким района', role: 'district_akim', address: 'akim@talgar.example.kz' } },
      simulation: { legalStart: startAt },
      ...over,
    };
    const handle = await env.client.workflow.start('ruralAkimElection', { workflowId: id, taskQueue, args: [input] });
    return new Run(id, env.client.workflow.getHandle(id), handle.firstExecutionRunId, startAt);
  }

  async until(iso: string): Promise<void> {
    const ms = Date.parse(iso) - this.legal;
    if (ms > 0) await env.sleep(ms);
    this.legal = Math.max(this.legal, Date.parse(iso));
  }

  /** Performs an act at legal time `when` (time passes until then). */
  async act(name: string, when: string, input: Record<string, unknown>, actor: object = EC): Promise<RuralAkimState> {
    await this.until(when);
    const st = await this.handle.executeUpdate<RuralAkimState, [unknown]>(name, { args: [{ actor, at: when, ...input }] });
    // the engine delivers notices apart from acts: wait for them, as a person reading mail would
    await waitIdle(this.handle);
    return st;
  }

  /** The refusal of an act: { code, field } from the typed failure. */
  async refused(name: string, when: string, input: Record<string, unknown>, actor: object = EC): Promise<{ code: string; field?: string; date?: string; rule?: string }> {
    try {
      await this.act(name, when, input, actor);
    } catch (e) {
      const cause = e instanceof WorkflowUpdateFailedError ? e.cause : e;
      if (cause instanceof ApplicationFailure) {
        const body = (cause.details?.[0] ?? {}) as { code?: string; field?: string; date?: string; rule?: string };
        if (cause.type === 'InvalidInput') return { code: 'invalid_input', field: (cause.details?.[0] as { field: string }).field };
        return { code: body.code ?? String(cause.type), ...(body.field ? { field: body.field } : {}), ...(body.date ? { date: body.date } : {}), ...(body.rule ? { rule: body.rule } : {}) };
      }
      throw e;
    }
    throw new Error(`${name} was accepted`);
  }

  state(): Promise<RuralAkimState> {
    return this.handle.query<RuralAkimState>('state');
  }

  async ledger(): Promise<{ key: string; act_type: string }[]> {
    const r = await db.pool.query<{ key: string; act_type: string }>('SELECT idem_key AS key, act_type FROM ledger WHERE procedure_id = $1 ORDER BY seq', [this.id]);
    return r.rows;
  }

  async history(file: string): Promise<unknown> {
    const h = await env.client.workflow.getHandle(this.id, this.firstRunId).fetchHistory();
    if (RECORD) writeFileSync(path.join(HISTORIES, file), historyToJSON(h));
    await Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, h, this.id);
    return h;
  }
}

const nominee = (id: string, dateOfBirth: string, date: string) => ({
  candidate: { id, fullName: `Кандидат ${id}`, dateOfBirth },
  submissionRef: `Представление акима района № ${id}`,
  consentRef: `Заявление ${id}`,
  sobranieAgreement: { date, protocolRef: `Протокол собрания № ${id}` },
  declarationsReceivedOn: date,
});
const DOCS = { submission: 'П-1', consent: 'З-1', biography: 'Б-1', idCopy: 'УЛ-1', taxCertificate: 'НК-1' };
const milestones = (st: RuralAkimState) => Object.fromEntries(st.facts.calendar!.milestones.map((m) => [m.id, m.date]));

describe('a regular election (36-1(10)): called 40 days before the term ends, the whole calendar at once', () => {
  it('calls, nominates, registers, votes, registers the winner, checks, and arms the next term; the term runs out four years later', async () => {
    const r = await Run.start(at('2025-04-28', '09:00'));
    let st = await r.state();
    expect(st.stage).toBe('awaiting_call');
    const call = st.deadlines.find((d) => d.rule === 'art36_1.p10.call_deadline')!;
    expect(call.period.date).toBe('2025-05-21');
    expect(call.period.citations[0]).toMatchObject({ article: '36-1', paragraph: '10' });

    // bad input names the field; a day after the month is refused naming its rule; nothing changes
    expect(await r.refused('callElection', at('2025-05-02'), { decisionNumber: '1', electionDay: '1 June' })).toMatchObject({ code: 'invalid_input', field: 'electionDay' });
    expect(await r.refused('callElection', at('2025-05-02'), { decisionNumber: '1', electionDay: '2025-06-03' })).toMatchObject({ code: 'too_late', field: 'electionDay', rule: 'art36_1.p10.hold_within_month', date: '2025-06-02' });
    expect(await r.refused('recordSitting', at('2025-05-02'), { protocolRef: 'x', present: 1, participated: 1, tallies: [] })).toMatchObject({ code: 'wrong_stage' });
    expect((await r.state()).acts).toEqual(st.acts);

    await r.act('callElection', at('2025-05-02'), { decisionNumber: 'ТИК-7', electionDay: '2025-06-01' });
    st = await r.state();
    expect(st.stage).toBe('nomination');
    expect(milestones(st)).toMatchObject({
      nomination_opens: '2025-05-02', nomination_closes: '2025-05-07', registration_ends: '2025-05-17', campaign_starts: '2025-05-17',
      campaign_ends: '2025-05-31', silence_starts: '2025-05-31', candidate_withdrawal_deadline: '2025-05-29', freeze_starts: '2025-05-30',
      election_day: '2025-06-01', register_winner: '2025-06-09', repeat_election_deadline: '2025-08-01',
    });
    expect(st.deadlines.map((d) => d.rule)).toEqual(expect.arrayContaining(['art36_1.p3.nomination_closes', 'art36_1.p6.registration_ends', 'art36_1.p7.campaign_ends']));
    expect(st.interpretations).toEqual(expect.arrayContaining([{ id: 'art36_1.p3.days_before', chosen: 'e_minus_n' }, { id: 'art36_1.p6.two_days_boundary', chosen: 'from_e_minus_2' }, { id: 'art36_1.p10.month_anchor', chosen: 'from_calling' }]));
    const announced = smtp.messages.filter((m) => m.subject?.includes('2025-06-01'));
    expect(announced.length).toBe(1);
    expect(announced[0]!.to).toContain(`tik-${r.id.slice(-6)}@election.example.kz`.toLowerCase());

    // 36(1): not younger than 25 on election day; 2000-06-02 is 24 on 1 June 2025
    expect(await r.refused('nominateCandidate', at('2025-05-05'), nominee('C', '2000-06-02', '2025-05-04'))).toMatchObject({ code: 'below_threshold', field: 'candidate.dateOfBirth', rule: 'art36.p1.min_age' });
    await r.act('nominateCandidate', at('2025-05-05'), nominee('A', '1980-01-15', '2025-05-04'), AKIM);
    await r.act('nominateCandidate', at('2025-05-05', '11:00'), nominee('B', '2000-06-01', '2025-05-04'), AKIM);
    expect(await r.refused('nominateCandidate', at('2025-05-08'), nominee('D', '1975-01-01', '2025-05-04'))).toMatchObject({ code: 'too_late', rule: 'art36_1.p3.nomination_closes', date: '2025-05-07' });
    // 36-1(3): the 7-day declaration check runs from receipt
    st = await r.state();
    expect(st.deadlines.find((d) => d.period.rule === 'art36_1.p3.declaration_check')?.period.date).toBe('2025-05-12');
    expect(await r.refused('registerCandidate', at('2025-05-10'), { candidateId: 'A', decisionNumber: 'Р-1', documents: { ...DOCS, taxCertificate: undefined } })).toMatchObject({ code: 'missing_documents', field: 'documents.taxCertificate' });
    await r.act('registerCandidate', at('2025-05-10'), { candidateId: 'A', decisionNumber: 'Р-1', documents: DOCS });
    await r.act('registerCandidate', at('2025-05-10', '11:00'), { candidateId: 'B', decisionNumber: 'Р-2', documents: DOCS });

    await r.until(at('2025-05-20'));
    expect((await r.state()).stage).toBe('campaign');
    await r.act('publishRegistered', at('2025-05-20'), { medium: 'газета «Талғар»' });
    await r.until(at('2025-05-31', '12:00'));
    expect((await r.state()).stage).toBe('silence');
    await r.until(at('2025-06-01', '09:00'));
    st = await r.state();
    expect(st.stage).toBe('voting');
    expect(st.facts.electors).toMatchObject({ maslikhatId: 'M-TALGAR', seats: 20, deputies: 20 });
    expect(st.facts.electors!.digest).toMatch(/^[0-9a-f]{64}$/);

    expect(await r.refused('recordSitting', at('2025-06-01', '11:00'), { protocolRef: 'П-1', present: 15, participated: 15, tallies: [{ candidateId: 'A', votes: 9 }] })).toMatchObject({ code: 'wrong_candidates', field: 'tallies' });
    await r.act('recordSitting', at('2025-06-01', '11:00'), { protocolRef: 'П-1', present: 15, participated: 15, tallies: [{ candidateId: 'A', votes: 9 }, { candidateId: 'B', votes: 6 }] });
    st = await r.state();
    expect(st.stage).toBe('registering_winner');
    expect(st.facts.winner).toMatchObject({ candidateId: 'A', votes: 9 });
    expect(st.thresholds.at(-1)).toMatchObject({ rule: 'art36_1.p10.elector_quorum', baseValue: 20, required: 14, actual: 15, met: true });
    expect(st.deadlines.find((d) => d.rule === 'art36_1.p11.register_winner')?.period.date).toBe('2025-06-09');

    await r.act('registerWinner', at('2025-06-03'), { decisionNumber: 'Р-9' });
    await r.act('submitFundReport', at('2025-06-04'), { candidateId: 'A' });
    await r.act('submitFundReport', at('2025-06-04', '11:00'), { candidateId: 'B' });
    st = await r.state();
    expect(st.stage).toBe('acting');
    await r.history('rural_akim_election-regular.json');

    // 36-1(11): takes office after a positive special check; the term is four years from registration
    await r.act('recordSpecialCheck', at('2025-06-20'), { result: 'positive', reference: 'КНБ-1' }, { kind: 'body', id: 'akim-talgar-hr' });
    await r.until(at('2025-06-21'));
    st = await r.state();
    expect(st.facts.cycle).toBe(2);
    expect(st.stage).toBe('awaiting_call');
    expect(st.facts.incumbent).toMatchObject({ candidateId: 'A', termStart: '2025-06-03', termEnd: '2029-06-04' });
    expect(st.facts.triggerDeadline).toMatchObject({ rule: 'art36_1.p10.call_deadline', date: '2029-04-25' });
    expect(st.deadlines.map((d) => d.onExpiry)).toEqual(expect.arrayContaining(['call_overdue_notice', 'record_term_end']));

    // four years on: the call deadline passes, then the term runs out
    await r.until(at('2029-06-06'));
    st = await r.state();
    expect(st.stage).toBe('call_overdue');
    expect(st.facts.overdue).toContain('art36_1.p10.call_deadline');
    // keys: <workflow id>/<first run id>/<step>
    const keys = (await r.ledger()).map((x) => x.key.slice(r.id.length + 1).replace(/^[^/]+\//, ''));
    expect(keys).toEqual(expect.arrayContaining(['c1/start', 'c1/took_office', 'c2/start']));
    // the engine's one expiry record per deadline: expiry/<deadline>/<step>
    expect(keys.filter((k) => /^c2\/expiry\/(art36_1\.p10\.call_deadline|art36\.p1\.term)\//.test(k))).toHaveLength(2);
    const types = (await r.ledger()).map((x) => x.act_type);
    expect(types).toEqual(expect.arrayContaining(['rural_akim.election_called', 'rural_akim.candidate_nominated', 'rural_akim.candidate_registered', 'rural_akim.electors_listed', 'vote_result', 'rural_akim.winner_registered', 'rural_akim.special_check', 'rural_akim.took_office', 'notice_delivered']));
    expect(smtp.messages.some((m) => m.subject?.includes('мерзімі өтті') || m.subject?.includes('deadline'))).toBe(true);
  });
});

describe('an early election with fewer than two candidates, an extension, a quorum failure, a tie and its re-vote', () => {
  it('runs within three months of the early termination (36-1(10)) and extends registration by at most ten days (36-1(3))', async () => {
    const r = await Run.start(at('2025-03-11'), { trigger: { kind: 'early_termination', terminatedOn: '2025-03-10' } });
    let st = await r.state();
    expect(st.deadlines.find((d) => d.rule === 'art36_1.p10.early_vacancy')?.period.date).toBe('2025-06-10');
    expect(await r.refused('callElection', at('2025-03-14'), { decisionNumber: 'ТИК-1', electionDay: '2025-06-15' })).toMatchObject({ code: 'too_late', rule: 'art36_1.p10.early_vacancy' });
    await r.act('callElection', at('2025-03-14'), { decisionNumber: 'ТИК-1', electionDay: '2025-05-04' });
    st = await r.state();
    expect(milestones(st)).toMatchObject({ nomination_opens: '2025-04-04', registration_ends: '2025-04-19', election_day: '2025-05-04' });
    await r.act('nominateCandidate', at('2025-04-05'), nominee('A', '1980-01-15', '2025-04-01'));
    await r.act('nominateCandidate', at('2025-04-05', '11:00'), nominee('B', '1985-03-01', '2025-04-01'));
    await r.act('registerCandidate', at('2025-04-10'), { candidateId: 'A', decisionNumber: 'Р-1', documents: DOCS });
    await r.until(at('2025-04-20'));
    st = await r.state();
    expect(st.stage).toBe('registration_shortfall');
    expect(st.deadlines.find((d) => d.onExpiry === 'election_not_held')?.period.rawEnd).toBe('2025-04-29');
    expect(await r.refused('registerCandidate', at('2025-04-20'), { candidateId: 'B', decisionNumber: 'Р-2', documents: DOCS })).toMatchObject({ code: 'too_late' });
    expect(await r.refused('extendRegistration', at('2025-04-20'), { decisionNumber: 'ТИК-2', until: '2025-04-30' })).toMatchObject({ code: 'too_late', field: 'until', rule: 'art36_1.p3.extension_max' });
    await r.act('extendRegistration', at('2025-04-20', '11:00'), { decisionNumber: 'ТИК-2', until: '2025-04-27' });
    st = await r.state();
    expect(st.stage).toBe('registration_extended');
    expect(milestones(st)).toMatchObject({ registration_ends: '2025-04-27', nomination_closes: '2025-04-27', campaign_starts: '2025-04-27', publish_registered: '2025-05-05' });
    await r.act('registerCandidate', at('2025-04-21'), { candidateId: 'B', decisionNumber: 'Р-2', documents: DOCS });
    await r.until(at('2025-04-28'));
    expect((await r.state()).stage).toBe('campaign');
    await r.until(at('2025-05-04', '09:00'));
    // 13 of 20 present: below 2/3 (14); the sitting is recorded, the day goes on
    await r.act('recordSitting', at('2025-05-04', '10:00'), { protocolRef: 'П-1', present: 13, participated: 13, tallies: [{ candidateId: 'A', votes: 7 }, { candidateId: 'B', votes: 6 }] });
    st = await r.state();
    expect(st.stage).toBe('voting');
    expect(st.thresholds.at(-1)).toMatchObject({ required: 14, actual: 13, met: false });
    await r.act('recordSitting', at('2025-05-04', '12:00'), { protocolRef: 'П-2', present: 16, participated: 16, tallies: [{ candidateId: 'A', votes: 8 }, { candidateId: 'B', votes: 8 }] });
    st = await r.state();
    expect(st.stage).toBe('revote');
    expect(st.facts.sittings.at(-1)!.decision).toMatchObject({ result: 'tie', leaders: ['A', 'B'] });
    // 36-1(10): the re-vote is held on election day; when the day ends without one, repeat elections follow
    expect(await r.refused('recordSitting', at('2025-05-05', '09:00'), { protocolRef: 'П-3', present: 16, participated: 16, tallies: [{ candidateId: 'A', votes: 9 }, { candidateId: 'B', votes: 7 }] })).toMatchObject({ code: 'wrong_stage' });
    st = await r.state();
    expect(st.stage).toBe('repeat_pending');
    expect(st.deadlines.find((d) => d.rule === 'art36_1.p10.repeat_election')?.period.date).toBe('2025-07-04');
  });

  it('the same-day re-vote elects the candidate with more votes', async () => {
    const r = await Run.start(at('2025-03-11'), { trigger: { kind: 'early_termination', terminatedOn: '2025-03-10' } });
    await r.act('callElection', at('2025-03-14'), { decisionNumber: 'ТИК-1', electionDay: '2025-05-04' });
    for (const id of ['A', 'B']) await r.act('nominateCandidate', at('2025-04-05', id === 'A' ? '10:00' : '11:00'), nominee(id, '1980-01-15', '2025-04-01'));
    for (const id of ['A', 'B']) await r.act('registerCandidate', at('2025-04-10', id === 'A' ? '10:00' : '11:00'), { candidateId: id, decisionNumber: `Р-${id}`, documents: DOCS });
    await r.until(at('2025-05-04', '09:00'));
    await r.act('recordSitting', at('2025-05-04', '12:00'), { protocolRef: 'П-2', present: 16, participated: 16, tallies: [{ candidateId: 'A', votes: 8 }, { candidateId: 'B', votes: 8 }] });
    await r.act('recordSitting', at('2025-05-04', '13:00'), { protocolRef: 'П-3', present: 16, participated: 16, tallies: [{ candidateId: 'A', votes: 9 }, { candidateId: 'B', votes: 7 }] });
    const st = await r.state();
    expect(st.stage).toBe('registering_winner');
    expect(st.facts.sittings.map((s) => s.vote)).toEqual(['first', 'revote']);
    expect(st.facts.winner).toMatchObject({ candidateId: 'A', votes: 9 });
    await r.history('rural_akim_election-early-tie-revote.json');
  });
});

describe('withdrawal "за два дня до голосования" (36-1(3),(6); T-9)', () => {
  async function toCampaign(over: Partial<RuralAkimElectionInput> = {}): Promise<Run> {
    const r = await Run.start(at('2025-05-01'), over);
    await r.act('callElection', at('2025-05-02'), { decisionNumber: 'ТИК-7', electionDay: '2025-06-01' });
    for (const id of ['A', 'B', 'C', 'D']) await r.act('nominateCandidate', at('2025-05-05', `1${id.charCodeAt(0) - 65}:00`), nominee(id, '1980-01-15', '2025-05-04'));
    for (const id of ['A', 'B', 'C', 'D']) await r.act('registerCandidate', at('2025-05-10', `1${id.charCodeAt(0) - 65}:00`), { candidateId: id, decisionNumber: `Р-${id}`, documents: DOCS });
    return r;
  }

  it('default from_e_minus_2: accepted on E−3; refused on E−2 and E−1; no cancellation from E−2', async () => {
    const r = await toCampaign();
    await r.act('withdrawCandidate', at('2025-05-29', '18:00'), { candidateId: 'A', by: 'candidate' });
    expect(await r.refused('withdrawCandidate', at('2025-05-30'), { candidateId: 'B', by: 'candidate' })).toMatchObject({ code: 'too_late', rule: 'art36_1.p6.candidate_withdrawal', date: '2025-05-29' });
    expect(await r.refused('withdrawCandidate', at('2025-05-30', '11:00'), { candidateId: 'B', by: 'district_akim' }, AKIM)).toMatchObject({ code: 'too_late', rule: 'art36_1.p3.submission_withdrawal' });
    expect(await r.refused('cancelRegistration', at('2025-05-30', '12:00'), { candidateId: 'C', decisionNumber: 'Р-X', ground: 'early_campaigning' })).toMatchObject({ code: 'registration_frozen', rule: 'art36_1.p6.freeze', date: '2025-05-30' });
    expect(await r.refused('withdrawCandidate', at('2025-05-31'), { candidateId: 'B', by: 'candidate' })).toMatchObject({ code: 'too_late' });
    const st = await r.state();
    expect(st.facts.candidates.map((c) => c.status)).toEqual(['withdrawn', 'registered', 'registered', 'registered']);
    expect(st.acts.filter((a) => a.act === 'rural_akim.candidate_withdrawn')).toHaveLength(1);
  });

  it('after_e_minus_2 recorded at start: accepted on E−2 (two days before), refused on E−1 (one day before)', async () => {
    const r = await toCampaign({ interpretations: [{ id: 'art36_1.p6.two_days_boundary', chosen: 'after_e_minus_2' }] });
    await r.act('withdrawCandidate', at('2025-05-30', '18:00'), { candidateId: 'A', by: 'candidate' });
    await r.act('withdrawCandidate', at('2025-05-30', '19:00'), { candidateId: 'B', by: 'district_akim' }, AKIM);
    expect(await r.refused('withdrawCandidate', at('2025-05-31', '09:00'), { candidateId: 'C', by: 'candidate' })).toMatchObject({ code: 'too_late', date: '2025-05-30' });
    const st = await r.state();
    expect(st.interpretations).toContainEqual({ id: 'art36_1.p6.two_days_boundary', chosen: 'after_e_minus_2' });
    expect(st.facts.candidates.filter((c) => c.status === 'withdrawn').map((c) => c.withdrawnBy)).toEqual(['candidate', 'district_akim']);
  });

  it('refuses an unknown interpretation option at start, naming it', async () => {
    const r = await Run.start(at('2025-05-01'), { interpretations: [{ id: 'art36_1.p6.two_days_boundary', chosen: 'e_minus_3' }] });
    const err = await r.handle.result().catch((e: unknown) => e);
    expect(String((err as { cause?: { type?: string } }).cause?.type)).toBe('Refused:invalid_option');
  });
});

describe('a void election, repeat elections within two months, and a negative special check', () => {
  it('declares the election invalid, calls repeat elections on a new calendar, and ends on a negative check (T-42 default)', async () => {
    const r = await Run.start(at('2025-05-01'));
    await r.act('callElection', at('2025-05-02'), { decisionNumber: 'ТИК-7', electionDay: '2025-06-01' });
    for (const id of ['A', 'B']) await r.act('nominateCandidate', at('2025-05-05', id === 'A' ? '10:00' : '11:00'), nominee(id, '1980-01-15', '2025-05-04'));
    for (const id of ['A', 'B']) await r.act('registerCandidate', at('2025-05-10', id === 'A' ? '10:00' : '11:00'), { candidateId: id, decisionNumber: `Р-${id}`, documents: DOCS });
    await r.until(at('2025-06-01', '09:00'));
    await r.act('recordSitting', at('2025-06-01', '11:00'), { protocolRef: 'П-1', present: 18, participated: 18, tallies: [{ candidateId: 'A', votes: 10 }, { candidateId: 'B', votes: 8 }] });
    await r.act('declareVoid', at('2025-06-02'), { decisionNumber: 'ОИК-3', by: 'regional_commission', ground: 'нарушение порядка подсчёта голосов' });
    let st = await r.state();
    expect(st.stage).toBe('repeat_pending');
    expect(st.deadlines.find((d) => d.rule === 'art36_1.p10.repeat_election')?.period.date).toBe('2025-08-01');
    expect(await r.refused('callRepeatElection', at('2025-06-05'), { decisionNumber: 'ТИК-9', electionDay: '2025-08-03' })).toMatchObject({ code: 'too_late', rule: 'art36_1.p10.repeat_election' });
    expect(await r.refused('callRepeatElection', at('2025-06-05'), { decisionNumber: 'ТИК-9', electionDay: '2025-07-01' })).toMatchObject({ code: 'nomination_before_call' });
    await r.act('callRepeatElection', at('2025-06-05', '11:00'), { decisionNumber: 'ТИК-9', electionDay: '2025-07-20' });
    st = await r.state();
    expect(st.facts.round).toBe(2);
    expect(milestones(st)).toMatchObject({ nomination_opens: '2025-06-20', registration_ends: '2025-07-05', repeat_election_deadline: '2025-08-01' });
    expect(st.facts.candidates).toEqual([]);
    for (const id of ['C', 'D']) await r.act('nominateCandidate', at('2025-06-21', id === 'C' ? '10:00' : '11:00'), nominee(id, '1982-02-02', '2025-06-10'));
    for (const id of ['C', 'D']) await r.act('registerCandidate', at('2025-06-26', id === 'C' ? '10:00' : '11:00'), { candidateId: id, decisionNumber: `Р-${id}`, documents: DOCS });
    await r.until(at('2025-07-20', '09:00'));
    await r.act('recordSitting', at('2025-07-20', '11:00'), { protocolRef: 'П-7', present: 20, participated: 19, tallies: [{ candidateId: 'C', votes: 12 }, { candidateId: 'D', votes: 7 }] });
    await r.act('registerWinner', at('2025-07-22'), { decisionNumber: 'Р-20' });
    st = await r.state();
    expect(st.stage).toBe('acting');
    expect(st.facts.rounds).toEqual([{ round: 1, electionDay: '2025-06-01', result: 'void' }, { round: 2, electionDay: '2025-07-20', result: 'elected' }]);
    await r.act('recordSpecialCheck', at('2025-08-10'), { result: 'negative', reference: 'КНБ-2' }, { kind: 'body', id: 'akim-talgar-hr' });
    const final = (await r.handle.result()) as RuralAkimState;
    expect(final.stage).toBe('special_check_negative');
    expect(final.outcome).toBe('special_check_negative');
    expect(final.interpretations).toContainEqual({ id: 'art36_1.p11.special_check', chosen: 'acting_until_result' });
    await r.history('rural_akim_election-void-repeat.json');
  });
});

describe('stored histories replay against today\'s code', () => {
  const files = existsSync(HISTORIES) ? readdirSync(HISTORIES).filter((f) => /^rural_akim_election-.*\.json$/.test(f)) : [];
  it('there are stored histories of this procedure', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });
  it.each(files)('%s', async (file) => {
    const h = historyFromJSON(JSON.parse(readFileSync(path.join(HISTORIES, file), 'utf8')));
    await Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, h, `stored-${file}`);
  });
});

// every example runs as it says: test/cli/examples-simulate.test.ts (the simulator, no flags)
