/**
 * `verify`: the three values in, token proof out. No admin sign-in: the app's own credential gets
 * fresh client-credentials tokens whose roles are compared with the profile.
 */
import type { ClientCredential } from "@boxafe-connect/core";
import { CoreError, sharePointTenantName } from "@boxafe-connect/core";
import { readCertificateFile } from "../auth/read-certificate.js";
import { readClientSecret } from "../auth/read-secret.js";
import { UsageError } from "../cli/usage-error.js";
import type { CommandContext } from "../command-context.js";
import { flag, stringOption } from "../command-context.js";
import { verificationLines } from "../render/verification-view.js";
import { ExitCode } from "../render-error.js";
import { appKeyOf, permissionsOf } from "../session/app-options.js";
import { verifyCredentials } from "../session/verify-credentials.js";
import { resolveTarget } from "../target/resolve-target.js";

async function credentialOf(context: CommandContext): Promise<ClientCredential> {
  const file = stringOption(context, "certificate-file");
  if (file === undefined) {
    const secret = await readClientSecret({
      fromStdin: flag(context, "client-secret-stdin"),
      env: context.env,
      stdin: context.stdin,
      command: "verify",
    });
    context.out.redactor.protect(secret);
    return { kind: "secret", secret };
  }
  return readCertificateFile(file, Date.now());
}

const SHAREPOINT_NAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** --sharepoint-tenant: the name before .sharepoint.com, checked before anything is contacted. */
function sharePointOption(context: CommandContext): string | undefined {
  const given = stringOption(context, "sharepoint-tenant")?.trim().toLowerCase();
  if (given === undefined || SHAREPOINT_NAME.test(given)) return given;
  throw new CoreError(
    "invalid_input",
    `--sharepoint-tenant takes the name before .sharepoint.com (e.g. contoso), not "${given}".`,
    { field: "sharepoint-tenant" },
  );
}

/** From a *.onmicrosoft.com --tenant; otherwise core reads it with the app's own Graph token. */
function sharePointNameOf(tenant: string): string | undefined {
  try {
    return sharePointTenantName(tenant) || undefined;
  } catch {
    return undefined;
  }
}

export async function runVerify(context: CommandContext): Promise<number> {
  const appKey = appKeyOf(context);
  if (!("appId" in appKey)) {
    throw new UsageError("verify needs --app-id (the Application (client) ID).", "verify");
  }
  const deadline = Number(stringOption(context, "deadline") ?? "60");
  if (!Number.isFinite(deadline) || deadline < 0) {
    throw new CoreError("invalid_input", "--deadline must be a number of seconds.", { field: "deadline" });
  }
  const sharePointGiven = sharePointOption(context);
  const credential = await credentialOf(context);
  const permissions = await permissionsOf(context);
  const target = await resolveTarget(context);
  try {
    const spName = sharePointGiven ?? sharePointNameOf(target.tenant);
    const report = await verifyCredentials(context.out, {
      tenantId: target.tenant,
      clientId: appKey.appId,
      credential,
      permissions,
      cloud: target.endpoints,
      ...(spName ? { sharePointTenant: spName } : {}),
      deadlineMs: deadline * 1000,
      // A rejected credential is retried a while (a new secret replicates); never past the deadline.
      credentialGraceMs: Math.min(deadline * 1000, 30_000),
    });
    context.out.result({
      command: "verify",
      ok: report.complete,
      tenantId: target.tenant,
      clientId: appKey.appId,
      report,
    });
    context.out.print(verificationLines(report, context.out.style).join("\n"));
    return report.complete ? ExitCode.Ok : ExitCode.VerificationIncomplete;
  } finally {
    await target.close();
  }
}
