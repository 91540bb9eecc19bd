// `tartip show <procedure-id> [--token T] [--json] [--lang kk|ru|en]`
import type { Command } from 'commander';
import { EXIT } from '../command.js';
import { type TartipCommand, action, jsonOption, langOption, resolveLang, write } from '../cli-kit.js';
import type pg from 'pg';
import type { Lang } from '../../statute/errors.js';
import type { Principal } from '../http/tokens.js';

type Opts = { token?: string; json?: boolean; lang?: string };

export function define(program: Command): Command {
  return (program.command('show') as TartipCommand)
    .reportsApiErrors()
    .summary('show a procedure: stage, deadlines, citations, record of acts, notices')
    .description('Shows a procedure: stage, deadlines with how they were counted and the articles they rest on,\nthresholds, interpretations, its record of acts (who did what, when, under which article)\nand its notices with their states (queued, sent, retrying, failed with the reason).')
    .usage('<procedure-id> [--token TOKEN] [--json] [--lang kk|ru|en]')
    .argument('<procedure-id>', 'the procedure (tartip list)')
    .option('--token <TOKEN>', "read as this token's holder (else TARTIP_TOKEN; without one: as the local operator)")
    .addOption(jsonOption('{"procedure": …, "record": […], "notices": […]} as JSON'))
    .addOption(langOption())
    .addHelpText('after', "\nExit codes: 0 ok, 1 error, 2 bad usage or unknown procedure, 3 refused (another body's procedure).")
    .action(action(async (id: string, opts: Opts) => {
      const lang = resolveLang(opts.lang);
      const { openLocal, principalOf } = await import('../http/local.js');
      const { renderNotices, renderProcedure } = await import('../render.js');
      const local = await openLocal();
      try {
        const principal = await principalOf(local.pool, opts.token, false);
        const view = await local.procedures.read(principal, id, lang);
        const record = await local.procedures.record(principal, id, lang);
        const notices = await noticesOf(local.pool, principal, id, view.state, lang);
        if (opts.json) write(JSON.stringify({ procedure: view, record: record.acts, notices }) + '\n');
        else write(renderProcedure(view as unknown as Record<string, unknown>, lang, record.acts as unknown as Record<string, unknown>[]) + '\n' + renderNotices(notices as unknown as Record<string, unknown>[], lang, { inProcedure: true }).join('\n') + '\n');
        return EXIT.ok;
      } finally {
        await local.close();
      }
    }));
}

/**
 * The procedure's notices with their delivery states (client/http/notices.ts), and those its state
 * still owes that have not reached the delivery yet (one goes out after the other): queued, waiting.
 */
async function noticesOf(pool: pg.Pool, principal: Principal | null, id: string, state: Record<string, unknown> | null, lang: Lang): Promise<Record<string, unknown>[]> {
  const { Notices } = await import('../http/notices.js');
  const { ApiError } = await import('../http/errors.js');
  let items: Record<string, unknown>[] = [];
  try {
    items = (await new Notices(pool).list(principal, { procedure: id, limit: '500' }, lang)).items as unknown as Record<string, unknown>[];
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 404)) throw e; // not registered yet: none delivered
  }
  const owed = Array.isArray(state?.notices) ? (state.notices as { step?: unknown; templateId?: unknown; to?: unknown; status?: unknown }[]) : [];
  for (const n of owed) {
    if (n.status !== 'queued' || typeof n.step !== 'string') continue;
    if (items.some((i) => typeof i.key === 'string' && i.key.endsWith(`/${n.step}`))) continue;
    items.push({ state: 'queued', templateId: n.templateId, addressee: { name: n.to, address: '' }, channel: '', waiting: true, step: n.step });
  }
  return items;
}
