/**
 * Phase one of a two-phase rotation: add a new marked secret, prove it with a fresh Microsoft Graph
 * token, and hand it back. The old secrets stay (Boxafe still holds one of them); `retire` removes
 * them later, once the new one is in Boxafe. The new secret is marked pending before it exists
 * (hand-over-marker.ts), so a run killed before the hand-over leaves drift, not a silent orphan.
 * If the new one cannot be proven, it is removed and nothing else changed.
 */
import type { CloudEndpoints } from "../clouds.js";
import { withPending } from "../credentials/hand-over-marker.js";
import { CoreError } from "../errors.js";
import { type GraphDeps, runRequests, startBudget } from "../graph/batch-runner.js";
import type { AppKey } from "../tenant/model.js";
import { markedSecretName } from "../tenant/secrets.js";
import type { AppTokenPort } from "../verify/port.js";
import { addPasswordRequest, type NewSecret, readNewSecret, recoverLostPassword } from "./add-password.js";
import { requireApplication } from "./find-application.js";
import { runId } from "./ids.js";
import { proveCredential } from "./prove-credential.js";
import { removePasswords } from "./remove-passwords.js";

export interface RotateDeps extends GraphDeps {
  readonly appToken: AppTokenPort;
}

export interface RotateInput {
  readonly tenantId: string;
  readonly appKey: AppKey;
  readonly endDateTime: string;
  readonly displayName?: string;
  readonly cloud: CloudEndpoints;
  /** How long a new secret may take to work (replication), default 2 min. */
  readonly proveWithinMs?: number;
}

export interface RotateResult {
  readonly appId: string;
  readonly appObjectId: string;
  readonly secret: NewSecret;
  /** The pending mark to clear once the secret is in the admin's hands (confirmHandOver). */
  readonly pendingIds: readonly string[];
}

export async function rotateSecret(deps: RotateDeps, input: RotateInput): Promise<RotateResult> {
  const budget = startBudget(deps);
  const app = await requireApplication(deps, input.appKey, budget);
  const attempt = {
    appObjectId: app.id,
    displayName: markedSecretName(input.displayName ?? "secret"),
    endDateTime: input.endDateTime,
    runId: runId(deps.random, deps.clock.now()),
  };
  await runRequests(
    deps,
    [
      {
        id: "pending",
        method: "PATCH",
        url: `/applications/${app.id}`,
        body: { tags: withPending(app.tags, [attempt.runId]) },
      },
    ],
    budget,
  );
  deps.progress?.({ phase: "rotate", message: "Adding a new client secret" });
  const added = (await runRequests(deps, [addPasswordRequest(attempt, 0)], budget)).get("add-password");
  const secret =
    added?.kind === "ok"
      ? readNewSecret(added.response.body)
      : await recoverLostPassword(deps, attempt, 0, budget);
  deps.progress?.({ phase: "rotate", message: "Proving the new secret with a token" });
  const proof = {
    tenantId: input.tenantId,
    clientId: app.appId,
    credential: { kind: "secret" as const, secret: secret.secretText },
    cloud: input.cloud,
    ...(input.proveWithinMs === undefined ? {} : { withinMs: input.proveWithinMs }),
  };
  const ok = await proveCredential(deps, proof).catch(async (error: unknown) => {
    // The proof could not run (network, throttling): the new secret is unproven, so it goes.
    await removePasswords(deps, app.id, [secret.keyId], budget).catch(() => undefined);
    throw error;
  });
  if (!ok) {
    await removePasswords(deps, app.id, [secret.keyId], budget);
    throw new CoreError(
      "unsafe_operation",
      "The new secret did not work within the time allowed, so it was removed and the old secrets were kept. Try again later.",
    );
  }
  return { appId: app.appId, appObjectId: app.id, secret, pendingIds: [attempt.runId] };
}
