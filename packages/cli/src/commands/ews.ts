/**
 * `ews status` and `ews allow`: the organization's EWS allow list through Exchange Online's admin REST
 * (a second sign-in), core's read-merge-write, the change in words and the PowerShell. A change that
 * takes EWS away from other apps needs --confirm-ews-change (or a yes at the prompt); --yes is not it.
 * With the app's credential (BOXAFE_CLIENT_SECRET or --certificate-file) a real EWS call says whether
 * it works yet; without one, an allowed policy is "pending (up to 24 h)".
 */
import type { ClientCredential, EwsAllowResult, WorkloadProof } from "@boxafe-connect/core";
import {
  ewsAllow,
  ewsRequestSchema,
  ewsStatus,
  observeApp,
  parseRequest,
  requireApp,
  sharePointTenantName,
} from "@boxafe-connect/core";
import { readCertificateFile } from "../auth/read-certificate.js";
import type { CommandContext } from "../command-context.js";
import { flag, stringOption } from "../command-context.js";
import { ewsChangeLines, ewsProofLine, ewsStatusLines, powerShellLines } from "../render/ews-view.js";
import { withProgress } from "../render/task-progress.js";
import { ExitCode } from "../render-error.js";
import { appRequestOf } from "../requests/app-request.js";
import { sessionRequestOf } from "../requests/session-request.js";
import { openAdminSession } from "../session/admin-session.js";
import { type EwsSession, openEwsSession } from "../session/ews-session.js";
import { proveWorkloadsFor } from "../session/workload-proof.js";
import { confirmOrCancel } from "../wizard/prompts.js";

/** The app's credential when the admin gave one; EWS is then proven by a real call. */
export async function knownCredential(context: CommandContext): Promise<ClientCredential | undefined> {
  const file = stringOption(context, "certificate-file");
  if (file !== undefined) return readCertificateFile(file, Date.now());
  const secret = context.env.BOXAFE_CLIENT_SECRET;
  if (!secret) return undefined;
  context.out.redactor.protect(secret);
  return { kind: "secret", secret };
}

/** A real GetFolder as the app when a credential is known; the EWS line for check, status and allow. */
export async function proveEws(
  ews: EwsSession,
  credential: ClientCredential | undefined,
  allowed: boolean,
  mailbox: string | undefined,
): Promise<WorkloadProof> {
  if (!credential) {
    return allowed
      ? {
          state: "pending",
          call: "none",
          why: "the allow list lets this app in; no EWS call was made (pass the app's credential to prove it).",
        }
      : {
          state: "blocked",
          call: "none",
          why: "the organization's EWS policy blocks this app.",
          fix: "boxafe-connect ews allow",
        };
  }
  let sharePointTenant: string | undefined;
  try {
    sharePointTenant = sharePointTenantName(ews.target.initialDomain);
  } catch {
    sharePointTenant = undefined;
  }
  const report = await proveWorkloadsFor({
    cloud: ews.target.cloud,
    tenantId: ews.target.tenantId,
    clientId: ews.target.appId,
    credential,
    sharePointTenant,
    ewsAllowed: allowed,
    ...(mailbox ? { mailbox } : {}),
  });
  return report.exchange;
}

async function confirmNarrowing(context: CommandContext, result: EwsAllowResult): Promise<boolean> {
  if (flag(context, "confirm-ews-change")) return true;
  if (!context.interactive) return false;
  context.out.print(ewsChangeLines(result, context.out.style).join("\n"));
  await confirmOrCancel("Block every other EWS app in this tenant and allow only this one?");
  return true;
}

export async function runEws(context: CommandContext): Promise<number> {
  const { out } = context;
  const action = context.command === "ews allow" ? "allow" : "status";
  const appRequest = appRequestOf(context.values);
  const credential = await knownCredential(context);
  const mailbox = stringOption(context, "mailbox");
  const sessionRequest = sessionRequestOf(context.values);
  const session = await openAdminSession(context, sessionRequest, { requireAdmin: false });
  try {
    const observed = await withProgress(out, (emit) => observeApp(session.ports, appRequest, emit));
    const app = requireApp(observed, "Run setup first, or check --app-id.");
    const request = parseRequest(ewsRequestSchema, {
      action,
      appId: app.appId,
      confirmEwsChange: flag(context, "confirm-ews-change"),
    });
    const ews = await openEwsSession(context, session, sessionRequest.signIn, observed, request.appId);
    if (request.action === "status") {
      const status = await ewsStatus(ews.deps, ews.target);
      const proof = await proveEws(ews, credential, status.state === "allowed", mailbox);
      out.result({
        command: "ews status",
        ok: proof.state === "works",
        clientId: app.appId,
        policy: status.policy,
        policyState: status.state,
        ews: proof.state,
        proof,
        notes: status.notes,
        powershell: status.powershell,
      });
      out.print([...ewsStatusLines(status, out.style), ewsProofLine(proof, out.style)].join("\n"));
      if (status.state === "blocked") out.info(powerShellLines(status.powershell, out.style).join("\n"));
      return proof.state === "works" ? ExitCode.Ok : ExitCode.VerificationIncomplete;
    }
    let result = await ewsAllow(ews.deps, { ...ews.target, confirmNarrowing: request.confirmEwsChange });
    if (result.outcome === "needs-confirmation" && (await confirmNarrowing(context, result))) {
      result = await ewsAllow(ews.deps, { ...ews.target, confirmNarrowing: true });
    }
    const refused = result.outcome === "needs-confirmation";
    const proof = refused ? undefined : await proveEws(ews, credential, result.state === "allowed", mailbox);
    out.result({
      command: "ews allow",
      ok: !refused,
      clientId: app.appId,
      outcome: result.outcome,
      effects: result.change.effects,
      narrowsOthers: result.change.narrowsOthers,
      before: result.before,
      after: result.after ?? null,
      ews: proof?.state ?? "blocked",
      proof: proof ?? null,
      powershell: result.powershell,
    });
    out.print(ewsChangeLines(result, out.style).join("\n"));
    out.info(powerShellLines(result.powershell, out.style).join("\n"));
    if (refused) {
      out.warn(
        "Nothing was changed: this would take EWS away from every other app in the tenant. Run again with --confirm-ews-change if that is what you want (--yes is not enough), or run the PowerShell above yourself.",
      );
      return ExitCode.Usage;
    }
    out.print(ewsProofLine(proof ?? { state: "pending", call: "none" }, out.style));
    return ExitCode.Ok;
  } finally {
    await session.close();
  }
}
