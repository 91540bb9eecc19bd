// The audit bundle: one self-contained JSON file an auditor checks offline, years later, without
// trusting the operators. Format "tartip-audit-bundle/1" (docs/audit.md). verifyBundle is pure.
import { canonicalJson, normaliseInstant, sha256Hex, verifyChain, type LedgerRow } from '../../activities/ledger-hash.js';
import { calendarFromData, calendarFromJson, officialCalendar, type Calendar, type CalendarData } from '../../statute/calendar/index.js';
import type { Edition } from '../../statute/editions/types.js';
import { getEdition } from '../../statute/rules.js';
import { INLINE_CALENDAR_PREFIX } from '../../workflows/common.js';
import { decodeHistory, recordedRows, workflowIdOf, type HistoryJson } from './history.js';
import { findDerivations, firstDifference, recheck, type Found } from './derivations.js';

export const BUNDLE_FORMAT = 'tartip-audit-bundle/1' as const;

export interface AuditBundle {
  format: typeof BUNDLE_FORMAT;
  createdAt: string;
  procedure: { id: string; kind: string; editionId: string; calendarRef: string; startedBy: string | null; startedAt: string | null; input: unknown };
  /** the whole edition the procedure pinned, so recomputation needs no code of that time */
  edition: { id: string; data: Edition };
  /** the calendar the procedure pinned, as data (an overlay's `basedOn` kept) */
  calendar: { ref: string; id: string; version: string; basedOn: string | null; data: CalendarData };
  /** Temporal history (historyToJSON, parsed); null once retention has deleted it */
  history: HistoryJson | null;
  ledger: { rows: LedgerRow[] };
  /** the `state` query at export time, when a worker answered */
  state: unknown;
  /** JSON paths (into this bundle) of every deadline and threshold derivation found */
  derivations: { kind: Found['kind']; path: string; rule: string }[];
  /** sha256 of the canonical JSON of each part; historyEvents: one per event */
  digests: { procedure: string; edition: string; calendar: string; history: string; historyEvents: string[]; ledger: string; state: string; derivations: string };
  /** sha256 over the canonical JSON of every other field */
  digest: string;
}

const h = (v: unknown): string => sha256Hex(canonicalJson(v ?? null));

export interface BundleParts {
  procedure: AuditBundle['procedure'];
  history: HistoryJson | null;
  rows: LedgerRow[];
  state: unknown;
  createdAt?: string;
}

/** Resolves a calendar ref as workflows do (official version or inline user calendar). */
export function calendarOfRef(ref: string): Calendar {
  if (!ref.startsWith(INLINE_CALENDAR_PREFIX)) return officialCalendar(ref);
  return calendarFromJson(inlineCalendarObject(ref));
}

/** The calendar JSON object of an inline ref; throws when its digest does not match. */
export function inlineCalendarObject(ref: string): unknown {
  const m = /^inline:([0-9a-f]{64}):(.+)$/s.exec(ref);
  if (!m) throw new Error('calendarRef: expected inline:<sha256>:<URI-encoded calendar JSON>');
  const obj = JSON.parse(decodeURIComponent(m[2]!)) as unknown;
  if (h(obj) !== m[1]) throw new Error(`calendarRef: inline calendar does not match its digest ${m[1]}`);
  return obj;
}

/** Builds a bundle from what the servers returned (or from the database alone). */
export function buildBundle(p: BundleParts): AuditBundle {
  const edition = getEdition(p.procedure.editionId);
  const cal = calendarOfRef(p.procedure.calendarRef);
  const body = {
    format: BUNDLE_FORMAT,
    createdAt: p.createdAt ?? new Date().toISOString(),
    procedure: p.procedure,
    edition: { id: edition.id, data: JSON.parse(JSON.stringify(edition)) as Edition },
    calendar: { ref: p.procedure.calendarRef, id: cal.id, version: cal.version, basedOn: cal.basedOn ?? null, data: JSON.parse(JSON.stringify(cal.data)) as CalendarData },
    history: p.history,
    ledger: { rows: p.rows },
    state: p.state ?? null,
  };
  return seal({ ...body, derivations: [], digests: undefined as never, digest: '' });
}

/** Lists the derivations and computes every digest of a bundle's content (export, and tests forging a bundle). */
export function seal(b: AuditBundle): AuditBundle {
  const { derivations: _d, digests: _s, digest: _g, ...body } = b;
  const derivations = findDerivations({ history: decodedOf(body.history), ledger: body.ledger, state: body.state }, '$').map((f) => ({ kind: f.kind, path: f.path, rule: f.value.rule }));
  const withDerivations = { ...body, derivations };
  const sealed = { ...withDerivations, digests: sectionDigests(withDerivations) };
  return { ...sealed, digest: h(sealed) };
}

function sectionDigests(b: Omit<AuditBundle, 'digests' | 'digest'>): AuditBundle['digests'] {
  return {
    procedure: h(b.procedure),
    edition: h(b.edition),
    calendar: h(b.calendar),
    history: h(b.history),
    historyEvents: (b.history?.events ?? []).map(h),
    ledger: h(b.ledger),
    state: h(b.state),
    derivations: h(b.derivations),
  };
}

/** Decoded payloads of the history, where derivations are looked for ($.history.…). */
function decodedOf(history: HistoryJson | null): unknown {
  if (!history) return null;
  const d = decodeHistory(history);
  return { input: d.input, events: d.events.map((e) => ({ eventId: e.eventId, type: e.type, name: e.name, value: e.value })) };
}

// ---- verification -----------------------------------------------------------------------------

export type CheckName = 'format' | 'digest' | 'sections' | 'history' | 'ledger' | 'history_vs_ledger' | 'edition' | 'calendar' | 'derivations';

export interface Finding {
  check: CheckName;
  /** JSON path into the bundle of the first byte found wrong */
  path: string;
  message: string;
  expected?: unknown;
  found?: unknown;
}

export interface VerifyReport {
  ok: boolean;
  procedureId: string | null;
  digest: string | null;
  checks: { name: CheckName; ok: boolean; detail: string }[];
  findings: Finding[];
  counts: { events: number; acts: number; periods: number; thresholds: number };
}

/** Checks a bundle offline: digests, chain, history against record, edition, calendar, every derivation. */
export function verifyBundle(raw: unknown, opts: { expectedDigest?: string } = {}): VerifyReport {
  const findings: Finding[] = [];
  const checks: VerifyReport['checks'] = [];
  const counts = { events: 0, acts: 0, periods: 0, thresholds: 0 };
  const check = (name: CheckName, fn: () => string): void => {
    const before = findings.length;
    let detail: string;
    try {
      detail = fn();
    } catch (e) {
      findings.push({ check: name, path: '$', message: e instanceof Error ? e.message : String(e) });
      detail = 'could not be checked';
    }
    const own = findings.slice(before);
    checks.push({ name, ok: own.length === 0, detail: own[0]?.message ?? detail });
  };
  const b = raw as AuditBundle;
  if (!b || typeof b !== 'object' || b.format !== BUNDLE_FORMAT) {
    findings.push({ check: 'format', path: '$.format', message: `not a ${BUNDLE_FORMAT} file`, expected: BUNDLE_FORMAT, found: (b as { format?: unknown })?.format });
    return { ok: false, procedureId: null, digest: null, checks: [{ name: 'format', ok: false, detail: findings[0]!.message }], findings, counts };
  }
  const { digest: recorded, ...rest } = b;
  const computed = h(rest);

  check('digest', () => {
    if (computed !== recorded) findings.push({ check: 'digest', path: '$.digest', message: 'the bundle does not match its digest (something in it was changed)', expected: computed, found: recorded });
    if (opts.expectedDigest && opts.expectedDigest !== recorded) {
      findings.push({ check: 'digest', path: '$.digest', message: 'the bundle digest is not the anchored one', expected: opts.expectedDigest, found: recorded });
    }
    return `sha256 ${computed}`;
  });

  check('sections', () => {
    const { digests, ...body } = rest;
    const now = sectionDigests(body);
    for (const k of ['procedure', 'edition', 'calendar', 'ledger', 'state', 'derivations'] as const) {
      if (now[k] !== digests?.[k]) findings.push({ check: 'sections', path: `$.${k}`, message: `${k} was changed after export`, expected: digests?.[k], found: now[k] });
    }
    const ev = digests?.historyEvents ?? [];
    const n = Math.max(ev.length, now.historyEvents.length);
    for (let i = 0; i < n; i++) {
      if (ev[i] !== now.historyEvents[i]) {
        const id = b.history?.events[i]?.eventId;
        findings.push({ check: 'sections', path: `$.history.events[${i}]`, message: `history event ${i}${id ? ` (eventId ${id})` : ''} was changed, added or removed after export`, expected: ev[i], found: now.historyEvents[i] });
        break;
      }
    }
    if (now.history !== digests?.history && !findings.some((f) => f.path.startsWith('$.history'))) {
      findings.push({ check: 'sections', path: '$.history', message: 'history was changed after export', expected: digests?.history, found: now.history });
    }
    return 'every part matches its digest';
  });

  let edition: Edition | null = null;
  check('edition', () => {
    edition = b.edition.data;
    if (b.edition.id !== b.procedure.editionId || edition.id !== b.procedure.editionId) {
      findings.push({ check: 'edition', path: '$.edition.id', message: `the procedure pinned edition ${b.procedure.editionId}, the bundle carries ${b.edition.id}`, expected: b.procedure.editionId, found: b.edition.id });
    }
    let known: Edition | null = null;
    try {
      known = getEdition(b.edition.id);
    } catch {
      return `edition ${b.edition.id} (not in this build: checked against the bundle's own copy)`;
    }
    const diff = firstDifference(JSON.parse(JSON.stringify(known)) as unknown, edition);
    if (diff) findings.push({ check: 'edition', path: `$.edition.data${diff.path}`, message: `edition ${b.edition.id} differs from the published edition of that id`, expected: diff.expected, found: diff.found });
    return `edition ${b.edition.id} = the published one`;
  });

  let calendar: Calendar | null = null;
  check('calendar', () => {
    calendar = calendarFromData(b.calendar.data, b.calendar.basedOn ?? undefined);
    if (b.calendar.ref !== b.procedure.calendarRef) {
      findings.push({ check: 'calendar', path: '$.calendar.ref', message: 'the calendar is not the one the procedure pinned', expected: b.procedure.calendarRef, found: b.calendar.ref });
    }
    let published: Calendar;
    try {
      published = calendarOfRef(b.calendar.ref);
    } catch (e) {
      findings.push({ check: 'calendar', path: '$.calendar.ref', message: e instanceof Error ? e.message : String(e) });
      return '';
    }
    const diff = firstDifference(JSON.parse(JSON.stringify(published.data)) as unknown, b.calendar.data);
    if (diff) findings.push({ check: 'calendar', path: `$.calendar.data${diff.path}`, message: `calendar ${published.ref} differs from its ${b.calendar.ref.startsWith(INLINE_CALENDAR_PREFIX) ? 'inline (digest-checked) source' : 'published version'}`, expected: diff.expected, found: diff.found });
    return `calendar ${calendar.ref}`;
  });

  check('ledger', () => {
    const rows = b.ledger.rows;
    counts.acts = rows.length;
    const v = verifyChain(rows, { procedureId: b.procedure.id });
    if (!v.ok) {
      const i = v.break.index >= 0 ? v.break.index : rows.length;
      findings.push({ check: 'ledger', path: `$.ledger.rows[${i}]`, message: `${v.break.problem}: ${v.break.message}`, expected: v.break.expected, found: v.break.found });
    }
    return `${rows.length} acts, chain intact`;
  });

  check('history', () => {
    if (!b.history) return 'no Temporal history (deleted by retention before export): the record of acts stands alone';
    counts.events = b.history.events.length;
    b.history.events.forEach((e, i) => {
      if (Number(e.eventId) !== i + 1) findings.push({ check: 'history', path: `$.history.events[${i}].eventId`, message: `event ${i + 1} is missing or out of order`, expected: String(i + 1), found: e.eventId });
    });
    const d = decodeHistory(b.history);
    const id = workflowIdOf(d, b.procedure.id);
    if (id !== b.procedure.id) findings.push({ check: 'history', path: '$.history', message: `history of ${id}, not ${b.procedure.id}`, expected: b.procedure.id, found: id });
    return `${b.history.events.length} events`;
  });

  check('history_vs_ledger', () => {
    if (!b.history) return 'skipped (no history)';
    const d = decodeHistory(b.history);
    const byKey = new Map(b.ledger.rows.map((r, i) => [r.key, { r, i }] as const));
    const heads: { seq: number; hash: string }[] = [];
    for (const e of d.events) {
      for (const res of recordedRows(e) as { seq?: number; hash?: string }[]) {
        if (res.seq && res.hash) heads.push({ seq: res.seq, hash: res.hash });
      }
      // a delivered notice is recorded by the notice activity itself (activities/notifications.ts)
      if (e.type === 'activity_completed' && e.name === 'sendNotice') {
        const act = (e.value as { act?: { seq?: number; hash?: string } | null } | undefined)?.act;
        if (act?.seq && act.hash) heads.push({ seq: act.seq, hash: act.hash });
      }
    }
    for (const req of d.recordRequests) {
      const key = String(req.input.key);
      const hit = byKey.get(key);
      if (!hit) {
        findings.push({ check: 'history_vs_ledger', path: '$.ledger.rows', message: `the act recorded by history event ${req.eventId} (${key}) is missing from the record` });
        continue;
      }
      const expect = { actType: req.input.actType, legalAt: normaliseInstant(String(req.input.legalAt)), actor: req.input.actor, payload: req.input.payload, citation: req.input.citation ?? null, editionId: req.input.editionId ?? null };
      const got = { actType: hit.r.actType, legalAt: hit.r.legalAt, actor: hit.r.actor, payload: hit.r.payload, citation: hit.r.citation ?? null, editionId: hit.r.editionId ?? null };
      const diff = firstDifference(JSON.parse(canonicalJson(expect)) as unknown, JSON.parse(canonicalJson(got)) as unknown);
      if (diff) findings.push({ check: 'history_vs_ledger', path: `$.ledger.rows[${hit.i}]${diff.path}`, message: `act ${hit.r.seq} differs from what the workflow recorded (history event ${req.eventId})`, expected: diff.expected, found: diff.found });
    }
    for (const head of heads) {
      const row = b.ledger.rows.find((r) => r.seq === head.seq);
      if (!row) findings.push({ check: 'history_vs_ledger', path: '$.ledger.rows', message: `act ${head.seq}, confirmed to the workflow, is missing from the record`, expected: head.hash });
      else if (row.hash !== head.hash) findings.push({ check: 'history_vs_ledger', path: `$.ledger.rows[${b.ledger.rows.indexOf(row)}].hash`, message: `act ${head.seq} is not the act confirmed to the workflow`, expected: head.hash, found: row.hash });
    }
    return `${d.recordRequests.length} acts requested and ${heads.length} confirmed to the workflow, all in the record`;
  });

  check('derivations', () => {
    if (!edition || !calendar) throw new Error('edition or calendar unreadable');
    const found = findDerivations({ history: decodedOf(b.history), ledger: b.ledger, state: b.state }, '$');
    const listed = (b.derivations ?? []).map((x) => x.path);
    if (canonicalJson(listed) !== canonicalJson(found.map((f) => f.path))) {
      const missing = listed.find((p) => !found.some((f) => f.path === p)) ?? found.find((f) => !listed.includes(f.path))?.path ?? '$.derivations';
      findings.push({ check: 'derivations', path: missing, message: 'the derivations in the bundle are not those it lists (one was removed, added or made unreadable)' });
    }
    for (const f of found) {
      if (f.kind === 'period') counts.periods++;
      else if (f.kind === 'threshold') counts.thresholds++;
      else counts.periods += f.value.milestones.length;
      const r = recheck(f, edition, calendar);
      if (!r.ok) {
        findings.push({
          check: 'derivations',
          path: r.difference?.path ?? f.path,
          message: r.error ? `${f.value.rule}: ${r.error}` : `${f.value.rule} does not recompute to the recorded value under ${b.edition.id} and ${calendar.ref}`,
          expected: r.difference?.expected,
          found: r.difference?.found,
        });
      }
    }
    return `${counts.periods} deadlines and ${counts.thresholds} thresholds recompute`;
  });

  return { ok: findings.length === 0, procedureId: b.procedure?.id ?? null, digest: computed, checks, findings, counts };
}

/**
 * Bundle parts from a history alone: the acts are the record writes' results the workflow received
 * (each a full ledger row with its hash). For histories kept without their database (benchmarks,
 * stored test histories); a real export reads the record of acts from PostgreSQL.
 */
export function partsFromHistory(history: HistoryJson, fallbackId = 'unknown'): BundleParts {
  const d = decodeHistory(history);
  const id = workflowIdOf(d, fallbackId);
  const input = (d.input ?? {}) as { editionId?: string; calendarRef?: string; startedBy?: { id?: string } };
  const reg = d.events.find((e) => e.type === 'activity_scheduled' && e.name === 'registerProcedure')?.value as { kind?: string } | undefined;
  const rows = d.events
    .flatMap((e) => recordedRows(e))
    .map((v) => {
      const { replayed: _r, ...row } = v as unknown as LedgerRow & { replayed?: boolean };
      return row;
    });
  return {
    procedure: { id, kind: reg?.kind ?? d.workflowType ?? 'unknown', editionId: String(input.editionId), calendarRef: String(input.calendarRef), startedBy: input.startedBy?.id ?? null, startedAt: d.events[0]?.time ?? null, input: d.input },
    history,
    rows,
    state: null,
  };
}
