import { createHash, randomBytes } from 'node:crypto';

export const TOKEN_SCOPES = ['ingest', 'read', 'admin'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** A new token: shown once, stored only as its SHA-256. */
export function newToken(): string {
  return `rl_${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** SQL of the token table, shared by the guard and the CLI. */
export const TOKEN_SQL = {
  insert: `INSERT INTO api_tokens (shop_id, name, token_hash, scopes) VALUES ($1, $2, $3, $4) RETURNING id::text`,
  /** Finds a live token by hash and records its use. */
  use: `WITH used AS (
           UPDATE api_tokens SET last_used_at = now()
            WHERE token_hash = $1 AND revoked_at IS NULL
           RETURNING id::text, shop_id AS "shopId", name, scopes)
         SELECT * FROM used`,
  list: `SELECT id::text, name, scopes, created_at AS "createdAt", last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"
           FROM api_tokens WHERE shop_id = $1 ORDER BY id`,
  revoke: `UPDATE api_tokens SET revoked_at = now() WHERE shop_id = $1 AND id = $2 AND revoked_at IS NULL RETURNING id::text`,
} as const;
