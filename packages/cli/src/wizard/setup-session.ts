/**
 * The CLI's side of core's setup session (the step machine's effects over the use cases): it
 * supplies sign-in and the role check, and the Node ports. The wizard and `setup --yes` both run
 * on this. The secret, the plan and the tokens stay in memory, in core's session.
 */
import type {
  Action,
  AdminPorts,
  CertificateMaker,
  EffectHandlers,
  Emit,
  HandOverPort,
  NewSecret,
  Permission,
  PreflightResult,
  SecretLifetimeDays,
  SetupRequest,
  SetupSession,
  SharePointAppInv,
  VerificationReport,
} from "@boxafe-connect/core";
import { CoreError, checkRole, createSetupSession } from "@boxafe-connect/core";
import type { SignedIn, SignInPrompt } from "../auth/sign-in.js";
import type { SessionRequest, SignInOptions } from "../requests/session-request.js";
import { adminPorts, proofPorts, signInAdmin } from "../session/admin-session.js";
import type { AppCertificate } from "../session/certificate-maker.js";
import { appCertificates } from "../session/certificate-maker.js";
import { requirePreflight, runTenantPreflight } from "../session/tenant-preflight.js";
import type { Io, Target } from "../target/resolve-target.js";
import { resolveTarget, targetMarker } from "../target/resolve-target.js";

export interface SecretChoice {
  readonly displayName: string;
  readonly lifetimeDays: SecretLifetimeDays;
}

/** What the prompts and renderers read during a run. */
export interface WizardSession {
  readonly handlers: EffectHandlers;
  /** The secret's description and lifetime from the choose-app prompt, before observe runs. */
  chooseSecret(choice: SecretChoice): void;
  newSecret(): NewSecret | undefined;
  /** The admin holds the new credential (secret confirmed copied, key files written): see core's handedOver. */
  handedOver(): Promise<void>;
  /** The full plan of the last observe (for the review), if any. */
  planActions(): readonly Action[];
  permissions(): readonly Permission[];
  appInv(): SharePointAppInv | undefined;
  report(): VerificationReport | undefined;
  certificate(): { readonly made: AppCertificate; readonly report: VerificationReport } | undefined;
  core(): SetupSession<AppCertificate>;
  /** The last preflight of this run, when it ran. */
  preflight(): PreflightResult | undefined;
  /** Where the run signed in (after sign-in): the EWS step signs in to the same tenant's Exchange. */
  target(): Target | undefined;
  /** How the run signs in (the typed request): the EWS step's second sign-in uses the same flow. */
  signInOptions(): SignInOptions | undefined;
  /** The error the last failed effect threw, as thrown (the machine keeps only code and message). */
  lastError(): unknown;
  close(): Promise<void>;
}

export interface SessionDisplay {
  /** No "Signing in" line of our own (the wizard shows its own). */
  readonly quiet?: boolean;
  readonly onPrompt?: (prompt: SignInPrompt) => void;
  readonly emit?: Emit;
  readonly handOver?: HandOverPort<AppCertificate>;
  /** The certificate source (a held file reused, else new key pairs); by default always new. */
  readonly certificates?: CertificateMaker<AppCertificate>;
  /** A secret the admin already holds (BOXAFE_CLIENT_SECRET), proven when no new one is made. */
  readonly knownSecret?: string;
  /** Run core's preflight after the tenant is read and plan what its rules allow (setup --yes). */
  readonly preflight?: boolean;
}

/** Handlers that remember what they threw, so the CLI can render the original error. */
function remembering(handlers: EffectHandlers, keep: (error: unknown) => void): EffectHandlers {
  const wrap =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await run(...args);
      } catch (error) {
        keep(error);
        throw error;
      }
    };
  return {
    signIn: wrap(handlers.signIn),
    checkRole: wrap(handlers.checkRole),
    observe: wrap(handlers.observe),
    apply: wrap(handlers.apply),
    verify: wrap(handlers.verify),
    sharepoint: wrap(handlers.sharepoint),
  };
}

export function createWizardSession(
  io: Io,
  sessionRequest: SessionRequest,
  request: SetupRequest,
  display: SessionDisplay = {},
): WizardSession {
  let target: Target | undefined;
  let signedIn: SignedIn | undefined;
  let ports: AdminPorts | undefined;
  let checked: PreflightResult | undefined;
  const token = async () => {
    if (!signedIn) throw new CoreError("invalid_transition", "Sign-in is not ready yet; sign in again.");
    const value = await signedIn.getAccessToken();
    io.out.redactor.protect(value);
    return value;
  };
  const core = createSetupSession<AppCertificate>(
    {
      async signIn() {
        target ??= await resolveTarget(io, sessionRequest.target);
        signedIn = await signInAdmin(
          io,
          target,
          sessionRequest.signIn,
          {
            ...(display.quiet ? { quiet: true } : {}),
            ...(display.onPrompt ? { onPrompt: display.onPrompt } : {}),
          },
          { preflight: display.preflight === true },
        );
        const role = checkRole(await token());
        const tenantId = role.tenantId ?? signedIn.tenantId;
        io.out.setTarget(targetMarker(target, tenantId));
        ports = await adminPorts(io, target, signedIn);
        return {
          username: signedIn.username,
          tenantId,
          ports: {
            ...ports,
            proof: await proofPorts(io, target),
            certificates: display.certificates ?? appCertificates(io, async () => undefined),
            handOver: async (credential) => {
              if (credential.secret) io.out.redactor.protect(credential.secret.secretText);
              await display.handOver?.(credential);
            },
          },
        };
      },
      async checkRole() {
        const role = checkRole(await token());
        io.out.debug(`roles: ${role.roles.join(", ") || "none"}`);
        if (!role.ok) throw new CoreError("insufficient_role", role.message);
        return { roles: role.roles };
      },
      ...(display.preflight
        ? {
            async fit(prepared, wanted) {
              if (!signedIn || !target || !ports) {
                throw new CoreError("invalid_transition", "Sign-in is not ready yet; sign in again.");
              }
              // The tenant's rules before any write: a failing rule stops the run here.
              checked = await runTenantPreflight(
                io,
                { signedIn, target, ports },
                prepared.observed,
                prepared.permissions,
                wanted,
                display.quiet ? { quiet: true } : {},
              );
              requirePreflight(checked);
              return checked.credentials;
            },
          }
        : {}),
    },
    request,
    display.emit,
    display.knownSecret ? { knownSecret: display.knownSecret } : {},
  );
  return wizardSessionOver(core, {
    preflight: () => checked,
    target: () => target,
    signInOptions: () => sessionRequest.signIn,
    close: async () => {
      await target?.close();
    },
  });
}

/** The CLI's view of a core setup session (what the prompts and renderers read); no I/O of its own. */
export function wizardSessionOver(
  core: SetupSession<AppCertificate>,
  extra: {
    readonly preflight?: () => PreflightResult | undefined;
    /** Where the run signed in (the EWS step signs in to the same tenant's Exchange). */
    readonly target?: () => Target | undefined;
    readonly signInOptions?: () => SignInOptions | undefined;
    readonly close?: () => Promise<void>;
  } = {},
): WizardSession {
  let failure: unknown;
  const handlers = remembering(core.handlers, (error) => {
    failure = error;
  });
  return {
    handlers,
    chooseSecret: (choice) => {
      // A lifetime chosen in the prompt replaces an end date given as a flag.
      core.update(({ secretEndDate: _e, ...rest }) => ({
        ...rest,
        secretName: choice.displayName,
        secretLifetimeDays: choice.lifetimeDays,
      }));
    },
    newSecret: () => core.newSecret(),
    handedOver: () => core.handedOver(),
    planActions: () => core.prepared()?.plan.actions ?? [],
    permissions: () => core.prepared()?.permissions ?? [],
    appInv: () => core.appInv(),
    report: () => core.report(),
    certificate: () => core.certificate(),
    core: () => core,
    preflight: () => extra.preflight?.(),
    target: () => extra.target?.(),
    signInOptions: () => extra.signInOptions?.(),
    lastError: () => failure,
    close: async () => {
      await extra.close?.();
    },
  };
}
