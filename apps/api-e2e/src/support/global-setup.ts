import { join } from 'node:path';
import { register } from 'tsconfig-paths';
import type { TestDatabase } from '@returnlens/tools/testing';

declare global {
  var __RETURNLENS_TEST_DB__: TestDatabase | undefined;
}

/** One real PostgreSQL for the whole run; suites reset the data they need. */
export default async function globalSetup(): Promise<void> {
  // Jest loads global set-up outside its module resolver: teach Node the workspace aliases.
  const root = join(__dirname, '../../../..');
  register({ baseUrl: root, paths: require(join(root, 'tsconfig.base.json')).compilerOptions.paths });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startTestDatabase } = require('@returnlens/tools/testing') as typeof import('@returnlens/tools/testing');
  const db = await startTestDatabase();
  globalThis.__RETURNLENS_TEST_DB__ = db;
  process.env['RETURNLENS_TEST_DB_URL'] = db.url;
  console.log(`\nAPI end-to-end tests on ${db.external ? 'TEST_DATABASE_URL' : 'an embedded PostgreSQL'}\n`);
}
