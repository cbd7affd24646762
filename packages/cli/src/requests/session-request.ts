/**
 * Where and how to sign in, from the flags, once: --tenant/--cloud/--sandbox/--as pick the
 * target, --auth/--client-id/--open-browser the sign-in. Session code receives these, never flags.
 */

import type { CloudName } from "@boxafe-connect/core";
import { CoreError, isCloudName, isGuid, validateTenantId } from "@boxafe-connect/core";
import { defaultPublicClientId } from "../auth/authority.js";
import type { FlagValues } from "./flag-values.js";
import { on, text } from "./flag-values.js";

export interface TargetOptions {
  readonly tenant?: string;
  readonly cloud: CloudName;
  /** A running sandbox's URL, or true for the built-in one. */
  readonly sandbox?: string | true;
  /** Sandbox only: sign in as this user. */
  readonly as?: string;
}

export interface SignInOptions {
  readonly flow: "device" | "browser";
  /** --auth was given: no fallback to the browser when device code is refused. */
  readonly flowGiven: boolean;
  readonly clientId: string;
  readonly openBrowser: boolean;
}

export interface SessionRequest {
  readonly target: TargetOptions;
  readonly signIn: SignInOptions;
}

export function targetOptionsOf(values: FlagValues): TargetOptions {
  const tenant = text(values, "tenant");
  const cloud = text(values, "cloud") ?? "global";
  const sandbox = values.sandbox;
  const as = text(values, "as");
  if (!isCloudName(cloud)) {
    throw new CoreError("invalid_input", `Unknown cloud "${cloud}": use global, usgov or china.`, {
      field: "cloud",
    });
  }
  if (as !== undefined && tenant !== undefined && sandbox === undefined) {
    throw new CoreError(
      "invalid_input",
      "--as picks a sandbox user; on a real tenant, sign in as that user.",
      {
        field: "as",
      },
    );
  }
  return {
    cloud,
    ...(tenant === undefined ? {} : { tenant: validateTenantId(tenant, "tenant") }),
    ...(typeof sandbox === "string" || sandbox === true ? { sandbox } : {}),
    ...(as === undefined ? {} : { as }),
  };
}

export function signInOptionsOf(values: FlagValues): SignInOptions {
  const flow = text(values, "auth") ?? "device";
  if (flow !== "device" && flow !== "browser") {
    throw new CoreError("invalid_input", `--auth must be device or browser, not "${flow}".`, {
      field: "auth",
    });
  }
  const clientId = text(values, "client-id") ?? defaultPublicClientId;
  if (!isGuid(clientId)) {
    throw new CoreError("invalid_input", `--client-id "${clientId}" is not a GUID.`, { field: "client-id" });
  }
  return {
    flow,
    flowGiven: text(values, "auth") !== undefined,
    clientId,
    openBrowser: on(values, "open-browser"),
  };
}

export function sessionRequestOf(values: FlagValues): SessionRequest {
  return { target: targetOptionsOf(values), signIn: signInOptionsOf(values) };
}
