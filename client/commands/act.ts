// `tartip act <id> <act> --file act.json [--token T] [--key K] [--json] [--lang kk|ru|en]`
import { EXIT, type CliCommand } from '../command.js';
import { parseCommandLine, resolveLang, UsageError, type Lang } from './calendar.js';
import { onceLocal, openLocal, principalOf, readJson, reportError, reportOutcome } from '../http/local.js';
import { sha256 } from '../http/tokens.js';
import { renderProcedure, WORDS } from '../render.js';
import { DEFINITIONS } from '../../workflows/definitions.js';

const acts = DEFINITIONS.flatMap((d) => Object.keys(d.acts).map((a) => `${d.kind}: ${a} (${d.acts[a]!.roles.join(', ')})`));

const HELP = `Usage: tartip act <procedure-id> <act> --file ACT.json [--token TOKEN] [--key KEY] [--json] [--lang kk|ru|en]

Performs an act of a running procedure (a workflow Update), as the token's holder: the token's role
must be one the act allows and its body must be the procedure's unit.
  <act>           ${acts.length ? acts.join('\n                  ') : '(no procedure with acts is registered yet)'}
  --file FILE     the act's input (JSON; - for standard input); actor comes from the token (an actor
                  in the file is refused); at defaults to now
  --token TOKEN   from \`tartip token create\` (else TARTIP_TOKEN)
  --key KEY       idempotency key (default: derived from the id, the act and the file, so running the
                  same command again does not act twice)
  --json          print the result (or the typed error) as JSON
  --lang L        language (default: TARTIP_LANG or en)
Exit codes: 0 done, 1 error, 2 bad usage or input, 3 refused (role, body, ended, the law: too late, below threshold, barred).
`;

export const command: CliCommand = {
  summary: 'perform an act of a procedure from a JSON file',
  async run(argv) {
    let lang: Lang = 'en';
    let json = false;
    try {
      const { values, positionals } = parseCommandLine(argv, {
        file: { type: 'string' }, token: { type: 'string' }, key: { type: 'string' }, json: { type: 'boolean' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' },
      }, true);
      if (values.help) {
        process.stdout.write(HELP);
        return EXIT.ok;
      }
      lang = resolveLang(values.lang);
      json = values.json === true;
      if (positionals.length !== 2) throw new UsageError('expected <procedure-id> <act>; see tartip act --help');
      const [id, act] = positionals as [string, string];
      const { value, text } = readJson(values.file);
      const local = await openLocal();
      try {
        const principal = (await principalOf(local.pool, values.token, true))!;
        const key = typeof values.key === 'string' ? values.key : `cli-${sha256(`act\n${id}\n${act}\n${text}`).slice(0, 32)}`;
        const out = await onceLocal(local, principal, key, `/v1/procedures/${id}/acts/${act}`, value, lang, async () => ({
          status: 200,
          body: await local.procedures.act(principal, id, act, value, key, lang),
        }));
        if (out.status >= 400) return reportOutcome('act', out.status, out.body, json);
        const r = out.body as { result: unknown; procedure: Record<string, unknown> };
        if (json) process.stdout.write(JSON.stringify(out.body) + '\n');
        else process.stdout.write(`${act}: ${JSON.stringify(r.result)}${out.replayed ? `  ${WORDS[lang].replayed(key)}` : ''}\n\n${renderProcedure(r.procedure, lang)}`);
        return EXIT.ok;
      } finally {
        await local.close();
      }
    } catch (e) {
      return reportError('act', e, lang, json);
    }
  },
};
