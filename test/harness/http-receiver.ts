// A real HTTP receiver (node:http) for signed webhooks: checks the HMAC signature and
// timestamp, dedupes on Idempotency-Key, and keeps what it accepted.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhookSignature } from '../../activities/channels/webhook.js';

export interface ReceivedHook {
  idempotencyKey: string | null;
  deliveryId: string | null;
  rawBody: string;
  body: unknown;
  duplicate: boolean;
}

export interface TestHttpReceiver {
  url: string;
  /** every request whose signature was valid, duplicates included */
  received: ReceivedHook[];
  /** requests refused for a bad or missing signature */
  rejected: number;
  /** distinct idempotency keys accepted */
  distinctKeys(): number;
  /** answer the next n valid requests with HTTP 503 */
  failNext(n: number): void;
  close(): Promise<void>;
}

export async function startHttpReceiver(secret: string): Promise<TestHttpReceiver> {
  const received: ReceivedHook[] = [];
  const seen = new Set<string>();
  let rejected = 0;
  let failures = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const ok =
        req.method === 'POST' &&
        verifyWebhookSignature(
          secret,
          { timestamp: req.headers['x-tartip-timestamp'] as string | undefined, signature: req.headers['x-tartip-signature'] as string | undefined },
          rawBody,
        );
      if (!ok) {
        rejected++;
        res.writeHead(401, { 'content-type': 'text/plain' }).end('bad signature');
        return;
      }
      if (failures > 0) {
        failures--;
        res.writeHead(503, { 'content-type': 'text/plain' }).end('unavailable');
        return;
      }
      const key = (req.headers['idempotency-key'] as string | undefined) ?? null;
      const duplicate = key !== null && seen.has(key);
      if (key) seen.add(key);
      received.push({
        idempotencyKey: key,
        deliveryId: (req.headers['x-tartip-delivery'] as string | undefined) ?? null,
        rawBody,
        body: JSON.parse(rawBody) as unknown,
        duplicate,
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, duplicate }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hooks/tartip`,
    received,
    get rejected() {
      return rejected;
    },
    distinctKeys: () => seen.size,
    failNext(n) {
      failures = n;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
