/**
 * Runs core's preflight for an admin session. The sign-in asked for Policy.Read.All up front, so the policy
 * reads came back with observe's $batch (`observed.policies`); declined, those checks are unknown. Only an
 * observation made without them falls back to an incremental consent for the scope.
 */
import type {
  ObservedWithOrganization,
  Permission,
  PreflightResult,
  WantedCredentials,
} from "@boxafe-connect/core";
import { CoreError, preflight } from "@boxafe-connect/core";
import type { SignedIn } from "../auth/sign-in.js";
import { preflightLines } from "../render/preflight-view.js";
import type { Io, Target } from "../target/resolve-target.js";
import type { AdminSession } from "./admin-session.js";
import { loggedGraph } from "./admin-session.js";

/** What preflight needs from a signed-in admin (an AdminSession, or the wizard's session). */
export type PreflightSession = Pick<AdminSession, "ports"> & {
  readonly signedIn: SignedIn;
  readonly target: Target;
};

export async function runTenantPreflight(
  context: Io & { readonly command?: string },
  session: PreflightSession,
  observed: ObservedWithOrganization,
  permissions: readonly Permission[],
  credentials: WantedCredentials,
  display: { readonly quiet?: boolean } = {},
): Promise<PreflightResult> {
  const { createGraphPort } = await import("@boxafe-connect/runtime");
  const noop = { update: () => {}, done: () => {}, fail: () => {} };
  const step = display.quiet ? noop : context.out.step("Preflight: checking the tenant's policies");
  const result = await preflight(
    {
      ...session.ports,
      policyGraph: async (scopes) => {
        const token = await session.signedIn.getAccessToken({ extraScopes: scopes });
        context.out.redactor.protect(token);
        return loggedGraph(
          context.out,
          createGraphPort({
            baseUrl: session.target.endpoints.graphBaseUrl,
            getAccessToken: async () => token,
          }),
        );
      },
    },
    {
      accessToken: await session.signedIn.getAccessToken(),
      observed,
      permissions,
      signedInWith: session.signedIn.flow,
      credentials,
      ...(observed.policies ? { policies: observed.policies } : {}),
      ...(session.signedIn.declined ? { policiesDeclined: session.signedIn.declined.reason } : {}),
    },
  ).catch((error: unknown) => {
    step.fail("Preflight could not run");
    throw error;
  });
  const failed = result.checks.filter((c) => c.status === "fail").length;
  const unknown = result.checks.filter((c) => c.status === "unknown").length;
  step.done(
    `Preflight: ${failed > 0 ? `${failed} failing` : "nothing fails"}${unknown > 0 ? `, ${unknown} unknown` : ""}`,
  );
  // The preflight command's result goes to stdout; inside setup it is a note before the plan.
  const lines = preflightLines(result, context.out.style).join("\n");
  if (context.command === "preflight") context.out.print(lines);
  else context.out.info(lines);
  return result;
}

/** Stops before any write when a check fails: the role keeps its own code (exit 5), any other rule preflight_failed. */
export function requirePreflight(result: PreflightResult): void {
  const failing = result.checks.filter((c) => c.status === "fail");
  if (failing.length === 0) return;
  const message = failing.map((c) => `${c.title}: ${c.evidence}${c.fix ? ` Fix: ${c.fix}` : ""}`).join(" ");
  const roleOnly = failing.every((c) => c.id === "role");
  throw new CoreError(roleOnly ? "insufficient_role" : "preflight_failed", `Nothing was written. ${message}`);
}
