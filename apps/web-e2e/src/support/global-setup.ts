import './register-paths';
import {
  startApiProcess,
  startTestDatabase,
  type ApiProcess,
  type TestDatabase,
} from '@returnlens/tools/testing';

declare global {
  var __RETURNLENS_TEST_DB__: TestDatabase | undefined;
  var __RETURNLENS_TEST_API__: ApiProcess | undefined;
}

/** A real PostgreSQL with the demo data, and the built API serving the built dashboard. */
export default async function globalSetup(): Promise<void> {
  const db = await startTestDatabase();
  globalThis.__RETURNLENS_TEST_DB__ = db;
  const api = await startApiProcess({ DATABASE_URL: db.url, DEMO_DATA: 'on', PORT: '3920' });
  globalThis.__RETURNLENS_TEST_API__ = api;
  process.env['RETURNLENS_TEST_BASE_URL'] = api.baseUrl;
  console.log(
    `\nBrowser tests against ${api.baseUrl} (demo data on ${db.external ? 'TEST_DATABASE_URL' : 'an embedded PostgreSQL'})\n`,
  );
}
