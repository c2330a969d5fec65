import { createHash, randomBytes } from 'node:crypto';
import type { ApiProcess } from '@returnlens/tools/testing';
import { withClient } from '@returnlens/tools/testing';

/** Creates an API token straight in the database (as `npm run token -- create` does). */
export async function createToken(databaseUrl: string, scopes: string[]): Promise<string> {
  const token = `rl_${randomBytes(24).toString('base64url')}`;
  const hash = createHash('sha256').update(token).digest('hex');
  await withClient(databaseUrl, (client) =>
    client.query('INSERT INTO api_tokens (name, token_hash, scopes) VALUES ($1, $2, $3)', [
      'test',
      hash,
      scopes,
    ]),
  );
  return token;
}

/** The Authorization header of a new token with these scopes (default: read). */
export async function bearer(
  databaseUrl: string,
  scopes: string[] = ['read'],
): Promise<Record<string, string>> {
  return { Authorization: `Bearer ${await createToken(databaseUrl, scopes)}` };
}

export interface UploadOptions {
  readonly contentType?: string;
  readonly token?: string | null;
  readonly mapping?: unknown;
  readonly query?: string;
  readonly headers?: Record<string, string>;
}

export async function upload(
  api: ApiProcess,
  kind: string,
  body: string | Uint8Array,
  options: UploadOptions = {},
): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = {
    'Content-Type': options.contentType ?? 'text/csv',
    ...options.headers,
  };
  if (options.token) headers['Authorization'] = `Bearer ${options.token}`;
  if (options.mapping) headers['X-Mapping'] = JSON.stringify(options.mapping);
  const response = await fetch(`${api.baseUrl}/api/ingest/${kind}${options.query ?? ''}`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : Buffer.from(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // keep the text
  }
  return { status: response.status, body: parsed };
}

export async function count(databaseUrl: string, table: string): Promise<number> {
  return withClient(
    databaseUrl,
    async (client) => (await client.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n,
  );
}
