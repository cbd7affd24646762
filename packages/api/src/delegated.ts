/**
 * What /v1/plan and /v1/setup share: take the caller's delegated Graph token from the
 * Authorization header, check the directory role first (no Graph call for a non-admin), then
 * observe the tenant and diff it against the profile. The token is used for this request only.
 */
import type { AppKey, EngineDeps, Plan } from "@boxafe-connect/core";
import {
  CoreError,
  DEFAULT_RENEW_WITHIN_DAYS,
  desiredFrom,
  observe,
  plan,
  requireAdmin,
  uniqueNameFor,
} from "@boxafe-connect/core";
import type { z } from "@hono/zod-openapi";
import type { ApiConfig } from "./config.js";
import { timedGraphPort } from "./outbound-ports.js";
import { profileFor } from "./profiles.js";
import type { SetupBodySchema } from "./schemas/setup.js";

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/;
const MAX_TOKEN = 16 * 1024;

export function bearerToken(header: string | undefined): string {
  const match = header !== undefined && header.length <= MAX_TOKEN + 7 ? BEARER.exec(header) : null;
  if (!match?.[1]) {
    throw new CoreError(
      "unauthenticated",
      "Send the signed-in admin's Microsoft Graph access token as `Authorization: Bearer <token>`.",
      { field: "authorization" },
    );
  }
  return match[1];
}

export type SetupBody = z.infer<typeof SetupBodySchema>;

export interface TenantPlan {
  readonly deps: EngineDeps;
  readonly observed: Awaited<ReturnType<typeof observe>>;
  readonly plan: Plan;
}

export async function planFor(
  config: ApiConfig,
  authorization: string | undefined,
  body: SetupBody,
): Promise<TenantPlan> {
  const token = bearerToken(authorization);
  requireAdmin(token);
  const deps: EngineDeps = {
    graph: timedGraphPort(config.graphPortFor(token), config.timeouts.outboundMs),
    ...config.runtime,
    // An HTTP caller is waiting: bound the whole run; a Retry-After above 10 s stops the run with
    // the wait in the error (retryAfterSeconds) instead of being slept out or cut short.
    retry: {
      budgetMs: config.timeouts.retryBudgetMs,
      maxRetryAfterMs: Math.min(10_000, config.timeouts.retryBudgetMs),
    },
  };
  const appKey: AppKey =
    body.appId === undefined ? { uniqueName: uniqueNameFor(body.displayName) } : { appId: body.appId };
  const { permissions } = profileFor(body.profile, body.skipRetired);
  const now = config.runtime.clock.now();
  const observed = await observe(deps, appKey);
  const want = desiredFrom(
    permissions,
    {
      appKey,
      displayName: body.displayName,
      skipRetired: body.skipRetired,
      removeExtra: body.removeExtra,
      secret: {
        displayName: "boxafe-connect",
        lifetimeDays: body.secretLifetimeDays,
        renewWithinDays: DEFAULT_RENEW_WITHIN_DAYS,
      },
    },
    now,
  );
  return { deps, observed, plan: plan(want, observed, now) };
}
