/**
 * Turns the app-related flags into core inputs: which app (by --app-id or the uniqueName of
 * --app-name), which permissions (profile), which secret. Validation is core's; fields are named
 * after the flags.
 */
import { readFile } from "node:fs/promises";
import type { AppKey, DesiredOptions, Permission, Profile } from "@boxafe-connect/core";
import {
  boxafeProfile,
  CoreError,
  DEFAULT_RENEW_WITHIN_DAYS,
  isGuid,
  parseSecretLifetime,
  resolveProfile,
  uniqueNameFor,
  validateAppName,
} from "@boxafe-connect/core";
import type { CommandContext } from "../command-context.js";
import { flag, stringOption } from "../command-context.js";
import { loadProfile } from "./load-profile.js";

export const defaultAppName = "QNAP Boxafe";

export function appNameOf(context: CommandContext): string {
  return validateAppName(stringOption(context, "app-name") ?? defaultAppName, "app-name");
}

export function appKeyOf(context: CommandContext): AppKey {
  const appId = stringOption(context, "app-id");
  if (appId !== undefined) {
    if (!isGuid(appId.trim())) {
      throw new CoreError(
        "invalid_input",
        `--app-id "${appId}" is not a GUID; copy the Application (client) ID from the app's Overview page.`,
        { field: "app-id" },
      );
    }
    return { appId: appId.trim().toLowerCase() };
  }
  return { uniqueName: uniqueNameFor(appNameOf(context)) };
}

export async function profileOf(context: CommandContext): Promise<Profile> {
  const path = stringOption(context, "profile");
  return path === undefined ? boxafeProfile : loadProfile(path, (file) => readFile(file, "utf8"));
}

export async function permissionsOf(context: CommandContext): Promise<Permission[]> {
  return resolveProfile(await profileOf(context), { skipRetired: flag(context, "skip-retired") });
}

/** Lifetime from --secret-days (a portal choice) or --secret-end (a date); default 180 days. */
export function secretDaysOf(context: CommandContext, now: number): number {
  const days = stringOption(context, "secret-days");
  const end = stringOption(context, "secret-end");
  if (days !== undefined && end !== undefined) {
    throw new CoreError("invalid_input", "Give --secret-days or --secret-end, not both.", {
      field: "secret-days",
    });
  }
  return parseSecretLifetime(end ?? days, now, end !== undefined ? "secret-end" : "secret-days").days;
}

export function desiredOptionsOf(
  context: CommandContext,
  now: number,
  extra: {
    readonly withSecret: boolean;
    readonly certificate?: DesiredOptions["certificate"];
    readonly displayName?: string;
    readonly secretDays?: number;
  },
): DesiredOptions {
  const lifetimeDays = extra.secretDays ?? secretDaysOf(context, now);
  return {
    appKey: appKeyOf(context),
    displayName: extra.displayName ?? appNameOf(context),
    skipRetired: flag(context, "skip-retired"),
    removeExtra: flag(context, "remove-extra"),
    ...(extra.withSecret
      ? {
          secret: {
            displayName: stringOption(context, "secret-name") ?? "Boxafe",
            lifetimeDays,
            // Core wants the window shorter than the lifetime (a short --secret-end).
            renewWithinDays: Math.min(DEFAULT_RENEW_WITHIN_DAYS, lifetimeDays - 1),
          },
        }
      : {}),
    ...(extra.certificate ? { certificate: extra.certificate } : {}),
  };
}

/** Checks the app flags before any sign-in, so a typo costs nothing. */
export function preflight(context: CommandContext): void {
  appKeyOf(context);
  if (context.values["app-name"] !== undefined) appNameOf(context);
  secretDaysOf(context, Date.now());
}
