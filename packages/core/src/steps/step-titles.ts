/**
 * Step titles that follow the Boxafe version: 1.5 and later take a certificate (no secret), so the
 * credential step and the hand-over name the certificate; 1.4, or a request that names no version (its own
 * secret), keeps the guide's secret.
 */
import type { BoxafeVersion } from "../boxafe/version.js";
import { type StepId, steps } from "./steps.js";

const CERTIFICATE_TITLES: Partial<Record<StepId, string>> = {
  "create-secret": "Create the certificate",
  "hand-over": "Hand the IDs and certificate to Boxafe",
};

export function stepTitle(id: StepId, boxafe?: BoxafeVersion): string {
  const title = steps.find((s) => s.id === id)?.title ?? id;
  return boxafe === "1.5" ? (CERTIFICATE_TITLES[id] ?? title) : title;
}
