// `tartip list [--kind K] [--unit U] [--stage S] [--status S] [--deadline-before T] [--deadline-after T] [--limit N] [--json]`
import { EXIT, type CliCommand } from '../command.js';
import { parseCommandLine, resolveLang, UsageError, type Lang } from './calendar.js';
import { openLocal, principalOf, reportError } from '../http/local.js';
import { renderList } from '../render.js';
import { DEFINITIONS } from '../../workflows/definitions.js';

const HELP = `Usage: tartip list [--kind KIND] [--unit UNIT] [--stage STAGE] [--status STATUS]
                   [--deadline-before ISO] [--deadline-after ISO] [--limit N] [--token TOKEN] [--json] [--lang kk|ru|en]

Lists procedures (Temporal visibility over their search attributes), nearest next deadline first.
  --kind KIND     ${DEFINITIONS.map((d) => d.kind).join(', ')}
  --unit UNIT     the administrative unit (with a non-auditor token: only the token's own)
  --stage STAGE   e.g. waiting
  --status S      Running, Completed, Failed, Terminated, Canceled, TimedOut
  --deadline-before / --deadline-after ISO   next deadline window, e.g. 2026-06-01T00:00:00+05:00
  --limit N       at most N (1–500, default 100)
  --token TOKEN   list as this token's holder (else TARTIP_TOKEN; without one: as the local operator)
  --json          {"items": […], "limit": N}
Exit codes: 0 ok, 1 error, 2 bad usage or filter, 3 refused (another body's unit).
`;

export const command: CliCommand = {
  summary: 'list procedures by kind, unit, stage, status, next deadline',
  async run(argv) {
    let lang: Lang = 'en';
    let json = false;
    try {
      const { values, positionals } = parseCommandLine(argv, {
        kind: { type: 'string' }, unit: { type: 'string' }, stage: { type: 'string' }, status: { type: 'string' },
        'deadline-before': { type: 'string' }, 'deadline-after': { type: 'string' }, limit: { type: 'string' },
        token: { type: 'string' }, json: { type: 'boolean' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' },
      }, false);
      if (values.help) {
        process.stdout.write(HELP);
        return EXIT.ok;
      }
      lang = resolveLang(values.lang);
      json = values.json === true;
      if (positionals.length) throw new UsageError('takes no positional arguments; see tartip list --help');
      const query: Record<string, string> = {};
      for (const [flag, field] of [['kind', 'kind'], ['unit', 'unit'], ['stage', 'stage'], ['status', 'status'], ['deadline-before', 'deadlineBefore'], ['deadline-after', 'deadlineAfter'], ['limit', 'limit']] as const) {
        const v = values[flag];
        if (typeof v === 'string') query[field] = v;
      }
      const local = await openLocal();
      try {
        const principal = await principalOf(local.pool, values.token, false);
        const r = await local.procedures.list(principal, query, lang);
        if (json) process.stdout.write(JSON.stringify(r) + '\n');
        else process.stdout.write(renderList(r.items as unknown as Record<string, unknown>[], lang));
        return EXIT.ok;
      } finally {
        await local.close();
      }
    } catch (e) {
      return reportError('list', e, lang, json);
    }
  },
};
