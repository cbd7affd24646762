/** Schemas of POST /v1/verify: client credentials in, a per-permission report out; nothing stored. */
import { z } from "@hono/zod-openapi";
import { GuidSchema, ProfileNameSchema, SharePointTenantSchema, TenantIdSchema } from "./common.js";

const PEM_MAX = 16 * 1024;

export const CertificateSchema = z
  .object({
    certificatePem: z
      .string()
      .max(PEM_MAX)
      .regex(/-----BEGIN CERTIFICATE-----/, "must be a PEM certificate")
      .openapi({ description: "PEM of the certificate registered on the app." }),
    privateKeyPem: z
      .string()
      .max(PEM_MAX)
      .regex(/-----BEGIN PRIVATE KEY-----/, "must be a PKCS#8 PEM private key")
      .openapi({ description: "PKCS#8 PEM private key; used to sign one assertion, then dropped." }),
  })
  .openapi("Certificate");

export const VerifyBodySchema = z
  .object({
    tenantId: TenantIdSchema,
    clientId: GuidSchema.openapi({ description: "Application (client) ID." }),
    clientSecret: z
      .string()
      .min(1)
      .max(1024)
      .regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces")
      .optional()
      .openapi({ description: "Client secret value. Give this or `certificate`." }),
    certificate: CertificateSchema.optional(),
    sharePointTenant: SharePointTenantSchema.optional(),
    profile: ProfileNameSchema,
    skipRetired: z.boolean().default(false),
  })
  .superRefine((body, ctx) => {
    if ((body.clientSecret === undefined) === (body.certificate === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["clientSecret"],
        message: "give exactly one of clientSecret or certificate",
      });
    }
  })
  // The refine above is invisible in the document; oneOf says the same (exactly one of the two).
  .openapi("VerifyRequest", {
    oneOf: [
      { required: ["clientSecret"], not: { required: ["certificate"] } },
      { required: ["certificate"], not: { required: ["clientSecret"] } },
    ],
  });

export const VerificationReportSchema = z
  .object({
    complete: z.boolean(),
    checkedAt: z.string(),
    items: z.array(
      z.object({
        resource: z.string(),
        value: z.string(),
        kind: z.enum(["application", "delegated"]),
        status: z.enum(["granted", "pending", "missing", "unverifiable"]),
        detail: z.string().optional(),
      }),
    ),
    tokens: z.array(
      z.object({
        resource: z.string(),
        audience: z.string(),
        ok: z.boolean(),
        roles: z.array(z.string()),
        error: z.object({ code: z.string(), message: z.string() }).optional(),
      }),
    ),
  })
  .openapi("VerificationReport");
