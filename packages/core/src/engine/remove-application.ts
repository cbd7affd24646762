/**
 * Removes our app. Every credential comes off first (removePassword each secret, an empty
 * keyCredentials), because Entra keeps a deleted app 30 days restorable *with* its credentials
 * (deleted-items.ts). Then one DELETE: the service principal and what it was granted go with it.
 * `purge` then deletes both from deleted items for good. Every step is idempotent; a re-run is a
 * no-op (or finishes a purge).
 */
import { type GraphDeps, type RunRequest, runRequests, startBudget } from "../graph/batch-runner.js";
import type { AppKey } from "../tenant/model.js";
import { findDeleted, purgeDeleted } from "./deleted-items.js";
import { findApplication } from "./find-application.js";

export interface RemoveResult {
  readonly removed: boolean;
  readonly appId?: string;
  /** Secrets and certificates taken off before the delete. */
  readonly credentialsRemoved: number;
  /** True when the app (and its service principal) were deleted from deleted items for good. */
  readonly purged: boolean;
}

export interface RemoveOptions {
  readonly purge?: boolean;
}

export async function removeApplication(
  deps: GraphDeps,
  appKey: AppKey,
  options: RemoveOptions = {},
): Promise<RemoveResult> {
  const budget = startBudget(deps);
  const app = await findApplication(deps, appKey, budget);
  if (app === undefined) {
    if (!options.purge) return { removed: false, credentialsRemoved: 0, purged: false };
    // Already deleted (maybe by a run that stopped before its purge): finish the purge.
    const apps = await findDeleted(deps, "application", appKey, budget);
    const sps = "appId" in appKey ? await findDeleted(deps, "servicePrincipal", appKey, budget) : [];
    await purgeDeleted(deps, [...apps, ...sps], budget);
    return { removed: false, credentialsRemoved: 0, purged: apps.length + sps.length > 0 };
  }
  deps.progress?.({
    phase: "remove",
    message: `Taking the credentials off ${app.displayName} (${app.appId})`,
  });
  const off: RunRequest[] = app.passwordCredentials.map((p, i) => ({
    id: `remove-password-${i}`,
    method: "POST",
    url: `/applications/${app.id}/removePassword`,
    body: { keyId: p.keyId },
    absentOk: true,
  }));
  if (app.keyCredentials.length > 0) {
    off.push({ id: "keys", method: "PATCH", url: `/applications/${app.id}`, body: { keyCredentials: [] } });
  }
  if (off.length > 0) await runRequests(deps, off, budget);
  deps.progress?.({ phase: "remove", message: `Deleting ${app.displayName} (${app.appId})` });
  await runRequests(
    deps,
    [{ id: "delete", method: "DELETE", url: `/applications/${app.id}`, absentOk: true }],
    budget,
  );
  let purged = false;
  if (options.purge) {
    deps.progress?.({ phase: "remove", message: "Deleting it from deleted items for good" });
    const sps = await findDeleted(deps, "servicePrincipal", { appId: app.appId }, budget);
    await purgeDeleted(deps, [app.id, ...sps], budget);
    purged = true;
  }
  return {
    removed: true,
    appId: app.appId,
    credentialsRemoved: app.passwordCredentials.length + app.keyCredentials.length,
    purged,
  };
}
