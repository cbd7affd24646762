import { ensureTls } from "../tls.js";

/** Generates (or reuses) the test CA and bundle before workers start, so they can trust it. */
export default async function setup(): Promise<void> {
  const started = performance.now();
  await ensureTls(process.env.BOXAFE_SANDBOX_HOME);
  console.log(`sandbox test CA ready in ${Math.round(performance.now() - started)} ms`);
}
