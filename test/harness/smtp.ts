// A real SMTP server on loopback (smtp-server) that keeps every message it accepts.
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
  from: string | null;
  to: string[];
  raw: string;
  messageId: string | null;
  subject: string | null;
  header(name: string): string | null;
}

export interface TestSmtpServer {
  host: string;
  port: number;
  messages: ReceivedMail[];
  /** Reject the next n messages with a 451 (temporary failure). */
  failNext(n: number): void;
  /** Refuse this recipient for good: 550 at RCPT TO. */
  refuseRecipient(address: string): void;
  /** Hold the reply to each message (its data received) for `ms`, as a slow server does; 0: reply at once. */
  holdReplies(ms: number): void;
  /** Messages whose data has arrived and whose reply is being held. */
  readonly held: number;
  close(): Promise<void>;
}

function unfoldHeaders(raw: string): Map<string, string> {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const map = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) {
      const k = line.slice(0, i).trim().toLowerCase();
      if (!map.has(k)) map.set(k, line.slice(i + 1).trim());
    }
  }
  return map;
}

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = [];
  let failures = 0;
  let holdMs = 0;
  let held = 0;
  const refused = new Set<string>();
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    size: 10 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      if (!refused.has(address.address.toLowerCase())) return callback();
      const err = new Error('mailbox unavailable') as Error & { responseCode: number };
      err.responseCode = 550;
      callback(err);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (failures > 0) {
          failures--;
          const err = new Error('try again later') as Error & { responseCode: number };
          err.responseCode = 451;
          callback(err);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        const headers = unfoldHeaders(raw);
        // kept once the reply is due: with the data all in, a sender that is gone by then may have
        // sent it or not (the outcome it cannot know)
        const keep = () => {
          messages.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
            messageId: headers.get('message-id') ?? null,
            subject: headers.get('subject') ?? null,
            header: (name) => headers.get(name.toLowerCase()) ?? null,
          });
          callback();
        };
        if (holdMs === 0) return keep();
        held++;
        setTimeout(() => {
          held--;
          keep();
        }, holdMs);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    host: '127.0.0.1',
    port,
    messages,
    failNext(n) {
      failures = n;
    },
    refuseRecipient(address) {
      refused.add(address.toLowerCase());
    },
    holdReplies(ms) {
      holdMs = ms;
    },
    get held() {
      return held;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
