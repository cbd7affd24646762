import { adminScopes } from "@boxafe-connect/core";
import type { WebConfig } from "../config.js";

/** Graph's resource identifier per cloud (the sandbox issues tokens for the global one). */
export function graphResource(cloud: WebConfig["cloud"]): string {
  if (cloud === "usgov") return "https://graph.microsoft.us";
  if (cloud === "china") return "https://microsoftgraph.chinacloudapi.cn";
  return "https://graph.microsoft.com";
}

/** The delegated scopes the setup needs: core's admin scopes (each with the Graph calls that need it). */
export function setupScopes(cloud: WebConfig["cloud"]): string[] {
  return adminScopes(graphResource(cloud));
}
