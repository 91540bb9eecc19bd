// The local outbox: while a notice's channel is not configured, its message is kept as a file a
// person can read (an .eml for e-mail, the webhook's JSON body), one per notice key, written once.
// Once the notice has gone out, its file moves to sent/.
import { createHash, randomBytes } from 'node:crypto';
import { link, mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { mailOf } from './channels/smtp.js';
import type { OutgoingNotice } from './channels/types.js';
import { webhookBody } from './channels/webhook.js';

export interface OutboxConfig {
  /** the folder, e.g. TARTIP_DATA_DIR/outbox */
  dir: string;
  /** the sender written into .eml files (TARTIP_MAIL_FROM) */
  from: string;
}

/** The file name of a notice: its key, made safe for a file system, and a digest that keeps two keys apart. */
export function outboxName(key: string, channel: 'email' | 'webhook'): string {
  const safe = key.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[.]+/, '_').slice(0, 160);
  const digest = createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 12);
  return `${safe}-${digest}.${channel === 'email' ? 'eml' : 'json'}`;
}

const exists = (f: string) => stat(f).then(() => true, () => false);

async function compose(cfg: OutboxConfig, channel: 'email' | 'webhook', notice: OutgoingNotice): Promise<Buffer> {
  if (channel === 'webhook') return Buffer.from(JSON.stringify(JSON.parse(webhookBody(notice)), null, 2) + '\n', 'utf8');
  // the same message the SMTP channel sends (same Message-ID), as RFC 5322 text
  const t = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const info = await t.sendMail(mailOf(cfg.from, notice));
  return info.message as Buffer;
}

/** Writes the notice's file unless it is there already; returns its path. Safe to call again and at once. */
export async function keepInOutbox(cfg: OutboxConfig, channel: 'email' | 'webhook', notice: OutgoingNotice): Promise<string> {
  const file = path.resolve(cfg.dir, outboxName(notice.key, channel));
  if (await exists(file)) return file;
  await mkdir(cfg.dir, { recursive: true });
  const tmp = path.join(cfg.dir, `.${randomBytes(6).toString('hex')}.tmp`);
  await writeFile(tmp, await compose(cfg, channel, notice));
  try {
    // link refuses to replace: the first writer's file stays, whole
    await link(tmp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    await unlink(tmp).catch(() => {});
  }
  return file;
}

/** Moves a sent notice's file to sent/ (best effort: the folder may be on another machine). Returns where it is now, or null. */
export async function markSentInOutbox(file: string): Promise<string | null> {
  const to = path.join(path.dirname(file), 'sent', path.basename(file));
  try {
    await mkdir(path.dirname(to), { recursive: true });
    await rename(file, to);
    return to;
  } catch {
    return (await exists(to)) ? to : null;
  }
}
