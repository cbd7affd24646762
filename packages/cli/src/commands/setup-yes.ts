/**
 * `setup --yes`: the whole job without questions. Sign in, check the role, plan, apply, verify
 * with the new secret, hand over. A re-run with nothing to do writes nothing.
 */
import type { ApplyResult, ClientCredential, VerificationReport } from "@boxafe-connect/core";
import { apply, confirmHandOver, sharePointTenantName, summarizePlan } from "@boxafe-connect/core";
import type { CommandContext } from "../command-context.js";
import { flag, stringOption } from "../command-context.js";
import { planLines } from "../render/plan-view.js";
import { preflightDocument } from "../render/preflight-view.js";
import { ExitCode } from "../render-error.js";
import { openAdminSession } from "../session/admin-session.js";
import { appNameOf, permissionsOf, preflight, secretDaysOf } from "../session/app-options.js";
import {
  certificateDaysOf,
  desiredCertificate,
  makeCertificate,
  writeCertificateFiles,
} from "../session/certificate.js";
import { observeApp, planWith } from "../session/compute-plan.js";
import { requirePreflight, runTenantPreflight } from "../session/tenant-preflight.js";
import { verifyCredentials } from "../session/verify-credentials.js";
import { handOver } from "./setup-hand-over.js";

export async function runSetupYes(context: CommandContext): Promise<number> {
  const { out } = context;
  preflight(context);
  const session = await openAdminSession(context, { requireAdmin: true });
  try {
    // Read the tenant once, then its rules (preflight), then plan what those rules allow: nothing is written
    // before a failing rule stops the run.
    const now = session.deps.clock.now();
    const permissions = await permissionsOf(context);
    const observed = await observeApp(context, session);
    const checked = await runTenantPreflight(context, session, observed, permissions, {
      secretDays: secretDaysOf(context, now),
      ...(flag(context, "certificate")
        ? { certificateDays: certificateDaysOf(context, appNameOf(context)) }
        : {}),
    });
    requirePreflight(checked);
    const choice = checked.credentials;
    const made =
      choice.certificateDays !== undefined
        ? await makeCertificate(context, appNameOf(context), choice.certificateDays)
        : undefined;
    const computed = planWith(context, permissions, observed, now, {
      withSecret: choice.secretDays !== undefined,
      ...(choice.secretDays !== undefined ? { secretDays: choice.secretDays } : {}),
      ...(made ? { certificate: desiredCertificate(made) } : {}),
    });
    const summary = summarizePlan(computed.plan);
    out.info(planLines(summary, out.style).join("\n"));
    let applied: ApplyResult | undefined;
    if (summary.total > 0) {
      const step = out.step(`Applying ${summary.total} changes`);
      applied = await apply(session.deps, computed.plan, computed.observed).catch((error: unknown) => {
        step.fail("Apply stopped; run the same command again to finish the job");
        throw error;
      });
      step.done(
        `Applied ${summary.total} changes in ${applied.roundTrips} round trips (${applied.requests} requests)`,
      );
    }
    const appId = applied?.application.appId ?? computed.observed.application?.appId;
    if (appId === undefined) throw new Error("The app has no Application (client) ID after apply.");
    const secret = applied?.secret;
    const certificate = made
      ? {
          thumbprint: made.created.thumbprint,
          notAfter: made.created.notAfter,
          files: await writeCertificateFiles(".", `boxafe-${appId.slice(0, 8)}-sharepoint`, made),
          pfxPassword: made.generatedPassword ? made.pfxPassword : null,
        }
      : undefined;
    if (secret) out.redactor.protect(secret.secretText);
    const fromEnv = context.env.BOXAFE_CLIENT_SECRET;
    const credential: ClientCredential | undefined = secret
      ? { kind: "secret", secret: secret.secretText }
      : made && !choice.secretDays
        ? {
            kind: "certificate",
            privateKeyPem: made.created.privateKeyPem,
            certificatePem: made.created.certificatePem,
          }
        : fromEnv
          ? { kind: "secret", secret: fromEnv }
          : undefined;
    let report: VerificationReport | undefined;
    if (credential) {
      report = await verifyCredentials(out, {
        tenantId: session.tenantId,
        clientId: appId,
        credential,
        permissions: computed.desired.permissions,
        cloud: session.target.endpoints,
        sharePointTenant: sharePointTenantName(computed.observed.organization.initialDomain),
        graph: session.deps.graph,
      });
    } else {
      out.info(
        "Verification skipped: no new secret was made. Prove an existing one with 'boxafe-connect verify'.",
      );
    }
    await handOver(context, {
      command: "setup",
      tenantId: session.tenantId,
      clientId: appId,
      applicationObjectId: applied?.application.id ?? computed.observed.application?.id ?? null,
      servicePrincipalId: applied?.servicePrincipalId ?? computed.observed.servicePrincipal?.id ?? null,
      displayName: computed.desired.displayName,
      ...(secret ? { secret } : {}),
      permissions: computed.desired.permissions,
      summary,
      report,
      stats: applied
        ? { requests: applied.requests, roundTrips: applied.roundTrips }
        : { requests: 0, roundTrips: 0 },
      outputFile: stringOption(context, "output"),
      ...(certificate ? { certificate } : {}),
      preflight: preflightDocument(checked),
    });
    // The secret / key is on stdout (and in the JSON): now the tenant may count it as held.
    if (applied?.handOver !== undefined) await confirmHandOver(session.deps, applied.handOver);
    return report && !report.complete ? ExitCode.VerificationIncomplete : ExitCode.Ok;
  } finally {
    await session.close();
  }
}
