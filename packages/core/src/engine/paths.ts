/** Graph URL paths the engine uses; alternate keys are quoted the OData way ('' inside quotes). */
import type { AppKey } from "../tenant/model.js";

export function quoteKey(value: string): string {
  return `'${encodeURIComponent(value.replace(/'/g, "''"))}'`;
}

export function applicationPath(appKey: AppKey): string {
  return "uniqueName" in appKey
    ? `/applications(uniqueName=${quoteKey(appKey.uniqueName)})`
    : `/applications(appId=${quoteKey(appKey.appId)})`;
}

export function servicePrincipalByAppId(appId: string): string {
  return `/servicePrincipals(appId=${quoteKey(appId)})`;
}

export const APPLICATION_SELECT =
  "id,appId,uniqueName,displayName,signInAudience,requiredResourceAccess,passwordCredentials,keyCredentials,tags";

export const CREATE_IF_MISSING = { Prefer: "create-if-missing" } as const;

/** Graph's nextLink is absolute; the batch wants it relative to the version root. */
export function relativeLink(nextLink: string): string {
  const match = /\/(?:v1\.0|beta)(\/.*)$/.exec(nextLink);
  return match?.[1] ?? nextLink;
}
