/**
 * The check view's rotation in the signed-in half of the page: runs phase one (rotation.ts), proves
 * the new credential as the setup flow does (consent read back with the admin's token, the token
 * proof through the same-origin verification service: ../wizard/verify-app.ts), and keeps the new
 * credential in memory for phase two. Nothing of it is saved; a reload forgets it (the page warns).
 */
import type {
  AdminPorts,
  BoxafeVersion,
  CloudEndpoints,
  GraphPort,
  RetireOutcome,
} from "@boxafe-connect/core";
import { CoreError } from "@boxafe-connect/core";
import type { VerifyData } from "../wizard/driver-types.js";
import type { Reviewed } from "../wizard/review-tenant.js";
import { verifyApp } from "../wizard/verify-app.js";
import { type Rotated, retireInPage, rotateInPage } from "./rotation.js";

export interface RotationScope {
  readonly admin: AdminPorts;
  readonly graph: GraphPort;
  readonly cloud: CloudEndpoints;
  readonly verifyApi: string | undefined;
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
  /** Phase two, with the credential phase one made in this page. */
  retire(): Promise<RetireOutcome>;
}

export function rotationSession(scope: () => RotationScope): RotationActions {
  let held: { readonly appId: string; readonly rotated: Rotated } | undefined;
  const contextOf = (s: RotationScope) => {
    const appId = s.reviewed.observed.application?.appId;
    if (appId === undefined) throw new CoreError("invalid_transition", "Check an app first.");
    return {
      admin: s.admin,
      cloud: s.cloud,
      verifyApi: s.verifyApi,
      tenantId: s.reviewed.observed.organization.id,
      appId,
      crypto: s.crypto,
    };
  };
  return {
    async rotate(version, onCredential) {
      const s = scope();
      const context = contextOf(s);
      const rotated = await rotateInPage(context, version, (r) => {
        held = { appId: context.appId, rotated: r };
        onCredential(r);
      });
      held = { appId: context.appId, rotated };
      const { data } = await verifyApp({
        graph: s.graph,
        cloud: s.cloud,
        reviewed: s.reviewed,
        appId: context.appId,
        secretText: rotated.kind === "secret" ? rotated.text : undefined,
        certificateMade: rotated.kind === "certificate",
        verifyApi: s.verifyApi,
        progress: () => undefined,
      });
      return { rotated, verify: data };
    },
    async retire() {
      const context = contextOf(scope());
      if (held === undefined || held.appId !== context.appId) {
        throw new CoreError(
          "invalid_transition",
          "Rotate first: the page retires old credentials only with the new one it made in this session.",
        );
      }
      return retireInPage(context, held.rotated);
    },
  };
}
