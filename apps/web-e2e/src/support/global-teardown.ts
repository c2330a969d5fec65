export default async function globalTeardown(): Promise<void> {
  await globalThis.__RETURNLENS_TEST_API__?.stop();
  await globalThis.__RETURNLENS_TEST_DB__?.stop();
}
