/**
 * verify flags -> core's VerifyRequest. The flags are checked before anything is read or
 * contacted; the credential (stdin, environment or a PEM file) and the tenant the target resolved
 * to complete the request.
 */
import type { ClientCredential, VerifyRequest } from "@boxafe-connect/core";
import { parseRequest, sharePointTenantName, verifyRequestSchema } from "@boxafe-connect/core";
import { readCertificateFile } from "../auth/read-certificate.js";
import { readClientSecret } from "../auth/read-secret.js";
import { UsageError } from "../cli/usage-error.js";
import type { CommandContext } from "../command-context.js";
import type { FlagValues } from "./flag-values.js";
import { on, text } from "./flag-values.js";

const flagsSchema = verifyRequestSchema.pick({
  clientId: true,
  sharePointTenant: true,
  deadlineSeconds: true,
  skipRetired: true,
});

export type VerifyFlags = ReturnType<typeof flagsSchema.parse>;

export function verifyFlagsOf(values: FlagValues): VerifyFlags {
  const clientId = text(values, "app-id");
  if (clientId === undefined)
    throw new UsageError("verify needs --app-id (the Application (client) ID).", "verify");
  const deadline = text(values, "deadline");
  const sharePointTenant = text(values, "sharepoint-tenant");
  return parseRequest(flagsSchema, {
    clientId,
    skipRetired: on(values, "skip-retired"),
    ...(deadline === undefined
      ? {}
      : { deadlineSeconds: deadline.trim() === "" ? deadline : Number(deadline) }),
    ...(sharePointTenant === undefined ? {} : { sharePointTenant }),
  });
}

export async function credentialOf(context: CommandContext): Promise<ClientCredential> {
  const file = text(context.values, "certificate-file");
  if (file === undefined) {
    const secret = await readClientSecret({
      fromStdin: on(context.values, "client-secret-stdin"),
      env: context.env,
      stdin: context.stdin,
      command: "verify",
    });
    context.out.redactor.protect(secret);
    return { kind: "secret", secret };
  }
  return readCertificateFile(file, Date.now());
}

/** From a *.onmicrosoft.com tenant; otherwise core reads it with the app's own Graph token. */
function sharePointNameOf(tenant: string): string | undefined {
  try {
    return sharePointTenantName(tenant) || undefined;
  } catch {
    return undefined;
  }
}

export function verifyRequestOf(
  flags: VerifyFlags,
  tenantId: string,
  credential: ClientCredential,
  profile: VerifyRequest["profile"],
): VerifyRequest {
  const sharePointTenant = flags.sharePointTenant ?? sharePointNameOf(tenantId);
  return parseRequest(verifyRequestSchema, {
    ...flags,
    tenantId,
    credential,
    ...(profile ? { profile } : {}),
    ...(sharePointTenant ? { sharePointTenant } : {}),
  });
}
