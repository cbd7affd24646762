/**
 * The only async part of the wizard: runs one effect through handlers the adapter fills from the
 * engine, and turns the outcome into an event. Outcomes are copied field by field, so a secret a
 * handler returns (the adapter keeps it in memory) never reaches an event or the state.
 */
import { isCoreError } from "../errors.js";
import type { AppKey } from "../tenant/model.js";
import type { ProofNotRun, ProofNotRunReason } from "../verify/not-run.js";
import type { WizardEvent } from "./events.js";
import type { Effect, ErrorInfo, PlanSummaryState, SharePointMode } from "./schema.js";
import type { ApplyStep, StepId } from "./steps.js";

export interface ApplyOutcome {
  readonly clientId: string;
  /** The secret added by this apply, if any. `secretText` may be present: it is never copied. */
  readonly secret?: { readonly endDateTime: string; readonly secretText?: string; readonly keyId?: string };
  /** True when no secret was added because a valid one of ours exists. */
  readonly existingSecret?: boolean;
}

/** Structurally the engine's VerificationReport (only what the wizard counts). */
export interface VerifyOutcome {
  readonly complete: boolean;
  readonly items: readonly { readonly status: "granted" | "pending" | "missing" | "unverifiable" }[];
  /** Set when no proof could run (never complete): no key or secret here (verify/not-run.ts). */
  readonly notRun?: ProofNotRunReason | ProofNotRun;
}

export interface EffectHandlers {
  signIn(): Promise<{ readonly username: string; readonly tenantId: string }>;
  /** Resolves with the admin roles found; throws CoreError insufficient_role when they fall short. */
  checkRole(): Promise<{ readonly roles: readonly string[] }>;
  /** Observes the tenant and plans; the adapter keeps the full plan for `apply`. */
  observe(
    appKey: AppKey,
    displayName?: string,
  ): Promise<{ readonly plan: PlanSummaryState; readonly appId?: string }>;
  /** Applies the kept plan; calls `progress` when an executor wave finishes its steps. */
  apply(progress: (step: ApplyStep) => void): Promise<ApplyOutcome>;
  verify(progress: (granted: number, total: number) => void): Promise<VerifyOutcome>;
  /**
   * SharePoint: with mode "certificate", adds a certificate to the app and proves it (Boxafe 1.5);
   * always prepares the legacy appinv.aspx URL and values beside it.
   */
  sharepoint(mode?: SharePointMode): Promise<{
    readonly url: string;
    readonly certificate?: { readonly thumbprint: string; readonly notAfter: string };
  }>;
}

const STEP_OF: Readonly<Record<Effect["type"], StepId>> = {
  "sign-in": "sign-in",
  "check-role": "check-role",
  observe: "choose-app",
  apply: "register-app",
  verify: "verify",
  sharepoint: "sharepoint",
};

/** A thrown CoreError keeps its code and message (never secret by contract); anything else is generic. */
export function errorInfo(error: unknown, effect: Effect): ErrorInfo {
  if (isCoreError(error)) {
    return {
      code: error.code,
      message: error.message,
      ...(error.field === undefined ? {} : { field: error.field }),
    };
  }
  // An unknown error's text may echo a request or a credential: do not pass it on.
  return {
    code: "internal_error",
    message: `Unexpected failure during ${STEP_OF[effect.type]}. Retry; if it happens again, run with --debug and report it.`,
  };
}

async function outcome(
  handlers: EffectHandlers,
  effect: Effect,
  emit: (event: WizardEvent) => void,
): Promise<WizardEvent> {
  switch (effect.type) {
    case "sign-in": {
      const { username, tenantId } = await handlers.signIn();
      return { type: "sign-in.done", username: String(username), tenantId: String(tenantId) };
    }
    case "check-role": {
      const { roles } = await handlers.checkRole();
      return { type: "role.done", roles: roles.map(String) };
    }
    case "observe": {
      const { plan, appId } = await handlers.observe(effect.appKey, effect.displayName);
      const findings = plan.findings.map(({ kind, message, resource, value }) => ({
        kind,
        message,
        ...(resource === undefined ? {} : { resource }),
        ...(value === undefined ? {} : { value }),
      }));
      const summary = { total: plan.total, counts: { ...plan.counts }, actions: [...plan.actions], findings };
      return { type: "observe.done", plan: summary, ...(appId === undefined ? {} : { appId }) };
    }
    case "apply": {
      const result = await handlers.apply((step) => emit({ type: "apply.progress", step }));
      const secret =
        result.secret !== undefined ? "new" : result.existingSecret === true ? "existing" : "none";
      return {
        type: "apply.done",
        clientId: String(result.clientId),
        secret,
        ...(result.secret === undefined ? {} : { secretExpiresOn: String(result.secret.endDateTime) }),
      };
    }
    case "verify": {
      const report = await handlers.verify((granted, total) =>
        emit({ type: "verify.progress", granted, total }),
      );
      const count = (status: VerifyOutcome["items"][number]["status"]) =>
        report.items.filter((i) => i.status === status).length;
      return {
        type: "verify.done",
        complete: report.complete,
        granted: count("granted"),
        pending: count("pending"),
        missing: count("missing"),
        unverifiable: count("unverifiable"),
        total: report.items.length,
        ...(report.notRun
          ? { notRun: typeof report.notRun === "string" ? report.notRun : report.notRun.reason }
          : {}),
      };
    }
    case "sharepoint": {
      const { url, certificate } = await handlers.sharepoint(effect.mode);
      return {
        type: "sharepoint.ready",
        url: String(url),
        ...(certificate
          ? {
              certificate: {
                thumbprint: String(certificate.thumbprint),
                notAfter: String(certificate.notAfter),
              },
            }
          : {}),
      };
    }
  }
}

const FAILED: Readonly<Record<Effect["type"], Extract<WizardEvent, { error: ErrorInfo }>["type"]>> = {
  "sign-in": "sign-in.failed",
  "check-role": "role.failed",
  observe: "observe.failed",
  apply: "apply.failed",
  verify: "verify.failed",
  sharepoint: "sharepoint.failed",
};

/**
 * Runs one effect and returns the event to feed back. Progress events (apply waves, verification
 * polls) go to `emit` as they happen; failures come back as `*.failed` events, never as throws.
 */
export async function runEffect(
  handlers: EffectHandlers,
  effect: Effect,
  emit: (event: WizardEvent) => void = () => {},
): Promise<WizardEvent> {
  try {
    return await outcome(handlers, effect, emit);
  } catch (error) {
    return { type: FAILED[effect.type], error: errorInfo(error, effect) };
  }
}
