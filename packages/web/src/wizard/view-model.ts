/** Pure mappings from core's wizard state (plus the session's memory) to what the views draw. */
import type { BoxafeVersion, WizardState } from "@boxafe-connect/core";
import { APPLY_STEPS, progressRail, stepTitle } from "@boxafe-connect/core";
import type { HandOverValues } from "../components/hand-over-card.js";
import type { ProgressItem } from "../components/progress-list.js";
import type { RailItem } from "../components/progress-rail.js";
import type { PageCertificate } from "./boxafe-certificate.js";
import type { SessionExtras } from "./driver-types.js";

/** Core's progress rail in the rail component's terms; titles follow the Boxafe version being set up. */
export function railItems(state: WizardState, boxafe?: BoxafeVersion): RailItem[] {
  return progressRail(state, boxafe).map((entry) => ({
    id: entry.id,
    title: entry.title,
    optional: entry.optional,
    status: entry.status === "pending" ? "todo" : entry.status,
  }));
}

/** The four apply steps with done / running / failed / waiting, while applying or after a failure. */
export function applyProgress(state: WizardState, boxafe?: BoxafeVersion): ProgressItem[] {
  const failedHere =
    state.phase === "error" && (APPLY_STEPS as readonly string[]).includes(state.error?.step ?? "");
  if (state.phase !== "applying" && !failedHere && state.applied.length === 0) return [];
  const next = APPLY_STEPS.find((step) => !state.applied.includes(step));
  return APPLY_STEPS.map((step) => ({
    id: step,
    label: stepTitle(step, boxafe),
    state: state.applied.includes(step)
      ? "done"
      : step !== next
        ? "waiting"
        : state.phase === "error"
          ? "failed"
          : "running",
  }));
}

/** The hand-over card's values; the secret only when this tab made it and still holds it. */
export function handOverValues(state: WizardState, extras: SessionExtras): HandOverValues | undefined {
  const h = state.handOver;
  if (!h) return undefined;
  const secret = extras.secret;
  const made = extras.certificate;
  return {
    clientId: h.clientId,
    tenantId: h.tenantId,
    ...(extras.boxafe ? { boxafe: extras.boxafe } : {}),
    ...(h.secret === "new" && secret ? { secret } : {}),
    ...(made ? { certificate: certificateValues(made, h.clientId) } : {}),
    ...(extras.keptCertificate ? { keptThumbprint: extras.keptCertificate.thumbprint } : {}),
  };
}

function toBase64(bytes: Uint8Array): string {
  let bin = "";
  for (const byte of bytes) bin += String.fromCharCode(byte);
  return btoa(bin);
}

/** The Boxafe 1.5 certificate as the hand-over card shows it (files, PFX password, expiry). */
export function certificateValues(
  made: PageCertificate,
  clientId: string,
): NonNullable<HandOverValues["certificate"]> {
  return {
    pem: `${made.certificatePem.trim()}\n${made.privateKeyPem.trim()}\n`,
    pfxBase64: toBase64(made.pfx),
    fileName: `boxafe-${clientId.slice(0, 8)}`,
    pfxPassword: made.pfxPassword,
    derBase64: made.derBase64,
    notAfter: made.notAfter,
  };
}
