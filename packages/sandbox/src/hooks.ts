import { Hono } from "hono";
import type { SandboxContext } from "./context.js";
import { approveDevice } from "./entra/device.js";
import { exchangeHookRoutes } from "./exchange/hooks.js";
import { formatFaults, parseFaults } from "./faults.js";
import { userShape } from "./graph/me.js";
import { applicationShape, servicePrincipalShape } from "./graph/shapes.js";
import { setPolicies, setTenantPolicy } from "./policies/hooks.js";
import { policiesOf } from "./policies/store.js";
import { wireTiming } from "./timing.js";

/** The whole tenant in Graph's shapes (secret hashes and certificate bodies stay inside). */
export function stateOf(ctx: SandboxContext): Record<string, unknown> {
  const d = ctx.dir.data;
  return {
    tenant: { id: ctx.dir.tenant.id, domain: ctx.dir.tenant.domain },
    applications: d.applications.map(applicationShape),
    servicePrincipals: d.servicePrincipals.map(servicePrincipalShape),
    appRoleAssignments: d.appRoleAssignments,
    oauth2PermissionGrants: d.oauth2PermissionGrants,
    users: d.users.map((u) => ({ ...userShape(u), roleTemplateIds: u.roles })),
    policies: policiesOf(ctx.dir),
    deletedItems: (d.deletedItems ?? []).map((item) => ({
      kind: item.kind,
      deletedDateTime: new Date(item.deletedAt).toISOString(),
      ...(item.application ? { application: applicationShape(item.application) } : {}),
      ...(item.servicePrincipal ? { servicePrincipal: servicePrincipalShape(item.servicePrincipal) } : {}),
    })),
  };
}

async function json(req: Request): Promise<Record<string, unknown>> {
  const text = await req.text();
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/** Test and benchmark hooks under /_sandbox; never faulted. */
export function hookRoutes(ctx: SandboxContext): Hono {
  const app = new Hono();
  app.get("/_sandbox/state", (c) => c.json(stateOf(ctx)));
  app.route("/", exchangeHookRoutes(ctx));
  app.get("/_sandbox/stats", (c) => c.json(ctx.stats.snapshot()));
  app.post("/_sandbox/stats/reset", (c) => {
    ctx.stats.reset();
    return c.body(null, 204);
  });
  app.post("/_sandbox/reset", (c) => {
    ctx.dir.reset();
    ctx.sessions.clear();
    ctx.exchange.reset();
    return c.body(null, 204);
  });
  app.get("/_sandbox/faults", (c) => c.json({ ...ctx.faults.spec, spec: formatFaults(ctx.faults.spec) }));
  /** Body: `{spec: "throttle=0.5", seed?: 7}` or the fields themselves; replaces the current faults. */
  app.post("/_sandbox/faults", async (c) => {
    try {
      const body = await json(c.req.raw);
      const { spec, seed, ...fields } = body;
      const next = parseFaults(typeof spec === "string" ? spec : (fields as Record<string, number>));
      ctx.faults.set(next, typeof seed === "number" ? seed : undefined);
      wireTiming(ctx.dir, ctx.faults);
      return c.json({ ...next, spec: formatFaults(next) });
    } catch (e) {
      return c.json({ error: (e as Error).message }, 400);
    }
  });
  app.post("/_sandbox/device/approve", async (c) => {
    const body = await json(c.req.raw);
    const upn = typeof body.upn === "string" ? body.upn : (ctx.dir.data.users[0]?.userPrincipalName ?? "");
    const error = approveDevice(ctx, String(body.user_code ?? ""), upn);
    return error ? c.json({ error }, 400) : c.body(null, 204);
  });
  app.post("/_sandbox/policy", async (c) => {
    const out = setTenantPolicy(ctx.dir, await json(c.req.raw));
    return "error" in out ? c.json(out, 400) : c.json(out.policy);
  });
  app.post("/_sandbox/policies", async (c) => {
    const out = setPolicies(ctx.dir, await json(c.req.raw));
    return "error" in out ? c.json(out, 400) : c.json(out.policies);
  });
  return app;
}
