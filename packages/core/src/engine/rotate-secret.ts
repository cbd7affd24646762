/**
 * Secret rotation that never leaves the app without a working credential: add a new marked secret,
 * prove it with a fresh Microsoft Graph token, and only then remove the old secrets that
 * boxafe-connect made (unless keepOld). If the new one cannot be proven, it is removed and the old
 * ones stay.
 */
import { resourceByKey } from "../catalog/resources.js";
import type { CloudEndpoints } from "../clouds.js";
import { CoreError, isCoreError } from "../errors.js";
import { type GraphDeps, runRequests, startBudget } from "../graph/batch-runner.js";
import { backoffMs, retryPolicy } from "../graph/retry-policy.js";
import type { AppKey } from "../tenant/model.js";
import { isOurSecret, markedSecretName } from "../tenant/secrets.js";
import type { AppTokenPort } from "../verify/port.js";
import { tokenErrorWait } from "../verify/token-response.js";
import { addPasswordRequest, type NewSecret, readNewSecret, recoverLostPassword } from "./add-password.js";
import { requireApplication } from "./find-application.js";
import { runId } from "./ids.js";

export interface RotateDeps extends GraphDeps {
  readonly appToken: AppTokenPort;
}

export interface RotateInput {
  readonly tenantId: string;
  readonly appKey: AppKey;
  readonly endDateTime: string;
  readonly displayName?: string;
  readonly keepOld?: boolean;
  readonly cloud: CloudEndpoints;
  /** How long a new secret may take to work (replication), default 2 min. */
  readonly proveWithinMs?: number;
}

export interface RotateResult {
  readonly appId: string;
  readonly secret: NewSecret;
  readonly removedKeyIds: readonly string[];
}

const PROVE = retryPolicy({ baseMs: 1_000, capMs: 10_000 });

async function proves(
  deps: RotateDeps,
  input: RotateInput,
  clientId: string,
  secret: string,
): Promise<boolean> {
  const resource =
    input.cloud.name === "sandbox"
      ? (resourceByKey("microsoft-graph").tokenAudience ?? "")
      : input.cloud.graphBaseUrl;
  const deadline = deps.clock.now() + (input.proveWithinMs ?? 120_000);
  for (let attempt = 0; ; attempt++) {
    try {
      await deps.appToken.acquire({
        tenantId: input.tenantId,
        clientId,
        credential: { kind: "secret", secret },
        resource,
      });
      return true;
    } catch (error) {
      // A new secret is refused (AADSTS7000215) until it replicates: wait that out, nothing else.
      if (!isCoreError(error) || tokenErrorWait(error) === "final") throw error;
    }
    const delay = backoffMs(PROVE, attempt, deps.random);
    if (deps.clock.now() + delay > deadline) return false;
    await deps.sleep(delay);
  }
}

export async function rotateSecret(deps: RotateDeps, input: RotateInput): Promise<RotateResult> {
  const budget = startBudget(deps);
  const app = await requireApplication(deps, input.appKey, budget);
  const old = app.passwordCredentials.filter(isOurSecret).map((p) => p.keyId);
  const attempt = {
    appObjectId: app.id,
    displayName: markedSecretName(input.displayName ?? "secret"),
    endDateTime: input.endDateTime,
    runId: runId(deps.random, deps.clock.now()),
  };
  deps.progress?.({ phase: "rotate", message: "Adding a new client secret" });
  const added = (await runRequests(deps, [addPasswordRequest(attempt, 0)], budget)).get("add-password");
  const secret =
    added?.kind === "ok"
      ? readNewSecret(added.response.body)
      : await recoverLostPassword(deps, attempt, 0, budget);
  deps.progress?.({ phase: "rotate", message: "Proving the new secret with a token" });
  const remove = (keyIds: readonly string[]) =>
    runRequests(
      deps,
      keyIds.map((keyId, i) => ({
        id: `remove-${i}`,
        method: "POST" as const,
        url: `/applications/${app.id}/removePassword`,
        body: { keyId },
        absentOk: true,
      })),
      budget,
    );
  const ok = await proves(deps, input, app.appId, secret.secretText).catch(async (error: unknown) => {
    // The proof could not run (network, throttling): the new secret is unproven, so it goes.
    await remove([secret.keyId]).catch(() => undefined);
    throw error;
  });
  if (!ok) {
    await remove([secret.keyId]);
    throw new CoreError(
      "unsafe_operation",
      "The new secret did not work within the time allowed, so it was removed and the old secrets were kept. Try again later.",
    );
  }
  const removedKeyIds = input.keepOld ? [] : old.filter((k) => k !== secret.keyId);
  if (removedKeyIds.length > 0) await remove(removedKeyIds);
  return { appId: app.appId, secret, removedKeyIds };
}
