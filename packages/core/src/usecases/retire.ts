/**
 * retire (phase two, only when asked): prove the newest credential with a fresh token, then remove
 * the older secrets or certificates boxafe-connect made (`keep`, `olderThanDays`). Credentials made
 * by anyone else are never touched; a re-run removes nothing more.
 */
import { type RetireResult, retireCredentials } from "../engine/retire-credentials.js";
import type { RetireRequest } from "../requests/rotate-request.js";
import { appKeyOf } from "./app-key.js";
import type { Emit } from "./events.js";
import { silent } from "./events.js";
import type { AdminPorts, ProofPorts } from "./ports.js";
import { reporting } from "./prepare.js";

export interface RetirePorts extends AdminPorts, ProofPorts {
  /** The tenant the admin signed in to (the proof's token authority). */
  readonly tenantId: string;
}

export type RetireOutcome = RetireResult;

export async function retire(
  ports: RetirePorts,
  request: RetireRequest,
  emit: Emit = silent,
): Promise<RetireOutcome> {
  emit({ type: "start", task: "retire" });
  const result = await retireCredentials(
    { ...reporting(ports, emit), appToken: ports.appToken },
    {
      tenantId: ports.tenantId,
      appKey: appKeyOf(request),
      cloud: ports.cloud,
      proof: request.proof,
      ...(request.proofThumbprint === undefined ? {} : { proofThumbprint: request.proofThumbprint }),
      keep: request.keep,
      ...(request.olderThanDays === undefined ? {} : { olderThanDays: request.olderThanDays }),
    },
  );
  emit({ type: "done", task: "retire", detail: String(result.removedKeyIds.length) });
  return result;
}
