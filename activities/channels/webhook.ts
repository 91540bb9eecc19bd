// Signed webhook: HTTP POST of a JSON body.
//   X-Tartip-Timestamp: unix seconds
//   X-Tartip-Signature: sha256=<hex HMAC-SHA256(secret, `${timestamp}.${rawBody}`)>
//   X-Tartip-Delivery:  delivery id (fixed per notice key)
//   Idempotency-Key:    the notice key (receivers dedupe on it)
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Channel, DeliveryReceipt, OutgoingNotice } from './types.js';

export interface WebhookConfig {
  secret: string;
  /** Request timeout in ms. Default 15 000. */
  timeoutMs?: number;
}

export function signWebhook(secret: string, timestamp: string, rawBody: string): string {
  return 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex');
}

/** For receivers: check signature and freshness (default 5 minutes). */
export function verifyWebhookSignature(
  secret: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  rawBody: string,
  opts: { now?: number; toleranceSec?: number } = {},
): boolean {
  const { timestamp, signature } = headers;
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return false;
  const now = Math.floor((opts.now ?? Date.now()) / 1000);
  if (Math.abs(now - Number(timestamp)) > (opts.toleranceSec ?? 300)) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, rawBody));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function webhookBody(notice: OutgoingNotice): string {
  return JSON.stringify({
    type: 'tartip.notice',
    deliveryId: notice.deliveryId,
    key: notice.key,
    procedureId: notice.procedureId,
    addressee: notice.addressee,
    templateId: notice.templateId,
    languages: notice.languages,
    texts: notice.texts,
    basis: notice.basis,
    deadline: notice.deadline,
  });
}

export function createWebhookChannel(cfg: WebhookConfig): Channel {
  if (!cfg.secret) throw new Error('webhook channel: a shared secret is required');
  return {
    async send(notice: OutgoingNotice): Promise<DeliveryReceipt> {
      const url = new URL(notice.addressee.address);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`webhook: bad URL ${url.protocol}`);
      const body = webhookBody(notice);
      const timestamp = String(Math.floor(Date.now() / 1000));
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'x-tartip-timestamp': timestamp,
          'x-tartip-signature': signWebhook(cfg.secret, timestamp, body),
          'x-tartip-delivery': notice.deliveryId,
          'idempotency-key': notice.key,
        },
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(cfg.timeoutMs ?? 15_000),
      });
      const text = (await res.text()).slice(0, 500);
      if (!res.ok) throw new Error(`webhook ${url.origin}: HTTP ${res.status} ${text}`);
      return { deliveryId: notice.deliveryId, response: `HTTP ${res.status} ${text}`.trim() };
    },
    async close() {},
  };
}
