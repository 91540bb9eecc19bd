// One scripted run per procedure kind for the fault-injection suite (test/fault/faults.test.ts):
// a start input and a few acts that reach an outcome (or, where the law's calendar makes that a
// matter of weeks, a settled stage) on the real-time dev server, without a statutory deadline
// expiring in between. The legal clock starts at `simulation.legalStart`; acts are dated after the
// previous one and before the legal clock has run five minutes (the engine's future tolerance,
// workflows/engine/time.ts), so every run, calm or hurt, fast or slow, sees the same dates.
import type pg from 'pg';
import { importSignatureSheetsCsv } from '../../activities/senate-recall.js';
import { LATEST_OFFICIAL_VERSION } from '../../statute/calendar/index.js';
import { DEFAULT_EDITION_ID } from '../../statute/rules.js';
import { signaturesCsv, startInput as senateStart } from '../procedures/senate-recall-helpers.js';

/** What a step may need of its run: the procedure's id (sheet serials) and the run's database. */
export interface StepContext {
  id: string;
  pool: pg.Pool;
}

export interface Step {
  act: string;
  input: Record<string, unknown>;
  /** done by the test before the act (an import into PostgreSQL); what it returns is merged into the act's input */
  prepare?: (ctx: StepContext) => Promise<Record<string, unknown>>;
}

export interface Script {
  kind: string;
  workflowType: string;
  /** the start input; `tag` makes the addresses (and ids that must be unique) of one run its own */
  input(tag: string): Record<string, unknown>;
  steps: readonly Step[];
  /** the state the calm run ends in, and the notices it sends */
  expect: { stage: string; outcome: string | null; notices: number };
  /** the workflow completes by itself (else it stays open: an appeal period, the next round of the calendar) */
  completes: boolean;
}

const calendarRef = `kz-official@${LATEST_OFFICIAL_VERSION}`;
const pins = { editionId: DEFAULT_EDITION_ID, calendarRef };
const email = (role: string, tag: string) => ({ name: role, role, address: `${role}-${tag}@example.kz`, channel: 'email' });
const deputies = (n: number, id = (i: number) => `D${i}`) => Array.from({ length: n }, (_, i) => ({ id: id(i + 1) }));

// ---- Art. 23-1: consent to an akim's appointment -------------------------------------------------
// refusal, another candidate, refusal, another candidate, consent: five acts, three notices
const consentAt = (t: string) => `2025-03-06T${t}:00+05:00`;
const clerk = { kind: 'official', id: 'secretary-1', role: 'secretary' };
const candidate = (personId: string) => ({ personId, fullName: `Кандидат ${personId}`, birthDate: '1975-05-05', biography: 'б', workHistory: [{ from: '2000-01-01', position: 'p', organisation: 'o' }] });
const session = (t: string, votesFor: number): Step => ({ act: 'recordSessionDecision', input: { actor: clerk, at: consentAt(t), session: { number: 'S', kind: 'regular' }, candidatePresent: true, present: 25, votesFor } });

export const AKIM_CONSENT: Script = {
  kind: 'akim_consent',
  workflowType: 'akimConsent',
  input: (tag) => ({
    ...pins, unit: 'KZ-FAULT', startedBy: clerk,
    post: { id: `POST-${tag}`, title: 'аким', level: 'region' }, maslikhatId: 'M', maslikhatName: 'M',
    appointing: email('appointing', tag), superior: email('superior', tag), president: email('president', tag),
    submission: { at: consentAt('08:00'), candidate: candidate('C1') },
    roster: { seats: 30, deputies: deputies(30) },
    simulation: { legalStart: consentAt('12:00') },
  }),
  steps: [
    session('09:00', 15), { act: 'submitCandidate', input: { actor: clerk, candidate: candidate('C2'), at: consentAt('09:30') } },
    session('10:00', 10), { act: 'submitCandidate', input: { actor: clerk, candidate: candidate('C3'), at: consentAt('10:30') } },
    session('11:00', 16),
  ],
  expect: { stage: 'closed', outcome: 'consented', notices: 3 },
  completes: true,
};

// ---- Art. 24: no confidence in an akim ----------------------------------------------------------
// five of 25 sign, handed in, verified, 13 of 25 vote for, the President dismisses: one notice
const ncAt = (t: string) => `2025-03-03T${t}:00+05:00`;
export const NO_CONFIDENCE: Script = {
  kind: 'no_confidence',
  workflowType: 'noConfidence',
  input: (tag) => ({
    ...pins, unit: 'KZ-FAULT', startedBy: clerk, maslikhatId: 'M-FAULT',
    akim: { postId: `A-${tag}`, personId: 'P-AKIM', name: 'Серікбаев Серік' },
    superior: email('president', tag), maslikhat: email('maslikhat', tag),
    ground: { nonApprovals: [{ decision: '12/1', date: '2024-06-20', report: 'отчёт 2023' }, { decision: '18/2', date: '2025-01-15', report: 'отчёт 2024' }] },
    appeal: { at: ncAt('09:00'), initiators: ['D01', 'D02'] },
    roster: { seats: 25, deputies: deputies(25, (i) => `D${String(i).padStart(2, '0')}`) },
    simulation: { legalStart: ncAt('12:00') },
  }),
  steps: [
    { act: 'submitSheet', input: { actor: clerk, at: ncAt('09:10'), sheet: 'S1', signatures: ['D01', 'D02', 'D03', 'D04', 'D05'].map((deputyId) => ({ deputyId })) } },
    { act: 'handInSheets', input: { actor: clerk, at: ncAt('09:20') } },
    { act: 'recordProtocol', input: { actor: clerk, at: ncAt('09:30'), protocol: { number: '1' }, invalid: [] } },
    { act: 'recordVote', input: { actor: clerk, at: ncAt('09:40'), session: { number: 'XX', kind: 'extraordinary' }, present: 20, votesFor: 13 } },
    { act: 'recordSuperiorDecision', input: { actor: { kind: 'official', id: 'president', role: 'president' }, at: ncAt('09:50'), decision: 'terminate', act: { number: 'Указ № 1' } } },
  ],
  expect: { stage: 'closed', outcome: 'dismissed', notices: 1 },
  completes: true,
};

// ---- Art. 36-1: election of a rural akim ----------------------------------------------------------
// The calendar runs a month from the call to election day, and its milestones are timers of the
// legal clock: in real time a run stays in the nomination period. Called (announced), two
// candidates nominated, one registered, the other refused (told), the registered one withdraws
// (told): three notices, the stage 'nomination', no outcome. Dated seconds after legalStart (the
// start itself is recorded at legal now, and acts may not precede it).
const ruralAt = (s: number) => new Date(Date.parse('2025-05-02T10:00:00+05:00') + s * 1000).toISOString();
const tik = { kind: 'body', id: 'tik-talgar', name: 'Талгарская районная избирательная комиссия' };
const districtAkim = { kind: 'official', id: 'akim-talgar', name: 'Аким Талгарского района' };
const nominate = (id: string, s: number): Step => ({
  act: 'nominateCandidate',
  input: {
    actor: districtAkim, at: ruralAt(s), candidate: { id, fullName: `Кандидат ${id}`, dateOfBirth: '1980-01-15' },
    submissionRef: `Представление № ${id}`, consentRef: `Заявление ${id}`, sobranieAgreement: { date: '2025-05-02', protocolRef: `Протокол собрания ${id}` }, declarationsReceivedOn: '2025-05-02',
  },
});
export const RURAL_AKIM_ELECTION: Script = {
  kind: 'rural_akim_election',
  workflowType: 'ruralAkimElection',
  input: (tag) => ({
    ...pins, unit: 'ALM-R.TALGAR.BELBULAK', startedBy: tik, districtMaslikhatId: 'M-TALGAR',
    trigger: { kind: 'term_end', termEnd: '2025-06-30' },
    notices: { channel: 'email', languages: ['kk', 'ru'], commission: { name: 'ТИК', role: 'commission', address: `tik-${tag}@example.kz` }, districtAkim: { name: 'Аким района', role: 'district_akim', address: `akim-${tag}@example.kz` } },
    simulation: { legalStart: ruralAt(0) },
  }),
  steps: [
    { act: 'callElection', input: { actor: tik, at: ruralAt(10), decisionNumber: 'ТИК-7', electionDay: '2025-06-01' } },
    nominate('A', 20),
    nominate('B', 30),
    { act: 'registerCandidate', input: { actor: tik, at: ruralAt(40), candidateId: 'A', decisionNumber: 'Р-A', documents: { submission: 'П-1', consent: 'З-1', biography: 'Б-1', idCopy: 'УЛ-1', taxCertificate: 'НК-1' } } },
    { act: 'refuseRegistration', input: { actor: tik, at: ruralAt(50), candidateId: 'B', decisionNumber: 'О-B', ground: 'declaration_unreliable' } },
    { act: 'withdrawCandidate', input: { actor: districtAkim, at: ruralAt(60), candidateId: 'A', by: 'candidate' } },
  ],
  expect: { stage: 'nomination', outcome: null, notices: 3 },
  completes: false,
};

// ---- Art. 24-1: recall of a Senate deputy ---------------------------------------------------------
// initiated (commission and senator told), sheets issued and received, 50 of 200 electors sign
// (imported, submitted), verified and put to a vote (senator told), 46 of 90 vote for, protocol to
// the CEC, result established (senator told): four notices; the appeal period keeps it open.
const srAt = (s: number) => new Date(Date.parse('2025-03-03T10:00:00+05:00') + s * 1000).toISOString();
const commission = { kind: 'body', id: 'oik-test', name: 'Облыстық сайлау комиссиясы', role: 'commission' };
const initiator = { kind: 'person', id: 'init-1', name: 'Бастамашы Бір' };
const RUN_KEY = '2025-03-03';
export const SENATE_RECALL: Script = {
  kind: 'senate_recall',
  workflowType: 'senateRecall',
  input: (tag) => ({ ...senateStart(`SEN-${tag}`, RUN_KEY), simulation: { legalStart: srAt(0) }, commission: { name: 'Облыстық сайлау комиссиясы', address: `oik-${tag}@election.example.kz` } }),
  steps: [
    { act: 'issueSheets', input: { actor: commission, at: srAt(10), count: 5, initiators: [{ id: 'init-1', name: 'Бастамашы Бір' }] } },
    { act: 'sheetsReceived', input: { actor: initiator, at: srAt(20) } },
    {
      act: 'submitSheets', input: { actor: initiator, at: srAt(30) },
      prepare: async ({ id, pool }) => ({ files: [(await importSignatureSheetsCsv({ pool }, { procedureId: id, runKey: RUN_KEY, csv: signaturesCsv(id, RUN_KEY, { m1: 30, m2: 20 }) })).fileSha256] }),
    },
    { act: 'verify', input: { actor: commission, at: srAt(40) } },
    { act: 'jointSitting', input: { actor: { kind: 'official', id: 'secretary', name: 'Мәслихат хатшысы', role: 'secretary' }, at: srAt(50), present: 134, voted: 90, votesFor: 46 } },
    { act: 'sendProtocolToCec', input: { actor: commission, at: srAt(60), protocolNumber: '1' } },
    { act: 'establishResult', input: { actor: { kind: 'body', id: 'cec', name: 'Орталық сайлау комиссиясы' }, at: srAt(70) } },
  ],
  expect: { stage: 'appeal_window', outcome: 'powers_terminated', notices: 4 },
  completes: false,
};

// ---- a statutory waiting period -------------------------------------------------------------------
// Art. 24(8): six months from 17.03, allowed from 18.09 00:00 (Astana). The legal clock starts 45 s
// before: no act, one timer, which fires while the faults of the other kinds' steps go on.
export const STATUTORY_WAIT: Script = {
  kind: 'statutory_wait',
  workflowType: 'statutoryWait',
  input: (tag) => ({ ...pins, rule: 'art24.p8.repeat_vote', anchor: '2025-03-17', unit: `KZ-FAULT-${tag}`, startedBy: { kind: 'person', id: 'secretary-1' }, simulation: { legalStart: '2025-09-17T23:59:15+05:00' } }),
  steps: [],
  expect: { stage: 'allowed', outcome: 'allowed', notices: 0 },
  completes: true,
};

export const SCRIPTS: readonly Script[] = [AKIM_CONSENT, NO_CONFIDENCE, RURAL_AKIM_ELECTION, SENATE_RECALL, STATUTORY_WAIT];

/** The registers the scripts read (rosters, electors, units), as the examples ship them. */
export const REGISTER_FOLDERS = ['examples/rural_akim_election/registers', 'examples/senate_recall/registers'];
