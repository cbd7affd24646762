/**
 * The end of a setup, after the credential exists: the EWS step (allow | print | skip) and the
 * proof of each workload by a real call as the app, with the credential Boxafe will hold (Boxafe
 * 1.5's certificate, else the new secret). Nothing here may lose the credential: every failure is
 * caught and reported beside the hand-over instead of ending the run.
 */
import type { ClientCredential, EwsMode, EwsStepResult, WorkloadResult } from "@boxafe-connect/core";
import { isCoreError, runEwsStep, sharePointTenantName } from "@boxafe-connect/core";
import type { Io } from "../target/resolve-target.js";
import type { WizardSession } from "../wizard/setup-session.js";
import { type EwsSession, openEwsSessionOn } from "./ews-session.js";
import { proveWorkloadsFor } from "./workload-proof.js";

export interface SetupEnd {
  readonly ews?: EwsStepResult;
  readonly ewsError?: { readonly code: string; readonly message: string };
  readonly workloads?: WorkloadResult;
}

function errorOf(error: unknown): { code: string; message: string } {
  return isCoreError(error)
    ? { code: error.code, message: error.message }
    : { code: "internal_error", message: "The step failed unexpectedly." };
}

/** The credential the proof uses: what Boxafe will hold. */
export function boxafeCredential(session: WizardSession): ClientCredential | undefined {
  const made = session.core().boxafeCertificate();
  if (made)
    return { kind: "certificate", certificatePem: made.certificatePem, privateKeyPem: made.privateKeyPem };
  const secret = session.newSecret();
  return secret ? { kind: "secret", secret: secret.secretText } : undefined;
}

/** Opens the Exchange Online session of the EWS step (its second sign-in). */
export function ewsOpener(io: Io, session: WizardSession): (() => Promise<EwsSession>) | undefined {
  const target = session.target();
  const signIn = session.signInOptions();
  const prepared = session.core().prepared();
  const clientId = session.core().applied()?.clientId ?? prepared?.observed.application?.appId;
  if (!target || !signIn || !prepared || !clientId) return undefined;
  return () => openEwsSessionOn(io, target, signIn, prepared.observed, clientId);
}

export async function proveSetup(
  session: WizardSession,
  ewsAllowed: boolean,
  mailbox: string | undefined,
): Promise<WorkloadResult | undefined> {
  const target = session.target();
  const prepared = session.core().prepared();
  const clientId = session.core().applied()?.clientId ?? prepared?.observed.application?.appId;
  const credential = boxafeCredential(session);
  if (!target || !prepared || !clientId || !credential) return undefined;
  let sharePointTenant: string | undefined;
  try {
    sharePointTenant = sharePointTenantName(prepared.observed.organization.initialDomain);
  } catch {
    sharePointTenant = undefined;
  }
  return proveWorkloadsFor({
    cloud: target.endpoints,
    tenantId: prepared.observed.organization.id,
    clientId,
    credential,
    sharePointTenant,
    ewsAllowed,
    ...(mailbox ? { mailbox } : {}),
  });
}

/** `setup --yes`: the EWS step as the flags say, then the proofs. */
export async function finishSetup(
  io: Io,
  session: WizardSession,
  mode: EwsMode,
  confirmNarrowing: boolean,
  mailbox: string | undefined,
): Promise<SetupEnd> {
  let ews: EwsStepResult | undefined;
  let ewsError: SetupEnd["ewsError"];
  const open = ewsOpener(io, session);
  const prepared = session.core().prepared();
  const clientId = session.core().applied()?.clientId ?? prepared?.observed.application?.appId;
  const target = session.target();
  if (open && prepared && clientId && target) {
    try {
      if (mode === "allow") {
        const exchange = await open();
        ews = await runEwsStep(mode, exchange.target, { deps: exchange.deps, confirmNarrowing });
      } else {
        ews = await runEwsStep(
          mode,
          {
            tenantId: prepared.observed.organization.id,
            initialDomain: prepared.observed.organization.initialDomain,
            cloud: target.endpoints,
            appId: clientId,
          },
          { confirmNarrowing },
        );
      }
    } catch (error) {
      ewsError = errorOf(error);
    }
  }
  let workloads: WorkloadResult | undefined;
  try {
    workloads = await proveSetup(session, ews?.ewsAllowed ?? false, mailbox);
  } catch (error) {
    io.out.warn(`The workload proof failed: ${errorOf(error).message}`);
  }
  return { ...(ews ? { ews } : {}), ...(ewsError ? { ewsError } : {}), ...(workloads ? { workloads } : {}) };
}
