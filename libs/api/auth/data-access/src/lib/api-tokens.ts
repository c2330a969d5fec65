import { createHash, randomBytes } from 'node:crypto';

import type { TokenScope } from '@returnlens/shared/contracts';

export { TOKEN_SCOPES, type TokenScope } from '@returnlens/shared/contracts';

/** A token as the admin API lists it (never the token itself: only its hash is kept). */
export interface ApiTokenRow {
  readonly id: string;
  readonly name: string;
  readonly scopes: TokenScope[];
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
  readonly revokedAt: Date | null;
}

/** A new secret (API token or session id): 256 random bits, shown once. */
export function newToken(prefix = 'rl_'): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** Secrets are stored only as their SHA-256: a leaked table opens nothing. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** SQL of the token table, shared by the guard, the admin API and the CLI. */
export const TOKEN_SQL = {
  insert: `INSERT INTO api_tokens (shop_id, name, token_hash, scopes) VALUES ($1, $2, $3, $4) RETURNING id::text`,
  /** Finds a live token by hash; its last use is recorded at most once a minute. */
  use: `WITH found AS (
           SELECT id, shop_id, name, scopes, last_used_at FROM api_tokens
            WHERE token_hash = $1 AND revoked_at IS NULL),
         touched AS (
           UPDATE api_tokens t SET last_used_at = now() FROM found
            WHERE t.id = found.id AND (found.last_used_at IS NULL OR found.last_used_at < now() - interval '1 minute'))
         SELECT id::text, shop_id AS "shopId", name, scopes FROM found`,
  list: `SELECT id::text, name, scopes, created_at AS "createdAt", last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"
           FROM api_tokens WHERE shop_id = $1 ORDER BY api_tokens.id`,
  revoke: `UPDATE api_tokens SET revoked_at = now() WHERE shop_id = $1 AND id = $2 AND revoked_at IS NULL RETURNING id::text`,
} as const;
