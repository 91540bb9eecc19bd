// `tartip show <id> [--token T] [--json] [--lang kk|ru|en]`
import { EXIT, type CliCommand } from '../command.js';
import { parseCommandLine, resolveLang, UsageError, type Lang } from './calendar.js';
import { openLocal, principalOf, reportError } from '../http/local.js';
import { renderProcedure } from '../render.js';

const HELP = `Usage: tartip show <procedure-id> [--token TOKEN] [--json] [--lang kk|ru|en]

Shows a procedure: stage, deadlines with how they were counted and the articles they rest on,
thresholds, interpretations, and its record of acts (who did what, when, under which article).
  --token TOKEN   read as this token's holder (else TARTIP_TOKEN; without one: as the local operator)
  --json          {"procedure": …, "record": […]} as JSON
  --lang L        language (default: TARTIP_LANG or en)
Exit codes: 0 ok, 1 error, 2 bad usage or unknown procedure, 3 refused (another body's procedure).
`;

export const command: CliCommand = {
  summary: 'show a procedure: stage, deadlines, citations, record of acts',
  async run(argv) {
    let lang: Lang = 'en';
    let json = false;
    try {
      const { values, positionals } = parseCommandLine(argv, { token: { type: 'string' }, json: { type: 'boolean' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, true);
      if (values.help) {
        process.stdout.write(HELP);
        return EXIT.ok;
      }
      lang = resolveLang(values.lang);
      json = values.json === true;
      if (positionals.length !== 1) throw new UsageError('expected one <procedure-id>; see tartip show --help');
      const id = positionals[0]!;
      const local = await openLocal();
      try {
        const principal = await principalOf(local.pool, values.token, false);
        const view = await local.procedures.read(principal, id, lang);
        const record = await local.procedures.record(principal, id, lang);
        if (json) process.stdout.write(JSON.stringify({ procedure: view, record: record.acts }) + '\n');
        else process.stdout.write(renderProcedure(view as unknown as Record<string, unknown>, lang, record.acts as unknown as Record<string, unknown>[]));
        return EXIT.ok;
      } finally {
        await local.close();
      }
    } catch (e) {
      return reportError('show', e, lang, json);
    }
  },
};
