import type { CloudEndpoints } from "@boxafe-connect/core";
import { cloudEndpoints, sandboxEndpoints } from "@boxafe-connect/core";
import type { WebConfig } from "../config.js";

/** The cloud the page works in: the configured one, or the sandbox behind the page's authority. */
export function pageCloud(config: WebConfig): CloudEndpoints {
  return config.cloud === "sandbox"
    ? sandboxEndpoints(new URL(config.authority).origin)
    : cloudEndpoints(config.cloud);
}
