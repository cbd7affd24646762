/** Per-permission verdicts from the token checks and the directory record. */
import { resourceByKey } from "../catalog/resources.js";
import type { Permission, ResourceKey } from "../catalog/types.js";
import type { DirectoryRecord } from "./directory-record.js";
import { sharePointTenantUnknown } from "./sharepoint-tenant.js";
import type { TokenCheck, VerificationItem } from "./verify.js";

const SHAREPOINT_NEEDS_CERTIFICATE =
  "In the token; SharePoint REST calls with app-only tokens also need the app to sign in with a certificate.";

export function appRoleItems(
  wanted: readonly Permission[],
  tokens: ReadonlyMap<ResourceKey, TokenCheck>,
  record: DirectoryRecord | undefined,
  how: {
    readonly audienceOf: (key: ResourceKey) => string | undefined;
    readonly certificate: boolean;
    /** Why the SharePoint name is unknown (its items then say how to give it). */
    readonly sharePointUnknown?: string;
    /** Resources whose token request failed for a transient reason (network, throttling, 5xx). */
    readonly transient?: ReadonlySet<ResourceKey>;
  },
): VerificationItem[] {
  const { audienceOf, certificate } = how;
  return wanted.map((p) => {
    const base = { resource: p.resource, value: p.value, kind: p.kind };
    const assigned = record?.assigned(p);
    if (audienceOf(p.resource) === undefined) {
      if (assigned === false)
        return { ...base, status: "missing", detail: "No app role assignment in the directory." };
      if (p.resource === "sharepoint")
        return { ...base, status: "unverifiable", detail: sharePointTenantUnknown(how.sharePointUnknown) };
      return {
        ...base,
        status: "unverifiable",
        detail: `No app token can prove ${resourceByKey(p.resource).name} access.`,
      };
    }
    const token = tokens.get(p.resource);
    if (token?.ok && token.roles.includes(p.value)) {
      return p.resource === "sharepoint" && !certificate
        ? { ...base, status: "granted", detail: SHAREPOINT_NEEDS_CERTIFICATE }
        : { ...base, status: "granted" };
    }
    // Unchecked is not missing: a dropped connection says nothing about the grant (pending keeps the
    // report incomplete without telling the admin to consent again).
    if (token !== undefined && !token.ok && how.transient?.has(p.resource))
      return { ...base, status: "pending", detail: `Not checked: ${token.error?.message ?? "no token"}` };
    if (token !== undefined && !token.ok) return { ...base, status: "missing", detail: token.error?.message };
    if (assigned === true)
      return { ...base, status: "pending", detail: "Assigned in the directory; not yet in the token." };
    return { ...base, status: "missing", detail: "Not in the token's roles." };
  });
}

export function delegatedItems(
  wanted: readonly Permission[],
  record: DirectoryRecord | undefined,
): VerificationItem[] {
  return wanted.map((p) => {
    const base = { resource: p.resource, value: p.value, kind: p.kind };
    if (record === undefined)
      return { ...base, status: "unverifiable", detail: "Delegated grants are read through Graph." };
    return record.granted(p)
      ? { ...base, status: "granted" }
      : { ...base, status: "missing", detail: "Not in the tenant-wide delegated grant." };
  });
}
