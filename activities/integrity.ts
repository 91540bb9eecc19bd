// The worker's own check of the record of acts (the daily integrity watch): every procedure's hash
// chain as it stands in PostgreSQL, and an e-mail in kk/ru/en to the auditors naming each break.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { createSmtpChannel, type SmtpConfig } from './channels/smtp.js';
import { verifyChain } from './ledger-hash.js';
import { readLedger } from './ledger.js';

export interface IntegrityBreak {
  procedureId: string;
  seq: number;
  problem: string;
  message: string;
}

export interface IntegrityConfig {
  pool: pg.Pool;
  role?: string;
  mail?: SmtpConfig;
  /** the auditors' e-mail addresses (TARTIP_AUDITORS) */
  auditors?: readonly string[];
}

const TEXT = {
  kk: { subject: 'Актілер тізілімінің тұтастығы бұзылды: {n}', line: 'Рәсім {procedureId}, № {seq} жазба: {problem}', intro: '{date} күнгі тексеру актілер тізілімінде (хэш тізбегінде) мына бұзушылықтарды тапты:', outro: 'Толық тексеру: tartip audit verify --live <рәсім>.' },
  ru: { subject: 'Нарушена целостность реестра актов: {n}', line: 'Процедура {procedureId}, запись № {seq}: {problem}', intro: 'Проверка {date} обнаружила в реестре актов (цепочке хешей) нарушения:', outro: 'Полная проверка: tartip audit verify --live <процедура>.' },
  en: { subject: 'The record of acts has been tampered with: {n}', line: 'Procedure {procedureId}, record no. {seq}: {problem}', intro: 'The check of {date} found these breaks in the record of acts (its hash chain):', outro: 'Full check: tartip audit verify --live <procedure>.' },
} as const;
const fill = (t: string, p: Record<string, string | number>) => t.replace(/\{(\w+)\}/g, (_, k: string) => String(p[k] ?? ''));

export function integrityActivities(cfg: IntegrityConfig) {
  const db = { pool: cfg.pool, role: cfg.role };
  return {
    /** Every procedure's chain; the first break of each. */
    async checkLedgers(_: Record<string, never> = {}): Promise<{ checked: number; breaks: IntegrityBreak[] }> {
      const ids = await cfg.pool.query<{ procedure_id: string }>('SELECT procedure_id FROM procedures ORDER BY started_at, procedure_id');
      const breaks: IntegrityBreak[] = [];
      for (const { procedure_id: id } of ids.rows) {
        const v = verifyChain(await readLedger(db, id), { procedureId: id });
        if (!v.ok) breaks.push({ procedureId: id, seq: v.break.seq, problem: v.break.problem, message: v.break.message });
      }
      return { checked: ids.rows.length, breaks };
    },
    /** One message per auditor, the same Message-ID on a retry of the same check. */
    async alertAuditors(input: { date: string; breaks: IntegrityBreak[] }): Promise<{ sent: string[] }> {
      if (!cfg.mail || !cfg.auditors?.length || input.breaks.length === 0) return { sent: [] };
      const channel = createSmtpChannel({ ...cfg.mail, maxConnections: 0 });
      const digest = createHash('sha256').update(JSON.stringify(input)).digest('hex').slice(0, 24);
      const texts = Object.fromEntries((['kk', 'ru', 'en'] as const).map((l) => {
        const t = TEXT[l];
        const lines = input.breaks.map((b) => `- ${fill(t.line, { procedureId: b.procedureId, seq: b.seq, problem: `${b.problem} (${b.message})` })}`);
        return [l, { subject: fill(t.subject, { n: input.breaks.length }), body: [fill(t.intro, { date: input.date }), ...lines, t.outro].join('\n') }];
      }));
      const sent: string[] = [];
      try {
        for (const address of cfg.auditors) {
          const key = `integrity/${input.date}/${digest}/${address}`;
          await channel.send({
            key, deliveryId: `<integrity.${input.date}.${digest}.${createHash('sha256').update(address).digest('hex').slice(0, 8)}@tartip.local>`,
            procedureId: null, addressee: { name: address, role: 'auditor', address }, languages: ['kk', 'ru', 'en'], texts,
            deadline: new Date(Date.parse(`${input.date}T00:00:00+05:00`) + 86_400_000).toISOString(), templateId: 'integrity_break',
          });
          sent.push(address);
        }
      } finally {
        await channel.close();
      }
      return { sent };
    },
  };
}
