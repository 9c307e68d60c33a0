/** Stops the harness servers global-setup.ts started. */
export default async function globalTeardown() {
  const harnesses = (globalThis as { __HARNESSES__?: Array<{ close(): Promise<void> }> }).__HARNESSES__ ?? [];
  await Promise.all(harnesses.map((h) => h.close()));
}
