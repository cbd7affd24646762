/**
 * Two-phase rotation from the check-and-repair view, over core's use cases (the CLI's `secret
 * rotate` / `secret retire` run the same): phase one adds a new credential, proves it and hands it
 * over while every old one keeps working; phase two, only when the admin says Boxafe holds the new
 * one, proves it again and lets core remove the older ones boxafe-connect made. The page never
 * decides which credentials go: core's retire does.
 *
 * - Boxafe 1.4: core's `rotate` (new marked secret, proven with a Graph token through this page's
 *   verification service, api-app-token.ts, then shown).
 * - Boxafe 1.5: core's `addCertificate` with a key pair made here (@boxafe-connect/certs on
 *   WebCrypto, random PFX password); the key pair reaches the page (downloads) before anything after
 *   the write can fail.
 *
 * Shown is not held: the value lives only in this page's memory and a reload loses it. So, as setup's
 * hand-over does, the pending mark stays until the admin has it (copies the secret, downloads the key,
 * or says it is in Boxafe: `confirmHeld`); a reload before that leaves the tenant counting it unheld.
 */
import type {
  AdminPorts,
  BoxafeVersion,
  ClientCredential,
  CloudEndpoints,
  PendingHandOver,
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
import { apiAppTokenPort, type ProofServices } from "./api-app-token.js";

export interface RotationContext {
  readonly admin: AdminPorts;
  readonly cloud: CloudEndpoints;
  /** The deployment's same-origin proof services; without them nothing can be proven (or retired) here. */
  readonly services: ProofServices;
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

/** The rotated credential in core's terms (what the proofs take): the same value, another shape. */
export function rotatedCredential(rotated: Rotated): ClientCredential {
  return rotated.kind === "secret"
    ? { kind: "secret", secret: rotated.text }
    : {
        kind: "certificate",
        certificatePem: rotated.certificate.certificatePem,
        privateKeyPem: rotated.certificate.privateKeyPem,
      };
}

/** Checked before anything is written: a credential this page cannot prove is not made here. */
function needService(context: RotationContext, kind: Rotated["kind"]): void {
  const missing =
    kind === "secret" ? context.services.verifyApi === undefined : context.services.prove === undefined;
  if (missing) {
    throw new CoreError(
      "invalid_input",
      `This page has no verification service, so it cannot prove a new ${kind} with a token. Run boxafe-connect ${kind === "secret" ? "secret rotate" : "sharepoint --certificate"} instead.`,
      { field: kind === "secret" ? "verifyApi" : "proveApi" },
    );
  }
}

/** Phase one's result: the new credential and its pending mark (cleared by `confirmHeld`). */
export interface RotatedInPage {
  readonly rotated: Rotated;
  readonly pending?: PendingHandOver;
}

/**
 * Phase one. `onCredential` gets the new credential the moment it exists, so the page shows it before
 * anything else can fail; its pending mark stays (see `confirmHeld`).
 */
export async function rotateInPage(
  context: RotationContext,
  version: BoxafeVersion,
  onCredential: (rotated: Rotated) => void,
): Promise<RotatedInPage> {
  needService(context, version === "1.4" ? "secret" : "certificate");
  if (version === "1.4") {
    let shown: Rotated | undefined;
    const outcome = await rotate(
      {
        ...context.admin,
        appToken: apiAppTokenPort(context.services),
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
      // The card showing it is not the admin having it: the page confirms later (confirmHeld).
      { handOver: "caller" },
    );
    const rotated: Rotated = shown ?? {
      kind: "secret",
      text: outcome.secret.secretText,
      keyId: outcome.secret.keyId,
      expiresOn: outcome.secret.endDateTime,
    };
    return { rotated, ...(outcome.handOver ? { pending: outcome.handOver } : {}) };
  }
  const certificates = pageCertificateMaker(context.crypto);
  let shown: Rotated | undefined;
  const outcome = await addCertificate<PageCertificate>(
    {
      ...context.admin,
      // Core's proof here reads token roles, which the page never sees (AADSTS9002326: it redeems
      // nothing itself); rotation-session.ts proves the certificate by real calls through /v1/prove.
      proof: {
        appToken: {
          acquire: async () => {
            throw new CoreError(
              "invalid_input",
              "This page does not read app tokens; the new certificate is proven through the proof service.",
              { field: "credential" },
            );
          },
        },
        cloud: context.cloud,
      },
      certificates,
      handOver: async (credential) => {
        if (credential.certificate) {
          shown = { kind: "certificate", certificate: credential.certificate };
          onCredential(shown);
        }
      },
    },
    parseRequest(certificateUseCaseRequestSchema, { appId: context.appId }),
  );
  // On screen with its downloads, not yet downloaded: the mark stays until confirmHeld.
  return {
    rotated: shown ?? { kind: "certificate", certificate: outcome.certificate },
    ...(outcome.handOver ? { pending: outcome.handOver } : {}),
  };
}

/** The admin has the new credential (copied, downloaded, or in Boxafe): core clears its pending mark. */
export async function confirmHeld(
  context: RotationContext,
  pending: PendingHandOver | undefined,
): Promise<void> {
  await handedOver(context.admin, pending);
}

/** Phase two: core proves `held` (the newest, which the admin put in Boxafe) and removes older ones of ours. */
export async function retireInPage(context: RotationContext, held: Rotated): Promise<RetireOutcome> {
  needService(context, held.kind);
  const proof =
    held.kind === "secret"
      ? { proof: { kind: "secret", secret: held.text } }
      : {
          proof: {
            kind: "certificate",
            certificatePem: held.certificate.certificatePem,
            privateKeyPem: held.certificate.privateKeyPem,
          },
          proofThumbprint: held.certificate.thumbprint,
        };
  return retire(
    {
      ...context.admin,
      appToken: apiAppTokenPort(context.services),
      cloud: context.cloud,
      tenantId: context.tenantId,
    },
    parseRequest(retireRequestSchema, { appId: context.appId, ...proof }),
  );
}
