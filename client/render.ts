// Human rendering of a procedure (its state, deadlines with derivations and citations, thresholds,
// interpretations, acts) and of its record, in kk/ru/en. Used by `tartip show` and `tartip list`;
// `tartip audit timeline` may reuse it.
import type { Lang } from '../statute/errors.js';
import { formatCitation, formatDuration } from '../statute/messages.js';
import type { Citation, PeriodUnit } from '../statute/types.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown, d = '—') => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : d);

export const WORDS = {
  en: {
    procedure: 'Procedure', status: 'Status', unit: 'Unit', stage: 'Stage', outcome: 'Outcome', started: 'Started', closed: 'Ended',
    edition: 'Law edition', calendar: 'Calendar', deadlines: 'Deadlines and waiting periods', deadline: 'deadline', waiting: 'allowed from',
    endsAt: 'ends at', beginsAt: 'begins at', counted: 'counted', from: 'from', skipped: 'non-working days skipped', onExpiry: 'when it passes',
    thresholds: 'Thresholds', required: 'required', actual: 'actual', base: 'base', met: 'met', notMet: 'NOT met',
    interpretations: 'Interpretations', acts: 'Acts', record: 'Record of acts', by: 'by', none: '(none)', nextDeadline: 'Next deadline',
    noState: '(the procedure did not answer: no worker running?)', noFinalState: '(its last state could not be read)', stateError: (m: string) => `(its state could not be read: ${m})`,
    ended: { FAILED: 'Failed', TERMINATED: 'Stopped (terminated)', TIMED_OUT: 'Timed out', CANCELLED: 'Cancelled' } as Record<string, string>, on: 'on', why: 'reason', morePages: 'next page', replayed: (k: string) => `(${k}: already done; shown as it was then)`, facts: 'Facts', found: (n: number) => `${n} procedure(s)`,
  },
  ru: {
    procedure: 'Процедура', status: 'Состояние', unit: 'Единица', stage: 'Стадия', outcome: 'Итог', started: 'Начата', closed: 'Завершена',
    edition: 'Редакция закона', calendar: 'Календарь', deadlines: 'Сроки', deadline: 'крайний срок', waiting: 'допускается с',
    endsAt: 'истекает', beginsAt: 'начинается', counted: 'исчислен', from: 'от', skipped: 'пропущено нерабочих дней', onExpiry: 'по истечении',
    thresholds: 'Пороги', required: 'требуется', actual: 'фактически', base: 'база', met: 'соблюдён', notMet: 'НЕ соблюдён',
    interpretations: 'Толкования', acts: 'Действия', record: 'Реестр действий', by: 'кто', none: '(нет)', nextDeadline: 'Ближайший срок',
    noState: '(процедура не ответила: не запущен обработчик?)', noFinalState: '(её последнее состояние прочитать не удалось)', stateError: (m: string) => `(состояние прочитать не удалось: ${m})`,
    ended: { FAILED: 'Завершилась сбоем', TERMINATED: 'Остановлена (прекращена)', TIMED_OUT: 'Истекло время выполнения', CANCELLED: 'Отменена' } as Record<string, string>, on: '', why: 'причина', morePages: 'следующая страница', replayed: (k: string) => `(${k}: уже выполнено; показано, как было тогда)`, facts: 'Факты', found: (n: number) => `процедур: ${n}`,
  },
  kk: {
    procedure: 'Рәсім', status: 'Күйі', unit: 'Бірлік', stage: 'Кезең', outcome: 'Нәтиже', started: 'Басталды', closed: 'Аяқталды',
    edition: 'Заң редакциясы', calendar: 'Күнтізбе', deadlines: 'Мерзімдер', deadline: 'соңғы мерзім', waiting: 'рұқсат етілетін күн',
    endsAt: 'аяқталады', beginsAt: 'басталады', counted: 'есептелді', from: 'бастап', skipped: 'өткізілген жұмыс істемейтін күндер', onExpiry: 'мерзім өткенде',
    thresholds: 'Шектер', required: 'қажет', actual: 'іс жүзінде', base: 'негіз', met: 'орындалды', notMet: 'орындалмады',
    interpretations: 'Түсіндірмелер', acts: 'Әрекеттер', record: 'Әрекеттер тізілімі', by: 'кім', none: '(жоқ)', nextDeadline: 'Жақын мерзім',
    noState: '(рәсім жауап бермеді: өңдеуші іске қосылмаған ба?)', noFinalState: '(оның соңғы күйі оқылмады)', stateError: (m: string) => `(күйі оқылмады: ${m})`,
    ended: { FAILED: 'Сәтсіз аяқталды', TERMINATED: 'Тоқтатылды (terminated)', TIMED_OUT: 'Орындалу уақыты өтті', CANCELLED: 'Болдырылмады' } as Record<string, string>, on: '', why: 'себебі', morePages: 'келесі бет', replayed: (k: string) => `(${k}: бұрын орындалған; сол кездегі күйі көрсетілді)`, facts: 'Деректер', found: (n: number) => `рәсімдер саны: ${n}`,
  },
} as const;

function cites(v: unknown, lang: Lang): string {
  const list = Array.isArray(v) ? v : isObj(v) ? [v] : [];
  return list.filter((c): c is Citation => isObj(c) && typeof c.article === 'string' && typeof c.law === 'string').map((c) => formatCitation(c, lang)).join('; ');
}

function actorText(a: unknown): string {
  if (!isObj(a)) return '—';
  return a.name ? `${str(a.name)} (${str(a.id)})` : str(a.id);
}

/** One deadline or waiting period with how it was counted. */
export function renderPeriod(p: Obj, lang: Lang, onExpiry?: string): string[] {
  const w = WORDS[lang];
  const waiting = p.kind === 'waiting';
  const out = [`  ${str(p.rule)}: ${waiting ? w.waiting : w.deadline} ${str(p.date)} — ${waiting ? w.beginsAt : w.endsAt} ${str(p.instant)}`];
  if (typeof p.count === 'number' && typeof p.unit === 'string') {
    const dur = formatDuration(p.count, p.unit as PeriodUnit, lang);
    const span = lang === 'kk' ? `${str(p.anchor)} күнінен бастап ${dur}` : `${dur} ${w.from} ${str(p.anchor)}`;
    out.push(`    ${w.counted}: ${span}${Array.isArray(p.skipped) ? `; ${w.skipped}: ${p.skipped.length}` : ''}`);
  }
  const c = cites(p.citations, lang);
  if (c) out.push(`    ${c}`);
  if (onExpiry) out.push(`    ${w.onExpiry}: ${onExpiry}`);
  return out;
}

/** `tartip show`: the procedure as it stands, then its record. */
export function renderProcedure(view: Obj, lang: Lang, record?: readonly Obj[]): string {
  const w = WORDS[lang];
  const title = isObj(view.title) ? str(view.title[lang]) : str(view.kind);
  const state = isObj(view.state) ? view.state : null;
  const out: string[] = [
    `${w.procedure}: ${title} [${str(view.procedure)}, ${str(view.kind)}]`,
    `  id: ${str(view.id)}`,
    `  ${w.status}: ${str(view.status)}   ${w.unit}: ${str(view.unit)}   ${w.stage}: ${str(view.stage)}${state && state.outcome ? `   ${w.outcome}: ${str(state.outcome)}` : ''}`,
    `  ${w.started}: ${str(view.startedAt)}${view.closedAt ? `   ${w.closed}: ${str(view.closedAt)}` : ''}`,
  ];
  const failure = isObj(view.failure) ? view.failure : null;
  if (failure) {
    // how it ended, when, and why, in plain words
    const lead = w.ended[str(failure.status)] ?? str(failure.status);
    out.push(`  ! ${lead}${w.on ? ` ${w.on}` : ''} ${str(failure.at)}${failure.reason ? ` — ${w.why}: ${str(failure.reason)}` : ''}`);
  }
  if (!state) {
    if (typeof view.stateError === 'string') out.push(`  ${w.stateError(view.stateError)}`);
    else out.push(`  ${view.status === 'RUNNING' ? w.noState : w.noFinalState}`);
  } else {
    if (state.editionId || state.calendarRef) out.push(`  ${w.edition}: ${str(state.editionId)}   ${w.calendar}: ${str(state.calendarRef)}`);
    out.push('', `${w.deadlines}:`);
    const ds = Array.isArray(state.deadlines) ? state.deadlines.filter(isObj) : [];
    const periods: [Obj, string | undefined][] = ds.filter((d) => isObj(d.period)).map((d) => [d.period as Obj, typeof d.onExpiry === 'string' ? d.onExpiry : undefined]);
    if (isObj(state.period)) periods.push([state.period, undefined]); // statutory_wait
    if (periods.length === 0) out.push(`  ${w.none}`);
    for (const [p, e] of periods) out.push(...renderPeriod(p, lang, e));
    const ts = Array.isArray(state.thresholds) ? state.thresholds.filter(isObj) : [];
    if (ts.length) {
      out.push('', `${w.thresholds}:`);
      for (const t of ts) {
        out.push(`  ${str(t.rule)}: ${w.required} ${str(t.required)}, ${w.actual} ${str(t.actual)}, ${w.base} ${str(t.baseValue)} — ${t.met ? w.met : w.notMet}`);
        const c = cites(t.citations, lang);
        if (c) out.push(`    ${c}`);
      }
    }
    const is = Array.isArray(state.interpretations) ? state.interpretations.filter(isObj) : [];
    if (is.length) out.push('', `${w.interpretations}: ${is.map((i) => `${str(i.id)}=${str(i.chosen)}`).join(', ')}`);
    const acts = Array.isArray(state.acts) ? state.acts.filter(isObj) : [];
    if (acts.length && !record) {
      out.push('', `${w.acts}:`);
      for (const a of acts) out.push(`  #${str(a.seq)} ${str(a.at)} ${str(a.act)} — ${w.by}: ${actorText(a.actor)}`);
    }
  }
  if (record) out.push('', ...renderRecord(record, lang));
  return out.join('\n') + '\n';
}

/** The record of acts (ledger rows), oldest first. */
export function renderRecord(rows: readonly Obj[], lang: Lang): string[] {
  const w = WORDS[lang];
  const out = [`${w.record}:`];
  if (rows.length === 0) out.push(`  ${w.none}`);
  for (const r of rows) {
    const c = cites(r.citation, lang);
    out.push(`  #${str(r.seq)} ${str(r.legalAt)} ${str(r.actType)} — ${w.by}: ${actorText(r.actor)}${c ? ` — ${c}` : ''}`);
  }
  return out;
}

/** `tartip list`: one line per procedure. */
export function renderList(items: readonly Obj[], lang: Lang, nextCursor?: string | null): string {
  const w = WORDS[lang];
  const out = [w.found(items.length)];
  for (const i of items) {
    out.push(`  ${str(i.id)}  ${str(i.kind)}  ${w.unit}: ${str(i.unit)}  ${w.stage}: ${str(i.stage)}  ${w.nextDeadline}: ${str(i.nextDeadline)}  ${str(i.status)}`);
  }
  if (nextCursor) out.push(`${w.morePages}: --cursor ${nextCursor}`);
  return out.join('\n') + '\n';
}

const NOTICE_WORDS = {
  en: { notices: 'Notices', found: (n: number) => `${n} notice(s)`, procedure: 'procedure', deadline: 'deadline', attempts: 'attempts', sentAt: 'sent', late: 'LATE', file: 'file', more: 'more: add', waiting: 'waiting in the procedure for the notice before it',
    states: { queued: 'queued', sent: 'sent', failed: 'failed', retrying: 'retrying' } },
  ru: { notices: 'Уведомления', found: (n: number) => `уведомлений: ${n}`, procedure: 'процедура', deadline: 'срок', attempts: 'попыток', sentAt: 'отправлено', late: 'С ОПОЗДАНИЕМ', file: 'файл', more: 'далее: добавьте', waiting: 'ждёт в процедуре отправки предыдущего уведомления',
    states: { queued: 'в очереди', sent: 'отправлено', failed: 'не доставлено', retrying: 'повторная попытка' } },
  kk: { notices: 'Хабарламалар', found: (n: number) => `хабарламалар саны: ${n}`, procedure: 'рәсім', deadline: 'мерзім', attempts: 'әрекет саны', sentAt: 'жіберілді', late: 'КЕШІГІП', file: 'файл', more: 'жалғасы: қосыңыз', waiting: 'рәсімде алдыңғы хабарламаның жіберілуін күтуде',
    states: { queued: 'кезекте', sent: 'жіберілді', failed: 'жеткізілмеді', retrying: 'қайта жіберілуде' } },
} as const;

/** Notices with their states (`tartip notices list`, and `tartip show` without the procedure line). */
export function renderNotices(items: readonly Obj[], lang: Lang, opts: { next?: string | null; inProcedure?: boolean } = {}): string[] {
  const w = NOTICE_WORDS[lang];
  const out = [opts.inProcedure ? `${w.notices}:` : w.found(items.length)];
  if (items.length === 0 && opts.inProcedure) out.push(`  ${WORDS[lang].none}`);
  for (const n of items) {
    const state = str(n.state);
    const a = isObj(n.addressee) ? n.addressee : {};
    const word = (w.states as Record<string, string>)[state] ?? state;
    const head = `  [${word}${word !== state ? ` · ${state}` : ''}] ${str(n.templateId)} → ${str(a.name)}`;
    if (n.waiting) {
      out.push(head, `    ${w.waiting}`);
      continue;
    }
    out.push(`${head} <${str(a.address)}> (${str(n.channel)})${n.late ? `  ${w.late}` : ''}`);
    const facts = [`${w.deadline}: ${str(n.deadline)}`, ...(typeof n.attempts === 'number' ? [`${w.attempts}: ${n.attempts}`] : []), ...(n.sentAt ? [`${w.sentAt}: ${str(n.sentAt)}`] : [])];
    if (!opts.inProcedure && n.procedureId) facts.unshift(`${w.procedure}: ${str(n.procedureId)}`);
    out.push(`    ${facts.join('   ')}`);
    if (isObj(n.reason)) out.push(`    ${str(n.reason.message)}`);
    if (n.outboxFile && state !== 'sent') out.push(`    ${w.file}: ${str(n.outboxFile)}`);
  }
  if (opts.next) out.push(`${w.more} --after ${opts.next}`);
  return out;
}
