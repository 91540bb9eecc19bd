// Configuration from the environment, validated at the boundary. README has the table.
import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from './provision/temporal-binaries.js';
import { fill } from '../statute/messages.js';

const port = z.coerce.number().int().min(1).max(65535);

export const ConfigSchema = z.object({
  TEMPORAL_ADDRESS: z.string().optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  DATABASE_URL: z.union([z.literal(''), z.string().url()]).optional(),
  TARTIP_DATA_DIR: z.string().min(1).default(path.join(PROJECT_ROOT, '.tartip')),
  TARTIP_TASK_QUEUE: z.string().min(1).default('tartip'),
  TARTIP_TEMPORAL_PORT: port.default(7233),
  TARTIP_UI_PORT: port.default(8233),
  TARTIP_PG_PORT: port.default(54329),
  /** the HTTP API (client/http/server.ts), on 127.0.0.1 (a TLS proxy in front exposes it); 0 = any free port */
  TARTIP_HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  TARTIP_SMTP_HOST: z.string().min(1).optional(),
  TARTIP_SMTP_PORT: port.default(25),
  TARTIP_MAIL_FROM: z.string().min(3).default('tartip@localhost'),
  TARTIP_WEBHOOK_SECRET: z.string().min(16).optional(),
  /** the auditors told by e-mail when the daily integrity watch finds a break (comma-separated addresses) */
  TARTIP_AUDITORS: z.string().optional().transform((v) => (v ?? '').split(',').map((x) => x.trim()).filter(Boolean)).pipe(z.array(z.email())),
});
export type Config = z.infer<typeof ConfigSchema>;

/** A variable that does not pass ConfigSchema; `issues`: one "NAME: rule" per variable. */
export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`tartip: bad configuration:\n${issues.map((i) => `  ${i}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const r = ConfigSchema.safeParse(env);
  if (!r.success) throw new ConfigError(r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  return r.data;
}

export const outboxDirOf = (cfg: Config): string => path.join(cfg.TARTIP_DATA_DIR, 'outbox');

export function channelsOf(cfg: Config) {
  return {
    ...(cfg.TARTIP_SMTP_HOST ? { mail: { host: cfg.TARTIP_SMTP_HOST, port: cfg.TARTIP_SMTP_PORT, from: cfg.TARTIP_MAIL_FROM } } : {}),
    ...(cfg.TARTIP_WEBHOOK_SECRET ? { webhook: { secret: cfg.TARTIP_WEBHOOK_SECRET } } : {}),
    // notices whose channel is not configured are kept here as files (activities/outbox.ts)
    outbox: { dir: outboxDirOf(cfg), from: cfg.TARTIP_MAIL_FROM },
    auditors: cfg.TARTIP_AUDITORS,
  };
}

const NO_SMTP = {
  en: 'tartip: e-mail is not configured: notices are kept in {dir} (state queued: tartip notices list) and go out when TARTIP_SMTP_HOST is set.',
  ru: 'tartip: электронная почта не настроена: уведомления сохраняются в {dir} (состояние queued: tartip notices list) и будут отправлены, когда будет задан TARTIP_SMTP_HOST.',
  kk: 'tartip: электрондық пошта бапталмаған: хабарламалар {dir} қалтасында сақталады (күйі queued: tartip notices list) және TARTIP_SMTP_HOST берілгенде жіберіледі.',
} as const;

/** What `npm start` says about the notice channels, in TARTIP_LANG (else en): a line when e-mail is not configured. */
export function channelLines(cfg: Config, env: NodeJS.ProcessEnv = process.env): string[] {
  if (cfg.TARTIP_SMTP_HOST) return [];
  const lang = env.TARTIP_LANG === 'kk' || env.TARTIP_LANG === 'ru' ? env.TARTIP_LANG : 'en';
  return [fill(NO_SMTP[lang], { dir: outboxDirOf(cfg) })];
}
