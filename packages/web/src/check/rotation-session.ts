/**
 * The check view's rotation in the signed-in half of the page: runs phase one (rotation.ts), proves
 * the new credential as the setup flow does (consent read back with the admin's token, the token
 * proof through the same-origin verification service: ../wizard/verify-app.ts), and keeps the new
 * credential in memory for phase two. Nothing of it is saved; a reload forgets it (the page warns),
 * and until the admin has it (`held`) its pending mark stays, so the next check counts it unheld.
 */
import type {
  AdminPorts,
  BoxafeVersion,
  CloudEndpoints,
  GraphPort,
  PendingHandOver,
  RetireOutcome,
} from "@boxafe-connect/core";
import { CoreError, sharePointNameOf } from "@boxafe-connect/core";
import { browserPorts } from "../platform.js";
import type { VerifyData } from "../wizard/driver-types.js";
import type { Reviewed } from "../wizard/review-tenant.js";
import { verifyApp } from "../wizard/verify-app.js";
import { proveViaApi } from "../workloads/prove-client.js";
import type { ProofServices } from "./api-app-token.js";
import { confirmHeld, type Rotated, retireInPage, rotatedCredential, rotateInPage } from "./rotation.js";

export interface RotationScope {
  readonly admin: AdminPorts;
  readonly graph: GraphPort;
  readonly cloud: CloudEndpoints;
  readonly services: ProofServices;
  /** The check's read of the tenant: the app, its tenant and the permissions to read back. */
  readonly reviewed: Reviewed;
  readonly crypto: Crypto;
}

export interface RotationResult {
  readonly rotated: Rotated;
  readonly verify: VerifyData;
}

export interface RotationActions {
  /** Phase one: `onCredential` shows the new credential as soon as it exists. */
  rotate(version: BoxafeVersion, onCredential: (rotated: Rotated) => void): Promise<RotationResult>;
  /**
   * The admin has the new credential (copied the secret, downloaded the key, or says it is in Boxafe):
   * its pending mark is cleared. Idempotent; asked before phase one has finished, it is done as soon as
   * the mark is known.
   */
  rotationHeld(): Promise<void>;
  /** Phase two, with the credential phase one made in this page. */
  retire(): Promise<RetireOutcome>;
}

const PROVE_WITHIN_MS = 90_000;
const PROVE_AGAIN_MS = 3_000;

/**
 * The new certificate proven by real calls as the app (assertions signed here, the key never sent),
 * asked again while Entra has not yet accepted it; the words for the card.
 */
async function proveCertificate(
  s: RotationScope,
  context: { readonly tenantId: string; readonly appId: string },
  rotated: Extract<Rotated, { kind: "certificate" }>,
): Promise<string> {
  const prove = s.services.prove;
  if (prove === undefined)
    return "Prove the new certificate with boxafe-connect verify --certificate-file <the PEM>.";
  const sharePointTenant = sharePointNameOf(s.reviewed.observed);
  const started = browserPorts.clock.now();
  for (;;) {
    const result = await proveViaApi(
      prove,
      { tenantId: context.tenantId, clientId: context.appId, sharePointTenant, ewsAllowed: false },
      {
        kind: "certificate",
        privateKeyPem: rotated.certificate.privateKeyPem,
        derBase64: rotated.certificate.derBase64,
      },
    );
    const works = result.graph.state === "works";
    if (works || browserPorts.clock.now() - started + PROVE_AGAIN_MS > PROVE_WITHIN_MS) {
      const sharePoint = result.sharepoint.state === "works" ? "works" : `is ${result.sharepoint.state}`;
      return works
        ? `Proven with the new certificate by real calls as the app: Microsoft Graph works, SharePoint ${sharePoint}.`
        : `The new certificate does not get a Microsoft Graph token yet (${result.graph.why ?? result.graph.state}). Keep the old credential in Boxafe and check again later.`;
    }
    await browserPorts.sleep(PROVE_AGAIN_MS);
  }
}

export function rotationSession(scope: () => RotationScope): RotationActions {
  let held: { readonly appId: string; readonly rotated: Rotated } | undefined;
  // The new credential's pending mark, and whether the admin has it yet.
  let pending: PendingHandOver | undefined;
  let wanted = false;
  let confirming: Promise<void> | undefined;
  const confirm = (s: RotationScope): Promise<void> => {
    wanted = true;
    if (pending === undefined) return Promise.resolve();
    const mark = pending;
    confirming ??= confirmHeld(contextOf(s), mark).then(
      () => {
        if (pending === mark) pending = undefined;
        confirming = undefined;
      },
      (error: unknown) => {
        // Still marked: the next copy, download or tick asks again.
        confirming = undefined;
        throw error;
      },
    );
    return confirming;
  };
  const contextOf = (s: RotationScope) => {
    const appId = s.reviewed.observed.application?.appId;
    if (appId === undefined) throw new CoreError("invalid_transition", "Check an app first.");
    return {
      admin: s.admin,
      cloud: s.cloud,
      services: s.services,
      tenantId: s.reviewed.observed.organization.id,
      appId,
      crypto: s.crypto,
    };
  };
  return {
    async rotate(version, onCredential) {
      const s = scope();
      const context = contextOf(s);
      pending = undefined;
      wanted = false;
      const made = await rotateInPage(context, version, (r) => {
        held = { appId: context.appId, rotated: r };
        onCredential(r);
      });
      const { rotated } = made;
      held = { appId: context.appId, rotated };
      pending = made.pending;
      // Copied or downloaded while core was still writing: the admin has it, clear the mark now.
      if (wanted) await confirm(s);
      const sharePoint = sharePointNameOf(s.reviewed.observed);
      const { data } = await verifyApp({
        graph: s.graph,
        cloud: s.cloud,
        tenantId: s.reviewed.observed.organization.id,
        permissions: s.reviewed.permissions,
        ...(sharePoint ? { sharePointTenant: sharePoint } : {}),
        appId: context.appId,
        credential: rotatedCredential(rotated),
        verifyApi: s.services.verifyApi,
        progress: () => undefined,
      });
      if (rotated.kind === "secret") return { rotated, verify: data };
      return { rotated, verify: { ...data, note: await proveCertificate(s, context, rotated) } };
    },
    rotationHeld() {
      return confirm(scope());
    },
    async retire() {
      const s = scope();
      const context = contextOf(s);
      if (held === undefined || held.appId !== context.appId) {
        throw new CoreError(
          "invalid_transition",
          "Rotate first: the page retires old credentials only with the new one it made in this session.",
        );
      }
      // Boxafe holds it (the admin said so to get here): never retire while the new one still counts unheld.
      await confirm(s);
      return retireInPage(context, held.rotated);
    },
  };
}
