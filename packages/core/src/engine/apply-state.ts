/** Shared by the apply waves: what is known so far, and small readers. */
import type { ResourceKey } from "../catalog/types.js";
import { type GraphDeps, type RetryBudget, runRequests, startBudget } from "../graph/batch-runner.js";
import type { Action, Plan } from "../tenant/model.js";
import { type PasswordAttempt, sweepRunSecrets } from "./add-password.js";
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

/** The clean-up after a failed run gets its own budget: the run's own may be what ran out. */
export const CLEANUP_BUDGET_MS = 30_000;

/**
 * Best effort: removes every secret this run added (found by the run's marker name), because the
 * caller will never see their text; the re-run then adds a fresh one instead of trusting an unseen one.
 */
export async function withdrawRunSecrets(deps: GraphDeps, attempt: PasswordAttempt): Promise<void> {
  const budget = startBudget({ ...deps, retry: { ...deps.retry, budgetMs: CLEANUP_BUDGET_MS } });
  await sweepRunSecrets(deps, attempt, "", budget).catch(() => undefined);
}
