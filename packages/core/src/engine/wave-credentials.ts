/**
 * Wave 2: our service principal and the credentials (addPassword with loss recovery, certificate by
 * keyCredentials PATCH, removal of expired secrets), all in one batch. A new credential's pending
 * hand-over mark (the app's tags) is written in the same batch, and the credential `dependsOn` it: Graph
 * runs a batch's sub-requests in no order without dependsOn (learn.microsoft.com/graph/json-batching), and
 * a credential that exists before its mark could be left behind unrecognised as unheld.
 */
import { CoreError } from "../errors.js";
import { type GraphDeps, type RetryBudget, type RunRequest, runRequests } from "../graph/batch-runner.js";
import type { KeyCredential, ObservedTenant, Plan } from "../tenant/model.js";
import { addCertificateRequest, keysWithMaterial } from "./add-certificate.js";
import {
  addPasswordRequest,
  type NewSecret,
  type PasswordAttempt,
  readNewSecret,
  recoverLostPassword,
} from "./add-password.js";
import { type ApplyState, bodyOf, byType, readId } from "./apply-state.js";
import { obj, s } from "./graph-shapes.js";
import { CREATE_IF_MISSING, servicePrincipalByAppId } from "./paths.js";

export interface WaveTwoResult {
  secret?: NewSecret;
  certificateKeyId?: string;
  passwordLost: boolean;
}

export async function waveTwo(
  deps: GraphDeps,
  plan: Plan,
  observed: ObservedTenant,
  state: ApplyState,
  budget: RetryBudget,
  attempt: PasswordAttempt | undefined,
  certificateKeyId: string,
  /** The app's tags with this run's pending marks, written before any new credential. */
  tags?: readonly string[],
  /** The app's keys when wave 1 saw the app afresh (see SeenApp); else the observed ones. */
  seenKeys?: readonly KeyCredential[],
): Promise<WaveTwoResult> {
  const out: WaveTwoResult = { passwordLost: false };
  const app = state.app;
  if (app === undefined)
    throw new CoreError("not_found", "The application is missing; re-run the setup to register it.");
  const requests: RunRequest[] = [];
  if (tags !== undefined) {
    requests.push({
      id: "pending",
      method: "PATCH",
      url: `/applications/${app.id}`,
      body: { tags },
      lagOn404: true,
    });
  }
  const afterMark = tags === undefined ? {} : { dependsOn: ["pending"] };
  const upsertSp = byType(plan, "upsert-service-principal").length > 0;
  if (upsertSp) {
    requests.push({
      id: "sp",
      method: "PATCH",
      url: servicePrincipalByAppId(app.appId),
      headers: CREATE_IF_MISSING,
      // The SP takes its name from the app; the key is in the URL.
      body: {},
      lagOn404: true,
    });
  }
  if (attempt !== undefined) requests.push({ ...addPasswordRequest(attempt, 0), ...afterMark });
  const certificate = byType(plan, "add-certificate")[0];
  if (certificate !== undefined) {
    const known = seenKeys ?? observed.application?.keyCredentials ?? [];
    const existing = await keysWithMaterial(deps, app.id, known, budget);
    out.certificateKeyId = certificateKeyId;
    requests.push({
      ...addCertificateRequest(app.id, existing, certificate, out.certificateKeyId),
      ...afterMark,
    });
  }
  byType(plan, "remove-password").forEach((r, i) => {
    requests.push({
      id: `remove-password-${i}`,
      method: "POST",
      url: `/applications/${app.id}/removePassword`,
      body: { keyId: r.keyId },
      absentOk: true,
    });
  });
  if (requests.length === 0) return out;
  deps.progress?.({
    phase: "apply",
    message: "Creating the service principal and credentials",
    done: 1,
    total: 3,
  });
  const results = await runRequests(deps, requests, budget, { keepGoing: true });
  // Every other request ran to its end; the caller withdraws a secret added beside the failure.
  const failed = [...results.values()].find((r) => r.kind === "failed");
  if (failed?.kind === "failed") throw failed.error;
  if (upsertSp) {
    const created = s(obj(bodyOf(results, "sp")).id);
    state.spId =
      created !== "" ? created : (await readId(deps, servicePrincipalByAppId(app.appId), budget)).id;
  }
  if (attempt !== undefined) {
    const result = results.get("add-password");
    if (result?.kind === "ok") out.secret = readNewSecret(result.response.body);
    else {
      out.passwordLost = true;
      out.secret = await recoverLostPassword(deps, attempt, 0, budget);
    }
  }
  return out;
}
