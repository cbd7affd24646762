/**
 * certificate rotate: how a NAS keeps its own credential alive with nobody signing in. With the
 * app's own token (client credentials with the current certificate; no admin, no permission):
 *   1. make a new key pair and hand it over first (`keep`: the adapter writes it where Boxafe / the
 *      admin keeps it) - before the tenant knows it, so a crash can never leave a key nobody holds;
 *   2. addKey with a proof signed by the current certificate;
 *   3. prove the new certificate with a fresh token (Entra takes a while to accept it).
 * The current certificate stays: it is retired later (removeKey with a proof by the new one).
 * A lost or 5xx answer to addKey is "maybe committed": the new certificate is proven instead of
 * being sent again; if it never works, the run stops and says to re-run.
 */
import { certificateRequestFor } from "../credentials/certificate-option.js";
import { certificateDisplayName } from "../defaults.js";
import { addKey, type ProofSigner, removeKey } from "../engine/key-rollover.js";
import { graphAudience, proveCredential } from "../engine/prove-credential.js";
import { CoreError } from "../errors.js";
import type { GraphPort } from "../graph/port.js";
import type { RuntimePorts } from "../ports.js";
import type { CertificateRotateRequest } from "../requests/certificate-request.js";
import type { ClientCredential } from "../verify/port.js";
import type { Emit } from "./events.js";
import { silent } from "./events.js";
import type { CertificateMaker, MadeCertificate, ProofPorts } from "./ports.js";

export interface CertificateRotatePorts<C extends MadeCertificate> extends RuntimePorts, ProofPorts {
  /** Graph as the app itself (its client-credentials token from the current certificate). */
  readonly graph: GraphPort;
  /** Signs proofs with the current certificate. */
  readonly currentSigner: ProofSigner;
  /** Signs proofs with a newly made certificate (to retire the old one later). */
  readonly signerFor: (made: C) => ProofSigner;
  readonly certificates: CertificateMaker<C>;
  /** Hands the new key pair over (writes it) before the tenant changes; throw to stop the run. */
  readonly keep: (made: C) => Promise<void>;
  /**
   * The current certificate as a credential: when given, it must get one token before a new key
   * pair is made and kept, so a wrong file (another app's, removed, expired) stops the run with
   * nothing written. Without this check the new files were written first and then the sign-in
   * failed, leaving a key on no app in files that blocked the next run's names.
   */
  readonly current?: ClientCredential;
  /**
   * Called once addKey answered (keyId) or its answer was lost (undefined), before the proof: a
   * fleet records the keyId at once, so a run killed while proving leaves a certificate it can name.
   */
  readonly added?: (made: C, keyId: string | undefined) => Promise<void>;
}

export interface CertificateRotateOutcome<C extends MadeCertificate> {
  readonly appId: string;
  readonly certificate: C;
  /** The new key's id from addKey (undefined when its answer was lost but the key was proven). */
  readonly keyId: string | undefined;
}

export async function rotateCertificate<C extends MadeCertificate>(
  ports: CertificateRotatePorts<C>,
  request: CertificateRotateRequest,
  emit: Emit = silent,
): Promise<CertificateRotateOutcome<C>> {
  const subject = request.subject ?? "QNAP Boxafe";
  if (ports.current) {
    // No retry: the current certificate has worked for a while; "not yet" does not apply to it.
    await ports.appToken.acquire({
      tenantId: request.tenantId,
      clientId: request.appId,
      credential: ports.current,
      resource: graphAudience(ports.cloud),
    });
  }
  emit({ type: "start", task: "make-certificate" });
  const made = await ports.certificates.make(certificateRequestFor(subject, request.certificateDays));
  emit({ type: "done", task: "make-certificate", detail: made.thumbprint });
  await ports.keep(made);
  emit({
    type: "credential",
    clientId: request.appId,
    tenantId: request.tenantId,
    certificate: { thumbprint: made.thumbprint, notAfter: made.notAfter },
  });
  emit({ type: "start", task: "rotate" });
  const added = await addKey(
    ports,
    request.applicationObjectId,
    { derBase64: made.derBase64, displayName: certificateDisplayName(subject) },
    ports.currentSigner,
  );
  await ports.added?.(made, added.kind === "added" ? added.keyId : undefined);
  const works = await proveCredential(ports, {
    tenantId: request.tenantId,
    clientId: request.appId,
    credential: {
      kind: "certificate",
      certificatePem: made.certificatePem,
      privateKeyPem: made.privateKeyPem,
    },
    cloud: ports.cloud,
  });
  if (!works) {
    throw new CoreError(
      added.kind === "lost" ? "unreachable" : "unsafe_operation",
      added.kind === "lost"
        ? "The answer to adding the new certificate was lost and it does not sign in yet. Keep the current certificate in use and re-run later; the new key pair is saved, nothing is lost."
        : "The new certificate was added but does not sign in yet. Keep the current one in use and run 'verify' with the new one later.",
    );
  }
  emit({ type: "done", task: "rotate", detail: made.thumbprint });
  return { appId: request.appId, certificate: made, keyId: added.kind === "added" ? added.keyId : undefined };
}

/** Retires an old certificate with a proof signed by a current one (after a rotation: the new). */
export async function retireCertificateSelf(
  ports: RuntimePorts & { readonly graph: GraphPort },
  request: { readonly applicationObjectId: string; readonly keyId: string },
  signer: ProofSigner,
): Promise<void> {
  await removeKey(ports, request.applicationObjectId, request.keyId, signer);
}
