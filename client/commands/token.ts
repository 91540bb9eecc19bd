// `tartip token create --role R [--body B] --actor ID --name "…"` | `tartip token list` | `tartip token revoke <id>`
import type { Command } from 'commander';
import { EXIT } from '../command.js';
import { UsageError, action, choiceOption, filled, jsonOption, write } from '../cli-kit.js';
import { ROLES, TokenSpec } from '../http/tokens.js';

const M = {
  noBodyForAuditor: { en: '--body: auditors read every body; give no --body', ru: '--body: аудитор читает все органы; не указывайте --body', kk: '--body: аудитор барлық органды оқиды; --body көрсетпеңіз' },
  tokenId: { en: 'TOKEN-ID: "{value}" is not a token id (a number from tartip token list)', ru: 'TOKEN-ID: «{value}» — не номер токена (число из tartip token list)', kk: 'TOKEN-ID: «{value}» токен нөмірі емес (tartip token list тізіміндегі сан)' },
} as const;

export function define(program: Command): Command {
  const token = program
    .command('token')
    .summary('create, list or revoke API tokens')
    .description('Credentials of the HTTP API and the CLI. A new token is printed once; only its sha256 is stored.')
    .usage('create --role ROLE [--body BODY] --actor ID --name "NAME" [--json]\n       tartip token list [--json]\n       tartip token revoke TOKEN-ID')
    .addHelpText('after', '\nExit codes: 0 ok, 1 error, 2 bad usage.');

  token
    .command('create')
    .description('create a token (printed once)')
    .addOption(choiceOption('--role <ROLE>', "administrator: starts and acts in its body's procedures; commission: commission acts; auditor: reads everything, changes nothing", ROLES).makeOptionMandatory())
    .option('--body <BODY>', 'the unit (maslikhat / commission / akimat) the token acts for; not for auditors')
    .requiredOption('--actor <ID>', 'the person acts are attributed to in the record')
    .requiredOption('--name <NAME>', 'their full name, as it appears in the record')
    .addOption(jsonOption())
    .action(action(async (opts: { role: string; body?: string; actor: string; name: string; json?: boolean }) => {
      const spec = TokenSpec.safeParse({ role: opts.role, body: opts.body, actorId: opts.actor, name: opts.name });
      if (!spec.success) {
        const i = spec.error.issues[0]!;
        const flag = { role: '--role', body: '--body', actorId: '--actor', name: '--name' }[String(i.path[0])] ?? String(i.path[0]);
        throw new UsageError(`${flag}: ${i.message}`);
      }
      if (spec.data.role === 'auditor' && spec.data.body) throw new UsageError(M.noBodyForAuditor);
      const { connectDb } = await import('../connect.js');
      const { createToken } = await import('../http/tokens.js');
      const pool = connectDb();
      try {
        const t = await createToken(pool, spec.data);
        if (opts.json) write(JSON.stringify({ tokenId: t.tokenId, token: t.token, ...spec.data }) + '\n');
        else write(`token ${t.tokenId} (${spec.data.role}${spec.data.body ? ` of ${spec.data.body}` : ''}, ${spec.data.name}):\n${t.token}\nKeep it secret: it is shown only now.\n`);
        return EXIT.ok;
      } finally {
        await pool.end();
      }
    }));

  token
    .command('list')
    .description('list the tokens (never the tokens themselves)')
    .addOption(jsonOption())
    .action(action(async (opts: { json?: boolean }) => {
      const { connectDb } = await import('../connect.js');
      const { listTokens } = await import('../http/tokens.js');
      const pool = connectDb();
      try {
        const rows = await listTokens(pool);
        if (opts.json) write(JSON.stringify(rows) + '\n');
        else for (const r of rows) write(`${r.tokenId}\t${r.role}\t${r.body ?? '*'}\t${r.actorId}\t${r.name}\t${r.revokedAt ? `revoked ${r.revokedAt}` : 'active'}\n`);
        return EXIT.ok;
      } finally {
        await pool.end();
      }
    }));

  token
    .command('revoke')
    .description('revoke a token')
    .argument('<TOKEN-ID>', 'a number from tartip token list')
    .action(action(async (id: string) => {
      if (!/^\d{1,18}$/.test(id)) throw new UsageError(filled(M.tokenId, { value: id }));
      const { connectDb } = await import('../connect.js');
      const { revokeToken } = await import('../http/tokens.js');
      const pool = connectDb();
      try {
        const ok = await revokeToken(pool, id);
        write(ok ? `token ${id} revoked\n` : `token ${id}: no such active token\n`);
        return ok ? EXIT.ok : EXIT.usage;
      } finally {
        await pool.end();
      }
    }));
  return token;
}
