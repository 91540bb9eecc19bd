// `tartip start <procedure> --file input.json [--token T] [--key K] [--json] [--lang kk|ru|en]`
import { EXIT, type CliCommand } from '../command.js';
import { parseCommandLine, resolveLang, UsageError, type Lang } from './calendar.js';
import { onceLocal, openLocal, principalOf, readJson, reportError, reportOutcome } from '../http/local.js';
import { sha256 } from '../http/tokens.js';
import { renderProcedure, WORDS } from '../render.js';
import { DEFINITIONS } from '../../workflows/definitions.js';

const HELP = `Usage: tartip start <procedure> --file INPUT.json [--token TOKEN] [--key KEY] [--json] [--lang kk|ru|en]

Starts a procedure, as an administrator of the input's unit (the token's body).
  <procedure>     one of: ${DEFINITIONS.map((d) => d.kind).join(', ')}
  --file FILE     the start input (JSON; - for standard input). startedBy comes from the token;
                  editionId and calendarRef default to the edition in force today and the newest
                  official calendar; simulation is refused (use tartip simulate).
  --token TOKEN   from \`tartip token create\` (else TARTIP_TOKEN)
  --key KEY       idempotency key (default: derived from the procedure and the file, so running the
                  same command again does not start twice)
  --json          print the procedure (or the typed error) as JSON
  --lang L        language (default: TARTIP_LANG or en)
Exit codes: 0 started, 1 error, 2 bad usage or input, 3 refused (role, body, already running, the law).
`;

export const command: CliCommand = {
  summary: 'start a procedure from a JSON input file',
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
      if (positionals.length !== 1) throw new UsageError('expected one <procedure>; see tartip start --help');
      const kind = positionals[0]!;
      const { value, text } = readJson(values.file);
      const local = await openLocal();
      try {
        const principal = (await principalOf(local.pool, values.token, true))!;
        local.procedures.definition(kind);
        const key = typeof values.key === 'string' ? values.key : `cli-${sha256(`start\n${kind}\n${text}`).slice(0, 32)}`;
        const out = await onceLocal(local, principal, key, `/v1/kinds/${kind}/procedures`, value, lang, async () => {
          const r = await local.procedures.start(principal, kind, value, lang);
          return { status: r.status, body: r.view };
        });
        if (out.status >= 400) return reportOutcome('start', out.status, out.body, json);
        if (json) process.stdout.write(JSON.stringify(out.body) + '\n');
        else process.stdout.write(renderProcedure(out.body as Record<string, unknown>, lang) + (out.replayed ? `${WORDS[lang].replayed(key)}\n` : ''));
        return EXIT.ok;
      } finally {
        await local.close();
      }
    } catch (e) {
      return reportError('start', e, lang, json);
    }
  },
};
