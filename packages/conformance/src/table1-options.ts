/**
 * Table 1 (core's Boxafe profile) in the form `m365 entra app add` takes it: comma-separated
 * `<servicePrincipalName>/<value>` lists, naming each resource by its appId, which every first-party
 * service principal carries in servicePrincipalNames (m365's docs show both that and the URI form).
 */
import { boxafeProfile, type Permission, resolveProfile, resourceByKey } from "@boxafe-connect/core";

export function table1(): Permission[] {
  return resolveProfile(boxafeProfile);
}

function list(permissions: readonly Permission[]): string {
  return permissions.map((p) => `${resourceByKey(p.resource).appId}/${p.value}`).join(",");
}

/** `--apisApplication`, `--apisDelegated`, consent and a secret: the whole Table 1 job in one command. */
export function entraAppAddArgs(
  displayName: string,
  permissions: readonly Permission[] = table1(),
): string[] {
  return [
    "entra",
    "app",
    "add",
    "--name",
    displayName,
    "--apisApplication",
    list(permissions.filter((p) => p.kind === "application")),
    "--apisDelegated",
    list(permissions.filter((p) => p.kind === "delegated")),
    "--grantAdminConsent",
    "--withSecret",
    "--output",
    "json",
  ];
}
