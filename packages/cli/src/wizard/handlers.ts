/**
 * Fills core's EffectHandlers from the engine for the wizard. The new secret, the full plan and
 * the tokens stay in this closure (memory only); core's runEffect copies nothing secret into state.
 */
import type {
  Action,
  AppKey,
  ApplyResult,
  EffectHandlers,
  EngineDeps,
  NewSecret,
  ObservedWithOrganization,
  Permission,
  Plan,
  SharePointAppInv,
} from "@boxafe-connect/core";
import {
  apply,
  CoreError,
  checkRole,
  confirmHandOver,
  desiredFrom,
  finishedApplySteps,
  observe,
  plan,
  sharePointAppInv,
  sharePointTenantName,
  summarizePlan,
} from "@boxafe-connect/core";
import type { SignedIn, SignInPrompt } from "../auth/sign-in.js";
import type { CommandContext } from "../command-context.js";
import { engineDeps, signInAdmin } from "../session/admin-session.js";
import { defaultAppName, desiredOptionsOf, permissionsOf, secretDaysOf } from "../session/app-options.js";
import { requirePreflight, runTenantPreflight } from "../session/tenant-preflight.js";
import { verifyCredentials } from "../session/verify-credentials.js";
import type { Target } from "../target/resolve-target.js";
import { resolveTarget } from "../target/resolve-target.js";

export interface SecretChoice {
  readonly displayName: string;
  readonly lifetimeDays: number;
}

export interface WizardSession {
  readonly handlers: EffectHandlers;
  /** Set by the choose-app prompt before observe runs. */
  secretChoice: SecretChoice | undefined;
  newSecret(): NewSecret | undefined;
  /** The admin has the new secret (shown and confirmed copied): clear its pending mark in the tenant. */
  handedOver(): Promise<void>;
  /** The full plan of the last observe (for the review), if any. */
  planActions(): readonly Action[];
  permissions(): readonly Permission[];
  appInv(): SharePointAppInv | undefined;
  close(): Promise<void>;
}

export function createWizardSession(
  outer: CommandContext,
  display: { readonly onPrompt: (prompt: SignInPrompt) => void; readonly notice: (text: string) => void },
): WizardSession {
  // Notes (e.g. "using the built-in sandbox") go into the wizard's flow instead of raw stderr.
  const context: CommandContext = { ...outer, out: { ...outer.out, info: display.notice } };
  let target: Target | undefined;
  let signedIn: SignedIn | undefined;
  let deps: EngineDeps | undefined;
  let kept: { observed: ObservedWithOrganization; plan: Plan; permissions: Permission[] } | undefined;
  let secret: NewSecret | undefined;
  let pendingHandOver: ApplyResult["handOver"];
  let clientId: string | undefined;
  /** The tenant's GUID from the admin's token, read once at sign-in. */
  let tenantId: string | undefined;
  let inv: SharePointAppInv | undefined;
  let permissionsCache: Permission[] = [];

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new CoreError("invalid_transition", `${what} is not ready yet; sign in again.`);
    return value;
  };

  const session: WizardSession = {
    secretChoice: undefined,
    newSecret: () => secret,
    async handedOver() {
      const pending = pendingHandOver;
      if (pending === undefined || deps === undefined) return;
      await confirmHandOver(deps, pending);
      pendingHandOver = undefined;
    },
    planActions: () => kept?.plan.actions ?? [],
    permissions: () => permissionsCache,
    appInv: () => inv,
    close: async () => {
      await target?.close();
    },
    handlers: {
      async signIn() {
        target ??= await resolveTarget(context);
        signedIn = await signInAdmin(context, target, { quiet: true, onPrompt: display.onPrompt });
        deps = await engineDeps(context, target, signedIn);
        const token = await signedIn.getAccessToken();
        context.out.redactor.protect(token);
        tenantId = checkRole(token).tenantId ?? signedIn.tenantId;
        return { username: signedIn.username, tenantId };
      },
      async checkRole() {
        const token = await need(signedIn, "Sign-in").getAccessToken();
        const role = checkRole(token);
        if (!role.ok) throw new CoreError("insufficient_role", role.message);
        return { roles: role.roles };
      },
      async observe(appKey: AppKey, displayName?: string) {
        const d = need(deps, "Sign-in");
        const now = d.clock.now();
        permissionsCache = await permissionsOf(context);
        const observed = await observe(d, appKey);
        const wanted = session.secretChoice;
        // The tenant's rules before the plan (shown as a note above the review); a failing rule stops here.
        const checked = await runTenantPreflight(
          context,
          { deps: d, signedIn: need(signedIn, "Sign-in"), target: need(target, "Sign-in") },
          observed,
          permissionsCache,
          { secretDays: wanted?.lifetimeDays ?? secretDaysOf(context, now) },
          { quiet: true },
        );
        requirePreflight(checked);
        const cappedDays = checked.credentials.secretDays;
        const choice = wanted && cappedDays !== undefined ? { ...wanted, lifetimeDays: cappedDays } : wanted;
        const options = desiredOptionsOf(context, now, {
          withSecret: true,
          ...(cappedDays !== undefined ? { secretDays: cappedDays } : {}),
          displayName: displayName ?? observed.application?.displayName ?? defaultAppName,
        });
        const desired = desiredFrom(
          permissionsCache,
          {
            ...options,
            appKey,
            ...(choice && options.secret
              ? {
                  secret: {
                    ...options.secret,
                    displayName: choice.displayName,
                    lifetimeDays: choice.lifetimeDays,
                  },
                }
              : {}),
          },
          now,
        );
        const planned = plan(desired, observed, now);
        kept = { observed, plan: planned, permissions: permissionsCache };
        clientId = observed.application?.appId;
        const summary = summarizePlan(planned);
        return {
          plan: {
            ...summary,
            counts: { ...summary.counts },
            actions: [...summary.actions],
            findings: [...summary.findings],
          },
          ...(clientId ? { appId: clientId } : {}),
        };
      },
      async apply(progress) {
        const d = need(deps, "Sign-in");
        const k = need(kept, "The plan");
        const result = await apply(
          {
            ...d,
            progress: (event) => {
              for (const step of finishedApplySteps(event)) progress(step);
            },
          },
          k.plan,
          k.observed,
        );
        clientId = result.application.appId;
        pendingHandOver = result.handOver;
        if (result.secret) {
          secret = result.secret;
          context.out.redactor.protect(result.secret.secretText);
        }
        const wantedSecret = k.plan.actions.some((a) => a.type === "add-password");
        return {
          clientId: result.application.appId,
          ...(result.secret ? { secret: { endDateTime: result.secret.endDateTime } } : {}),
          existingSecret: !wantedSecret,
        };
      },
      async verify(progress) {
        const t = need(target, "Sign-in");
        const k = need(kept, "The plan");
        const credentialSecret = secret?.secretText ?? context.env.BOXAFE_CLIENT_SECRET;
        // Without a new secret there is nothing to prove with; an existing one cannot be read back.
        if (!credentialSecret) return { complete: true, items: [] };
        return verifyCredentials(
          context.out,
          {
            tenantId: need(tenantId, "Sign-in"),
            clientId: need(clientId, "The app"),
            credential: { kind: "secret", secret: credentialSecret },
            permissions: k.permissions,
            cloud: t.endpoints,
            sharePointTenant: sharePointTenantName(k.observed.organization.initialDomain),
            graph: need(deps, "Sign-in").graph,
          },
          { quiet: true, onProgress: progress },
        );
      },
      async sharepoint() {
        const k = need(kept, "The plan");
        inv = sharePointAppInv(
          sharePointTenantName(k.observed.organization.initialDomain),
          need(clientId, "The app"),
        );
        return { url: inv.url };
      },
    },
  };
  return session;
}
