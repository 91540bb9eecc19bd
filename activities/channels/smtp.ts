// E-mail over SMTP (nodemailer). The Message-ID is fixed per notice key, so a resend after an
// unknown outcome carries the same Message-ID and the receiving side can tell it is a copy.
import nodemailer from 'nodemailer';
import type { Channel, DeliveryReceipt, OutgoingNotice } from './types.js';

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
      const { subject, text } = smtpMessageBody(notice);
      const info = await transport.sendMail({
        from: cfg.from,
        to: { name: notice.addressee.name, address: notice.addressee.address },
        subject,
        text,
        messageId: notice.deliveryId,
        headers: {
          'X-Tartip-Notice-Key': notice.key,
          ...(notice.procedureId ? { 'X-Tartip-Procedure': notice.procedureId } : {}),
        },
      });
      if (info.rejected && info.rejected.length > 0) {
        throw new Error(`SMTP rejected ${JSON.stringify(info.rejected)}: ${info.response}`);
      }
      return { deliveryId: notice.deliveryId, response: String(info.response ?? '') };
    },
    async close() {
      transport.close();
    },
  };
}
