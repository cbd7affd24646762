/**
 * The ports a use case takes, filled by each adapter's composition root. Admin use cases act with
 * the signed-in admin's Graph port; proofs need an app-token port (msal-node, msal-browser or a
 * fetch client) and the cloud; a certificate needs a maker (WebCrypto in Node, browser or Worker).
 */
import type { CloudEndpoints } from "../clouds.js";
import type { CertificateRequest } from "../credentials/certificate-option.js";
import type { NewSecret } from "../engine/add-password.js";
import type { EngineDeps } from "../engine/apply.js";
import type { GraphPort } from "../graph/port.js";
import type { AppTokenPort } from "../verify/port.js";

export interface AdminPorts extends EngineDeps {
  /**
   * The admin's token carries Policy.Read.All (asked for at sign-in): observe reads the tenant's policies for
   * preflight in its own $batch, so preflight costs no round trip (preflight/policy-reads.ts).
   */
  readonly readPolicies?: boolean;
}

export interface ProofPorts {
  readonly appToken: AppTokenPort;
  readonly cloud: CloudEndpoints;
  /** A Graph port on the app's own token (reads the tenant's SharePoint name when not given). */
  readonly appGraph?: (accessToken: string) => GraphPort;
}

/** The public part core plans with plus the PEMs a proof signs with; adapters may carry more (PFX). */
export interface MadeCertificate {
  readonly derBase64: string;
  readonly thumbprint: string;
  readonly notAfter: string;
  readonly certificatePem: string;
  readonly privateKeyPem: string;
  /**
   * For a held certificate: where it came from. "given" (the admin named the file: added if the app
   * lacks it, by design) or "found" (files an earlier run wrote in the folder: never re-added once
   * the app has moved on to a newer certificate of ours, chooseCertificate). Absent: "given".
   */
  readonly heldFrom?: { readonly kind: "given" | "found"; readonly file: string };
}

export interface CertificateMaker<C extends MadeCertificate = MadeCertificate> {
  make(request: CertificateRequest): Promise<C>;
  /**
   * A certificate the admin already holds for this app (a file they gave, or the one an earlier run
   * wrote), with its private key: used instead of making a new one (chooseCertificate). `appId` is
   * the app's Application (client) ID once the tenant is read (undefined while the app is new).
   */
  held?(appId: string | undefined): Promise<C | undefined>;
}

/** A new credential, whole (the secret's text, the certificate with its private key). */
export interface NewCredential<C extends MadeCertificate = MadeCertificate> {
  readonly tenantId: string;
  readonly clientId: string;
  readonly secret?: NewSecret;
  readonly certificate?: C;
}

/**
 * Gives a new credential to the admin (stdout, a file, the page) the moment it exists. The use
 * case awaits it before anything else that can fail (the proof), so no credential is ever lost.
 */
export type HandOverPort<C extends MadeCertificate = MadeCertificate> = (
  credential: NewCredential<C>,
) => Promise<void>;
