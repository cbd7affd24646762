/**
 * The composition root for commands that act as the signed-in admin: target, sign-in, role check,
 * Graph port and runtime ports. Tokens are registered with the redactor as soon as they exist.
 */
import type { EngineDeps, GraphPort, ProgressEvent, RoleCheck } from "@boxafe-connect/core";
import { CoreError, checkRole, isGuid } from "@boxafe-connect/core";
import { adminScopes, defaultPublicClientId } from "../auth/authority.js";
import type { SignedIn, SignInPrompt } from "../auth/sign-in.js";
import { signIn } from "../auth/sign-in.js";
import type { CommandContext } from "../command-context.js";
import { flag, stringOption } from "../command-context.js";
import type { Output } from "../output.js";
import { deviceCodeRefusals } from "../render-error.js";
import type { Target } from "../target/resolve-target.js";
import { resolveTarget, targetMarker } from "../target/resolve-target.js";

export interface AdminSession {
  readonly target: Target;
  /** The tenant's GUID, from the admin's token. */
  readonly tenantId: string;
  readonly username: string;
  readonly role: RoleCheck;
  readonly deps: EngineDeps;
  /** The admin's sign-in: its flow, and more scopes on request (preflight's Policy.Read.All). */
  readonly signedIn: SignedIn;
  close(): Promise<void>;
}

export function renderPrompt(out: Output, prompt: SignInPrompt): void {
  const say = (text: string) => (out.json ? out.warn(text) : out.info(text));
  if (prompt.kind === "device") {
    say(
      `To sign in, open ${out.style.cyan(prompt.verificationUri)} and enter the code ${out.style.bold(prompt.userCode)}` +
        " (add --open-browser to open it for you; if your tenant blocks device code, use --auth browser).",
    );
  } else if (prompt.kind === "browser") {
    say(`Opening your browser to sign in. If it does not open, visit:\n  ${prompt.url}`);
  } else {
    out.info(`Sandbox: signing in as ${prompt.upn}.`);
  }
}

export function progressRenderer(out: Output): (event: ProgressEvent) => void {
  return (event) =>
    out.debug(`${event.phase}: ${event.message}${event.total ? ` (${event.done ?? 0}/${event.total})` : ""}`);
}

/** BOXAFE_RETRY_BUDGET_SECONDS caps the time spent retrying throttled or lagging requests (default 120). */
export function retryOf(context: CommandContext): { retry?: { budgetMs: number } } {
  const raw = context.env.BOXAFE_RETRY_BUDGET_SECONDS;
  if (raw === undefined || raw === "") return {};
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new CoreError("invalid_input", "BOXAFE_RETRY_BUDGET_SECONDS must be a number of seconds.", {
      field: "BOXAFE_RETRY_BUDGET_SECONDS",
    });
  }
  return { retry: { budgetMs: seconds * 1000 } };
}

export function authFlowOf(context: CommandContext): "device" | "browser" {
  const auth = stringOption(context, "auth") ?? "device";
  if (auth !== "device" && auth !== "browser") {
    throw new CoreError("invalid_input", `--auth must be device or browser, not "${auth}".`, {
      field: "auth",
    });
  }
  return auth;
}

export async function signInAdmin(
  context: CommandContext,
  target: Target,
  display: { readonly quiet?: boolean; readonly onPrompt?: (prompt: SignInPrompt) => void } = {},
): Promise<SignedIn> {
  const clientId = stringOption(context, "client-id") ?? defaultPublicClientId;
  if (!isGuid(clientId)) {
    throw new CoreError("invalid_input", `--client-id "${clientId}" is not a GUID.`, { field: "client-id" });
  }
  const noop = { update: () => {}, done: () => {}, fail: () => {} };
  const step = display.quiet ? noop : context.out.step("Signing in");
  const request = {
    flow: authFlowOf(context),
    clientId,
    authority: target.authority,
    scopes: adminScopes(target.graphResource),
    ...(target.sandbox ? { sandbox: target.sandbox } : {}),
    openBrowser: flag(context, "open-browser"),
    env: context.env,
    onPrompt: display.onPrompt ?? ((prompt: SignInPrompt) => renderPrompt(context.out, prompt)),
  };
  try {
    let signedIn: SignedIn;
    try {
      signedIn = await signIn(request);
    } catch (error) {
      // Conditional Access blocks device code in many tenants (Microsoft's managed policy since 2025): when the
      // admin did not pick the flow, sign in with the browser instead of stopping.
      const refused =
        error instanceof CoreError && deviceCodeRefusals.test(`${error.upstreamCode ?? ""} ${error.message}`);
      if (!refused || request.flow !== "device" || stringOption(context, "auth") !== undefined) throw error;
      context.out.warn(
        `Device code sign-in was refused (${error.upstreamCode ?? "Conditional Access"}); signing in with the browser instead.`,
      );
      signedIn = await signIn({ ...request, flow: "browser" });
    }
    step.done(`Signed in as ${signedIn.username}${signedIn.flow === "browser" ? " (browser)" : ""}`);
    return signedIn;
  } catch (error) {
    step.fail("Sign-in failed");
    throw error;
  }
}

/** --verbose: one line per $batch (method and path of each request, then the statuses); no bodies. */
export function loggedGraph(out: Output, graph: GraphPort): GraphPort {
  if (!out.verbose) return graph;
  return {
    async batch(requests) {
      out.debug(
        `graph $batch (${requests.length}): ${requests.map((r) => `${r.method} ${r.url}`).join(" | ")}`,
      );
      const responses = await graph.batch(requests);
      out.debug(`graph $batch answered: ${responses.map((r) => `${r.id}=${r.status}`).join(" ")}`);
      return responses;
    },
  };
}

/** Graph port on the admin's token (every fresh token is redacted) plus Node's runtime ports. */
export async function engineDeps(
  context: CommandContext,
  target: Target,
  signedIn: SignedIn,
): Promise<EngineDeps> {
  const { createGraphPort, nodePorts } = await import("@boxafe-connect/runtime");
  const graph = createGraphPort({
    baseUrl: target.endpoints.graphBaseUrl,
    getAccessToken: async () => {
      const fresh = await signedIn.getAccessToken();
      context.out.redactor.protect(fresh);
      return fresh;
    },
  });
  return {
    ...nodePorts(),
    graph: loggedGraph(context.out, graph),
    progress: progressRenderer(context.out),
    ...retryOf(context),
  };
}

export async function openAdminSession(
  context: CommandContext,
  options: { readonly requireAdmin: boolean },
): Promise<AdminSession> {
  const target = await resolveTarget(context);
  try {
    const signedIn = await signInAdmin(context, target);
    const token = await signedIn.getAccessToken();
    context.out.redactor.protect(token);
    const role = checkRole(token);
    context.out.debug(`roles: ${role.roles.join(", ") || "none"}`);
    if (options.requireAdmin && !role.ok) throw new CoreError("insufficient_role", role.message);
    const tenantId = role.tenantId ?? signedIn.tenantId;
    context.out.setTarget(targetMarker(target, tenantId));
    return {
      target,
      tenantId,
      username: signedIn.username,
      role,
      signedIn,
      deps: await engineDeps(context, target, signedIn),
      close: () => target.close(),
    };
  } catch (error) {
    await target.close();
    throw error;
  }
}
