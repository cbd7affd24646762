/**
 * The verify effect in the browser. Consent is proven by reading it back with the admin's own
 * token (consent-readback.ts). The token proof (the new secret really gets tokens with those
 * roles) runs through this deployment's API when it has one (`verifyApi`), since Entra refuses
 * client-credentials redemption from a browser for a non-SPA client (AADSTS9002326); otherwise
 * the page says how to run it with `boxafe-connect verify`. The page never redeems a secret itself.
 */
import type {
  ClientCredential,
  CloudEndpoints,
  GraphPort,
  Permission,
  ServiceProof,
  VerificationReport,
} from "@boxafe-connect/core";
import {
  DEFAULT_VERIFY_DEADLINE_SECONDS,
  isCoreError,
  PROOF_THROTTLE_DEADLINE_SECONDS,
  proofNotRun,
  serviceProofOf,
} from "@boxafe-connect/core";
import { browserPorts } from "../platform.js";
import { consentReadBack } from "./consent-readback.js";
import type { VerifyData } from "./driver-types.js";
import { proveTokensViaApi } from "./token-proof.js";
import { toVerifyData } from "./verify-data.js";

const CONSENT_DEADLINE_MS = DEFAULT_VERIFY_DEADLINE_SECONDS * 1000;
const TOKEN_PROOF_DEADLINE_MS = PROOF_THROTTLE_DEADLINE_SECONDS * 1000;

function verifySummary(report: VerificationReport): string {
  const granted = report.items.filter((i) => i.status === "granted").length;
  return `${granted} of ${report.items.length} permissions consented`;
}

export interface VerifyAppInput {
  readonly graph: GraphPort;
  readonly cloud: CloudEndpoints;
  readonly tenantId: string;
  readonly appId: string;
  /** The permissions the plan holds the app to. */
  readonly permissions: readonly Permission[];
  /** The tenant's SharePoint name (contoso for contoso.sharepoint.com), for SharePoint's token. */
  readonly sharePointTenant?: string;
  /** The credential core chose to prove with (undefined: none made here; core's serviceProofOf decides). */
  readonly credential: ClientCredential | undefined;
  /** Same-origin path of the deployment's /v1/verify, when it offers the token proof. */
  readonly verifyApi: string | undefined;
  readonly progress: (granted: number, total: number) => void;
}

/**
 * The API answers 429 with Entra's own Retry-After when Entra throttles (or when this tenant's
 * verifications are at their cap): wait as asked and ask again, within a deadline.
 */
async function proveWaitingOutThrottling(
  prove: () => Promise<VerificationReport>,
): Promise<VerificationReport> {
  const started = browserPorts.clock.now();
  for (;;) {
    try {
      return await prove();
    } catch (error) {
      const waitMs =
        isCoreError(error) && error.code === "throttled" ? (error.retryAfterSeconds ?? 5) * 1000 : undefined;
      if (waitMs === undefined || browserPorts.clock.now() - started + waitMs > TOKEN_PROOF_DEADLINE_MS)
        throw error;
      await browserPorts.sleep(waitMs);
    }
  }
}

export function cliVerifyCommand(tenantId: string, appId: string): string {
  return `boxafe-connect verify --tenant ${tenantId} --app-id ${appId} --client-secret-stdin`;
}

/** How the admin proves what this page did not (core's serviceProofOf says what the page holds). */
function noteFor(
  holds: Extract<ServiceProof, { run: "none" }>["holds"],
  tenantId: string,
  appId: string,
): string {
  const cli = cliVerifyCommand(tenantId, appId);
  const notes: Readonly<Record<typeof holds, string>> = {
    // A certificate made in this page is held here, not elsewhere: no service here asks for its tokens.
    certificate: `This page does not ask for app tokens, and the certificate's private key is only in your downloads: prove it where the PFX is with boxafe-connect verify --tenant ${tenantId} --app-id ${appId} --certificate-file <the PEM>`,
    nothing: `This page did not make the app's secret, so prove it with tokens where the secret is: ${cli}`,
    secret: `To prove the new secret with the app's own tokens, run: ${cli}`,
  };
  return notes[holds];
}

export async function verifyApp(
  input: VerifyAppInput,
): Promise<{ readonly data: VerifyData; readonly outcome: VerificationReport }> {
  const { tenantId } = input;
  const consent = await consentReadBack({
    graph: input.graph,
    appId: input.appId,
    permissions: input.permissions,
    deadlineMs: CONSENT_DEADLINE_MS,
    progress: input.progress,
  });
  const route = serviceProofOf(input.credential, input.verifyApi !== undefined);
  if (route.run === "none") {
    const data: VerifyData = {
      ...toVerifyData(consent),
      note: `Consent read back from Entra with your account: ${verifySummary(consent)}. ${noteFor(route.holds, tenantId, input.appId)}`,
    };
    // Consent still pending is retried first (verify-incomplete); once it is all there, on to the hand-over.
    if (!consent.complete) return { data, outcome: consent };
    // Consent was read back, but no app token was asked for: the token proof did not run (never complete).
    const notRun = proofNotRun(route.reason);
    return { data: { ...data, complete: false, notRun }, outcome: { ...consent, complete: false, notRun } };
  }
  const tokens = await proveWaitingOutThrottling(() =>
    proveTokensViaApi(input.verifyApi ?? "", {
      tenantId,
      clientId: input.appId,
      clientSecret: route.secret,
      ...(input.sharePointTenant ? { sharePointTenant: input.sharePointTenant } : {}),
    }),
  );
  const report: VerificationReport = {
    ...tokens,
    complete: consent.complete && tokens.complete,
  };
  // The verify step said beforehand that the secret passes through the service once and is kept nowhere.
  return { data: toVerifyData(report), outcome: report };
}
