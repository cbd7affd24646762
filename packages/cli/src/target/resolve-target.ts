/**
 * Where commands act: a real tenant in a national cloud (--tenant, --cloud), a running sandbox
 * (--sandbox URL, its CA trusted from its stable directory), or, with neither, the built-in
 * sandbox started in this process.
 */
import { mkdir, readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import type { CloudEndpoints } from "@boxafe-connect/core";
import { CoreError, cloudEndpoints, sandboxEndpoints, validateTenantId } from "@boxafe-connect/core";
import { msalAuthority, trustCa } from "@boxafe-connect/runtime";
import type { AuthorityConfig } from "../auth/authority.js";
import { configDir } from "../files/private-file.js";
import type { Output, TargetMarker } from "../output.js";
import type { TargetOptions } from "../requests/session-request.js";

/** What target resolution needs from the process: messages and the environment. */
export interface Io {
  readonly out: Output;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface SandboxTarget {
  readonly origin: string;
  readonly autoApproves: boolean;
  readonly adminUpn: string;
  readonly upn?: string;
}

export interface Target {
  readonly kind: "cloud" | "sandbox" | "embedded";
  readonly endpoints: CloudEndpoints;
  /** What the authority path uses: the GUID or domain given, or the sandbox's tenant GUID. */
  readonly tenant: string;
  readonly authority: AuthorityConfig;
  /** Resource URI for the admin's delegated Graph scopes. */
  readonly graphResource: string;
  readonly sandbox?: SandboxTarget;
  close(): Promise<void>;
}

const sandboxAdmin = "admin@contoso.onmicrosoft.com";

export function sandboxHome(env: Readonly<Record<string, string | undefined>>): string {
  return env.BOXAFE_SANDBOX_HOME || join(homedir(), ".cache", "boxafe-connect", "sandbox-v2");
}

/** The sandbox names its tenant in the instance-discovery document. */
async function discoverSandboxTenant(origin: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(new URL("/common/discovery/instance", origin));
  } catch (error) {
    throw new CoreError(
      "unreachable",
      `Cannot reach the sandbox at ${origin}. Start one with 'boxafe-connect sandbox', or check the URL.`,
      { cause: error },
    );
  }
  const body = (await response.json().catch(() => ({}))) as { tenant_discovery_endpoint?: unknown };
  const match = String(body.tenant_discovery_endpoint ?? "").match(/\/([0-9a-f-]{36})\//i);
  if (!response.ok || !match?.[1]) {
    throw new CoreError("unreachable", `${origin} does not answer like a boxafe-connect sandbox.`);
  }
  return match[1];
}

async function externalSandbox(context: Io, options: TargetOptions, url: string): Promise<Target> {
  const endpoints = sandboxEndpoints(url);
  const origin = endpoints.authorityHost;
  const caFile = join(sandboxHome(context.env), "ca.pem");
  const pem = await readFile(caFile, "utf8").catch(() => undefined);
  if (pem) trustCa(pem, origin);
  else context.out.debug(`No sandbox CA at ${caFile}; relying on the system trust store.`);
  const discovered = await discoverSandboxTenant(origin);
  const given = options.tenant;
  const upn = options.as;
  return {
    kind: "sandbox",
    endpoints,
    tenant: given ? validateTenantId(given, "tenant") : discovered,
    authority: msalAuthority(origin, given ?? discovered),
    graphResource: "https://graph.microsoft.com",
    // Whether a running sandbox auto-approves is unknown: show the real prompt (an auto-approving
    // sandbox answers the first poll anyway); with --as we approve as that user ourselves.
    sandbox: { origin, autoApproves: false, adminUpn: sandboxAdmin, ...(upn ? { upn } : {}) },
    close: async () => {},
  };
}

async function embeddedSandbox(context: Io, options: TargetOptions): Promise<Target> {
  const upn = options.as;
  const { startSandbox } = await import("@boxafe-connect/sandbox");
  const home = sandboxHome(context.env);
  await mkdir(configDir(context.env), { recursive: true, mode: 0o700 });
  const sandbox = await startSandbox({
    port: 0,
    autoApprove: upn === undefined,
    home,
    stateFile: join(configDir(context.env), "sandbox-tenant.json"),
  });
  trustCa(sandbox.caPem, sandbox.url);
  const given = options.tenant;
  // --sandbox with a --tenant of another name: the run would act on the sandbox while the admin
  // believes it acts on that tenant (found by QA: "--tenant fabrikam.com --sandbox" set up contoso).
  if (given !== undefined) {
    const named = validateTenantId(given, "tenant").toLowerCase();
    if (named !== sandbox.tenantId.toLowerCase() && named !== sandbox.tenantDomain.toLowerCase()) {
      await sandbox.stop();
      throw new CoreError(
        "invalid_input",
        `--tenant ${given} is not the built-in sandbox's tenant (${sandbox.tenantDomain}, ${sandbox.tenantId}). ` +
          "Leave out --sandbox to act on that tenant, or leave out --tenant to use the sandbox.",
        { field: "tenant" },
      );
    }
  }
  const notice =
    `${given === undefined ? "No --tenant given: using" : "Using"} the built-in sandbox tenant ${sandbox.tenantDomain} (${sandbox.tenantId}). ` +
    `Nothing leaves this machine.${given === undefined ? " Use --tenant for a real tenant." : ""}`;
  // Said in --json mode too (on stderr): a script with an empty $TENANT must not mistake it for real.
  if (context.out.json) context.out.warn(notice);
  else context.out.info(notice);
  const endpoints = sandboxEndpoints(sandbox.url);
  return {
    kind: "embedded",
    endpoints,
    tenant: sandbox.tenantId,
    authority: msalAuthority(sandbox.url, sandbox.tenantId),
    graphResource: "https://graph.microsoft.com",
    sandbox: {
      origin: endpoints.authorityHost,
      autoApproves: upn === undefined,
      adminUpn: sandbox.admin.upn,
      ...(upn ? { upn } : {}),
    },
    close: () => sandbox.stop(),
  };
}

/** The `target` every JSON result carries; tenantId is refined from the admin's token at sign-in. */
export function targetMarker(target: Target, tenantId: string = target.tenant): TargetMarker {
  return {
    kind: target.kind === "cloud" ? "tenant" : "sandbox",
    tenantId,
    cloud: target.endpoints.name,
  };
}

export async function resolveTarget(context: Io, options: TargetOptions): Promise<Target> {
  const resolved = await resolveTargetOnly(context, options);
  context.out.setTarget(targetMarker(resolved));
  return resolved;
}

async function resolveTargetOnly(context: Io, options: TargetOptions): Promise<Target> {
  const { sandbox, tenant, cloud } = options;
  if (typeof sandbox === "string") return externalSandbox(context, options, sandbox);
  if (sandbox === true || tenant === undefined) return embeddedSandbox(context, options);
  const tenantId = validateTenantId(tenant, "tenant");
  const endpoints = cloudEndpoints(cloud);
  return {
    kind: "cloud",
    endpoints,
    tenant: tenantId,
    authority: msalAuthority(endpoints.authorityHost, tenantId),
    graphResource: endpoints.graphBaseUrl,
    close: async () => {},
  };
}
