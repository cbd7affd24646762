/** msal-node failures -> CoreError with a message that says what to do (never the secret). */
import { CoreError } from "@boxafe-connect/core";

function field(error: unknown, name: string): string {
  if (typeof error !== "object" || error === null) return "";
  const value = (error as Record<string, unknown>)[name];
  return typeof value === "string" ? value : "";
}

export function aadstsCode(error: unknown): string | undefined {
  const text = `${field(error, "errorMessage")} ${field(error, "message")}`;
  return /AADSTS(\d+)/.exec(text)?.[0];
}

export function mapMsalError(error: unknown, what: string): CoreError {
  const code = aadstsCode(error);
  const errorCode = field(error, "errorCode");
  const options = { cause: undefined, upstreamCode: code ?? (errorCode || undefined) };
  switch (code) {
    case "AADSTS7000215":
      return new CoreError(
        "invalid_client_credentials",
        `The client secret for ${what} is wrong. Check it, or make a new one.`,
        options,
      );
    case "AADSTS7000222":
      return new CoreError(
        "invalid_client_credentials",
        `The client secret for ${what} has expired. Make a new one (secret rotate).`,
        options,
      );
    case "AADSTS700027":
    case "AADSTS700024":
      return new CoreError(
        "invalid_client_credentials",
        `The certificate assertion for ${what} was rejected. Check that the certificate is on the app.`,
        options,
      );
    case "AADSTS700016":
      return new CoreError(
        "not_found",
        `No application ${what} exists in this tenant. Check the Application (client) ID and the tenant.`,
        options,
      );
    case "AADSTS90002":
      return new CoreError("not_found", "The tenant was not found. Check the tenant ID or domain.", options);
    default:
      break;
  }
  if (errorCode === "invalid_client") {
    return new CoreError("invalid_client_credentials", `The credentials for ${what} were rejected.`, options);
  }
  if (
    /network|fetch failed|ECONNREFUSED|ENOTFOUND|certificate/i.test(`${errorCode} ${field(error, "message")}`)
  ) {
    return new CoreError(
      "unreachable",
      `The token service could not be reached for ${what}. Check the network (and the CA for a sandbox).`,
      options,
    );
  }
  return new CoreError(
    "sign_in_failed",
    `The token service refused ${what}${code ? ` (${code})` : ""}.`,
    options,
  );
}
