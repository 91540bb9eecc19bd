// The API's operations in-process, for the CLI: the same Procedures (roles, bodies, typed errors)
// and the same idempotency table, over direct connections to Temporal and PostgreSQL.
import type pg from 'pg';
import { EXIT, exitForStatus } from '../command.js';
import { UsageError, oneLine } from '../cli-kit.js';
import { connectDb, connectTemporal } from '../connect.js';
import { loadConfig } from '../../worker/config.js';
import type { Lang } from '../../statute/errors.js';
import { fill } from '../../statute/messages.js';
import { API_MESSAGES, ApiError, BODY_LIMIT, STATUTE_MESSAGES, fromTemporal, payloadTooLarge, type ErrorBody } from './errors.js';
import { Procedures } from './procedures.js';
import { IdempotencyKey } from './schemas.js';
import { authenticate, type Principal } from './tokens.js';
import { once, requestHash } from './idempotency.js';

type M = Readonly<Record<Lang, string>>;

/** The API's messages said the CLI's way: its options (--token, --key, --file), not HTTP headers. */
export const CLI_WORDS: Readonly<Record<string, M>> = {
  unauthenticated: {
    kk: 'Тіркелгі деректері жоқ немесе жарамсыз: --token ТОКЕН беріңіз немесе TARTIP_TOKEN орнатыңыз (токенді tartip token create береді).',
    ru: 'Нет или недействительны учётные данные: укажите --token ТОКЕН или задайте TARTIP_TOKEN (токен выдаёт tartip token create).',
    en: 'Missing or invalid credentials: give --token TOKEN or set TARTIP_TOKEN (tartip token create makes one).',
  },
  idempotency_key_required: {
    kk: '--key: 1–200 көрінетін ASCII таңбасы (бос орынсыз).',
    ru: '--key: от 1 до 200 видимых символов ASCII (без пробелов).',
    en: '--key: 1–200 visible ASCII characters (no spaces).',
  },
  idempotency_mismatch: {
    kk: '--key {key} басқа команда немесе басқа кіріс үшін қолданылған; басқа --key беріңіз (немесе мүлде бермеңіз: ол команда мен файлдан алынады).',
    ru: '--key {key} уже использован для другой команды или другого ввода; укажите другой --key (или не указывайте его: он выводится из команды и файла).',
    en: '--key {key} was used for another command or input; give another --key (or none: it is then derived from the command and the file).',
  },
  idempotency_in_flight: {
    kk: 'Дәл осы команда (--key {key}) әлі орындалуда; {retryAfter} с кейін қайталаңыз.',
    ru: 'Та же команда (--key {key}) ещё выполняется; повторите через {retryAfter} с.',
    en: 'The same command (--key {key}) is still running; try again in {retryAfter} s.',
  },
  unavailable: {
    kk: 'Temporal немесе дерекқор қолжетімсіз; {retryAfter} с кейін қайталаңыз.',
    ru: 'Temporal или база данных недоступны; повторите через {retryAfter} с.',
    en: 'Temporal or the database is unavailable; try again in {retryAfter} s.',
  },
  payload_too_large: {
    kk: '--file: кіріс {limit} шегінен үлкен.',
    ru: '--file: ввод больше предела в {limit}.',
    en: '--file: the input is larger than the limit of {limit}.',
  },
  invalid_input: {
    kk: 'Деректер дұрыс емес: {summary}.',
    ru: 'Неверные данные: {summary}.',
    en: 'Invalid input: {summary}.',
  },
  actor_from_token: {
    kk: '«{field}» өрісін --file ішіне жазбаңыз: ол — токен иесі (--token немесе TARTIP_TOKEN).',
    ru: 'Не указывайте «{field}» в --file: это владелец токена (--token или TARTIP_TOKEN).',
    en: 'Do not put "{field}" in --file: it is the holder of the token (--token or TARTIP_TOKEN).',
  },
};

/** The API's fields said the CLI's way. */
const CLI_FIELDS: Readonly<Record<string, string>> = { 'Idempotency-Key': '--key' };

/** An error body for the CLI: the message in CLI words and the language asked. */
export function cliBody(api: ApiError, lang: Lang): ErrorBody {
  const b = api.body(lang);
  const m = CLI_WORDS[api.code];
  if (m) b.message = fill(m[lang], { field: api.extra.field, summary: (b.issues ?? []).map((i) => i.message).join('; '), ...api.extra.params });
  if (b.field && CLI_FIELDS[b.field]) b.field = CLI_FIELDS[b.field];
  return b;
}

/** --key, when given: what the API takes as an Idempotency-Key. */
export function checkKey(key: string | undefined): void {
  if (key !== undefined && !IdempotencyKey.safeParse(key).success) throw new ApiError(400, 'idempotency_key_required', { field: '--key', rule: 'api.idempotency_key' });
}

/** An input file is held to the API's body limit (`text`: the file as read). */
export function checkSize(text: string): void {
  if (Buffer.byteLength(text, 'utf8') > BODY_LIMIT.bytes) throw payloadTooLarge('--file');
}

export interface Local {
  procedures: Procedures;
  pool: pg.Pool;
  close(): Promise<void>;
}

export async function openLocal(): Promise<Local> {
  const cfg = loadConfig();
  const pool = connectDb(cfg);
  let t: Awaited<ReturnType<typeof connectTemporal>>;
  try {
    t = await connectTemporal(cfg);
  } catch (e) {
    await pool.end();
    throw e;
  }
  return {
    procedures: new Procedures({ client: t.client, pool, taskQueue: cfg.TARTIP_TASK_QUEUE }),
    pool,
    async close() {
      await t.close();
      await pool.end();
    },
  };
}

/** The caller's token: --token, else TARTIP_TOKEN. `required` for acts; reads work without (local operator). */
export async function principalOf(pool: pg.Pool, flag: string | boolean | undefined, required: boolean): Promise<Principal | null> {
  const token = typeof flag === 'string' ? flag : process.env.TARTIP_TOKEN;
  if (!token) {
    if (required) throw new ApiError(401, 'unauthenticated');
    return null;
  }
  const p = await authenticate(pool, token);
  if (!p) throw new ApiError(401, 'unauthenticated');
  return p;
}

/** Prints an error the API way (one line, or the typed body with --json) and returns the exit code; `name`: `tartip start`. */
export function reportError(name: string, e: unknown, lang: Lang, json: boolean): number {
  if (e instanceof UsageError) {
    process.stderr.write(`${name}: ${oneLine(e.text[lang])}\n`);
    return EXIT.usage;
  }
  let api: ApiError;
  try {
    api = e instanceof ApiError ? e : fromTemporal(e, { lang });
  } catch {
    process.stderr.write(`${name}: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.error;
  }
  const body = cliBody(api, lang);
  if (json) process.stdout.write(JSON.stringify({ error: body, status: api.status }) + '\n');
  else {
    process.stderr.write(`${name}: ${body.message}\n`);
    // each issue, unless the message already says it (a single invalid field)
    for (const i of body.issues ?? []) if (!body.message.includes(i.message)) process.stderr.write(`  - ${i.message}\n`);
    const tail = [body.rule && `rule: ${body.rule}`, body.date && `date: ${body.date}`, `code: ${body.code}`].filter(Boolean).join(', ');
    process.stderr.write(`  (${tail})\n`);
  }
  return exitForStatus(api.status, body.code);
}

/** A mutating CLI command through the same idempotency table as the API (per token and key). */
export function onceLocal(local: Pick<Local, 'pool'>, principal: Principal, key: string, path: string, body: unknown, lang: Lang, run: () => Promise<{ status: number; body: unknown }>) {
  return once(local.pool, principal.tokenId, key, requestHash('POST', path, body), run,
    (e) => {
      try {
        const a = fromTemporal(e, { lang });
        return { status: a.status, body: a.body(lang) };
      } catch {
        return null;
      }
    },
    (code, retryAfter) => {
      throw new ApiError(code === 'idempotency_mismatch' ? 422 : 409, code, { field: '--key', rule: 'api.idempotency_key', params: { key, ...(retryAfter ? { retryAfter } : {}) } });
    });
}

/** A stored or fresh 4xx outcome, printed like reportError (said again in `lang` when its code is known). */
export function reportOutcome(name: string, status: number, body: unknown, json: boolean, lang: Lang): number {
  const b = body as ErrorBody;
  if (typeof b?.code === 'string' && (API_MESSAGES[b.code] || STATUTE_MESSAGES[b.code])) {
    return reportError(name, new ApiError(status, b.code, { field: b.field, rule: b.rule, citation: b.citation, date: b.date, params: b.params, issues: b.issues }), lang, json);
  }
  if (json) process.stdout.write(JSON.stringify({ error: b, status }) + '\n');
  else {
    process.stderr.write(`${name}: ${b.message}\n`);
    for (const i of (b as { issues?: { message: string }[] }).issues ?? []) if (!b.message.includes(i.message)) process.stderr.write(`  - ${i.message}\n`);
    process.stderr.write(`  (${[b.rule && `rule: ${b.rule}`, b.date && `date: ${b.date}`, `code: ${b.code}`].filter(Boolean).join(', ')})\n`);
  }
  return exitForStatus(status, b.code);
}
