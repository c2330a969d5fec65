import { join } from 'node:path';
import { register } from 'tsconfig-paths';
import type { ApiProcess, TestDatabase } from '@returnlens/tools/testing';

declare global {
  var __RETURNLENS_TEST_DB__: TestDatabase | undefined;
  var __RETURNLENS_TEST_API__: ApiProcess | undefined;
}

/** A real PostgreSQL with the demo data, and the built API serving the built dashboard. */
export default async function globalSetup(): Promise<void> {
  // Jest loads global set-up outside its module resolver: teach Node the workspace aliases.
  const root = join(__dirname, '../../../..');
  register({ baseUrl: root, paths: require(join(root, 'tsconfig.base.json')).compilerOptions.paths });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const testing = require('@returnlens/tools/testing') as typeof import('@returnlens/tools/testing');
  const db = await testing.startTestDatabase();
  globalThis.__RETURNLENS_TEST_DB__ = db;
  const api = await testing.startApiProcess({ DATABASE_URL: db.url, DEMO_DATA: 'on', PORT: '3920' });
  globalThis.__RETURNLENS_TEST_API__ = api;
  process.env['RETURNLENS_TEST_BASE_URL'] = api.baseUrl;
  console.log(`\nBrowser tests against ${api.baseUrl} (demo data on ${db.external ? 'TEST_DATABASE_URL' : 'an embedded PostgreSQL'})\n`);
}
