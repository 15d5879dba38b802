export default async function globalTeardown() {
  await globalThis.__WERKPAD_TEST_PG__?.stop();
}
