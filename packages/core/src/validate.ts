/** Validators for the values people type: they return the normalized value or throw invalid_input naming the field. */
import { CoreError, ErrorCode } from "./errors.js";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export function isGuid(value: string): boolean {
  return GUID.test(value.toLowerCase());
}

/** A domain name such as contoso.onmicrosoft.com or contoso.com (no scheme, no path). */
export function isDomainName(value: string): boolean {
  if (value.length > 253) return false;
  const labels = value.toLowerCase().split(".");
  const tld = labels[labels.length - 1] ?? "";
  return labels.length >= 2 && labels.every((label) => LABEL.test(label)) && /^[a-z]{2,63}$/.test(tld);
}

/** Directory (tenant) ID: a GUID or a verified domain name. "common"/"organizations" are refused. */
export function validateTenantId(input: string, field = "tenantId"): string {
  const value = input.trim().toLowerCase();
  if (value === "") {
    throw new CoreError(
      ErrorCode.InvalidInput,
      "Enter the Directory (tenant) ID: a GUID, or a domain such as contoso.onmicrosoft.com.",
      { field },
    );
  }
  if (value === "common" || value === "organizations" || value === "consumers") {
    throw new CoreError(
      ErrorCode.InvalidInput,
      `"${value}" is not one tenant; enter the Directory (tenant) ID GUID or the tenant's domain.`,
      { field },
    );
  }
  if (isGuid(value) || isDomainName(value)) return value;
  throw new CoreError(
    ErrorCode.InvalidInput,
    `"${input.trim()}" is neither a GUID nor a domain name; copy the Directory (tenant) ID from the Entra overview page.`,
    { field },
  );
}

/** A conservative cap (not an Entra limit): long names are cut off in the portal and in Boxafe's domain list. */
export const MAX_APP_NAME_LENGTH = 120;

export function validateAppName(input: string, field = "displayName"): string {
  const value = input.trim();
  if (value === "") {
    throw new CoreError(ErrorCode.InvalidInput, 'Enter a name for the app, e.g. "QNAP Boxafe".', { field });
  }
  if (value.length > MAX_APP_NAME_LENGTH) {
    throw new CoreError(
      ErrorCode.InvalidInput,
      `The app name has ${value.length} characters; use at most ${MAX_APP_NAME_LENGTH}.`,
      { field },
    );
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(value)) {
    throw new CoreError(
      ErrorCode.InvalidInput,
      "The app name must not contain control characters (tabs, newlines).",
      {
        field,
      },
    );
  }
  return value;
}
