import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { type SandboxContext, Sessions } from "./context.js";
import { Signer } from "./entra/signer.js";
import { DEFAULT_EWS_PROPAGATION_MS, ExchangeOrg } from "./exchange/org-config.js";
import { FaultInjector, type FaultSpec, parseFaults } from "./faults.js";
import { createApp } from "./server.js";
import { Stats } from "./stats.js";
import { Directory } from "./store/directory.js";
import type { ResourceSeed } from "./store/seed-ids.js";
import { DEFAULT_TENANT, ROLE_NAMES, type TenantIdentity } from "./store/tenant.js";
import { wireTiming } from "./timing.js";
import { defaultSandboxHome, ensureTls, type TlsMaterial } from "./tls.js";

export interface SandboxOptions {
  /** 0 picks a free port; default 8443. */
  port?: number;
  /** Seed for the fault PRNG (default 1). */
  seed?: number;
  faults?: string | Partial<FaultSpec>;
  /** Approve device codes as the Global Administrator without a browser. */
  autoApprove?: boolean;
  /** Persist the directory to this file (0600) across restarts. */
  stateFile?: string;
  /** Directory for the CA, TLS key and signing key (default `$BOXAFE_SANDBOX_HOME` or ~/.cache/boxafe-connect/sandbox-v2). */
  home?: string;
  /** How long an EWS policy change takes to reach EWS (default 60 s; up to 24 h in Exchange Online). */
  ewsPropagationMs?: number;
  /** Whose tenant this is (default: the embedded Contoso tenant). */
  tenant?: TenantIdentity;
  /**
   * Microsoft resources whose service principal the tenant lacks, e.g. `["onenote", "aadgraph"]` (older
   * tenants): the engine must create them (POST /servicePrincipals {appId}) before granting their roles.
   */
  absentResources?: readonly ResourceSeed["key"][];
  /**
   * The directory's clock (default Date.now). Tests move it forward to let replication lag pass
   * without sleeping, so nothing depends on how fast a loaded machine serves the requests.
   */
  now?: () => number;
}

export interface SandboxUser {
  upn: string;
  displayName: string;
  id: string;
  roles: string[];
}

export interface RunningSandbox {
  url: string;
  tenantId: string;
  tenantDomain: string;
  caFile: string;
  caPem: string;
  admin: { upn: string };
  users: SandboxUser[];
  /** For in-process tests: the live context (directory, faults, stats). */
  context: SandboxContext;
  stop(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** A tenant's live state: directory, faults, sessions; the origin is filled in once the server listens. */
export async function createContext(options: SandboxOptions, signer: Signer): Promise<SandboxContext> {
  const spec = parseFaults(options.faults);
  const tenant = options.tenant ?? DEFAULT_TENANT;
  const dir = new Directory({
    stateFile: options.stateFile,
    tenant,
    ...(options.absentResources ? { absentResources: options.absentResources } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const ctx: SandboxContext = {
    dir,
    signer,
    faults: new FaultInjector(spec, options.seed ?? 1),
    stats: new Stats(),
    sessions: new Sessions(),
    origin: "",
    autoApprove: options.autoApprove ?? false,
    exchange: new ExchangeOrg(() => dir.now(), options.ewsPropagationMs ?? DEFAULT_EWS_PROPAGATION_MS),
  };
  wireTiming(dir, ctx.faults);
  return ctx;
}

export interface HttpsServing {
  readonly port: number;
  stop(): Promise<void>;
}

/** Serves a request listener over HTTPS on 127.0.0.1 (and ::1 when the host has IPv6 loopback). */
export async function serveHttps(
  listener: ReturnType<typeof getRequestListener>,
  tls: TlsMaterial,
  preferredPort: number,
): Promise<HttpsServing> {
  const servers = [createServer({ key: tls.keyPem, cert: tls.certPem }, listener)];
  const port = await listen(servers[0] as Server, preferredPort, "127.0.0.1");
  const v6 = createServer({ key: tls.keyPem, cert: tls.certPem }, listener);
  // "localhost" may resolve to ::1 first; serve it too when the host has IPv6 loopback.
  await listen(v6, port, "::1").then(
    () => servers.push(v6),
    () => undefined,
  );
  return {
    port,
    stop: () =>
      Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.close(() => resolve());
              s.closeAllConnections();
            }),
        ),
      ).then(() => undefined),
  };
}

export function sandboxUsers(tenant: TenantIdentity): SandboxUser[] {
  return tenant.users.map((u) => ({
    upn: u.userPrincipalName,
    displayName: u.displayName,
    id: u.id,
    roles: u.roles.map((r) => ROLE_NAMES[r] ?? r),
  }));
}

/** Starts the sandbox tenant over HTTPS on localhost (127.0.0.1, and ::1 when available). */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const home = options.home ?? defaultSandboxHome();
  const tls = await ensureTls(home);
  const ctx = await createContext(options, await Signer.fromPkcs8(tls.signingKeyPem));
  const serving = await serveHttps(getRequestListener(createApp(ctx).fetch), tls, options.port ?? 8443);
  ctx.origin = `https://localhost:${serving.port}`;
  const tenant = ctx.dir.tenant;
  return {
    url: ctx.origin,
    tenantId: tenant.id,
    tenantDomain: tenant.domain,
    caFile: tls.caFile,
    caPem: tls.caPem,
    admin: { upn: tenant.users[0]?.userPrincipalName ?? "" },
    users: sandboxUsers(tenant),
    context: ctx,
    stop: serving.stop,
  };
}
