import { Hono } from "hono";
import type { SandboxContext } from "../context.js";
import { type EwsOrgPolicy, SEED_EWS_POLICY } from "./org-config.js";

const KEYS = Object.keys(SEED_EWS_POLICY) as (keyof EwsOrgPolicy)[];

/**
 * Test hooks: GET /_sandbox/exchange (written and enforced EWS policy, delay); POST with
 * `{policy?: {...Ews* properties}, propagationMs?: number}` seeds a policy already in force.
 */
export function exchangeHookRoutes(ctx: SandboxContext): Hono {
  const app = new Hono();
  const snapshot = () => ({
    written: ctx.exchange.written(),
    effective: ctx.exchange.effective(),
    propagationMs: ctx.exchange.propagationMs,
  });
  app.get("/_sandbox/exchange", (c) => c.json(snapshot()));
  app.post("/_sandbox/exchange", async (c) => {
    const text = await c.req.text();
    const body = (text ? JSON.parse(text) : {}) as {
      policy?: Partial<EwsOrgPolicy>;
      propagationMs?: unknown;
    };
    if (body.propagationMs !== undefined) {
      if (typeof body.propagationMs !== "number" || body.propagationMs < 0) {
        return c.json({ error: "propagationMs must be a number >= 0" }, 400);
      }
      ctx.exchange.propagationMs = body.propagationMs;
    }
    if (body.policy !== undefined) {
      const unknown = Object.keys(body.policy).find((k) => !KEYS.includes(k as keyof EwsOrgPolicy));
      if (unknown) return c.json({ error: `unknown policy property ${unknown}` }, 400);
      ctx.exchange.seed({ ...SEED_EWS_POLICY, ...body.policy });
    }
    return c.json(snapshot());
  });
  return app;
}
