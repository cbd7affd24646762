/**
 * setup, plan and check flags -> core's SetupRequest, once, at the edge. The profile file is read
 * here (the request holds the parsed profile); every check is core's schema.
 */
import { readFile } from "node:fs/promises";
import type { SetupRequest } from "@boxafe-connect/core";
import { parseRequest, secretLifetimeOf, setupRequestSchema } from "@boxafe-connect/core";
import { loadProfile } from "../session/load-profile.js";
import type { FlagValues } from "./flag-values.js";
import { numberOrText, on, text } from "./flag-values.js";

/** The flags as core's request input (before the schema's checks and defaults). */
export function setupInputOf(values: FlagValues): Record<string, unknown> {
  const input: Record<string, unknown> = {
    appId: text(values, "app-id"),
    displayName: text(values, "app-name"),
    skipRetired: on(values, "skip-retired"),
    removeExtra: on(values, "remove-extra"),
    secretName: text(values, "secret-name"),
    secretLifetimeDays: numberOrText(text(values, "secret-days")),
    secretEndDate: text(values, "secret-end"),
    certificate: on(values, "certificate"),
    certificateDays: numberOrText(text(values, "cert-days")),
    newCertificate: on(values, "new-certificate"),
  };
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}

/** Checks everything but the profile file, before any sign-in (a typo costs nothing). */
export function setupRequestOf(values: FlagValues, now: number): SetupRequest {
  const request = parseRequest(setupRequestSchema, setupInputOf(values));
  secretLifetimeOf(request, now);
  return request;
}

/** The request with --profile read and validated. */
export async function withProfile(request: SetupRequest, values: FlagValues): Promise<SetupRequest> {
  const path = text(values, "profile");
  if (path === undefined) return request;
  return { ...request, profile: await loadProfile(path, (file) => readFile(file, "utf8")) };
}
