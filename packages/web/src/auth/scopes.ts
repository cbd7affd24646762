import type { WebConfig } from "../config.js";

/** Graph's resource identifier per cloud (the sandbox issues tokens for the global one). */
export function graphResource(cloud: WebConfig["cloud"]): string {
  if (cloud === "usgov") return "https://graph.microsoft.us";
  if (cloud === "china") return "https://microsoftgraph.chinacloudapi.cn";
  return "https://graph.microsoft.com";
}

/** The delegated scopes the setup needs (docs/graph-facts.md 2.4); all three need admin consent. */
export function setupScopes(cloud: WebConfig["cloud"]): string[] {
  const r = graphResource(cloud);
  return [
    `${r}/Application.ReadWrite.All`,
    `${r}/AppRoleAssignment.ReadWrite.All`,
    `${r}/DelegatedPermissionGrant.ReadWrite.All`,
  ];
}
