/** remove: delete the app (its service principal, grants and secrets go with it); a re-run is a no-op. */
import type { RemoveResult } from "../engine/remove-application.js";
import { removeApplication } from "../engine/remove-application.js";
import type { AppRequest } from "../requests/app-request.js";
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
  request: AppRequest,
  emit: Emit = silent,
): Promise<RemoveOutcome> {
  const appKey = appKeyOf(request);
  emit({ type: "start", task: "remove" });
  const result = await removeApplication(reporting(ports, emit), appKey);
  emit({ type: "done", task: "remove", ...(result.appId ? { detail: result.appId } : {}) });
  return { ...result, label: appLabel(appKey) };
}
