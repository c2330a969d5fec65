import './register-paths';
import { startTestDatabase, type TestDatabase } from '@returnlens/tools/testing';

declare global {
  var __RETURNLENS_TEST_DB__: TestDatabase | undefined;
}

/** One real PostgreSQL for the whole run; suites reset the data they need. */
export default async function globalSetup(): Promise<void> {
  const db = await startTestDatabase();
  globalThis.__RETURNLENS_TEST_DB__ = db;
  process.env['RETURNLENS_TEST_DB_URL'] = db.url;
  console.log(
    `\nAPI end-to-end tests on ${db.external ? 'TEST_DATABASE_URL' : 'an embedded PostgreSQL'}\n`,
  );
}
