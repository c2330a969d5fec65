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
  let api: ApiProcess | undefined;
  try {
    // The demo data brings the demo logins (owner, buyer, manager, admin; password "demo").
    // Every test signs in afresh: lift the sign-in limit of 10 a minute per address.
    api = await startApiProcess({
      DATABASE_URL: db.url,
      DEMO_DATA: 'on',
      // The demo's models are learnt while it loads, before the API answers: as `npm start`.
      TEXT_ADAPT: 'on',
      PORT: '3920',
      LOGIN_RATE_LIMIT: '1000',
      // A feedback file of more than 1,000 texts is analysed in the background
      // (background-analysis.spec.ts); the other files uploaded here are smaller.
      INGEST_INLINE_ANALYSIS_MAX: '1000',
    });
    globalThis.__RETURNLENS_TEST_API__ = api;
    process.env['RETURNLENS_TEST_BASE_URL'] = api.baseUrl;
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
