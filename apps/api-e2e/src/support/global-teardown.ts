export default async function globalTeardown(): Promise<void> {
  await globalThis.__RETURNLENS_TEST_DB__?.stop();
}
