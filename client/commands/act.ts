// `tartip act <procedure-id> <act> --file ACT.json|- [--token T] [--key K] [--json] [--lang kk|ru|en]`
import { Argument, type Command } from 'commander';
import { EXIT } from '../command.js';
import { type TartipCommand, action, commandPath, jsonOption, langOption, oneOf, readInput, resolveLang, write } from '../cli-kit.js';
import { DEFINITIONS } from '../../workflows/definitions.js';

const acts = DEFINITIONS.flatMap((d) => Object.keys(d.acts).map((a) => `${d.kind}: ${a} (${d.acts[a]!.roles.join(', ')})`));
/** every act of any procedure: the procedure's own kind is checked once it is read */
const ACT_NAMES = [...new Set(DEFINITIONS.flatMap((d) => Object.keys(d.acts)))].sort();

type Opts = { file: string; token?: string; key?: string; json?: boolean; lang?: string };

export function define(program: Command): Command {
  return (program.command('act') as TartipCommand)
    .reportsApiErrors()
    .summary('perform an act of a procedure from a JSON file')
    .description("Performs an act of a running procedure (a workflow Update), as the token's holder: the token's role\nmust be one the act allows and its body must be the procedure's unit.")
    .usage('<procedure-id> <act> --file ACT.json [--token TOKEN] [--key KEY] [--json] [--lang kk|ru|en]')
    .argument('<procedure-id>', 'the procedure (tartip list)')
    .addArgument(new Argument('<act>', 'the act, one of those of the procedure’s kind (listed below)').argParser(oneOf('act', ACT_NAMES)))
    .requiredOption('--file <FILE>', "the act's input (JSON; - for standard input); actor comes from the token (an actor in the file is refused); at defaults to now")
    .option('--token <TOKEN>', 'from `tartip token create` (else TARTIP_TOKEN)')
    .option('--key <KEY>', 'idempotency key (default: derived from the id, the act and the file, so running the same command again does not act twice)')
    .addOption(jsonOption('print the result (or the typed error) as JSON'))
    .addOption(langOption())
    .addHelpText('after', `\nActs (kind: act (roles)):\n  ${acts.length ? acts.join('\n  ') : '(no procedure with acts is registered yet)'}\n\nExit codes: 0 done, 1 error, 2 bad usage or input, 3 refused (role, body, ended, the law: too late, below threshold, barred).`)
    .action(action(async (id: string, act: string, opts: Opts, cmd: Command) => {
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
        const key = opts.key ?? `cli-${sha256(`act\n${id}\n${act}\n${text}`).slice(0, 32)}`;
        const out = await onceLocal(local, principal, key, `/v1/procedures/${id}/acts/${act}`, value, lang, async () => ({
          status: 200,
          body: await local.procedures.act(principal, id, act, value, key, lang),
        }));
        if (out.status >= 400) return reportOutcome(commandPath(cmd), out.status, out.body, opts.json === true, lang);
        const r = out.body as { result: unknown; procedure: Record<string, unknown> };
        if (opts.json) write(JSON.stringify(out.body) + '\n');
        else write(`${act}: ${JSON.stringify(r.result)}${out.replayed ? `  ${WORDS[lang].replayed(key)}` : ''}\n\n${renderProcedure(r.procedure, lang)}`);
        return EXIT.ok;
      } finally {
        await local.close();
      }
    }));
}
