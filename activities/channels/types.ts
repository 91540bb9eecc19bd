// What a delivery channel receives and returns.
import type { Citation } from '../../statute/types.js';
import type { NoticeLang, Rendered } from '../templates/index.js';

export interface Addressee {
  name: string;
  /** e.g. 'election_commission', 'senate_deputy', 'president', 'superior_akim', 'population' */
  role: string;
  /** e-mail address for 'email', https/http URL for 'webhook' */
  address: string;
}

export interface OutgoingNotice {
  key: string;
  /** Fixed per key: SMTP Message-ID / webhook delivery id. The same on every retry. */
  deliveryId: string;
  procedureId: string | null;
  addressee: Addressee;
  languages: NoticeLang[];
  texts: Partial<Record<NoticeLang, Rendered>>;
  /** the norm that requires the notice (absent for the system's own alerts, e.g. the integrity watch) */
  basis?: Citation;
  deadline: string;
  templateId: string;
}

export interface DeliveryReceipt {
  deliveryId: string;
  /** What the other side answered (SMTP reply line, HTTP status and body excerpt). */
  response: string;
}

export interface Channel {
  send(notice: OutgoingNotice): Promise<DeliveryReceipt>;
  close(): Promise<void>;
}

/** The other side refused this notice for good (an SMTP 5xx for the address or the message): retrying cannot help. */
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}
