/**
 * remove: take every credential off, delete the app (its service principal and grants go with it);
 * `purge` deletes it from deleted items for good. A re-run is a no-op.
 */
import type { RemoveResult } from "../engine/remove-application.js";
import { removeApplication } from "../engine/remove-application.js";
import type { AppRequest, RemoveRequest } from "../requests/app-request.js";
import { appKeyOf, appLabel } from "./app-key.js";
import type { Emit } from "./events.js";
import { silent } from "./events.js";
import type { AdminPorts } from "./ports.js";
import { reporting } from "./prepare.js";

export interface RemoveOutcome extends RemoveResult {
  /** The app as the request named it (id or uniqueName), for messages. */
  readonly label: string;
}

export async function remove(
  ports: AdminPorts,
  request: AppRequest | RemoveRequest,
  emit: Emit = silent,
): Promise<RemoveOutcome> {
  const appKey = appKeyOf(request);
  emit({ type: "start", task: "remove" });
  const purge = "purge" in request && request.purge;
  const result = await removeApplication(reporting(ports, emit), appKey, { purge });
  emit({ type: "done", task: "remove", ...(result.appId ? { detail: result.appId } : {}) });
  return { ...result, label: appLabel(appKey) };
}
