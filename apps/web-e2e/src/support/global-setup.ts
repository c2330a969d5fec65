import './register-paths';
import { createHash, randomBytes } from 'node:crypto';
import {
  startApiProcess,
  startTestDatabase,
  withClient,
  type ApiProcess,
  type TestDatabase,
} from '@returnlens/tools/testing';

async function createIngestToken(url: string): Promise<string> {
  const token = `rl_${randomBytes(24).toString('base64url')}`;
  const hash = createHash('sha256').update(token).digest('hex');
  await withClient(url, (c) =>
    c.query(
      `INSERT INTO api_tokens (name, token_hash, scopes) VALUES ('browser tests', $1, '{ingest}')`,
      [hash],
    ),
  );
  return token;
}

declare global {
  var __RETURNLENS_TEST_DB__: TestDatabase | undefined;
  var __RETURNLENS_TEST_API__: ApiProcess | undefined;
}

/** A real PostgreSQL with the demo data, and the built API serving the built dashboard. */
export default async function globalSetup(): Promise<void> {
  const db = await startTestDatabase();
  globalThis.__RETURNLENS_TEST_DB__ = db;
  let api: ApiProcess | undefined;
  try {
    api = await startApiProcess({ DATABASE_URL: db.url, DEMO_DATA: 'on', PORT: '3920' });
    globalThis.__RETURNLENS_TEST_API__ = api;
    process.env['RETURNLENS_TEST_BASE_URL'] = api.baseUrl;
    process.env['RETURNLENS_TEST_TOKEN'] = await createIngestToken(db.url);
  } catch (error) {
    // Jest skips the teardown when the set-up fails: stop what was started.
    await api?.stop();
    await db.stop();
    throw error;
  }
  console.log(
    `\nBrowser tests against ${process.env['RETURNLENS_TEST_BASE_URL']} (demo data on ${db.external ? 'TEST_DATABASE_URL' : 'an embedded PostgreSQL'})\n`,
  );
}
