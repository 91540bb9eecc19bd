// Typed API errors: one body shape for every 4xx/5xx, message in kk/ru/en. Legal refusals keep
// the StatuteError body (code, field, rule, citation, date) and its message from statute/messages.ts.
import type { core } from 'zod';
import {
  ApplicationFailure,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
} from '@temporalio/common';
import { WorkflowFailedError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError, QueryNotRegisteredError, isGrpcServiceError } from '@temporalio/client';
import type { Lang, RefusalBody } from '../../statute/errors.js';
import { StatuteError } from '../../statute/errors.js';
import { MESSAGES as STATUTE_MESSAGES, fill, formatRefusal } from '../../statute/messages.js';
import type { Citation } from '../../statute/types.js';

export const LANGS = ['kk', 'ru', 'en'] as const satisfies readonly Lang[];

/** The largest body (HTTP) or input file (CLI) taken, and how it is said. */
export const BODY_LIMIT = { bytes: 1 << 20, text: '1 MiB' } as const;
/** Seconds a client should wait after a 503 (Retry-After). */
export const RETRY_AFTER_S = 2;

import { hygieneIssues, INPUT_LIMITS } from '../../workflows/engine/hygiene.js';

export interface Issue {
  field: string;
  rule: string;
  message: string;
}

/** The body of every error response. */
export interface ErrorBody {
  /** stable machine code: an API code below or a statute refusal code (too_late, below_threshold, …) */
  code: string;
  /** for the reader, in `lang` */
  message: string;
  lang: Lang;
  field?: string;
  /** edition rule id (legal refusals) or validation rule */
  rule?: string;
  citation?: Citation;
  /** the date a legal refusal depends on (deadline passed, bar ends, allowed from) */
  date?: string;
  params?: Record<string, string | number>;
  issues?: Issue[];
}

type M = Readonly<Record<Lang, string>>;

/** Messages of the API's own codes (statute codes come from statute/messages.ts). */
export const API_MESSAGES: Readonly<Record<string, M>> = {
  unauthenticated: {
    kk: 'Тіркелгі деректері жоқ немесе жарамсыз: «Authorization: Bearer <токен>» тақырыбын жіберіңіз.',
    ru: 'Нет или недействительны учётные данные: передайте заголовок «Authorization: Bearer <токен>».',
    en: 'Missing or invalid credentials: send "Authorization: Bearer <token>".',
  },
  forbidden_role: {
    kk: '«{role}» рөлі бұл әрекетке құқылы емес; рұқсат етілген рөлдер: {allowed}.',
    ru: 'Роль «{role}» не даёт права на это действие; допустимые роли: {allowed}.',
    en: 'Role {role} may not do this; allowed roles: {allowed}.',
  },
  forbidden_body: {
    kk: 'Токен «{body}» органына тиесілі, ал рәсім «{unit}» бірлігіне жатады.',
    ru: 'Токен принадлежит органу «{body}», а процедура относится к единице «{unit}».',
    en: 'The token belongs to body {body}; the procedure belongs to unit {unit}.',
  },
  not_found: {
    kk: 'Мұндай мекенжай жоқ: {method} {url}.',
    ru: 'Такого адреса нет: {method} {url}.',
    en: 'No such endpoint: {method} {url}.',
  },
  method_not_allowed: {
    kk: '{method} әдісі бұл мекенжайда қолданылмайды; рұқсат етілгені: {allowed}.',
    ru: 'Метод {method} здесь не поддерживается; допустимо: {allowed}.',
    en: 'Method {method} is not allowed here; allowed: {allowed}.',
  },
  unknown_kind: {
    kk: 'Белгісіз рәсім түрі: {kind}. Белгілі түрлер: {known}.',
    ru: 'Неизвестный вид процедуры: {kind}. Известные: {known}.',
    en: 'Unknown procedure kind: {kind}. Known: {known}.',
  },
  unknown_act: {
    kk: '«{kind}» рәсімінде «{act}» әрекеті жоқ. Белгілі әрекеттер: {known}.',
    ru: 'В процедуре «{kind}» нет действия «{act}». Известные: {known}.',
    en: 'Procedure {kind} has no act {act}. Known: {known}.',
  },
  procedure_not_found: {
    kk: '«{id}» рәсімі табылмады.',
    ru: 'Процедура «{id}» не найдена.',
    en: 'Procedure {id} not found.',
  },
  invalid_input: {
    kk: 'Сұрау деректері дұрыс емес: {summary}.',
    ru: 'Неверные данные запроса: {summary}.',
    en: 'Invalid request: {summary}.',
  },
  bad_json: {
    kk: 'Сұрау денесі дұрыс JSON емес.',
    ru: 'Тело запроса не является корректным JSON.',
    en: 'The request body is not valid JSON.',
  },
  unsupported_media_type: {
    kk: 'Сұрау денесі «application/json» түрінде болуы тиіс.',
    ru: 'Тело запроса должно иметь тип «application/json».',
    en: 'The request body must be application/json.',
  },
  payload_too_large: {
    kk: 'Сұрау денесі тым үлкен: ең көбі {limit}.',
    ru: 'Тело запроса слишком велико: не более {limit}.',
    en: 'The request body is too large: at most {limit}.',
  },
  already_running: {
    kk: '«{id}» рәсімі қазір жүріп жатыр: {rule} бойынша бір мезгілде тек бір ашық рәсім болады.',
    ru: 'Процедура «{id}» уже идёт: по правилу {rule} одновременно открыта только одна такая процедура.',
    en: 'Procedure {id} is already running: one open procedure per {rule}.',
  },
  procedure_closed: {
    kk: '«{id}» рәсімі аяқталған ({status}); жаңа әрекеттер қабылданбайды.',
    ru: 'Процедура «{id}» завершена ({status}); новые действия не принимаются.',
    en: 'Procedure {id} has ended ({status}); it takes no more acts.',
  },
  simulation_refused: {
    kk: '«simulation» өрісіне тек сынақ жүргізулерінде (tartip simulate) рұқсат етіледі, API арқылы емес.',
    ru: 'Поле «simulation» допускается только в пробных прогонах (tartip simulate), не через API.',
    en: 'The field "simulation" is for what-if runs (tartip simulate) only, not the API.',
  },
  actor_from_token: {
    kk: '«{field}» өрісін жібермеңіз: әрекет иесі токен бойынша анықталады.',
    ru: 'Не передавайте поле «{field}»: автор действия определяется по токену.',
    en: 'Do not send "{field}": the actor is the token\'s holder.',
  },
  idempotency_key_required: {
    kk: 'Өзгертетін әрбір сұрауға «Idempotency-Key» тақырыбы қажет (1–200 көрінетін ASCII таңбасы).',
    ru: 'Для каждого изменяющего запроса нужен заголовок «Idempotency-Key» (1–200 видимых символов ASCII).',
    en: 'Every mutating request needs an Idempotency-Key header (1–200 visible ASCII characters).',
  },
  idempotency_mismatch: {
    kk: 'Бұл «Idempotency-Key» басқа сұрауда қолданылған; жаңа кілт алыңыз.',
    ru: 'Этот «Idempotency-Key» уже использован для другого запроса; возьмите новый ключ.',
    en: 'This Idempotency-Key was used for a different request; use a new key.',
  },
  idempotency_in_flight: {
    kk: 'Осы кілтпен сұрау әлі орындалуда; {retryAfter} с кейін қайталаңыз.',
    ru: 'Запрос с этим ключом ещё выполняется; повторите через {retryAfter} с.',
    en: 'A request with this key is still in progress; retry in {retryAfter} s.',
  },
  no_signature_sheets: {
    kk: '«{id}» рәсімі ({kind}) қолтаңба парақтарын қабылдамайды; олар тек сенаторды кері шақыру рәсімінде болады (24-1-бап).',
    ru: 'Процедура «{id}» ({kind}) не принимает подписные листы; они бывают только при отзыве депутата Сената (ст. 24-1).',
    en: 'Procedure {id} ({kind}) takes no signature sheets; only a Senate recall does (Art. 24-1).',
  },
  csv_required: {
    kk: 'Қолтаңба парақтары «text/csv» ретінде жіберіледі, бағандары: {columns}.',
    ru: 'Подписные листы передаются как «text/csv» со столбцами: {columns}.',
    en: 'Signature sheets are sent as text/csv with the columns {columns}.',
  },
  unknown_register: {
    kk: 'Белгісіз тізілім: {register}. Тізілімдер: {known}.',
    ru: 'Неизвестный реестр: {register}. Реестры: {known}.',
    en: 'Unknown register: {register}. Registers: {known}.',
  },
  register_entry_not_found: {
    kk: '«{register}» тізілімінде «{id}» жазбасы жоқ.',
    ru: 'В реестре «{register}» нет записи «{id}».',
    en: 'Register {register} has no entry {id}.',
  },
  register_file_rejected: {
    kk: '«{register}» тізілім файлы қабылданбады, ештеңе сақталған жоқ: қате жолдар саны — {badRows} (әрқайсысы төменде жолымен аталған).',
    ru: 'Файл реестра «{register}» отклонён, ничего не сохранено: ошибочных строк — {badRows} (каждая названа ниже с номером строки).',
    en: 'Register file {register} rejected, nothing stored: {badRows} bad row(s), each named below with its line.',
  },
  register_out_of_scope: {
    kk: '«{register}» файлында {body} бірлігіне де, оның төменгі бірліктеріне де жатпайтын {badRows} жол бар; ештеңе сақталған жоқ.',
    ru: 'В файле реестра «{register}» строк вне единицы {body} и подчинённых ей: {badRows}; ничего не сохранено.',
    en: 'Register file {register} has {badRows} row(s) outside {body} and the units below it; nothing stored.',
  },
  not_registered: {
    kk: '{field}: «{id}» «{register}» тізілімінде жоқ; алдымен тізілімді импорттаңыз (tartip registers import).',
    ru: '{field}: «{id}» нет в реестре «{register}»; сначала импортируйте реестр (tartip registers import).',
    en: '{field}: {id} is not in the {register} register; import the register first (tartip registers import).',
  },
  not_of_entry: {
    kk: '{field}: «{register}» тізіліміндегі «{id}» {ofField} «{of}» жазбасына емес, «{owner}» жазбасына жатады.',
    ru: '{field}: «{id}» в реестре «{register}» относится к «{owner}», а не к {ofField} «{of}».',
    en: '{field}: {id} in the {register} register belongs to {owner}, not to {ofField} {of}.',
  },
  unavailable: {
    kk: 'Temporal немесе дерекқор қолжетімсіз; {retryAfter} с кейін қайталаңыз.',
    ru: 'Temporal или база данных недоступны; повторите через {retryAfter} с.',
    en: 'Temporal or the database is unavailable; retry in {retryAfter} s.',
  },
  health_unavailable: {
    kk: 'tartip-тің мына бөліктері жауап бермейді: {down}; кейінірек қайталаңыз.',
    ru: 'Не отвечают части tartip: {down}; повторите позже.',
    en: 'These parts of tartip do not answer: {down}; retry later.',
  },
  internal: {
    kk: 'Сервердің ішкі қатесі ({ref}).',
    ru: 'Внутренняя ошибка сервера ({ref}).',
    en: 'Internal server error ({ref}).',
  },
};

// zod issue codes, said in each language (zod has no Kazakh locale)
const ISSUE: Readonly<Record<string, M>> = {
  invalid_type: { kk: '{field}: {expected} түрі күтілді', ru: '{field}: ожидался тип {expected}', en: '{field}: expected {expected}' },
  too_small: { kk: '{field}: мәні тым кіші немесе қысқа', ru: '{field}: значение слишком мало или коротко', en: '{field}: too small or too short' },
  too_big: { kk: '{field}: мәні тым үлкен немесе ұзын', ru: '{field}: значение слишком велико или длинно', en: '{field}: too big or too long' },
  // with the bound zod names (origin: string, array, number)
  'too_big.text': { kk: '{field}: ең көбі {maximum} таңба', ru: '{field}: не более {maximum} символов', en: '{field}: at most {maximum} characters' },
  'too_big.items': { kk: '{field}: ең көбі {maximum} элемент', ru: '{field}: не более {maximum} элементов', en: '{field}: at most {maximum} items' },
  'too_big.number': { kk: '{field}: ең көбі {maximum}', ru: '{field}: не более {maximum}', en: '{field}: at most {maximum}' },
  'too_big.number.exclusive': { kk: '{field}: {maximum} санынан кіші болуы керек', ru: '{field}: должно быть меньше {maximum}', en: '{field}: less than {maximum}' },
  'too_small.text': { kk: '{field}: кемінде {minimum} таңба', ru: '{field}: не менее {minimum} символов', en: '{field}: at least {minimum} characters' },
  'too_small.items': { kk: '{field}: кемінде {minimum} элемент', ru: '{field}: не менее {minimum} элементов', en: '{field}: at least {minimum} items' },
  'too_small.number': { kk: '{field}: кемінде {minimum}', ru: '{field}: не менее {minimum}', en: '{field}: at least {minimum}' },
  'too_small.number.exclusive': { kk: '{field}: {minimum} санынан үлкен болуы керек', ru: '{field}: должно быть больше {minimum}', en: '{field}: more than {minimum}' },
  invalid_format: { kk: '{field}: пішімі дұрыс емес ({format})', ru: '{field}: неверный формат ({format})', en: '{field}: invalid format ({format})' },
  unrecognized_keys: { kk: '{field}: белгісіз өрістер: {keys}', ru: '{field}: неизвестные поля: {keys}', en: '{field}: unknown fields: {keys}' },
  invalid_value: { kk: '{field}: рұқсат етілген мән емес', ru: '{field}: недопустимое значение', en: '{field}: not an allowed value' },
  invalid_union: { kk: '{field}: ешбір рұқсат етілген түрге сәйкес келмейді', ru: '{field}: не подходит ни под один допустимый вид', en: '{field}: matches none of the allowed forms' },
  custom: { kk: '{field}: {message}', ru: '{field}: {message}', en: '{field}: {message}' },
  // workflows/engine/hygiene.ts
  control_character: { kk: '{field}: мәтінде басқару таңбасы бар ({message}); рұқсат етілмейді', ru: '{field}: управляющий символ в тексте не допускается ({message})', en: '{field}: a control character is not allowed in a text ({message})' },
  invalid_unicode: { kk: '{field}: Unicode мәтіні дұрыс емес', ru: '{field}: недопустимый текст Unicode', en: '{field}: not valid Unicode text' },
  too_deep: { kk: '{field}: тым терең кірістірілген (ең көбі {depth} деңгей)', ru: '{field}: слишком глубокая вложенность (не более {depth} уровней)', en: '{field}: nested too deeply (at most {depth} levels)' },
  invalid_cursor: { kk: '{field}: бұл тізімнің бет белгісі емес (алдыңғы жауаптағы nextCursor мәнін сол сүзгілермен беріңіз)', ru: '{field}: не закладка этого списка (передайте nextCursor предыдущего ответа с теми же фильтрами)', en: '{field}: not a page mark of this list (give the nextCursor of the previous answer, with the same filters)' },
  too_large: { kk: '{field}: мәндер тым көп (ең көбі {nodes})', ru: '{field}: слишком много значений (не более {nodes})', en: '{field}: too many values (at most {nodes})' },
};

/** The hygiene problems of a body (control characters, depth), as API issues in `lang`; empty when clean. */
export function hygiene(body: unknown, lang: Lang): Issue[] {
  return hygieneIssues(body).map((i) => ({ field: i.field, rule: i.rule, message: issueText({ field: i.field, rule: i.rule, message: i.message.replace(/^.*(U\+[0-9A-F]{4}).*$/, '$1'), params: { depth: String(INPUT_LIMITS.depth), nodes: String(INPUT_LIMITS.nodes) } }, lang) }));
}

export function issueText(i: { field: string; rule: string; message: string; params?: Record<string, string>; text?: string }, lang: Lang): string {
  const m = (i.text !== undefined ? ISSUE[i.text] : undefined) ?? ISSUE[i.rule] ?? ISSUE.custom!;
  return fill(m[lang], { field: i.field, message: i.message, expected: '', format: '', keys: '', ...i.params });
}

/** The text of a too_big / too_small issue that names its bound, when zod gives one we can say. */
function boundText(i: core.$ZodIssue, params: Record<string, string>): string | undefined {
  if (i.code !== 'too_big' && i.code !== 'too_small') return undefined;
  const bound = i.code === 'too_big' ? i.maximum : i.minimum;
  if (typeof bound !== 'number' && typeof bound !== 'bigint') return undefined;
  const kind = i.origin === 'string' ? 'text' : i.origin === 'array' || i.origin === 'set' ? 'items' : i.origin === 'number' || i.origin === 'int' || i.origin === 'bigint' ? 'number' : undefined;
  if (!kind) return undefined;
  params[i.code === 'too_big' ? 'maximum' : 'minimum'] = String(bound);
  return `${i.code}.${kind}${kind === 'number' && i.inclusive === false ? '.exclusive' : ''}`;
}

/** zod issues as API issues, with messages in `lang`; `name` says a field the caller's way (the CLI: its flags). */
export function zodIssues(issues: readonly core.$ZodIssue[], lang: Lang, prefix = '', name: (field: string) => string = (f) => f): Issue[] {
  return issues.map((i) => {
    const field = name([prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(root)');
    const params: Record<string, string> = {};
    if (i.code === 'invalid_type') params.expected = String(i.expected);
    if (i.code === 'invalid_format') params.format = String(i.format);
    if (i.code === 'unrecognized_keys') params.keys = i.keys.join(', ');
    const text = boundText(i, params);
    return { field, rule: i.code, message: issueText({ field, rule: i.code, message: i.message, params, text }, lang) };
  });
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly extra: Omit<ErrorBody, 'code' | 'message' | 'lang'> & { params?: Record<string, string | number> } = {},
  ) {
    super(code);
  }

  body(lang: Lang): ErrorBody {
    const params = { ...this.extra.params };
    let message: string;
    const api = API_MESSAGES[this.code];
    if (api) {
      message = fill(api[lang], { field: this.extra.field, rule: this.extra.rule, ...params });
      if (this.code === 'invalid_input' && this.extra.issues) message = fill(api[lang], { summary: this.extra.issues.map((i) => i.message).join('; ') });
    } else {
      const b: RefusalBody = { code: this.code, ...this.extra, params: this.extra.params };
      message = formatRefusal(b, lang);
    }
    const out: ErrorBody = { code: this.code, message, lang };
    for (const k of ['field', 'rule', 'citation', 'date', 'issues'] as const) if (this.extra[k] !== undefined) (out as unknown as Record<string, unknown>)[k] = this.extra[k];
    if (this.extra.params && Object.keys(this.extra.params).length) out.params = this.extra.params;
    return out;
  }
}

export const unavailable = (): ApiError => new ApiError(503, 'unavailable', { params: { retryAfter: RETRY_AFTER_S } });
export const payloadTooLarge = (field?: string): ApiError => new ApiError(413, 'payload_too_large', { field, rule: 'body_limit', params: { limit: BODY_LIMIT.text } });

export function invalidInput(issues: Issue[], status = 400): ApiError {
  const first = issues[0];
  return new ApiError(status, 'invalid_input', { field: first?.field, rule: first?.rule, issues });
}

/** A legal refusal (StatuteError body) as a 422 (409 when it is about time: too early, too late, barred). */
export function fromRefusal(b: RefusalBody): ApiError {
  const status = ['too_late', 'too_early', 'barred'].includes(b.code) ? 409 : 422;
  const params = b.params ? Object.fromEntries(Object.entries(b.params).map(([k, v]) => [k, typeof v === 'number' ? v : String(v)])) : undefined;
  return new ApiError(status, b.code, { field: b.field, rule: b.rule, citation: b.citation, date: b.date, params });
}

function isRefusalBody(x: unknown): x is RefusalBody {
  return typeof x === 'object' && x !== null && typeof (x as RefusalBody).code === 'string';
}

/** A failure raised by a workflow (InvalidInput / Refused:<code>) as an ApiError, else null. */
export function fromApplicationFailure(f: ApplicationFailure, lang: Lang): ApiError | null {
  const type = f.type ?? '';
  if (type === 'InvalidInput') {
    const raw = (f.details ?? []) as { field?: string; rule?: string; message?: string }[];
    const issues: Issue[] = raw.map((i) => {
      const field = String(i.field ?? '(root)');
      const rule = String(i.rule ?? 'custom');
      return { field, rule, message: issueText({ field, rule, message: String(i.message ?? f.message) }, lang) };
    });
    return invalidInput(issues.length ? issues : [{ field: '(root)', rule: 'custom', message: f.message }], 422);
  }
  if (type.startsWith('Refused:')) {
    const body = f.details?.[0];
    return fromRefusal(isRefusalBody(body) ? body : { code: type.slice('Refused:'.length) });
  }
  return null;
}

/**
 * Temporal could not do it now, and the same call may go through later: unavailable (14), deadline
 * (4), resource exhausted (8), aborted (10, e.g. "workflow update was aborted" when a loaded
 * worker's task timed out), or an Update call that timed out. Never the procedure's answer.
 */
export function isTransient(e: unknown): boolean {
  for (let x: unknown = e, depth = 0; x && depth < 5; x = (x as { cause?: unknown }).cause, depth++) {
    if (x instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
    const code = (x as { code?: unknown }).code;
    if (isGrpcServiceError(x) && typeof code === 'number' && [4, 8, 10, 14].includes(code)) return true;
    if (x instanceof Error && /update was aborted|workflow update .*(aborted|canceled)/i.test(x.message)) return true;
  }
  return false;
}

/** PostgreSQL cannot be reached now (refused, cut, shutting down or starting up): the same request may go through later. */
export function isDatabaseUnavailable(e: unknown): boolean {
  for (let x: unknown = e, depth = 0; x && depth < 5; x = (x as { cause?: unknown }).cause, depth++) {
    const code = (x as { code?: unknown }).code;
    if (typeof code === 'string' && (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', '57P01', '57P02', '57P03'].includes(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
    if (x instanceof Error && /^(Connection terminated|timeout exceeded when trying to connect)/i.test(x.message)) return true;
  }
  return false;
}

/** Maps what the Temporal client threw; anything unknown is rethrown (a 5xx: our fault). */
export function fromTemporal(e: unknown, ctx: { id?: string; lang: Lang; rule?: string }): ApiError {
  if (e instanceof ApiError) return e;
  if (e instanceof StatuteError) return fromRefusal(e.body);
  if (e instanceof WorkflowExecutionAlreadyStartedError) {
    return new ApiError(409, 'already_running', { rule: ctx.rule, params: { id: ctx.id ?? e.workflowId, rule: ctx.rule ?? '' } });
  }
  if (e instanceof WorkflowNotFoundError) return new ApiError(404, 'procedure_not_found', { params: { id: ctx.id ?? '' } });
  if (e instanceof WorkflowUpdateFailedError || e instanceof WorkflowFailedError) {
    const cause = e.cause;
    if (cause instanceof ApplicationFailure) {
      const mapped = fromApplicationFailure(cause, ctx.lang);
      if (mapped) return mapped;
      // a validator that threw a plain Error: the workflow refused the act as given
      return invalidInput([{ field: '(root)', rule: cause.type ?? 'refused', message: cause.message }], 422);
    }
  }
  if (isGrpcServiceError(e) && e.code === 5 /* NOT_FOUND */) return new ApiError(404, 'procedure_not_found', { params: { id: ctx.id ?? '' } });
  if (isTransient(e) || isDatabaseUnavailable(e)) return unavailable();
  if (e instanceof QueryNotRegisteredError) return new ApiError(404, 'procedure_not_found', { params: { id: ctx.id ?? '' } });
  throw e;
}

export { STATUTE_MESSAGES };
