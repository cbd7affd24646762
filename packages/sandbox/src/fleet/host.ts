/**
 * A fleet sandbox: one partner tenant and N customer tenants behind one HTTPS origin, as Entra serves
 * every tenant from one host. Each tenant is a whole sandbox of its own (directory, faults, Exchange,
 * stats); a request goes to the tenant its path names (`/{tenant}/oauth2/...`,
 * `/adminapi/beta/{tenant}/...`, `/_sandbox/tenants/{tenant}/...`) or, for Graph, EWS and SharePoint,
 * the tenant its bearer token was issued in (`tid`). Tenants are isolated: nothing of one is visible
 * from another, except a partner admin acting in a customer through an active GDAP relationship.
 */
import { getRequestListener } from "@hono/node-server";
import type { ForeignAccess, SandboxContext } from "../context.js";
import { oauth } from "../entra/oauth-error.js";
import { Signer } from "../entra/signer.js";
import { SEED_EWS_POLICY } from "../exchange/org-config.js";
import type { FaultSpec } from "../faults.js";
import { createContext, type SandboxUser, sandboxUsers, serveHttps } from "../sandbox.js";
import { createApp } from "../server.js";
import { GRAPH_CLI_CLIENT_ID, ROLE, type TenantIdentity } from "../store/tenant.js";
import type { User } from "../store/types.js";
import { defaultSandboxHome, ensureTls } from "../tls.js";
import { customerTenant, PARTNER_TENANT } from "./identities.js";
import { DEFAULT_RELATIONSHIP_ROLES, Relationships } from "./relationships.js";

const DAY_MS = 86_400_000;

export interface FleetSandboxOptions {
  /** Number of customer tenants (1..10000). */
  tenants: number;
  /** 0 picks a free port. */
  port?: number;
  home?: string;
  seed?: number;
  /** Approve device codes as each tenant's first user without a browser. */
  autoApprove?: boolean;
  /** Customer numbers (1-based) the partner has no relationship with. */
  withoutRelationship?: readonly number[];
  /** Customer numbers whose tenant never consented the sign-in client (silent GDAP sign-in gets AADSTS65001). */
  unconsented?: readonly number[];
  /** Faults per customer number, e.g. `{3: "throttle=0.5"}`. */
  faults?: Readonly<Record<number, string | Partial<FaultSpec>>>;
  /** Roles each relationship grants (default: PRA, Application Administrator, Exchange Administrator). */
  relationshipRoles?: readonly string[];
  /**
   * Customers whose Exchange org had EWS enabled before the 2026-10-01 switch (`EwsEnabled $true`, no
   * allow list): EWS works for every app there. The others keep the December 2026 default (blocked).
   */
  ewsEnabled?: readonly number[] | "all";
  /** Public client the partner signs in with, pre-consented in each customer (default Graph Command Line Tools). */
  clientId?: string;
}

export interface FleetTenant {
  readonly index: number;
  readonly tenantId: string;
  readonly domain: string;
  readonly admin: { upn: string };
  readonly users: SandboxUser[];
  readonly context: SandboxContext;
}

export interface RunningFleetSandbox {
  readonly url: string;
  readonly caFile: string;
  readonly caPem: string;
  readonly partner: FleetTenant;
  readonly customers: readonly FleetTenant[];
  readonly relationships: Relationships;
  /** The tenant a request would reach by id or domain, if hosted here. */
  tenant(idOrDomain: string): FleetTenant | undefined;
  stop(): Promise<void>;
}

/** The public client's enterprise app, as a customer that consented it before has it. */
function consentedClient(ctx: SandboxContext, clientId: string): void {
  ctx.dir.data.servicePrincipals.push({
    id: ctx.dir.newId(),
    appId: clientId,
    displayName: "Microsoft Graph Command Line Tools",
    appDisplayName: "Microsoft Graph Command Line Tools",
    servicePrincipalType: "Application",
    servicePrincipalNames: [clientId],
    accountEnabled: true,
    appOwnerOrganizationId: "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
    appRoles: [],
    oauth2PermissionScopes: [],
    tags: [],
    owners: [],
    createdAt: 0,
  });
}

function bearerTenant(request: Request): string | undefined {
  const token = /^Bearer\s+([^.\s]+)\.([^.\s]+)\./i.exec(request.headers.get("authorization") ?? "");
  if (!token?.[2]) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(token[2], "base64url").toString("utf8")) as { tid?: unknown };
    return typeof claims.tid === "string" ? claims.tid.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

export async function startFleetSandbox(options: FleetSandboxOptions): Promise<RunningFleetSandbox> {
  const count = options.tenants;
  if (!Number.isInteger(count) || count < 1 || count > 10_000) {
    throw new RangeError(`tenants must be 1..10000, got ${count}`);
  }
  const tls = await ensureTls(options.home ?? defaultSandboxHome());
  const signer = await Signer.fromPkcs8(tls.signingKeyPem);
  const clientId = options.clientId ?? GRAPH_CLI_CLIENT_ID;
  const make = async (tenant: TenantIdentity, index: number): Promise<FleetTenant> => {
    const context = await createContext(
      {
        tenant,
        autoApprove: options.autoApprove ?? false,
        seed: (options.seed ?? 1) + index,
        faults: options.faults?.[index],
      },
      signer,
    );
    return {
      index,
      tenantId: tenant.id,
      domain: tenant.domain,
      admin: { upn: tenant.users[0]?.userPrincipalName ?? "" },
      users: sandboxUsers(tenant),
      context,
    };
  };
  const partner = await make(PARTNER_TENANT, 0);
  const customers: FleetTenant[] = [];
  for (let i = 1; i <= count; i += 1) customers.push(await make(customerTenant(i), i));
  const all = [partner, ...customers];
  const byName = new Map<string, FleetTenant>();
  for (const t of all) {
    byName.set(t.tenantId.toLowerCase(), t);
    byName.set(t.domain.toLowerCase(), t);
  }
  // Refresh tokens are the partner's account across tenants (msal silently signs in to a customer with
  // the partner's refresh token), so one map serves every tenant; device and code sessions stay apart.
  const refresh = partner.context.sessions.refresh;
  const relationships = new Relationships(() => partner.context.dir.now());
  const roles = [...(options.relationshipRoles ?? DEFAULT_RELATIONSHIP_ROLES)];
  const without = new Set(options.withoutRelationship ?? []);
  const unconsented = new Set(options.unconsented ?? []);
  const ewsOn = (index: number) => options.ewsEnabled === "all" || (options.ewsEnabled ?? []).includes(index);
  for (const c of customers) {
    c.context.sessions.refresh = refresh;
    if (ewsOn(c.index)) c.context.exchange.seed({ ...SEED_EWS_POLICY, EwsEnabled: true });
    if (!unconsented.has(c.index)) consentedClient(c.context, clientId);
    if (without.has(c.index)) continue;
    relationships.set({
      id: `${c.tenantId}-${PARTNER_TENANT.id.slice(0, 8)}`,
      displayName: `Boxafe backup for ${c.context.dir.tenant.name}`,
      partnerTenantId: PARTNER_TENANT.id,
      customerTenantId: c.tenantId,
      customerDisplayName: c.context.dir.tenant.name,
      status: "active",
      roles: [...roles],
      endsAt: partner.context.dir.now() + 730 * DAY_MS,
    });
  }
  for (const c of customers) c.context.foreign = foreignAccess(c, all, relationships);

  const apps = new Map(all.map((t) => [t, createApp(t.context)]));
  const forward = (t: FleetTenant, request: Request, env: unknown) =>
    (apps.get(t) ?? apps.get(partner))?.fetch(request, env as never) as Promise<Response>;

  const listener = getRequestListener(async (request: Request, env: unknown) => {
    const url = new URL(request.url);
    const segs = url.pathname.split("/").filter(Boolean);
    const first = (segs[0] ?? "").toLowerCase();
    if (first === "_sandbox" && segs[1] === "fleet") return fleetState();
    if (first === "_sandbox" && segs[1] === "tenants") {
      const t = byName.get((segs[2] ?? "").toLowerCase());
      if (!t) return Response.json({ error: `no tenant ${segs[2] ?? ""} in this fleet` }, { status: 404 });
      url.pathname = `/_sandbox/${segs.slice(3).join("/")}`;
      return forward(t, new Request(url, request), env);
    }
    const named =
      byName.get(first) ?? (first === "adminapi" ? byName.get((segs[2] ?? "").toLowerCase()) : undefined);
    if (named) return forward(named, request, env);
    if (first === "devicelogin" && request.method === "POST") {
      const form = new URLSearchParams(await request.clone().text());
      const code = (form.get("user_code") ?? "").toUpperCase();
      const owner = all.find((t) =>
        [...t.context.sessions.devices.values()].some((d) => d.userCode === code),
      );
      return forward(owner ?? partner, request, env);
    }
    const tid = bearerTenant(request);
    return forward((tid && byName.get(tid)) || partner, request, env);
  });

  const fleetState = () =>
    Response.json({
      partner: { tenantId: partner.tenantId, domain: partner.domain },
      customers: customers.map((c) => ({ index: c.index, tenantId: c.tenantId, domain: c.domain })),
      relationships: relationships.list().map((r) => Relationships.shape(r, partner.context.dir.now())),
    });

  const serving = await serveHttps(listener, tls, options.port ?? 0);
  const origin = `https://localhost:${serving.port}`;
  for (const t of all) t.context.origin = origin;
  return {
    url: origin,
    caFile: tls.caFile,
    caPem: tls.caPem,
    partner,
    customers,
    relationships,
    tenant: (idOrDomain) => byName.get(idOrDomain.toLowerCase()),
    stop: serving.stop,
  };
}

/** GDAP as a customer tenant sees it: partner admins hold the relationship's roles, and nothing else. */
function foreignAccess(
  customer: FleetTenant,
  all: readonly FleetTenant[],
  relationships: Relationships,
): ForeignAccess {
  const here = customer.context.dir.tenant;
  const homeUser = (userId: string): { user: User; tenantId: string } | undefined => {
    for (const t of all) {
      if (t === customer) continue;
      const user = t.context.dir.user(userId);
      if (user) return { user, tenantId: t.tenantId };
    }
    return undefined;
  };
  return {
    signIn(homeTenantId, userId) {
      const home = homeUser(userId);
      const relationship = relationships.active(homeTenantId, here.id);
      if (!home || home.tenantId !== homeTenantId || !relationship) {
        throw oauth.foreignUser(home?.user.userPrincipalName ?? userId, homeTenantId, here.domain);
      }
      return { ...home.user, roles: [...relationship.roles] };
    },
    user(userId, wids) {
      const home = homeUser(userId);
      if (!home) return undefined;
      return { ...home.user, roles: wids.filter((w) => w !== ROLE.defaultUser) };
    },
  };
}
