/** Schema of POST /v1/preflight's answer (the request is SetupRequest: the same app and profile). */
import { CHECK_IDS, CHECK_STATUSES } from "@boxafe-connect/core";
import { z } from "@hono/zod-openapi";

const CheckSchema = z
  .object({
    id: z.enum(CHECK_IDS),
    title: z.string(),
    status: z.enum(CHECK_STATUSES),
    evidence: z
      .string()
      .openapi({ description: "What was read (tenant strings as read: escape before display)." }),
    fix: z.string().optional(),
  })
  .openapi("PreflightCheck");

export const PreflightResponseSchema = z
  .object({
    tenant: z.object({ id: z.string(), displayName: z.string(), initialDomain: z.string() }),
    ok: z.boolean().openapi({ description: "False when a check fails: setup would stop before any write." }),
    checks: z.array(CheckSchema),
    credentials: z
      .object({
        secretDays: z.number().int().optional(),
        certificateDays: z.number().int().optional(),
        reasons: z.array(z.string()),
      })
      .openapi({
        description: "The credentials setup would create under the tenant's rules, and why they differ.",
      }),
    signInFlow: z.enum(["device", "browser"]),
  })
  .openapi("Preflight");
