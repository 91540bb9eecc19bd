// `tartip list [--kind K] [--unit U] [--stage S] [--status S] [--deadline-before T] [--deadline-after T] [--limit N] [--cursor C] [--json]`
import type { Command } from 'commander';
import { EXIT } from '../command.js';
import { type TartipCommand, action, choiceOption, jsonOption, langOption, oneOf, resolveLang, write } from '../cli-kit.js';
import { ALL_STAGES, STAGES } from '../stages.js';
import { DEFINITIONS } from '../../workflows/definitions.js';

/** Temporal execution statuses, as the API's list query takes them (client/http/schemas.ts ListQuery). */
const STATUSES = ['Running', 'Completed', 'Failed', 'Terminated', 'Canceled', 'TimedOut', 'ContinuedAsNew'] as const;

type Opts = { kind?: string; unit?: string; stage?: string; status?: string; deadlineBefore?: string; deadlineAfter?: string; limit?: string; cursor?: string; token?: string; json?: boolean; lang?: string };

/** The list query's fields (client/http/schemas.ts ListQuery) as this command's options. */
const FLAGS = { kind: '--kind', unit: '--unit', stage: '--stage', status: '--status', deadlineBefore: '--deadline-before', deadlineAfter: '--deadline-after', limit: '--limit', cursor: '--cursor' } as const;

export function define(program: Command): Command {
  return (program.command('list') as TartipCommand)
    .reportsApiErrors()
    .summary('list procedures by kind, unit, stage, status, next deadline')
    .description('Lists procedures (Temporal visibility over their search attributes), nearest next deadline first.')
    .usage('[--kind KIND] [--unit UNIT] [--stage STAGE] [--status STATUS]\n                   [--deadline-before ISO] [--deadline-after ISO] [--limit N] [--cursor C] [--token TOKEN] [--json] [--lang kk|ru|en]')
    .addOption(choiceOption('--kind <KIND>', 'the kind of procedure', DEFINITIONS.map((d) => d.kind)))
    .option('--unit <UNIT>', "the administrative unit (with a non-auditor token: only the token's own)")
    .addOption(choiceOption('--stage <STAGE>', "a stage of the procedure (listed below; with --kind: one of that kind's)", ALL_STAGES, { listed: false }))
    .addOption(choiceOption('--status <STATUS>', 'the Temporal execution status', STATUSES))
    .option('--deadline-before <ISO>', 'next deadline before, e.g. 2026-06-01T00:00:00+05:00')
    .option('--deadline-after <ISO>', 'next deadline after')
    .option('--limit <N>', 'at most N on a page (1–500, default 100)')
    .option('--cursor <C>', 'the next page: the cursor the previous page printed (same filters)')
    .option('--token <TOKEN>', "list as this token's holder (else TARTIP_TOKEN; without one: as the local operator)")
    .addOption(jsonOption('{"items": […], "limit": N, "nextCursor": C | null}'))
    .addOption(langOption())
    .addHelpText('after', `\nStages:\n${Object.entries(STAGES).map(([kind, stages]) => `  ${kind}: ${stages.join(', ')}`).join('\n')}\n\nExit codes: 0 ok, 1 error, 2 bad usage or filter, 3 refused (another body's unit).`)
    .action(action(async (opts: Opts) => {
      const lang = resolveLang(opts.lang);
      if (opts.kind !== undefined && opts.stage !== undefined && STAGES[opts.kind]) oneOf(`--stage (${opts.kind})`, STAGES[opts.kind]!)(opts.stage);
      const query: Record<string, string> = {};
      for (const field of Object.keys(FLAGS) as (keyof typeof FLAGS)[]) {
        const v = opts[field];
        if (v !== undefined) query[field] = v;
      }
      const flag = (f: string) => FLAGS[f as keyof typeof FLAGS] ?? f;
      // the API's own check of the query, before connecting; errors name this command's options
      const { invalidInput, zodIssues } = await import('../http/errors.js');
      const { ListQuery } = await import('../http/schemas.js');
      const checked = ListQuery.safeParse(query, { reportInput: false });
      if (!checked.success) throw invalidInput(zodIssues(checked.error.issues, lang, '', flag));
      const { openLocal, principalOf } = await import('../http/local.js');
      const { renderList } = await import('../render.js');
      const local = await openLocal();
      try {
        const principal = await principalOf(local.pool, opts.token, false);
        const r = await local.procedures.list(principal, query, lang, flag);
        if (opts.json) write(JSON.stringify(r) + '\n');
        else write(renderList(r.items as unknown as Record<string, unknown>[], lang, r.nextCursor));
        return EXIT.ok;
      } finally {
        await local.close();
      }
    }));
}
