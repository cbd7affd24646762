/**
 * The step machine's effects, filled from the use cases: what the wizard, `setup --yes` and the
 * web page all run. The adapter supplies only sign-in and the role check (its own token flow);
 * the plan, the new secret, the certificate and the reports stay in this closure (memory only);
 * runEffect copies nothing secret into the machine's state.
 */
import { sharePointTenantName } from "../clouds.js";
import { certificateOption } from "../credentials/certificate-option.js";
import type { NewSecret } from "../engine/add-password.js";
import { CoreError } from "../errors.js";
import type { WantedCredentials } from "../preflight/types.js";
import type { SetupRequest } from "../requests/setup-request.js";
import type { SharePointAppInv } from "../sharepoint/app-inv.js";
import { sharePointAppInv } from "../sharepoint/app-inv.js";
import type { AppKey } from "../tenant/model.js";
import { addCertificate } from "../usecases/certificate.js";
import type { CertificateSource, KeptCertificate } from "../usecases/choose-certificate.js";
import type { Emit } from "../usecases/events.js";
import { silent } from "../usecases/events.js";
import { handedOver } from "../usecases/hand-over.js";
import type { MadeCertificate, ProofPorts } from "../usecases/ports.js";
import type { Prepared } from "../usecases/prepare.js";
import { prepare, replan } from "../usecases/prepare.js";
import type { Applied, SetupPorts } from "../usecases/setup.js";
import { applyPrepared, sharePointNameOf } from "../usecases/setup.js";
import type { ProofInput } from "../usecases/verify-app.js";
import { prove } from "../usecases/verify-app.js";
import type { ProofNotRunReason } from "../verify/not-run.js";
import { notRunReport } from "../verify/not-run.js";
import type { ClientCredential } from "../verify/port.js";
import type { VerificationReport } from "../verify/verify.js";
import type { EffectHandlers } from "./run-effect.js";
import { askedCredentials, plansSecret, sessionCredentials } from "./session-credentials.js";

export interface SessionPorts<C extends MadeCertificate> extends SetupPorts<C> {
  readonly proof: ProofPorts;
}

/**
 * What an adapter's own proof gets (SessionHost.prove): the app, its permissions, and the credential
 * core chose to prove with; none when this run made none (an existing secret cannot be read back).
 */
export interface HostProofInput extends Omit<ProofInput, "credential"> {
  readonly credential?: ClientCredential;
}

export interface SessionHost<C extends MadeCertificate> {
  /** Signs the admin in; the ports act as that admin from here on. */
  signIn(): Promise<{
    readonly username: string;
    readonly tenantId: string;
    readonly ports: SessionPorts<C>;
  }>;
  /** The admin's directory roles; throws CoreError insufficient_role when they fall short. */
  checkRole(): Promise<{ readonly roles: readonly string[] }>;
  /**
   * After the tenant is read and before the plan: fits the credentials asked for to the tenant's
   * rules (preflight), or throws to stop before any write. Without it the request's stand.
   */
  fit?(prepared: Prepared, wanted: WantedCredentials): Promise<WantedCredentials>;
  /**
   * Proves the credential core chose where the adapter can, instead of core's token proof with the
   * ports' `proof` (the web page redeems no credential itself: consent read back, and a secret through
   * its API). Core still decides which credential, and that a kept certificate is never proven.
   */
  prove?(
    input: HostProofInput,
    progress: (granted: number, total: number) => void,
  ): Promise<VerificationReport>;
}

export interface SetupSession<C extends MadeCertificate> {
  readonly handlers: EffectHandlers;
  /** Changes the request with choices made during the run (the wizard's secret prompts), before observe. */
  update(change: (request: SetupRequest) => SetupRequest): void;
  request(): SetupRequest;
  prepared(): Prepared | undefined;
  applied(): Applied | undefined;
  newSecret(): NewSecret | undefined;
  /**
   * The admin holds the new secret (confirmed copied) or the certificate's files are written: the
   * tenant stops counting the credential unheld. Call it at that moment, never earlier.
   */
  handedOver(): Promise<void>;
  report(): VerificationReport | undefined;
  certificate(): { readonly made: C; readonly report: VerificationReport } | undefined;
  /** The certificate made for Boxafe 1.5 at observe time (its hand-over credential). */
  boxafeCertificate(): C | undefined;
  /** "held" when certificate() is the admin's own (reused: no files to write), "made" when new. */
  certificateSource(): CertificateSource | undefined;
  /**
   * The app's certificate this run kept (Boxafe 1.5, no files here or given, no --new-certificate):
   * nothing made, added or written; the proofs cannot run with it (its key is held elsewhere).
   */
  keptCertificate(): KeptCertificate | undefined;
  appInv(): SharePointAppInv | undefined;
  /**
   * The credentials this run made that the admin may not hold yet (a new secret, a new key pair);
   * undefined when none or once handedOver() ran. The decision is session-credentials.ts's unheld.
   */
  unheld(): { readonly secret?: NewSecret; readonly certificate?: C } | undefined;
}

export interface SessionOptions {
  /** A secret the admin already holds, proven when the run makes no new one. */
  readonly knownSecret?: string;
}

function requestFor(request: SetupRequest, appKey: AppKey, displayName: string | undefined): SetupRequest {
  const { appId: _a, displayName: _d, ...rest } = request;
  const name = displayName ?? request.displayName;
  return {
    ...rest,
    ...("appId" in appKey ? { appId: appKey.appId } : {}),
    ...(name === undefined ? {} : { displayName: name }),
  };
}

export function createSetupSession<C extends MadeCertificate>(
  host: SessionHost<C>,
  initial: SetupRequest,
  emit: Emit = silent,
  options: SessionOptions = {},
): SetupSession<C> {
  let request = initial;
  let ports: SessionPorts<C> | undefined;
  let prepared: Prepared | undefined;
  let applied: Applied | undefined;
  let report: VerificationReport | undefined;
  let inv: SharePointAppInv | undefined;
  const credentials = sessionCredentials<C>();

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new CoreError("invalid_transition", `${what} is not ready yet; sign in again.`);
    return value;
  };
  const clientIdOf = () => applied?.clientId ?? need(prepared, "The plan").observed.application?.appId;

  const handlers: EffectHandlers = {
    async signIn() {
      const signedIn = await host.signIn();
      ports = signedIn.ports;
      return { username: signedIn.username, tenantId: signedIn.tenantId };
    },
    checkRole: () => host.checkRole(),
    async observe(appKey, displayName) {
      const p = need(ports, "Sign-in");
      const wanted = requestFor(request, appKey, displayName);
      // Boxafe 1.5 signs in with a certificate: made now (before the plan), no secret planned.
      const withSecret = plansSecret(wanted);
      // A preflight follows (fit): its policy reads ride in observe's $batch when the sign-in allows.
      prepared = await prepare(p, wanted, emit, { withSecret }, { withPolicies: host.fit !== undefined });
      const asked = askedCredentials(wanted, withSecret, prepared.now);
      const chosen = host.fit ? await host.fit(prepared, asked) : asked;
      await credentials.choose(p, prepared, chosen.certificateDays, wanted.newCertificate, emit);
      const made = credentials.chosen();
      if (host.fit || made) {
        prepared = replan(prepared, {
          withSecret: chosen.secretDays !== undefined,
          ...(chosen.secretDays !== undefined ? { secretDays: chosen.secretDays } : {}),
          ...(made ? { certificate: certificateOption(made, prepared.desired.displayName) } : {}),
        });
      }
      applied = undefined;
      const { summary } = prepared;
      const appId = prepared.observed.application?.appId;
      return {
        plan: {
          total: summary.total,
          counts: { ...summary.counts },
          actions: [...summary.actions],
          findings: [...summary.findings],
        },
        ...(appId ? { appId } : {}),
      };
    },
    async apply(progress) {
      const plan = need(prepared, "The plan");
      applied = await applyPrepared(
        need(ports, "Sign-in"),
        plan,
        (event) => {
          if (event.type === "apply-step") progress(event.step);
          emit(event);
        },
        // A reused certificate is the admin's already: only a new key pair is handed over (files).
        credentials.newKeyPair(),
      );
      return {
        clientId: applied.clientId,
        ...(applied.secret ? { secret: { endDateTime: applied.secret.endDateTime } } : {}),
        existingSecret: !credentials.chosen() && !plan.plan.actions.some((a) => a.type === "add-password"),
      };
    },
    async verify(progress) {
      const p = need(ports, "Sign-in");
      const plan = need(prepared, "The plan");
      // The credential Boxafe will hold (session-credentials.ts decides which).
      const credential = credentials.proving(plan.request, applied, options.knownSecret);
      // No key or secret here: the proof did not run, which is never "complete" (and no retry helps).
      const notRun = (reason: ProofNotRunReason) => {
        report = notRunReport(reason, new Date(p.clock.now()).toISOString());
        return report;
      };
      // A kept certificate's key is held elsewhere: never proven, by core or by the host.
      if (!credential && credentials.kept()) return notRun("certificate-held-elsewhere");
      const sharePointTenant = sharePointNameOf(plan.observed);
      const input = {
        tenantId: plan.observed.organization.id,
        clientId: need(clientIdOf(), "The app"),
        permissions: plan.permissions,
        graph: p.graph,
        ...(sharePointTenant ? { sharePointTenant } : {}),
      };
      // The adapter proves its own way (the web page reads consent back and says why tokens were not asked for).
      if (host.prove) {
        report = await host.prove({ ...input, ...(credential ? { credential } : {}) }, progress);
        return report;
      }
      // An existing secret cannot be read back.
      if (!credential) return notRun("secret-held-elsewhere");
      report = await prove({ ...p, ...p.proof }, { ...input, credential }, (event) => {
        if (event.type === "verify-progress" && event.total > 0) progress(event.granted, event.total);
        emit(event);
      });
      return report;
    },
    async sharepoint(mode) {
      const p = need(ports, "Sign-in");
      const plan = need(prepared, "The plan");
      const clientId = need(clientIdOf(), "The app");
      inv = sharePointAppInv(sharePointTenantName(plan.observed.organization.initialDomain), clientId);
      if (mode !== "certificate") return { url: inv.url };
      // The kept certificate already gives SharePoint app-only access (its holder proves it): add none.
      const kept = credentials.kept();
      if (kept)
        return { url: inv.url, certificate: { thumbprint: kept.thumbprint, notAfter: kept.notAfter } };
      // Boxafe 1.5's certificate already gives SharePoint app-only access: reuse it, add none.
      const made = credentials.chosen();
      if (made && report) {
        credentials.reuseForSharePoint(report);
        return { url: inv.url, certificate: { thumbprint: made.thumbprint, notAfter: made.notAfter } };
      }
      const added = await addCertificate(
        { ...p, certificates: need(p.certificates, "A certificate maker") },
        {
          appId: clientId,
          certificateDays: request.certificateDays,
          ...(request.profile ? { profile: request.profile } : {}),
        },
        emit,
      );
      credentials.addedForSharePoint(added);
      return {
        url: inv.url,
        certificate: { thumbprint: added.certificate.thumbprint, notAfter: added.certificate.notAfter },
      };
    },
  };

  return {
    handlers,
    update(change) {
      request = change(request);
    },
    request: () => request,
    prepared: () => prepared,
    applied: () => applied,
    newSecret: () => applied?.secret,
    async handedOver() {
      const p = need(ports, "Sign-in");
      const pending = [applied?.handOver, ...credentials.deliver()];
      applied = applied && { ...applied, handOver: undefined };
      for (const each of pending) await handedOver(p, each, emit);
    },
    report: () => report,
    certificate: () => credentials.certificate(report),
    certificateSource: () => credentials.source(),
    keptCertificate: () => credentials.kept(),
    boxafeCertificate: () => credentials.chosen(),
    appInv: () => inv,
    unheld: () => credentials.unheld(applied),
  };
}
