// A procedure's history for people: each legal act with its legal date, actor, citation and the
// deadlines in force at that moment (with how they were obtained). From the Temporal history
// while it exists, from the record of acts after retention, or from a bundle.
import type { Actor, LedgerRow } from '../../activities/ledger-hash.js';
import type { DatedPeriod } from '../../statute/deadlines.js';
import type { Lang } from '../../statute/errors.js';
import { formatCitation, formatDuration } from '../../statute/messages.js';
import type { Citation, InterpretationUse, PeriodUnit, ThresholdDerivation } from '../../statute/types.js';
import { DEFINITIONS, definitionOf } from '../../workflows/definitions.js';
import { getEdition, ruleById as rule } from '../../statute/rules.js';
import { decodeHistory, recordedRows, type HistoryJson } from './history.js';
import { findDerivations } from './derivations.js';

export interface DeadlineInForce {
  rule: string;
  kind: 'deadline' | 'waiting';
  date: string;
  instant: string;
  count: number;
  unit: PeriodUnit;
  /** counted from the anchor ('after') or back from it ('before', a lead time) */
  direction: 'after' | 'before';
  anchor: string;
  rawEnd: string;
  calendar: string;
  provisional: boolean;
  /** e.g. "6 month from 2036-03-17; counted to 2036-09-17; calendar kz-official@2026-11-22" */
  derivation: string;
  skipped: string[];
  citation: string;
}

export interface TimelineEntry {
  /** legal instant (ISO, UTC) */
  at: string;
  act: string;
  actor: Actor | null;
  citations: Citation[];
  /** seq in the record of acts, when recorded */
  seq: number | null;
  /** refusal code when the act was refused (history only) */
  refused: string | null;
  payload: unknown;
  deadlines: DeadlineInForce[];
  thresholds: ThresholdDerivation[];
}

export interface Timeline {
  procedureId: string;
  kind: string | null;
  source: 'temporal' | 'record' | 'bundle';
  editionId: string | null;
  calendarRef: string | null;
  entries: TimelineEntry[];
  /** the procedure's end (workflow result / state outcome), null while running */
  outcome: string | null;
  interpretations: InterpretationUse[];
}

interface Seen {
  pos: number;
  byAnchor: boolean;
  period?: DatedPeriod;
  threshold?: ThresholdDerivation;
}

function directionOf(p: DatedPeriod): 'after' | 'before' {
  try {
    const r = rule(getEdition(p.editionId), p.rule);
    const spec = r.kind === 'period' ? r.period : r.kind === 'bar' ? r.bar.period : null;
    return spec?.direction ?? 'after';
  } catch {
    return 'after';
  }
}

function toDeadline(p: DatedPeriod): DeadlineInForce {
  return {
    rule: p.rule,
    kind: p.kind,
    date: p.date,
    instant: p.instant,
    count: p.count,
    unit: p.unit,
    direction: directionOf(p),
    anchor: p.anchor,
    rawEnd: p.rawEnd,
    calendar: `${p.calendarId}@${p.calendarVersion}`,
    provisional: p.provisional,
    derivation: `${p.count} ${p.unit} from ${p.anchor}; counted to ${p.rawEnd}${p.rawEnd !== p.date && p.kind === 'deadline' ? ` → ${p.date}` : ''}; calendar ${p.calendarId}@${p.calendarVersion}${p.provisional ? ' (provisional)' : ''}`,
    skipped: p.skipped.map((s) => `${s.date} ${s.reason}`),
    citation: p.citations[0] ? formatCitation(p.citations[0], 'en') : '',
  };
}

/**
 * The deadlines in force at position `pos` and legal instant `at`: recorded by then (or, for those
 * known only from the final state or result, `byAnchor`, anchored on or before that day) and not over.
 */
function inForce(seen: Seen[], pos: number, at: string, since = -1): { deadlines: DeadlineInForce[]; thresholds: ThresholdDerivation[] } {
  const periods = new Map<string, DatedPeriod>();
  const thresholds = new Map<string, ThresholdDerivation>();
  const day = astana(at).slice(0, 10);
  for (const s of seen) {
    if (s.byAnchor ? !s.period || s.period.anchor > day : s.pos > pos) continue;
    if (s.period) periods.set(`${s.period.rule}|${s.period.anchor}`, s.period);
    // a threshold decision is shown once, with the act that took it
    if (s.threshold && !s.byAnchor && s.pos > since) thresholds.set(`${s.threshold.rule}|${s.threshold.test}`, s.threshold);
  }
  const t = Date.parse(at);
  return {
    deadlines: [...periods.values()].filter((p) => Date.parse(p.instant) >= t).sort((a, b) => a.instant.localeCompare(b.instant) || a.rule.localeCompare(b.rule)).map(toDeadline),
    thresholds: [...thresholds.values()],
  };
}

function seenIn(value: unknown, pos: number, byAnchor: boolean, out: Seen[]): void {
  for (const f of findDerivations(value, '$', [], false)) if (f.kind !== 'election_calendar') out.push({ pos, byAnchor, ...(f.kind === 'period' ? { period: f.value } : { threshold: f.value }) });
}

const citationsOf = (c: unknown): Citation[] => (Array.isArray(c) ? (c as Citation[]) : c && typeof c === 'object' ? [c as Citation] : []);

function outcomeOf(state: unknown, result: unknown): string | null {
  const s = state as { outcome?: string | null; stage?: string } | null;
  if (s && typeof s.outcome === 'string') return s.outcome;
  const r = result as { outcome?: string; stage?: string } | null | undefined;
  if (r && typeof r.outcome === 'string') return r.outcome;
  if (r && typeof r.stage === 'string') return r.stage;
  return null;
}

/** From a Temporal history (JSON form), with the `state` query result when available. */
export function timelineFromHistory(procedureId: string, history: HistoryJson, state: unknown = null, source: Timeline['source'] = 'temporal'): Timeline {
  const d = decodeHistory(history, procedureId);
  const input = (d.input ?? {}) as { editionId?: string; calendarRef?: string; simulation?: { legalStart?: string }; startedBy?: Actor; interpretations?: InterpretationUse[] };
  const kind = definitionKind(d.workflowType);
  const seen: Seen[] = [];
  for (const e of d.events) seenIn(e.value, e.eventId, e.type === 'completed', seen);
  seenIn(state, 0, true, seen);
  // legal time = workflow time + the offset fixed at start (workflows/common.ts useLegalClock)
  const startTime = Date.parse(d.events[0]!.time);
  const offset = input.simulation?.legalStart ? Date.parse(input.simulation.legalStart) - startTime : 0;
  const legal = (t: string) => new Date(Date.parse(t) + offset).toISOString();
  const entries: TimelineEntry[] = [];
  let last = -1;
  const add = (pos: number, e: Omit<TimelineEntry, 'deadlines' | 'thresholds'>) => {
    entries.push({ ...e, ...inForce(seen, pos, e.at, last) });
    last = pos;
  };
  const recordsOwnStart = d.recordRequests[0]?.input.actType === 'procedure_started';
  if (!recordsOwnStart) add(1, { at: legal(d.events[0]!.time), act: 'procedure_started', actor: input.startedBy ?? null, citations: [], seq: null, refused: null, payload: { editionId: input.editionId, calendarRef: shortRef(input.calendarRef) } });
  const updates = new Map<string, { name?: string; value: unknown }>();
  for (const e of d.events) {
    if (e.type === 'update_accepted' && e.ref) updates.set(e.ref, { name: e.name, value: e.value });
    if (e.type === 'update_rejected') {
      const u = e.ref ? updates.get(e.ref) : undefined;
      const f = e.value as { applicationFailureInfo?: { type?: string }; message?: string };
      const arg = (u?.value ?? {}) as { at?: string; actor?: Actor };
      add(e.eventId, { at: arg.at ?? legal(e.time), act: u?.name ?? 'update', actor: arg.actor ?? null, citations: [], seq: null, refused: f.applicationFailureInfo?.type ?? f.message ?? 'refused', payload: arg });
    }
    if (e.type === 'activity_completed' && e.name === 'sendNotice') {
      // the notice activity records its own act (activities/notifications.ts); legal time = when the workflow learnt of the delivery
      const res = e.value as { deliveredAt?: string; act?: { seq: number } | null; channel?: string; late?: boolean };
      const req = (d.events.find((x) => x.type === 'activity_scheduled' && x.ref === e.ref)?.value ?? {}) as { addressee?: unknown; templateId?: string; basis?: Citation; deadline?: string };
      if (res.act) add(e.eventId, { at: legal(e.time), act: 'notice_delivered', actor: { kind: 'system', id: 'tartip.notifications', ...(res.channel ? { role: res.channel } : {}) }, citations: req.basis ? [req.basis] : [], seq: res.act.seq, refused: null, payload: { templateId: req.templateId, addressee: req.addressee, deadline: req.deadline, late: res.late } });
    }
    for (const v of recordedRows(e)) {
      const row = v as unknown as LedgerRow;
      add(e.eventId, { at: row.legalAt, act: row.actType, actor: row.actor, citations: citationsOf(row.citation), seq: row.seq, refused: null, payload: row.payload });
    }
  }
  const st = state as { interpretations?: InterpretationUse[] } | null;
  return {
    procedureId,
    kind,
    source,
    editionId: input.editionId ?? null,
    calendarRef: input.calendarRef ?? null,
    entries,
    outcome: outcomeOf(state, d.result),
    interpretations: st?.interpretations ?? input.interpretations ?? [],
  };
}

/** From the record of acts alone (after Temporal's retention deleted the history). */
export function timelineFromRecord(
  procedure: { id: string; kind: string; editionId: string; calendarRef: string; input?: unknown },
  rows: LedgerRow[],
  state: unknown = null,
  source: Timeline['source'] = 'record',
): Timeline {
  const seen: Seen[] = [];
  for (const r of rows) seenIn(r.payload, r.seq, false, seen);
  seenIn(state, 0, true, seen);
  const input = (procedure.input ?? {}) as { interpretations?: InterpretationUse[] };
  return {
    procedureId: procedure.id,
    kind: procedure.kind,
    source,
    editionId: procedure.editionId,
    calendarRef: procedure.calendarRef,
    entries: rows.map((r) => ({
      at: r.legalAt, act: r.actType, actor: r.actor, citations: citationsOf(r.citation), seq: r.seq, refused: null, payload: r.payload,
      ...inForce(seen, r.seq, r.legalAt, r.seq - 1),
    })),
    outcome: outcomeOf(state, null),
    interpretations: (state as { interpretations?: InterpretationUse[] } | null)?.interpretations ?? input.interpretations ?? [],
  };
}

function definitionKind(workflowType: string | null): string | null {
  if (!workflowType) return null;
  return DEFINITIONS.find((x) => x.workflowType === workflowType)?.kind ?? workflowType;
}

/** An inline calendar ref is long: show its digest only. */
export function shortRef(ref: string | undefined): string | undefined {
  if (!ref?.startsWith('inline:')) return ref;
  return `inline:${ref.slice(7, 19)}…`;
}

// ---- rendering ---------------------------------------------------------------------------------

const T: Record<Lang, Record<string, string>> = {
  en: { title: 'Procedure', kind: 'kind', edition: 'edition', calendar: 'calendar', source: 'source', by: 'by', refused: 'REFUSED', in_force: 'deadlines in force', none: 'none', outcome: 'Outcome', running: 'still running', threshold: 'threshold', met: 'met', not_met: 'not met', required: 'required', interpretations: 'Interpretations', how: '{n} from {anchor}, counted to {raw}; calendar {cal}', before: '{n} before {anchor}, counted back to {raw}; calendar {cal}', day: 'the day itself; calendar {cal}', waiting: 'allowed from', deadline: 'last day', provisional: '(provisional calendar)', time: 'Astana time (UTC+5)', src_temporal: 'Temporal history', src_record: 'record of acts (history deleted by retention)', src_bundle: 'audit bundle' },
  ru: { title: 'Процедура', kind: 'вид', edition: 'редакция закона', calendar: 'календарь', source: 'источник', by: 'кто', refused: 'ОТКАЗАНО', in_force: 'действующие сроки', none: 'нет', outcome: 'Итог', running: 'ещё идёт', threshold: 'порог', met: 'достигнут', not_met: 'не достигнут', required: 'требуется', interpretations: 'Толкования', how: '{n} от {anchor}, отсчёт до {raw}; календарь {cal}', before: 'за {n} до {anchor}, отсчёт назад до {raw}; календарь {cal}', day: 'сам этот день; календарь {cal}', waiting: 'допускается с', deadline: 'последний день', provisional: '(предварительный календарь)', time: 'время Астаны (UTC+5)', src_temporal: 'история Temporal', src_record: 'реестр актов (история удалена по сроку хранения)', src_bundle: 'аудиторский пакет' },
  kk: { title: 'Рәсім', kind: 'түрі', edition: 'заң редакциясы', calendar: 'күнтізбе', source: 'дереккөз', by: 'кім', refused: 'ҚАБЫЛДАНБАДЫ', in_force: 'қолданыстағы мерзімдер', none: 'жоқ', outcome: 'Нәтиже', running: 'әлі жүріп жатыр', threshold: 'шек', met: 'орындалды', not_met: 'орындалмады', required: 'қажет', interpretations: 'Түсіндірмелер', how: '{anchor} күнінен бастап {n}, {raw} дейін есептелді; күнтізбе {cal}', before: '{anchor} күніне дейін {n}, кері қарай {raw} дейін есептелді; күнтізбе {cal}', day: 'дәл осы күн; күнтізбе {cal}', waiting: 'рұқсат етілетін күн', deadline: 'соңғы күн', provisional: '(алдын ала күнтізбе)', time: 'Астана уақыты (UTC+5)', src_temporal: 'Temporal тарихы', src_record: 'актілер тізілімі (тарих сақтау мерзімі бойынша жойылған)', src_bundle: 'аудит пакеті' },
};

/** `YYYY-MM-DD HH:MM` in Astana time (UTC+5, the legal time of the capital since 2024-03-01). */
export function astana(instant: string): string {
  const d = new Date(Date.parse(instant) + 5 * 3_600_000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
}

/** Act types every procedure writes (activities/ledger.ts KNOWN_ACT_TYPES). */
const ACT_TITLES: Record<string, Record<Lang, string>> = {
  procedure_started: { en: 'Procedure started', ru: 'Процедура начата', kk: 'Рәсім басталды' },
  procedure_closed: { en: 'Procedure closed', ru: 'Процедура завершена', kk: 'Рәсім аяқталды' },
  timer_expiry: { en: 'Statutory period ended', ru: 'Истёк установленный законом срок', kk: 'Заңда белгіленген мерзім өтті' },
  notice_delivered: { en: 'Notice delivered', ru: 'Уведомление доставлено', kk: 'Хабарлама жеткізілді' },
  notice: { en: 'Notice', ru: 'Уведомление', kk: 'Хабарлама' },
  appeal: { en: 'Appeal', ru: 'Обращение', kk: 'Өтініш' },
  signature_sheet: { en: 'Signature sheets', ru: 'Подписные листы', kk: 'Қол қою парақтары' },
  protocol: { en: 'Protocol', ru: 'Протокол', kk: 'Хаттама' },
  session_decision: { en: 'Session decision', ru: 'Решение сессии', kk: 'Сессия шешімі' },
  vote_result: { en: 'Vote result', ru: 'Итоги голосования', kk: 'Дауыс беру нәтижесі' },
  superior_decision: { en: 'Decision of the superior body', ru: 'Решение вышестоящего органа', kk: 'Жоғары тұрған органның шешімі' },
  refusal: { en: 'Refusal', ru: 'Отказ', kk: 'Бас тарту' },
};

export function renderTimeline(t: Timeline, lang: Lang): string {
  const L = T[lang];
  const def = t.kind ? definitionOf(t.kind) : undefined;
  const lines: string[] = [];
  lines.push(`${L.title} ${t.procedureId}${def ? ` — ${def.title[lang]}` : ''}`);
  lines.push(`  ${L.kind}: ${t.kind ?? '?'}   ${L.edition}: ${t.editionId ?? '?'}   ${L.calendar}: ${shortRef(t.calendarRef ?? undefined) ?? '?'}`);
  lines.push(`  ${L.source}: ${L[`src_${t.source}`]}   (${L.time})`, '');
  for (const e of t.entries) {
    const act = def?.acts[e.act]?.title[lang] ?? ACT_TITLES[e.act]?.[lang] ?? e.act;
    const who = e.actor ? `${e.actor.name ?? e.actor.id}${e.actor.role ? ` (${e.actor.role})` : ''}` : '';
    const cite = e.citations.map((c) => formatCitation(c, lang)).join('; ');
    lines.push(`${astana(e.at)}  ${e.seq !== null ? `#${e.seq} ` : ''}${act}${e.refused ? `  — ${L.refused}: ${e.refused}` : ''}`);
    if (who) lines.push(`    ${L.by}: ${who}`);
    if (cite) lines.push(`    ${cite}`);
    if (e.deadlines.length > 0) {
      lines.push(`    ${L.in_force}:`);
      for (const d of e.deadlines) {
        const how = (d.count === 0 ? L.day! : d.direction === 'before' ? L.before! : L.how!).replace('{n}', formatDuration(d.count, d.unit, lang)).replace('{anchor}', d.anchor).replace('{raw}', d.rawEnd).replace('{cal}', d.calendar);
        lines.push(`      ${d.rule}: ${d.date} (${astana(d.instant)}, ${d.kind === 'waiting' ? L.waiting : L.deadline})  ${how}${d.provisional ? ` ${L.provisional}` : ''}${d.citation ? `  [${d.citation}]` : ''}`);
        if (d.skipped.length > 0) lines.push(`        − ${d.skipped.join(', ')}`);
      }
    }
    for (const th of e.thresholds) {
      lines.push(`    ${L.threshold} ${th.rule}: ${th.test}, ${L.required} ${th.required}/${th.baseValue}, ${th.actual} → ${th.met ? L.met : L.not_met}`);
    }
  }
  lines.push('', `${L.outcome}: ${t.outcome ?? L.running}`);
  if (t.interpretations.length > 0) lines.push(`${L.interpretations}: ${t.interpretations.map((i) => `${i.id}=${i.chosen}`).join(', ')}`);
  return lines.join('\n') + '\n';
}
