// API credentials: bearer tokens stored as sha256 only (migrations/0008_api.sql).
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { z } from 'zod';
import type { Actor, Role } from '../../workflows/procedure.js';

export const ROLES = ['administrator', 'commission', 'auditor'] as const satisfies readonly Role[];

/** Who is calling: the token's role, body and the person acts are attributed to. */
export interface Principal {
  tokenId: string;
  role: Role;
  /** the unit (maslikhat / commission / akimat) the token acts for; null for auditors */
  body: string | null;
  actor: Actor;
}

export const TokenSpec = z.strictObject({
  role: z.enum(ROLES),
  body: z.string().min(1).max(200).optional(),
  actorId: z.string().min(1).max(200),
  name: z.string().min(1).max(300),
}).refine((t) => t.role === 'auditor' || t.body !== undefined, { path: ['body'], message: 'administrators and commission members belong to a body' });
export type TokenSpec = z.infer<typeof TokenSpec>;

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Creates a token and returns it; only its hash is stored, so this is the one time it is seen. */
export async function createToken(pool: pg.Pool, spec: TokenSpec): Promise<{ token: string; tokenId: string }> {
  const t = TokenSpec.parse(spec);
  const token = `tt_${randomBytes(32).toString('base64url')}`;
  const r = await pool.query<{ token_id: string }>(
    `INSERT INTO api_tokens (token_sha256, role, body_id, actor_id, actor_name) VALUES ($1, $2, $3, $4, $5) RETURNING token_id`,
    [sha256(token), t.role, t.body ?? null, t.actorId, t.name],
  );
  return { token, tokenId: String(r.rows[0]!.token_id) };
}

export async function revokeToken(pool: pg.Pool, tokenId: string): Promise<boolean> {
  const r = await pool.query(`UPDATE api_tokens SET revoked_at = now() WHERE token_id = $1 AND revoked_at IS NULL`, [tokenId]);
  return r.rowCount === 1;
}

export interface TokenRow {
  tokenId: string;
  role: Role;
  body: string | null;
  actorId: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
}

export async function listTokens(pool: pg.Pool): Promise<TokenRow[]> {
  const r = await pool.query(`SELECT token_id, role, body_id, actor_id, actor_name, created_at, revoked_at FROM api_tokens ORDER BY token_id`);
  return r.rows.map((x: Record<string, unknown>) => ({
    tokenId: String(x.token_id),
    role: x.role as Role,
    body: (x.body_id as string | null) ?? null,
    actorId: x.actor_id as string,
    name: x.actor_name as string,
    createdAt: (x.created_at as Date).toISOString(),
    revokedAt: x.revoked_at ? (x.revoked_at as Date).toISOString() : null,
  }));
}

/** The principal of a live token, or null (unknown or revoked). */
export async function authenticate(pool: pg.Pool, token: string): Promise<Principal | null> {
  if (!/^[\x21-\x7e]{1,200}$/.test(token)) return null;
  const r = await pool.query(
    `SELECT token_id, role, body_id, actor_id, actor_name FROM api_tokens WHERE token_sha256 = $1 AND revoked_at IS NULL`,
    [sha256(token)],
  );
  const x = r.rows[0] as { token_id: string; role: Role; body_id: string | null; actor_id: string; actor_name: string } | undefined;
  if (!x) return null;
  return {
    tokenId: String(x.token_id),
    role: x.role,
    body: x.body_id,
    actor: { kind: 'person', id: x.actor_id, name: x.actor_name, role: x.role },
  };
}
