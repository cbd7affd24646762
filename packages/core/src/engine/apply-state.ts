/** Shared by the apply waves: what is known so far, and small readers. */
import type { ResourceKey } from "../catalog/types.js";
import { type GraphDeps, type RetryBudget, runRequests, startBudget } from "../graph/batch-runner.js";
import type { Action, Plan } from "../tenant/model.js";
import { obj, s } from "./graph-shapes.js";

export type Of<T extends Action["type"]> = Extract<Action, { type: T }>;

export function byType<T extends Action["type"]>(plan: Plan, type: T): Of<T>[] {
  return plan.actions.filter((a): a is Of<T> => a.type === type);
}

export function bodyOf(
  results: Map<string, { kind: string; response?: { body: unknown } }>,
  id: string,
): unknown {
  const r = results.get(id);
  return r?.kind === "ok" ? r.response?.body : undefined;
}

/** Ids known so far: from the observation, then from each wave's answers. */
export interface ApplyState {
  app: { id: string; appId: string; displayName: string } | undefined;
  spId: string | undefined;
  readonly resourceIds: Map<ResourceKey, string>;
}

export async function readId(
  deps: GraphDeps,
  url: string,
  budget: RetryBudget,
): Promise<{ id: string; appId: string }> {
  const read = await runRequests(
    deps,
    [{ id: "read", method: "GET", url: `${url}?$select=id,appId`, lagOn404: true }],
    budget,
  );
  const body = obj(bodyOf(read, "read"));
  return { id: s(body.id), appId: s(body.appId) };
}

/** Best effort, on its own short budget: the run is failing anyway. */
export async function withdrawSecret(deps: GraphDeps, appObjectId: string, keyId: string): Promise<void> {
  const budget = startBudget({
    ...deps,
    retry: { ...deps.retry, budgetMs: Math.min(30_000, deps.retry?.budgetMs ?? 30_000) },
  });
  await runRequests(
    deps,
    [
      {
        id: "withdraw",
        method: "POST",
        url: `/applications/${appObjectId}/removePassword`,
        body: { keyId },
        absentOk: true,
      },
    ],
    budget,
  ).catch(() => undefined);
}
