// `tartip token create --role R [--body B] --actor ID --name "…"` | `tartip token list` | `tartip token revoke <id>`
import { EXIT, type CliCommand } from '../command.js';
import { parseCommandLine, UsageError } from './calendar.js';
import { connectDb } from '../connect.js';
import { createToken, listTokens, revokeToken, ROLES, TokenSpec } from '../http/tokens.js';

const HELP = `Usage: tartip token create --role ROLE [--body BODY] --actor ID --name "NAME" [--json]
       tartip token list [--json]
       tartip token revoke TOKEN-ID

Credentials of the HTTP API and the CLI. A new token is printed once; only its sha256 is stored.
  --role ROLE     ${ROLES.join(' | ')}  (administrator: starts and acts in its body's procedures;
                  commission: commission acts; auditor: reads everything, changes nothing)
  --body BODY     the unit (maslikhat / commission / akimat) the token acts for; not for auditors
  --actor ID      the person acts are attributed to in the record
  --name NAME     their full name, as it appears in the record
Exit codes: 0 ok, 1 error, 2 bad usage.
`;

export const command: CliCommand = {
  summary: 'create, list or revoke API tokens',
  async run(argv) {
    try {
      const { values, positionals } = parseCommandLine(argv, {
        role: { type: 'string' }, body: { type: 'string' }, actor: { type: 'string' }, name: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
      }, true);
      if (values.help || positionals.length === 0) {
        process.stdout.write(HELP);
        return values.help ? EXIT.ok : EXIT.usage;
      }
      const [sub, ...rest] = positionals;
      if (sub === 'create') {
        if (rest.length) throw new UsageError('create takes no positional arguments');
        const spec = TokenSpec.safeParse({ role: values.role, body: values.body, actorId: values.actor, name: values.name });
        if (!spec.success) {
          const i = spec.error.issues[0]!;
          const flag = { role: '--role', body: '--body', actorId: '--actor', name: '--name' }[String(i.path[0])] ?? String(i.path[0]);
          throw new UsageError(`${flag}: ${i.code === 'invalid_value' ? `one of ${ROLES.join(', ')}` : i.message}`);
        }
        if (spec.data.role === 'auditor' && spec.data.body) throw new UsageError('--body: auditors read every body; give no --body');
        const pool = connectDb();
        try {
          const t = await createToken(pool, spec.data);
          if (values.json) process.stdout.write(JSON.stringify({ tokenId: t.tokenId, token: t.token, ...spec.data }) + '\n');
          else process.stdout.write(`token ${t.tokenId} (${spec.data.role}${spec.data.body ? ` of ${spec.data.body}` : ''}, ${spec.data.name}):\n${t.token}\nKeep it secret: it is shown only now.\n`);
          return EXIT.ok;
        } finally {
          await pool.end();
        }
      }
      if (sub === 'list') {
        const pool = connectDb();
        try {
          const rows = await listTokens(pool);
          if (values.json) process.stdout.write(JSON.stringify(rows) + '\n');
          else for (const r of rows) process.stdout.write(`${r.tokenId}\t${r.role}\t${r.body ?? '*'}\t${r.actorId}\t${r.name}\t${r.revokedAt ? `revoked ${r.revokedAt}` : 'active'}\n`);
          return EXIT.ok;
        } finally {
          await pool.end();
        }
      }
      if (sub === 'revoke') {
        if (rest.length !== 1 || !/^\d{1,18}$/.test(rest[0]!)) throw new UsageError('revoke takes one TOKEN-ID (a number from tartip token list)');
        const pool = connectDb();
        try {
          const ok = await revokeToken(pool, rest[0]!);
          process.stdout.write(ok ? `token ${rest[0]} revoked\n` : `token ${rest[0]}: no such active token\n`);
          return ok ? EXIT.ok : EXIT.usage;
        } finally {
          await pool.end();
        }
      }
      throw new UsageError(`unknown subcommand '${sub}'; one of create, list, revoke`);
    } catch (e) {
      if (e instanceof UsageError) {
        process.stderr.write(`tartip token: ${e.message}\n`);
        return EXIT.usage;
      }
      throw e;
    }
  },
};
