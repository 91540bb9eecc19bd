// `tartip show <procedure-id> [--token T] [--json] [--lang kk|ru|en]`
import type { Command } from 'commander';
import { EXIT } from '../command.js';
import { type TartipCommand, action, jsonOption, langOption, resolveLang, write } from '../cli-kit.js';

type Opts = { token?: string; json?: boolean; lang?: string };

export function define(program: Command): Command {
  return (program.command('show') as TartipCommand)
    .reportsApiErrors()
    .summary('show a procedure: stage, deadlines, citations, record of acts')
    .description('Shows a procedure: stage, deadlines with how they were counted and the articles they rest on,\nthresholds, interpretations, and its record of acts (who did what, when, under which article).')
    .usage('<procedure-id> [--token TOKEN] [--json] [--lang kk|ru|en]')
    .argument('<procedure-id>', 'the procedure (tartip list)')
    .option('--token <TOKEN>', "read as this token's holder (else TARTIP_TOKEN; without one: as the local operator)")
    .addOption(jsonOption('{"procedure": …, "record": […]} as JSON'))
    .addOption(langOption())
    .addHelpText('after', "\nExit codes: 0 ok, 1 error, 2 bad usage or unknown procedure, 3 refused (another body's procedure).")
    .action(action(async (id: string, opts: Opts) => {
      const lang = resolveLang(opts.lang);
      const { openLocal, principalOf } = await import('../http/local.js');
      const { renderProcedure } = await import('../render.js');
      const local = await openLocal();
      try {
        const principal = await principalOf(local.pool, opts.token, false);
        const view = await local.procedures.read(principal, id, lang);
        const record = await local.procedures.record(principal, id, lang);
        if (opts.json) write(JSON.stringify({ procedure: view, record: record.acts }) + '\n');
        else write(renderProcedure(view as unknown as Record<string, unknown>, lang, record.acts as unknown as Record<string, unknown>[]));
        return EXIT.ok;
      } finally {
        await local.close();
      }
    }));
}
