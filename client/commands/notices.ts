// `tartip notices list [--procedure ID] [--state queued|sent|failed|retrying] [--limit N] [--after CURSOR] [--token T] [--json] [--lang kk|ru|en]`
import type { Command } from 'commander';
import { EXIT } from '../command.js';
import { type TartipCommand, action, choiceOption, jsonOption, langOption, resolveLang, write } from '../cli-kit.js';
import { NOTICE_STATES } from '../../activities/notifications.js';

type Opts = { procedure?: string; state?: string; limit?: string; after?: string; token?: string; json?: boolean; lang?: string };

export function define(program: Command): Command {
  const notices = program
    .command('notices')
    .summary("the law's notices and their states (queued, sent, retrying, failed)")
    .description("The notices the procedures owe, each with its state: queued (not sent yet: e.g. e-mail is not\nconfigured, and its message is kept in the outbox folder), sent, retrying (the last attempt failed)\nor failed (refused for good, with the reason).")
    .usage('list [--procedure ID] [--state STATE] [--limit N] [--after CURSOR] [--token TOKEN] [--json] [--lang kk|ru|en]')
    .addHelpText('after', '\nExit codes: 0 ok, 1 error, 2 bad usage.');

  (notices.command('list') as TartipCommand)
    .reportsApiErrors()
    .description('list notices, oldest first (auditors and the local operator: all; others: their own body\'s)')
    .option('--procedure <ID>', 'the notices of one procedure (tartip list)')
    .addOption(choiceOption('--state <STATE>', 'only notices in this state', NOTICE_STATES))
    .option('--limit <N>', 'at most N per page (1–500, default 100)')
    .option('--after <CURSOR>', 'the next page: the cursor the page before printed')
    .option('--token <TOKEN>', "list as this token's holder (else TARTIP_TOKEN; without one: as the local operator)")
    .addOption(jsonOption('{"items": […], "limit": N, "next": CURSOR|null}'))
    .addOption(langOption())
    .addHelpText('after', "\nExit codes: 0 ok, 1 error, 2 bad usage, filter or unknown procedure, 3 refused (another body's procedure).")
    .action(action(async (opts: Opts) => {
      const lang = resolveLang(opts.lang);
      const query: Record<string, string> = {};
      for (const field of ['procedure', 'state', 'limit', 'after'] as const) {
        const v = opts[field];
        if (v !== undefined) query[field] = v;
      }
      // the database alone: this works while Temporal is down
      const { connectDb } = await import('../connect.js');
      const { principalOf } = await import('../http/local.js');
      const { Notices } = await import('../http/notices.js');
      const { renderNotices } = await import('../render.js');
      const pool = connectDb();
      try {
        const principal = await principalOf(pool, opts.token, false);
        const page = await new Notices(pool).list(principal, query, lang);
        if (opts.json) write(JSON.stringify(page) + '\n');
        else write(renderNotices(page.items as unknown as Record<string, unknown>[], lang, { next: page.next }).join('\n') + '\n');
        return EXIT.ok;
      } finally {
        await pool.end();
      }
    }));
  return notices;
}
