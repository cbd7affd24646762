/** What the tenant must hold: the profile's resolved permissions plus the app and credential options. */
import type { Permission, Profile } from "../catalog/types.js";
import { CoreError, ErrorCode } from "../errors.js";
import { resolveProfile } from "../profiles/resolve-profile.js";
import type { Desired, DesiredOptions } from "./model.js";
import { markedSecretName } from "./secrets.js";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UNIQUE_NAME = /^[A-Za-z0-9._-]{1,120}$/;
const MAX_SECRET_DAYS = 730;

function invalid(field: string, message: string): never {
  throw new CoreError(ErrorCode.InvalidInput, message, { field });
}

function checkAppKey(appKey: DesiredOptions["appKey"]): DesiredOptions["appKey"] {
  if ("appId" in appKey) {
    const appId = appKey.appId.trim().toLowerCase();
    if (!GUID.test(appId))
      invalid(
        "appId",
        "The Application (client) ID must be a GUID such as 1b2c3d4e-…; copy it from the app's Overview page.",
      );
    return { appId };
  }
  if (!UNIQUE_NAME.test(appKey.uniqueName)) {
    invalid(
      "uniqueName",
      "The uniqueName may hold only letters, digits, '.', '_' and '-' (at most 120); derive it with uniqueNameFor.",
    );
  }
  return appKey;
}

function checkSecret(secret: DesiredOptions["secret"]): DesiredOptions["secret"] {
  if (secret === undefined) return undefined;
  const { lifetimeDays, renewWithinDays } = secret;
  if (!Number.isInteger(lifetimeDays) || lifetimeDays < 1 || lifetimeDays > MAX_SECRET_DAYS) {
    invalid(
      "secret.lifetimeDays",
      `The secret lifetime must be a whole number of days from 1 to ${MAX_SECRET_DAYS}.`,
    );
  }
  if (!Number.isInteger(renewWithinDays) || renewWithinDays < 0 || renewWithinDays >= lifetimeDays) {
    invalid(
      "secret.renewWithinDays",
      "Renew-within days must be a whole number from 0 to less than the secret lifetime.",
    );
  }
  return { displayName: markedSecretName(secret.displayName), lifetimeDays, renewWithinDays };
}

function checkCertificate(
  certificate: DesiredOptions["certificate"],
  now: number,
): DesiredOptions["certificate"] {
  if (certificate === undefined) return undefined;
  const thumbprint = certificate.thumbprint.replace(/[\s:]/g, "").toUpperCase();
  if (!/^([0-9A-F]{40}|[0-9A-F]{64})$/.test(thumbprint)) {
    invalid(
      "certificate.thumbprint",
      "The certificate thumbprint must be the SHA-1 (40 hex digits) or SHA-256 (64) of the certificate.",
    );
  }
  if (!/^[A-Za-z0-9+/]+=*$/.test(certificate.derBase64)) {
    invalid("certificate.derBase64", "The certificate must be the base64 DER of the public certificate.");
  }
  const end = Date.parse(certificate.endDateTime);
  if (Number.isNaN(end) || end <= now) {
    invalid(
      "certificate.endDateTime",
      "The certificate has expired or its end date is unreadable; create a new certificate.",
    );
  }
  return { ...certificate, thumbprint };
}

/** Permissions deduplicated by (resource, kind, value), first one kept. */
function unique(permissions: readonly Permission[]): Permission[] {
  const seen = new Set<string>();
  return permissions.filter((p) => {
    const key = `${p.resource}|${p.kind}|${p.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Builds Desired from already resolved permissions; validates the options (CoreError invalid_input). */
export function desiredFrom(
  permissions: readonly Permission[],
  options: DesiredOptions,
  now: number,
): Desired {
  const displayName = options.displayName.trim();
  if (displayName === "" || displayName.length > 120) {
    invalid("displayName", 'The app display name must be 1 to 120 characters, e.g. "QNAP Boxafe".');
  }
  return {
    appKey: checkAppKey(options.appKey),
    displayName,
    signInAudience: "AzureADMyOrg",
    permissions: unique(permissions),
    removeExtra: options.removeExtra ?? false,
    secret: checkSecret(options.secret),
    certificate: checkCertificate(options.certificate, now),
  };
}

/**
 * What the tenant must hold for a profile: resolves the profile against the catalog (throws
 * CoreError unknown_permission naming the field) and validates the options.
 */
export function desired(profile: Profile, options: DesiredOptions, now: number): Desired {
  const permissions = resolveProfile(profile, { skipRetired: options.skipRetired === true });
  return desiredFrom(permissions, options, now);
}
