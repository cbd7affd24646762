/**
 * certificate retire: phase two of a self-rotation, with nobody signing in. The newest
 * certificate (the one Boxafe now holds) first proves itself with a fresh client-assertion token;
 * only then do the older certificates boxafe-connect made go, each through Graph removeKey with a
 * proof of possession signed by the newest (learn.microsoft.com/graph/api/application-removekey:
 * the proof must come from an existing valid key of the app). The app cannot read its own
 * registration, so the candidates are what boxafe-connect recorded (`request.keys`); which of them
 * go is the same rule as `secret retire` (planRetirement). A removeKey whose answer was lost is
 * sent again: a key already gone is success, so a re-run converges.
 */
import { certificateKeyId } from "../credentials/certificate-key-id.js";
import { planRetirement } from "../credentials/retire-selection.js";
import { type ProofSigner, removeKey } from "../engine/key-rollover.js";
import { proveCredential } from "../engine/prove-credential.js";
import { CoreError } from "../errors.js";
import type { GraphPort } from "../graph/port.js";
import type { RuntimePorts } from "../ports.js";
import type { CertificateRetireRequest } from "../requests/certificate-request.js";
import type { Emit } from "./events.js";
import { silent } from "./events.js";
import type { ProofPorts } from "./ports.js";

const DAY_MS = 86_400_000;

export interface CertificateRetirePorts extends RuntimePorts, ProofPorts {
  /** Graph as the app itself (its token from the newest certificate), never an admin's. */
  readonly graph: GraphPort;
  /** The newest certificate and its key: the fresh token proves it before anything goes. */
  readonly newest: { readonly certificatePem: string; readonly privateKeyPem: string };
  /** Signs removeKey's proofs with the newest certificate. */
  readonly newestSigner: ProofSigner;
}

export interface CertificateRetireOutcome {
  readonly appId: string;
  readonly provenThumbprint: string;
  readonly keptKeyIds: readonly string[];
  readonly removedKeyIds: readonly string[];
}

const sameThumbprint = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();

export async function retireCertificatesSelf(
  ports: CertificateRetirePorts,
  request: CertificateRetireRequest,
  emit: Emit = silent,
): Promise<CertificateRetireOutcome> {
  emit({ type: "start", task: "retire" });
  const recorded = request.keys.find((k) => sameThumbprint(k.thumbprint, request.newestThumbprint));
  const proven = {
    keyId: recorded?.keyId ?? certificateKeyId(request.newestThumbprint),
    startDateTime: request.newestStart,
  };
  const candidates = request.keys
    .filter((k) => !sameThumbprint(k.thumbprint, request.newestThumbprint))
    .map((k) => ({ keyId: k.keyId, startDateTime: k.startDateTime, unheld: false }));
  const selection = planRetirement(candidates, proven, {
    keep: request.keep,
    cutoffMs:
      request.olderThanDays === undefined
        ? Number.POSITIVE_INFINITY
        : ports.clock.now() - request.olderThanDays * DAY_MS,
  });
  if (selection.kind === "newer-exists") {
    throw new CoreError(
      "unsafe_operation",
      `A newer certificate (keyId ${selection.newer.keyId}, from ${selection.newer.startDateTime.slice(0, 10)}) was made after this one: give that one as the newest. Nothing was removed.`,
      { field: "certificateFile" },
    );
  }
  const works = await proveCredential(ports, {
    tenantId: request.tenantId,
    clientId: request.appId,
    credential: { kind: "certificate", ...ports.newest },
    cloud: ports.cloud,
  });
  if (!works) {
    throw new CoreError(
      "unsafe_operation",
      "The newest certificate did not get a token, so nothing was removed. Check it is the one Boxafe holds (or wait for it to replicate) and run retire again.",
      { field: "certificateFile" },
    );
  }
  for (const keyId of selection.removed) {
    await removeKey(ports, request.applicationObjectId, keyId, ports.newestSigner);
  }
  emit({ type: "done", task: "retire", detail: String(selection.removed.length) });
  return {
    appId: request.appId,
    provenThumbprint: request.newestThumbprint.toUpperCase(),
    keptKeyIds: selection.kept,
    removedKeyIds: selection.removed,
  };
}
