/** How a request names its app: by Application (client) ID, or by the uniqueName of its display name. */
import { DEFAULT_APP_NAME } from "../defaults.js";
import type { AppKey } from "../tenant/model.js";
import { uniqueNameFor } from "../tenant/unique-name.js";

export function appKeyOf(request: { readonly appId?: string; readonly displayName?: string }): AppKey {
  if (request.appId !== undefined) return { appId: request.appId };
  return { uniqueName: uniqueNameFor(request.displayName ?? DEFAULT_APP_NAME) };
}

/** A label for messages: the id, or the uniqueName we look the app up by. */
export function appLabel(appKey: AppKey): string {
  return "appId" in appKey ? appKey.appId : appKey.uniqueName;
}
