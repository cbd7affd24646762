/** Schemas of POST /v1/plan and POST /v1/setup (the caller's delegated Graph token is the bearer). */
import { MAX_APP_NAME_LENGTH } from "@boxafe-connect/core";
import { z } from "@hono/zod-openapi";
import { GuidSchema, ProfileNameSchema } from "./common.js";

/**
 * Plain text: no C0/C1 control characters (Unicode Cc = U+0000-U+001F, U+007F-U+009F), no angle
 * brackets, and no whitespace at either end (the route used to trim; rejecting instead keeps the
 * published pattern exactly what the route accepts). Written with \x escapes and without the `u`
 * flag, so the same source is a valid ECMA-262 pattern in the OpenAPI document with or without
 * Unicode mode.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
const DISPLAY_NAME = /^[^\s\x00-\x1F\x7F-\x9F<>](?:[^\x00-\x1F\x7F-\x9F<>]*[^\s\x00-\x1F\x7F-\x9F<>])?$/;

export const SetupBodySchema = z
  .object({
    displayName: z
      .string()
      .min(1)
      .max(MAX_APP_NAME_LENGTH)
      .regex(
        DISPLAY_NAME,
        "must be plain text without control characters, angle brackets or leading/trailing spaces",
      )
      .default("QNAP Boxafe")
      .openapi({ description: "Display name of the app registration." }),
    appId: GuidSchema.optional().openapi({
      description: "Adopt an existing app by its appId instead of by name.",
    }),
    profile: ProfileNameSchema,
    skipRetired: z.boolean().default(false),
    removeExtra: z.boolean().default(false),
    secretLifetimeDays: z
      .union([z.literal(90), z.literal(180), z.literal(365), z.literal(545), z.literal(730)])
      .default(180)
      .openapi({ description: "Lifetime of a new client secret in days." }),
  })
  .openapi("SetupRequest");

const TenantSchema = z.object({ id: z.string(), displayName: z.string(), initialDomain: z.string() });

export const PlanResponseSchema = z
  .object({
    tenant: TenantSchema,
    actions: z.array(z.looseObject({ type: z.string() })),
    steps: z.array(z.string()).openapi({ description: "One human line per action." }),
    findings: z.array(z.looseObject({ kind: z.string(), message: z.string() })),
    upToDate: z.boolean().openapi({ description: "True when there is nothing to do." }),
  })
  .openapi("Plan");

export const SetupResponseSchema = z
  .object({
    tenantId: z.string().openapi({ description: "Directory (tenant) ID for Boxafe." }),
    clientId: z.string().openapi({ description: "Application (client) ID for Boxafe." }),
    clientSecret: z
      .string()
      .optional()
      .openapi({ description: "Shown once, only when a new secret was made. Store it now." }),
    secretExpiresOn: z.string().optional(),
    applicationObjectId: z.string(),
    servicePrincipalId: z.string(),
    actionsApplied: z.number().int(),
    findings: z.array(z.looseObject({ kind: z.string(), message: z.string() })),
    sharePointTenant: z
      .string()
      .optional()
      .openapi({ description: "SharePoint name of the tenant; pass it to /v1/verify as sharePointTenant." }),
    sharePoint: z
      .object({
        url: z.string(),
        appId: z.string(),
        appDomain: z.string(),
        redirectUrl: z.string(),
        permissionRequestXml: z.string(),
        advisory: z.string(),
      })
      .optional()
      .openapi({
        description: "The guide's optional appinv.aspx step (Azure ACS, retiring), with its advisory.",
      }),
  })
  .openapi("SetupResult");
