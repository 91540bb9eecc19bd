// `tartip start <procedure> --file INPUT.json|- [--token T] [--key K] [--json] [--lang kk|ru|en]`
import type { Command } from 'commander';
import { EXIT } from '../command.js';
import { type TartipCommand, action, choiceArgument, commandPath, jsonOption, langOption, readInput, resolveLang, write } from '../cli-kit.js';
import { DEFINITIONS } from '../../workflows/definitions.js';

type Opts = { file: string; token?: string; key?: string; json?: boolean; lang?: string };

export function define(program: Command): Command {
  return (program.command('start') as TartipCommand)
    .reportsApiErrors()
    .summary('start a procedure from a JSON input file')
    .description("Starts a procedure, as an administrator of the input's unit (the token's body).")
    .usage('<procedure> --file INPUT.json [--token TOKEN] [--key KEY] [--json] [--lang kk|ru|en]')
    .addArgument(choiceArgument('<procedure>', 'the kind of procedure', DEFINITIONS.map((d) => d.kind)))
    .requiredOption('--file <FILE>', 'the start input (JSON; - for standard input). startedBy comes from the token; editionId and calendarRef default to the edition in force today and the newest official calendar; simulation is refused (use tartip simulate)')
    .option('--token <TOKEN>', 'from `tartip token create` (else TARTIP_TOKEN)')
    .option('--key <KEY>', 'idempotency key (default: derived from the procedure and the file, so running the same command again does not start twice)')
    .addOption(jsonOption('print the procedure (or the typed error) as JSON'))
    .addOption(langOption())
    .addHelpText('after', '\nExit codes: 0 started, 1 error, 2 bad usage or input, 3 refused (role, body, already running, the law).')
    .action(action(async (kind: string, opts: Opts, cmd: Command) => {
      const lang = resolveLang(opts.lang);
      const { value, text } = await readInput(opts.file, '--file');
      const { checkKey, checkSize, onceLocal, openLocal, principalOf, reportOutcome } = await import('../http/local.js');
      checkKey(opts.key);
      checkSize(text);
      const { sha256 } = await import('../http/tokens.js');
      const { renderProcedure, WORDS } = await import('../render.js');
      const local = await openLocal();
      try {
        const principal = (await principalOf(local.pool, opts.token, true))!;
        local.procedures.definition(kind);
        const key = opts.key ?? `cli-${sha256(`start\n${kind}\n${text}`).slice(0, 32)}`;
        const out = await onceLocal(local, principal, key, `/v1/kinds/${kind}/procedures`, value, lang, async () => {
          const r = await local.procedures.start(principal, kind, value, lang, key);
          return { status: r.status, body: r.view };
        });
        if (out.status >= 400) return reportOutcome(commandPath(cmd), out.status, out.body, opts.json === true, lang);
        if (opts.json) write(JSON.stringify(out.body) + '\n');
        else write(renderProcedure(out.body as Record<string, unknown>, lang) + (out.replayed ? `${WORDS[lang].replayed(key)}\n` : ''));
        return EXIT.ok;
      } finally {
        await local.close();
      }
    }));
}
