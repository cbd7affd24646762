/**
 * The composition root for commands that act as the signed-in admin: target, sign-in, role check,
 * the admin's Graph port and runtime ports, and the proof ports (app tokens). Tokens and secrets
 * are registered with the redactor as soon as they exist. It takes parsed options, never flags.
 */
import type { AdminPorts, GraphPort, ProgressEvent, ProofPorts, RoleCheck } from "@boxafe-connect/core";
import { CoreError, checkRole, preflightScopes } from "@boxafe-connect/core";
import { adminScopes } from "../auth/authority.js";
import type { SignedIn, SignInPrompt } from "../auth/sign-in.js";
import { signIn } from "../auth/sign-in.js";
import type { Output } from "../output.js";
import { deviceCodeRefusals } from "../render-error.js";
import type { SessionRequest, SignInOptions } from "../requests/session-request.js";
import type { Io, Target } from "../target/resolve-target.js";
import { resolveTarget, targetMarker } from "../target/resolve-target.js";

export interface AdminSession {
  readonly target: Target;
  /** The tenant's GUID, from the admin's token. */
  readonly tenantId: string;
  readonly username: string;
  readonly role: RoleCheck;
  readonly ports: AdminPorts;
  readonly proof: ProofPorts;
  /** The admin's sign-in: its flow, preflight's Policy.Read.All when asked for (or why it was declined). */
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
export function retryOf(env: Io["env"]): { retry?: { budgetMs: number } } {
  const raw = env.BOXAFE_RETRY_BUDGET_SECONDS;
  if (raw === undefined || raw === "") return {};
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new CoreError("invalid_input", "BOXAFE_RETRY_BUDGET_SECONDS must be a number of seconds.", {
      field: "BOXAFE_RETRY_BUDGET_SECONDS",
    });
  }
  return { retry: { budgetMs: seconds * 1000 } };
}

export async function signInAdmin(
  io: Io,
  target: Target,
  options: SignInOptions,
  display: { readonly quiet?: boolean; readonly onPrompt?: (prompt: SignInPrompt) => void } = {},
  /** A preflight follows: ask for its Policy.Read.All now, so its reads need no second consent round trip. */
  scopes: { readonly preflight?: boolean } = {},
): Promise<SignedIn> {
  const noop = { update: () => {}, done: () => {}, fail: () => {} };
  const step = display.quiet ? noop : io.out.step("Signing in");
  const request = {
    flow: options.flow,
    clientId: options.clientId,
    authority: target.authority,
    scopes: adminScopes(target.graphResource),
    ...(scopes.preflight ? { optionalScopes: preflightScopes(target.graphResource) } : {}),
    ...(target.sandbox ? { sandbox: target.sandbox } : {}),
    openBrowser: options.openBrowser,
    env: io.env,
    onPrompt: display.onPrompt ?? ((prompt: SignInPrompt) => renderPrompt(io.out, prompt)),
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
      if (!refused || request.flow !== "device" || options.flowGiven) throw error;
      io.out.warn(
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
export async function adminPorts(io: Io, target: Target, signedIn: SignedIn): Promise<AdminPorts> {
  const { createGraphPort, nodePorts } = await import("@boxafe-connect/runtime");
  const graph = createGraphPort({
    baseUrl: target.endpoints.graphBaseUrl,
    getAccessToken: async () => {
      const fresh = await signedIn.getAccessToken();
      io.out.redactor.protect(fresh);
      return fresh;
    },
  });
  return {
    ...nodePorts(),
    graph: loggedGraph(io.out, graph),
    progress: progressRenderer(io.out),
    // Preflight's policy reads ride in observe's $batch when the token carries Policy.Read.All.
    readPolicies: signedIn.optionalGranted,
    ...retryOf(io.env),
  };
}

/** App-only tokens through msal-node (each one redacted), and Graph on the app's own token. */
export async function proofPorts(io: Io, target: Target): Promise<ProofPorts> {
  const { createGraphPort, createMsalAppTokenPort } = await import("@boxafe-connect/runtime");
  const appToken = createMsalAppTokenPort({ authorityHost: target.endpoints.authorityHost });
  return {
    cloud: target.endpoints,
    appToken: {
      async acquire(request) {
        if (request.credential.kind === "secret") io.out.redactor.protect(request.credential.secret);
        const token = await appToken.acquire(request);
        io.out.redactor.protect(token);
        return token;
      },
    },
    appGraph: (accessToken) =>
      createGraphPort({ baseUrl: target.endpoints.graphBaseUrl, getAccessToken: async () => accessToken }),
  };
}

export async function openAdminSession(
  io: Io,
  request: SessionRequest,
  options: { readonly requireAdmin: boolean; readonly preflight?: boolean },
): Promise<AdminSession> {
  const target = await resolveTarget(io, request.target);
  try {
    const signedIn = await signInAdmin(
      io,
      target,
      request.signIn,
      {},
      { preflight: options.preflight === true },
    );
    const token = await signedIn.getAccessToken();
    io.out.redactor.protect(token);
    const role = checkRole(token);
    io.out.debug(`roles: ${role.roles.join(", ") || "none"}`);
    if (options.requireAdmin && !role.ok) throw new CoreError("insufficient_role", role.message);
    const tenantId = role.tenantId ?? signedIn.tenantId;
    io.out.setTarget(targetMarker(target, tenantId));
    return {
      target,
      tenantId,
      username: signedIn.username,
      role,
      signedIn,
      ports: await adminPorts(io, target, signedIn),
      proof: await proofPorts(io, target),
      close: () => target.close(),
    };
  } catch (error) {
    await target.close();
    throw error;
  }
}
