/**
 * The verify effect in the browser. Consent is proven by reading it back with the admin's own
 * token (consent-readback.ts). The token proof (the new secret really gets tokens with those
 * roles) runs through this deployment's API when it has one (`verifyApi`), since Entra refuses
 * client-credentials redemption from a browser for a non-SPA client (AADSTS9002326); otherwise
 * the page says how to run it with `boxafe-connect verify`. The page never redeems a secret itself.
 */
import type { CloudEndpoints, GraphPort, Permission, VerificationReport } from "@boxafe-connect/core";
import {
  DEFAULT_VERIFY_DEADLINE_SECONDS,
  isCoreError,
  PROOF_THROTTLE_DEADLINE_SECONDS,
  proofNotRun,
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
  /** The secret this page made, if it made one. */
  readonly secretText: string | undefined;
  /** A certificate was made for Boxafe 1.5 in this page: the proof is the CLI's, with its file. */
  readonly certificateMade?: boolean;
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

export async function verifyApp(
  input: VerifyAppInput,
): Promise<{ readonly data: VerifyData; readonly outcome: VerificationReport }> {
  const { secretText, tenantId } = input;
  const consent = await consentReadBack({
    graph: input.graph,
    appId: input.appId,
    permissions: input.permissions,
    deadlineMs: CONSENT_DEADLINE_MS,
    progress: input.progress,
  });
  const cli = cliVerifyCommand(tenantId, input.appId);
  if (secretText === undefined || input.verifyApi === undefined) {
    const data: VerifyData = {
      ...toVerifyData(consent),
      note: input.certificateMade
        ? `Consent read back from Entra with your account: ${verifySummary(consent)}. This page does not ask for app tokens, and the certificate's private key is only in your downloads: prove it where the PFX is with boxafe-connect verify --tenant ${tenantId} --app-id ${input.appId} --certificate-file <the PEM>`
        : secretText === undefined
          ? `Consent read back from Entra with your account: ${verifySummary(consent)}. This page did not make the app's secret, so prove it with tokens where the secret is: ${cli}`
          : `Consent read back from Entra with your account: ${verifySummary(consent)}. To prove the new secret with the app's own tokens, run: ${cli}`,
    };
    // Consent was read back, but no app token was asked for: the token proof did not run (never complete).
    // A certificate made in this page is held here, not elsewhere: what is missing is a service that
    // asks for its tokens (the page never redeems a credential itself).
    const reason = input.certificateMade
      ? "no-token-service"
      : secretText === undefined
        ? "secret-held-elsewhere"
        : "no-token-service";
    // Consent still pending is retried first (verify-incomplete); once it is all there, on to the hand-over.
    if (!consent.complete) return { data, outcome: consent };
    const notRun = proofNotRun(reason);
    return { data: { ...data, complete: false, notRun }, outcome: { ...consent, complete: false, notRun } };
  }
  const tokens = await proveWaitingOutThrottling(() =>
    proveTokensViaApi(input.verifyApi ?? "", {
      tenantId,
      clientId: input.appId,
      clientSecret: secretText,
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
