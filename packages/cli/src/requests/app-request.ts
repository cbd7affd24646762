/** --app-id / --app-name -> core's AppRequest (remove, secret list, the legacy SharePoint values). */
import type { AppRequest, RemoveRequest } from "@boxafe-connect/core";
import { appRequestSchema, parseRequest, removeRequestSchema } from "@boxafe-connect/core";
import type { FlagValues } from "./flag-values.js";
import { on, text } from "./flag-values.js";

function defined(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}

export function appRequestOf(values: FlagValues): AppRequest {
  return parseRequest(
    appRequestSchema,
    defined({ appId: text(values, "app-id"), displayName: text(values, "app-name") }),
  );
}

export function removeRequestOf(values: FlagValues): RemoveRequest {
  return parseRequest(
    removeRequestSchema,
    defined({
      appId: text(values, "app-id"),
      displayName: text(values, "app-name"),
      purge: on(values, "purge"),
    }),
  );
}
