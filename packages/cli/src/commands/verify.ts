/**
 * `verify`: the three values in, token proof out. No admin sign-in: the app's own credential gets
 * fresh client-credentials tokens whose roles are compared with the profile.
 */
import { readFile } from "node:fs/promises";
import { verifyApp } from "@boxafe-connect/core";
import { nodePorts } from "@boxafe-connect/runtime";
import type { CommandContext } from "../command-context.js";
import { withProgress } from "../render/task-progress.js";
import { verificationLines } from "../render/verification-view.js";
import { ExitCode } from "../render-error.js";
import { text } from "../requests/flag-values.js";
import { targetOptionsOf } from "../requests/session-request.js";
import { credentialOf, verifyFlagsOf, verifyRequestOf } from "../requests/verify-request.js";
import { proofPorts, retryOf } from "../session/admin-session.js";
import { loadProfile } from "../session/load-profile.js";
import { resolveTarget } from "../target/resolve-target.js";

export async function runVerify(context: CommandContext): Promise<number> {
  const flags = verifyFlagsOf(context.values);
  const targetOptions = targetOptionsOf(context.values);
  const credential = await credentialOf(context);
  const profilePath = text(context.values, "profile");
  const profile = profilePath ? await loadProfile(profilePath, (file) => readFile(file, "utf8")) : undefined;
  const target = await resolveTarget(context, targetOptions);
  try {
    const request = verifyRequestOf(flags, target.tenant, credential, profile);
    const result = await withProgress(context.out, async (emit) =>
      verifyApp(
        { ...nodePorts(), ...(await proofPorts(context, target)), ...retryOf(context.env) },
        request,
        emit,
      ),
    );
    context.out.result({
      command: "verify",
      ok: result.report.complete,
      tenantId: target.tenant,
      clientId: request.clientId,
      report: result.report,
    });
    context.out.print(verificationLines(result.report, context.out.style).join("\n"));
    return result.report.complete ? ExitCode.Ok : ExitCode.VerificationIncomplete;
  } finally {
    await target.close();
  }
}
