/** The test database URL the global set-up started or validated. */
export function testDatabaseUrl(): string {
  const url = process.env['RETURNLENS_TEST_DB_URL'];
  if (!url)
    throw new Error('RETURNLENS_TEST_DB_URL is not set: run these tests through their jest config');
  return url;
}
