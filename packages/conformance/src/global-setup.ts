import { ensureTls } from "@boxafe-connect/sandbox";

/** The sandbox CA and bundle exist before any worker starts, so workers can trust them. */
export default async function setup(): Promise<void> {
  await ensureTls(process.env.BOXAFE_SANDBOX_HOME);
}
