/**
 * The request fields the use cases share. Each check reuses core's validator, so a bad value gets
 * the same message whether it came from a CLI flag, an API body or a web form; the adapter maps
 * the field name (`appId`) to its own (`--app-id`) when it renders the error.
 */
import { z } from "zod";
import { type BoxafeVersion, parseBoxafeVersion } from "../boxafe/version.js";
import type { Profile } from "../catalog/types.js";
import { secretLifetimes } from "../credentials/secret-lifetime.js";
import {
  DEFAULT_CERTIFICATE_DAYS,
  DEFAULT_SECRET_DAYS,
  DEFAULT_SECRET_NAME,
  MAX_CERTIFICATE_DAYS,
} from "../defaults.js";
import { isCoreError } from "../errors.js";
import { isGuid, validateAppName, validateTenantId } from "../validate.js";

/**
 * The bad value as a message may quote it: strings and numbers as given, anything else by its type.
 * `String(value)` is not safe on hostile input: `{"toString": ""}` makes it throw (a 500 in the API).
 */
export function inputText(value: unknown): string {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return String(value);
  if (value === null) return "null";
  return Array.isArray(value) ? "an array" : `a ${typeof value}`;
}

/** Runs a throwing core validator as a zod transform, keeping its message. */
function checkedBy<T>(validate: (value: string) => T) {
  return z.string().transform((value, ctx) => {
    try {
      return validate(value);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: isCoreError(error) ? error.message : String(error) });
      return z.NEVER;
    }
  });
}

export const appIdField = z
  .string()
  .transform((value) => value.trim().toLowerCase())
  .refine(isGuid, {
    error: (issue) =>
      `"${inputText(issue.input).slice(0, 60)}" is not a GUID; copy the Application (client) ID from the app's Overview page.`,
  })
  .meta({ description: "Application (client) ID of an existing app to act on (adopt it by id)." });

export const appNameField = checkedBy((value) => validateAppName(value)).meta({
  description: 'Display name of the app registration (default "QNAP Boxafe").',
});

/**
 * Which Boxafe, as `--boxafe`, a fleet file's boxafe cell and a setup request give it: parsed by
 * parseBoxafeVersion, so "1.6" or "2.0" read as 1.5 everywhere (every release from 1.5 takes a
 * certificate) and a value refused in one front end is refused in all, with the same message.
 */
export const boxafeVersionField = checkedBy<BoxafeVersion>((value) => parseBoxafeVersion(value)).meta({
  description: "Boxafe version: 1.4 takes a secret, 1.5 and every later release a certificate.",
});

export const tenantIdField = checkedBy((value) => validateTenantId(value)).meta({
  description: "Directory (tenant) ID, or a verified domain of the tenant.",
});

export const secretNameField = z
  .string()
  .trim()
  .min(1, { error: "Give the client secret a description." })
  .max(100, { error: "A client secret description can have at most 100 characters." })
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  .regex(/^[^\u0000-\u001f\u007f]+$/, {
    error: "The secret description must not contain control characters.",
  })
  .default(DEFAULT_SECRET_NAME)
  .meta({ description: `Description of a new client secret (default "${DEFAULT_SECRET_NAME}").` });

export const secretLifetimeDaysField = z
  .union([z.literal(90), z.literal(180), z.literal(365), z.literal(545), z.literal(730)], {
    error: (issue) =>
      `A secret lifetime of ${inputText(issue.input).slice(0, 20)} days is not offered; choose ${secretLifetimes.join(", ")} days or an end date (YYYY-MM-DD).`,
  })
  .meta({ description: `Lifetime of a new client secret in days (default ${DEFAULT_SECRET_DAYS}).` });

function realDay(value: string): boolean {
  const at = Date.parse(value.slice(0, 10));
  return !Number.isNaN(at) && new Date(at).toISOString().slice(0, 10) === value.slice(0, 10);
}

/** An end date instead of a lifetime; its range (tomorrow .. two years) is checked against the clock. */
export const secretEndDateField = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/, { error: "Give the secret's end date as YYYY-MM-DD." })
  // Date.parse rolls 2027-02-31 over to March 3rd; a date that does not read back is refused.
  .refine((value) => realDay(value), {
    error: (issue) =>
      `${inputText(issue.input).slice(0, 10)} is not a real date; give the end date as YYYY-MM-DD.`,
  })
  .meta({ description: "End date of a new client secret (YYYY-MM-DD), instead of a lifetime." });

export const certificateDaysField = z
  .number({ error: `A certificate can last 1 to ${MAX_CERTIFICATE_DAYS} days (three years).` })
  .int({ error: `A certificate can last 1 to ${MAX_CERTIFICATE_DAYS} days (three years).` })
  .min(1, { error: `A certificate can last 1 to ${MAX_CERTIFICATE_DAYS} days (three years).` })
  .max(MAX_CERTIFICATE_DAYS, {
    error: `A certificate can last 1 to ${MAX_CERTIFICATE_DAYS} days (three years).`,
  })
  .default(DEFAULT_CERTIFICATE_DAYS)
  .meta({ description: "Lifetime of a new certificate in days (default 365)." });

/** A profile already parsed by the adapter (a file in the CLI, a name in the API); default boxafe. */
export const profileField = z
  .custom<Profile>(
    (value) =>
      typeof value === "object" &&
      value !== null &&
      typeof (value as { name?: unknown }).name === "string" &&
      Array.isArray((value as { permissions?: unknown }).permissions),
    { error: "must be a permission profile ({ name, permissions })" },
  )
  .meta({ description: "Permission profile (default boxafe: Table 1 of the Boxafe guide)." });

export const sharePointTenantField = z
  .string()
  .transform((value) => value.trim().toLowerCase())
  .refine((value) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(value), {
    error: (issue) =>
      `The SharePoint name is the part before .sharepoint.com (e.g. contoso), not "${inputText(issue.input).slice(0, 60)}".`,
  })
  .meta({ description: "SharePoint tenant name (the part before .sharepoint.com)." });
