import { X509Certificate } from "node:crypto";
import type { Directory } from "../store/directory.js";
import type { Application, KeyCredential, RequiredResourceAccess } from "../store/types.js";
import { graphErrors } from "./errors.js";

const SETTABLE = new Set([
  "displayName",
  "description",
  "notes",
  "signInAudience",
  "identifierUris",
  "tags",
  "requiredResourceAccess",
  "keyCredentials",
  "web",
  "spa",
  "publicClient",
  "isFallbackPublicClient",
  "uniqueName",
]);
const AUDIENCES = [
  "AzureADMyOrg",
  "AzureADMultipleOrgs",
  "AzureADandPersonalMicrosoftAccount",
  "PersonalMicrosoftAccount",
];

function strings(value: unknown, field: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
    throw graphErrors.badRequest(
      `Invalid value specified for property '${field}' of resource 'Application'.`,
    );
  }
  return value as string[];
}

function redirects(value: unknown, field: string): { redirectUris: string[] } {
  const v = (value ?? {}) as { redirectUris?: unknown };
  return { redirectUris: strings(v.redirectUris ?? [], `${field}.redirectUris`) };
}

function rra(value: unknown): RequiredResourceAccess[] {
  if (!Array.isArray(value))
    throw graphErrors.badRequest(
      "Invalid value specified for property 'requiredResourceAccess' of resource 'Application'.",
    );
  return value.map((r: { resourceAppId?: unknown; resourceAccess?: unknown }) => {
    if (typeof r?.resourceAppId !== "string" || !Array.isArray(r.resourceAccess)) {
      throw graphErrors.badRequest(
        "Invalid value specified for property 'requiredResourceAccess' of resource 'Application'.",
      );
    }
    return {
      resourceAppId: r.resourceAppId,
      resourceAccess: r.resourceAccess.map((a: { id?: unknown; type?: unknown }) => {
        if (typeof a?.id !== "string" || (a.type !== "Role" && a.type !== "Scope")) {
          throw graphErrors.badRequest(
            "Invalid value specified for property 'resourceAccess' of resource 'RequiredResourceAccess'.",
          );
        }
        return { id: a.id, type: a.type };
      }),
    };
  });
}

/** PATCH replaces the whole collection; an entry naming an existing keyId without `key` keeps that key. */
export function keys(dir: Directory, value: unknown, existing: KeyCredential[]): KeyCredential[] {
  if (!Array.isArray(value))
    throw graphErrors.badRequest(
      "Invalid value specified for property 'keyCredentials' of resource 'Application'.",
    );
  return value.map((raw: Record<string, unknown>) => {
    const kept = existing.find((k) => k.keyId === raw.keyId);
    if (kept && (raw.key === undefined || raw.key === null)) return kept;
    if (typeof raw.key !== "string")
      throw graphErrors.badRequest("Invalid value specified for property 'key' of resource 'KeyCredential'.");
    let cert: X509Certificate;
    try {
      cert = new X509Certificate(Buffer.from(raw.key, "base64"));
    } catch {
      throw graphErrors.badRequest("Invalid value specified for property 'key' of resource 'KeyCredential'.");
    }
    return {
      keyId: typeof raw.keyId === "string" ? raw.keyId : dir.newId(),
      type: typeof raw.type === "string" ? raw.type : "AsymmetricX509Cert",
      usage: typeof raw.usage === "string" ? raw.usage : "Verify",
      displayName: typeof raw.displayName === "string" ? raw.displayName : cert.subject.replace(/\n/g, ", "),
      customKeyIdentifier: cert.fingerprint.replace(/:/g, ""),
      startDateTime: new Date(
        typeof raw.startDateTime === "string" ? raw.startDateTime : cert.validFrom,
      ).toISOString(),
      endDateTime: new Date(
        typeof raw.endDateTime === "string" ? raw.endDateTime : cert.validTo,
      ).toISOString(),
      der: cert.raw.toString("base64"),
      addedAt: dir.now(),
    };
  });
}

/** Applies a create/PATCH body to an application, rejecting unknown or read-only properties like Graph does. */
export function applyAppFields(
  dir: Directory,
  app: Application,
  body: Record<string, unknown>,
  creating: boolean,
): void {
  for (const [field, value] of Object.entries(body)) {
    if (field.startsWith("@odata")) continue;
    if (field === "passwordCredentials") {
      throw graphErrors.badRequest(
        "Updating passwordCredentials with PATCH is not supported. Use the addPassword action.",
      );
    }
    if (!SETTABLE.has(field)) {
      throw graphErrors.badRequest(
        `Property '${field}' does not exist on type 'microsoft.graph.application' or is read-only.`,
      );
    }
    if (field === "displayName" || field === "description" || field === "notes" || field === "uniqueName") {
      if (value !== null && typeof value !== "string")
        throw graphErrors.badRequest(
          `Invalid value specified for property '${field}' of resource 'Application'.`,
        );
      if (field === "displayName" && !value)
        throw graphErrors.badRequest("Property 'displayName' cannot be empty.");
      if (field === "uniqueName" && !creating && value !== app.uniqueName) {
        throw graphErrors.badRequest("Property 'uniqueName' is immutable and cannot be changed once set.");
      }
      if (field === "displayName") app.displayName = value as string;
      else app[field] = (value as string | null) ?? null;
    } else if (field === "signInAudience") {
      if (!AUDIENCES.includes(String(value)))
        throw graphErrors.badRequest(
          "Invalid value specified for property 'signInAudience' of resource 'Application'.",
        );
      app.signInAudience = String(value);
    } else if (field === "identifierUris" || field === "tags") app[field] = strings(value, field);
    else if (field === "requiredResourceAccess") app.requiredResourceAccess = rra(value);
    else if (field === "keyCredentials") app.keyCredentials = keys(dir, value, app.keyCredentials);
    else if (field === "web" || field === "spa" || field === "publicClient")
      app[field] = redirects(value, field);
    else if (field === "isFallbackPublicClient")
      app.isFallbackPublicClient = value === null ? null : Boolean(value);
  }
}
