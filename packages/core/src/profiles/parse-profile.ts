/**
 * A partner's profile from JSON: shape checked with zod, then every entry checked against the
 * catalog. Invalid input is a value (issues naming each bad field), never a throw.
 */
import { findPermission, permissionKey } from "../catalog/lookup.js";
import { permissions } from "../catalog/permissions.js";
import { findResource } from "../catalog/resources.js";
import type { PermissionKind, PermissionRef, Profile } from "../catalog/types.js";
import { profileFileSchema } from "./profile-schema.js";

export interface ProfileIssue {
  /** Path of the bad field, e.g. "permissions[3].kind"; "profile" for the document itself. */
  readonly field: string;
  readonly message: string;
}

export type ParseProfileResult =
  | { readonly ok: true; readonly profile: Profile }
  | { readonly ok: false; readonly issues: readonly ProfileIssue[] };

const KIND_ALIASES: Readonly<Record<string, PermissionKind>> = {
  application: "application",
  delegated: "delegated",
  // requiredResourceAccess spells them Role and Scope.
  role: "application",
  scope: "delegated",
};

export function fieldPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out === "" ? "profile" : out;
}

export function parseProfile(json: unknown): ParseProfileResult {
  const shaped = profileFileSchema.safeParse(json);
  if (!shaped.success) {
    const issues = shaped.error.issues.flatMap((issue): ProfileIssue[] =>
      issue.code === "unrecognized_keys"
        ? issue.keys.map((key) => ({
            field: fieldPath([...issue.path, key]),
            message:
              "is not a known field (allowed: name, description, permissions; entries: resource, value, kind)",
          }))
        : [{ field: fieldPath(issue.path), message: issue.message }],
    );
    return { ok: false, issues };
  }

  const issues: ProfileIssue[] = [];
  const refs: PermissionRef[] = [];
  const firstIndex = new Map<string, number>();
  shaped.data.permissions.forEach((entry, index) => {
    const at = `permissions[${index}]`;
    const resource = findResource(entry.resource);
    const kind = KIND_ALIASES[entry.kind.trim().toLowerCase()];
    if (resource === undefined) {
      issues.push({
        field: `${at}.resource`,
        message: `"${entry.resource}" is not a resource of the catalog; use one of microsoft-graph, exchange-online, sharepoint, onenote, azure-ad-graph (or the portal name or appId)`,
      });
    }
    if (kind === undefined) {
      issues.push({ field: `${at}.kind`, message: `"${entry.kind}" must be "application" or "delegated"` });
    }
    if (resource === undefined || kind === undefined) return;

    const ref: PermissionRef = { resource: resource.key, kind, value: entry.value };
    if (findPermission(ref) === undefined) {
      const known = permissions
        .filter((p) => p.resource === resource.key && p.kind === kind)
        .map((p) => p.value);
      issues.push({
        field: `${at}.value`,
        message: `${kind} permission "${entry.value}" is not in the catalog for ${resource.name}; known: ${known.length > 0 ? known.join(", ") : "none"}`,
      });
      return;
    }
    const key = permissionKey(ref);
    const earlier = firstIndex.get(key);
    if (earlier !== undefined) {
      issues.push({
        field: at,
        message: `duplicates permissions[${earlier}] (${resource.name} ${kind} ${entry.value})`,
      });
      return;
    }
    firstIndex.set(key, index);
    refs.push(ref);
  });

  if (issues.length > 0) return { ok: false, issues };
  const { name, description } = shaped.data;
  return {
    ok: true,
    profile:
      description === undefined ? { name, permissions: refs } : { name, description, permissions: refs },
  };
}

/** Parses profile file text; bad JSON is an issue on "profile", like any other. */
export function parseProfileJson(text: string): ParseProfileResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : "unreadable";
    return { ok: false, issues: [{ field: "profile", message: `is not valid JSON (${detail})` }] };
  }
  return parseProfile(json);
}

/** One line per issue, for CLI output and error messages. */
export function formatProfileIssues(issues: readonly ProfileIssue[]): string {
  return issues.map((issue) => `${issue.field}: ${issue.message}`).join("\n");
}
