// E-mail over SMTP (nodemailer). The Message-ID is fixed per notice key, so a resend after an
// unknown outcome carries the same Message-ID and the receiving side can tell it is a copy.
import nodemailer from 'nodemailer';
import { PermanentDeliveryError, type Channel, type DeliveryReceipt, type OutgoingNotice } from './types.js';

export interface SmtpConfig {
  host: string;
  port: number;
  /** Sender address, e.g. 'tartip@maslikhat.example.kz' */
  from: string;
  /** TLS from the start (port 465). Default false. */
  secure?: boolean;
  /** Do not upgrade with STARTTLS even when offered (loopback test servers). Default false. */
  ignoreTLS?: boolean;
  /** Require STARTTLS. Default false. */
  requireTLS?: boolean;
  auth?: { user: string; pass: string };
  /** Keep up to this many connections open and reuse them. Default 2. 0 = one per message. */
  maxConnections?: number;
  /** Socket timeouts in ms. Default 30 000. */
  timeoutMs?: number;
}

const SEPARATOR = '\n\n————————————————————\n\n';

export function smtpMessageBody(notice: OutgoingNotice): { subject: string; text: string } {
  const parts = notice.languages.map((l) => notice.texts[l]!).filter(Boolean);
  return {
    subject: parts.map((p) => p.subject).join(' / '),
    text: parts.map((p) => p.body).join(SEPARATOR) + `\n\n[${notice.key}]\n`,
  };
}

export function createSmtpChannel(cfg: SmtpConfig): Channel {
  const pooled = (cfg.maxConnections ?? 2) > 0;
  const timeout = cfg.timeoutMs ?? 30_000;
  const transport = nodemailer.createTransport({
    host: cfg.host,
    port: cfg.port,
    secure: cfg.secure ?? false,
    ignoreTLS: cfg.ignoreTLS ?? false,
    requireTLS: cfg.requireTLS ?? false,
    ...(cfg.auth ? { auth: cfg.auth } : {}),
    ...(pooled ? { pool: true as const, maxConnections: cfg.maxConnections ?? 2, maxMessages: 1000 } : {}),
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    async send(notice: OutgoingNotice): Promise<DeliveryReceipt> {
      let info: { rejected?: unknown[]; rejectedErrors?: { responseCode?: number }[]; response?: unknown };
      try {
        info = await transport.sendMail(mailOf(cfg.from, notice));
      } catch (e) {
        throw refusedForGood(e) ? new PermanentDeliveryError((e as Error).message) : e;
      }
      if (info.rejected && info.rejected.length > 0) {
        const message = `SMTP rejected ${JSON.stringify(info.rejected)}: ${String(info.response ?? '')}`;
        throw (info.rejectedErrors ?? []).every(refusedForGood) && info.rejectedErrors?.length ? new PermanentDeliveryError(message) : new Error(message);
      }
      return { deliveryId: notice.deliveryId, response: String(info.response ?? '') };
    },
    async close() {
      transport.close();
    },
  };
}

/** The message as sent: the same in the SMTP channel and in the outbox folder (activities/outbox.ts). */
export function mailOf(from: string, notice: OutgoingNotice) {
  const { subject, text } = smtpMessageBody(notice);
  return {
    from,
    to: { name: notice.addressee.name, address: notice.addressee.address },
    subject,
    text,
    messageId: notice.deliveryId,
    headers: {
      'X-Tartip-Notice-Key': notice.key,
      ...(notice.procedureId ? { 'X-Tartip-Procedure': notice.procedureId } : {}),
    },
  };
}

/** A 5xx answer to RCPT TO (the address) or DATA (the message): the server will not take it, ever. Other 5xx (AUTH, MAIL FROM) are our configuration: retried. */
function refusedForGood(e: unknown): boolean {
  const x = e as { responseCode?: unknown; command?: unknown };
  return typeof x?.responseCode === 'number' && x.responseCode >= 500 && x.responseCode < 600 && (x.command === 'RCPT TO' || x.command === 'DATA');
}
