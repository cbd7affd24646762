/**
 * Schemas of POST /v1/prove: the app, and the 1.4 secret or one client assertion per workload signed
 * by whoever holds the certificate's key (the web page); out comes per workload works / blocked (why,
 * fix) / pending, from a real call as the app. The body mirrors core's proveRequestSchema, which the
 * route parses it with (core's messages and the assertion checks), so the document and core agree.
 */
import { z } from "@hono/zod-openapi";
import { GuidSchema, SharePointTenantSchema, TenantIdSchema } from "./common.js";

const AssertionSchema = z
  .string()
  .max(16 * 1024)
  .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, "must be a signed JWT")
  .openapi({
    description:
      "A client assertion (RS256 or PS256, x5t or x5t#S256 header; aud = the tenant's v2.0 token endpoint; iss = sub = clientId; its own jti; exp at most 10 minutes away). Redeemed once for this workload's token.",
  });

export const ProveBodySchema = z
  .object({
    tenantId: TenantIdSchema,
    clientId: GuidSchema.openapi({ description: "Application (client) ID." }),
    credential: z
      .union([
        z.object({ clientSecret: z.string().min(1).max(1024) }).strict(),
        z
          .object({
            assertions: z
              .object({
                graph: AssertionSchema,
                exchange: AssertionSchema,
                sharepoint: AssertionSchema.optional(),
              })
              .strict(),
          })
          .strict(),
      ])
      .openapi({
        description:
          "Boxafe 1.4's secret, or assertions signed with Boxafe 1.5's certificate (the private key never leaves its holder).",
      }),
    sharePointTenant: SharePointTenantSchema.optional(),
    mailbox: z
      .string()
      .max(320)
      .regex(/^[^\s@]+@[^\s@]+$/, "must be a mailbox address")
      .optional()
      .openapi({ description: "Whose inbox EWS GetFolder opens; default: the first user Graph lists." }),
    ewsAllowed: z
      .boolean()
      .default(false)
      .openapi({ description: "The EWS allow list was written for this app: a policy 403 is then pending." }),
  })
  .openapi("ProveRequest");

const StateSchema = z.enum(["works", "blocked", "pending"]);

const ProofSchema = z
  .object({
    state: StateSchema,
    call: z.string().openapi({ description: "The real call that decided it." }),
    status: z.number().int().optional(),
    why: z.string().optional(),
    fix: z.string().optional(),
  })
  .openapi("WorkloadProof");

export const ProveReportSchema = z
  .object({
    graph: ProofSchema,
    exchange: ProofSchema,
    sharepoint: ProofSchema,
    ready: z.object({ graph: StateSchema, exchange: StateSchema, sharepoint: StateSchema }),
    readiness: z.object({
      allWork: z.boolean(),
      headline: z.string(),
      lines: z.array(
        z.object({
          workload: z.enum(["graph", "exchange", "sharepoint"]),
          state: z.string(),
          text: z.string(),
        }),
      ),
    }),
  })
  .openapi("WorkloadReport");
