/**
 * retire: remove the secrets boxafe-connect made, except the ones to keep (the one just handed
 * over). Secrets made by anyone else are never touched. A re-run removes nothing more.
 */
import { requireApplication } from "../engine/find-application.js";
import { removePasswords } from "../engine/remove-passwords.js";
import { startBudget } from "../graph/batch-runner.js";
import type { RetireRequest } from "../requests/rotate-request.js";
import { isOurSecret } from "../tenant/secrets.js";
import { appKeyOf } from "./app-key.js";
import type { Emit } from "./events.js";
import { silent } from "./events.js";
import type { AdminPorts } from "./ports.js";
import { reporting } from "./prepare.js";

export interface RetireOutcome {
  readonly appId: string;
  readonly removedKeyIds: readonly string[];
}

export async function retire(
  ports: AdminPorts,
  request: RetireRequest,
  emit: Emit = silent,
): Promise<RetireOutcome> {
  const deps = reporting(ports, emit);
  const budget = startBudget(deps);
  const app = await requireApplication(deps, appKeyOf(request), budget);
  const keep = new Set(request.keepKeyIds);
  const removedKeyIds = app.passwordCredentials
    .filter((p) => isOurSecret(p) && !keep.has(p.keyId))
    .map((p) => p.keyId);
  if (removedKeyIds.length > 0) {
    emit({ type: "start", task: "retire", total: removedKeyIds.length });
    await removePasswords(deps, app.id, removedKeyIds, budget);
    emit({ type: "done", task: "retire", detail: String(removedKeyIds.length) });
  }
  return { appId: app.appId, removedKeyIds };
}
