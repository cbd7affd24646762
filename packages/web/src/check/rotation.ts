/**
 * Two-phase rotation from the check-and-repair view, over core's use cases (the CLI's `secret
 * rotate` / `secret retire` run the same): phase one adds a new credential, proves it and hands it
 * over while every old one keeps working; phase two, only when the admin says Boxafe holds the new
 * one, proves it again and lets core remove the older ones boxafe-connect made. The page never
 * decides which credentials go: core's retire does.
 *
 * - Boxafe 1.4: core's `rotate` (new marked secret, proven with a Graph token through this page's
 *   verification service, api-app-token.ts, then handed over).
 * - Boxafe 1.5: core's `addCertificate` with a key pair made here (@boxafe-connect/certs on
 *   WebCrypto, random PFX password); the key pair reaches the page (downloads) before anything after
 *   the write can fail, and its pending mark is cleared once it is on screen.
 */
import type {
  AdminPorts,
  BoxafeVersion,
  CloudEndpoints,
  RetireOutcome,
  UseCaseEvent,
} from "@boxafe-connect/core";
import {
  addCertificate,
  CoreError,
  certificateUseCaseRequestSchema,
  handedOver,
  parseRequest,
  retire,
  retireRequestSchema,
  rotate,
  rotateRequestSchema,
} from "@boxafe-connect/core";
import type { PageCertificate } from "../wizard/boxafe-certificate.js";
import { pageCertificateMaker } from "../wizard/boxafe-certificate.js";
import { apiAppTokenPort } from "./api-app-token.js";

export interface RotationContext {
  readonly admin: AdminPorts;
  readonly cloud: CloudEndpoints;
  /** Same-origin path of the deployment's /v1/verify; without it a secret cannot be proven here. */
  readonly verifyApi: string | undefined;
  readonly tenantId: string;
  readonly appId: string;
  readonly crypto: Crypto;
}

/** The new credential, whole: in this page's memory only (the hand-over card and the retire proof). */
export type Rotated =
  | {
      readonly kind: "secret";
      readonly text: string;
      readonly keyId: string;
      readonly expiresOn: string;
    }
  | { readonly kind: "certificate"; readonly certificate: PageCertificate };

function needVerifyApi(context: RotationContext, what: string): string {
  if (context.verifyApi === undefined) {
    throw new CoreError(
      "invalid_input",
      `This page has no verification service, so it cannot prove ${what} with a token. Run boxafe-connect secret rotate (or secret retire) instead.`,
      { field: "verifyApi" },
    );
  }
  return context.verifyApi;
}

/**
 * Phase one. `onCredential` gets the new credential the moment core hands it over (before the
 * pending mark is cleared), so the page shows it before anything else can fail.
 */
export async function rotateInPage(
  context: RotationContext,
  version: BoxafeVersion,
  onCredential: (rotated: Rotated) => void,
): Promise<Rotated> {
  if (version === "1.4") {
    const verifyApi = needVerifyApi(context, "a new secret");
    let shown: Rotated | undefined;
    const outcome = await rotate(
      {
        ...context.admin,
        appToken: apiAppTokenPort(verifyApi),
        cloud: context.cloud,
        tenantId: context.tenantId,
      },
      parseRequest(rotateRequestSchema, { appId: context.appId }),
      (event: UseCaseEvent) => {
        if (event.type === "credential" && event.secret) {
          shown = {
            kind: "secret",
            text: event.secret.secretText,
            keyId: event.secret.keyId,
            expiresOn: event.secret.endDateTime,
          };
          onCredential(shown);
        }
      },
    );
    return (
      shown ?? {
        kind: "secret",
        text: outcome.secret.secretText,
        keyId: outcome.secret.keyId,
        expiresOn: outcome.secret.endDateTime,
      }
    );
  }
  const make = pageCertificateMaker(context.crypto);
  let shown: Rotated | undefined;
  const outcome = await addCertificate<PageCertificate>(
    {
      ...context.admin,
      // The page redeems nothing itself (AADSTS9002326): the new certificate's token proof is the CLI's.
      proof: {
        appToken: {
          acquire: async () => {
            throw new CoreError(
              "invalid_input",
              "This page does not ask for app tokens with a certificate; prove it with boxafe-connect verify --certificate-file.",
              { field: "credential" },
            );
          },
        },
        cloud: context.cloud,
      },
      certificates: { make },
      handOver: async (credential) => {
        if (credential.certificate) {
          shown = { kind: "certificate", certificate: credential.certificate };
          onCredential(shown);
        }
      },
    },
    parseRequest(certificateUseCaseRequestSchema, { appId: context.appId }),
  );
  // On screen with its downloads: that is the hand-over; the tenant stops counting it unheld.
  await handedOver(context.admin, outcome.handOver);
  return shown ?? { kind: "certificate", certificate: outcome.certificate };
}

/** Phase two: core proves `held` (the newest, which the admin put in Boxafe) and removes older ones of ours. */
export async function retireInPage(context: RotationContext, held: Rotated): Promise<RetireOutcome> {
  if (held.kind === "certificate") {
    throw new CoreError(
      "invalid_input",
      "This page cannot prove a certificate with a token yet; retire the old certificates with boxafe-connect once Boxafe holds the new one.",
      { field: "credential" },
    );
  }
  const verifyApi = needVerifyApi(context, "the new secret");
  return retire(
    {
      ...context.admin,
      appToken: apiAppTokenPort(verifyApi),
      cloud: context.cloud,
      tenantId: context.tenantId,
    },
    parseRequest(retireRequestSchema, { appId: context.appId, proof: { kind: "secret", secret: held.text } }),
  );
}
