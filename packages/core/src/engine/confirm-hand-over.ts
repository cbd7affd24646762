/**
 * After the adapter has put the new secret or private key in the admin's hands: clear the run's
 * pending marks, and remove what earlier interrupted runs left behind (credentials of ours whose
 * marks are still pending: nobody holds them). Only ever after a hand-over, so a credential that
 * someone might hold is never removed before its replacement is out. Every request is idempotent.
 */
import { isUnheldKey, isUnheldSecret, pendingIds, withoutPending } from "../credentials/hand-over-marker.js";
import {
  type GraphDeps,
  type RetryBudget,
  type RunRequest,
  runRequests,
  startBudget,
} from "../graph/batch-runner.js";
import type { ObservedApplication } from "../tenant/model.js";
import { keysWithMaterial, wireKey } from "./add-certificate.js";
import { readApplication } from "./graph-shapes.js";

export interface HandOverInput {
  readonly appObjectId: string;
  /** The pending ids of the run whose credential was just handed over (ApplyResult.handOver). */
  readonly pendingIds: readonly string[];
  /** Known final tags (nothing else was pending when the run began): one PATCH, no re-read. */
  readonly tagsAfter?: readonly string[];
}

export interface HandOverResult {
  /** keyIds of unheld secrets and certificates removed. */
  readonly removedKeyIds: readonly string[];
}

async function readApp(deps: GraphDeps, id: string, budget: RetryBudget): Promise<ObservedApplication> {
  const read = await runRequests(
    deps,
    [
      {
        id: "app",
        method: "GET",
        url: `/applications/${id}?$select=id,appId,displayName,passwordCredentials,keyCredentials,tags`,
        lagOn404: true,
      },
    ],
    budget,
  );
  const result = read.get("app");
  return readApplication(result?.kind === "ok" ? result.response.body : undefined);
}

export async function confirmHandOver(deps: GraphDeps, input: HandOverInput): Promise<HandOverResult> {
  const budget = startBudget(deps);
  if (input.tagsAfter !== undefined) {
    await runRequests(
      deps,
      [
        {
          id: "tags",
          method: "PATCH",
          url: `/applications/${input.appObjectId}`,
          body: { tags: input.tagsAfter },
        },
      ],
      budget,
    );
    return { removedKeyIds: [] };
  }
  const app = await readApp(deps, input.appObjectId, budget);
  const all = pendingIds(app.tags);
  const confirmed = new Set(input.pendingIds);
  const stale = new Set([...all].filter((id) => !confirmed.has(id)));
  const secrets = app.passwordCredentials.filter((p) => isUnheldSecret(p, stale));
  const keys = app.keyCredentials.filter((k) => isUnheldKey(k, stale));
  const requests: RunRequest[] = secrets.map((p, i) => ({
    id: `remove-password-${i}`,
    method: "POST",
    url: `/applications/${app.id}/removePassword`,
    body: { keyId: p.keyId },
    absentOk: true,
  }));
  if (keys.length > 0) {
    const drop = new Set(keys.map((k) => k.keyId));
    const kept = (await keysWithMaterial(deps, app.id, app.keyCredentials, budget)).filter(
      (k) => !drop.has(k.keyId),
    );
    requests.push({
      id: "keys",
      method: "PATCH",
      url: `/applications/${app.id}`,
      body: { keyCredentials: kept.map(wireKey) },
    });
  }
  if (requests.length > 0) {
    deps.progress?.({ phase: "apply", message: "Removing credentials nobody holds" });
    await runRequests(deps, requests, budget);
  }
  // Tags last: if this is interrupted, the marks remain and the next run finishes the clean-up.
  const tags = withoutPending(app.tags, all);
  if (tags.length !== (app.tags ?? []).length) {
    await runRequests(
      deps,
      [{ id: "tags", method: "PATCH", url: `/applications/${app.id}`, body: { tags } }],
      budget,
    );
  }
  return { removedKeyIds: [...secrets.map((p) => p.keyId), ...keys.map((k) => k.keyId)] };
}
