/** Schemas of POST /v1/plan and POST /v1/setup (the caller's delegated Graph token is the bearer). */
import { DEFAULT_APP_NAME, MAX_APP_NAME_LENGTH, setupRequestFields } from "@boxafe-connect/core";
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

/**
 * The body of plan and setup: core's SetupRequest under the names and defaults of core's fields
 * (defaults.ts), mapped once by setupRequestFromBody. The fields core checks with plain schemas
 * are core's own; the app's name and id keep a published pattern here, because core checks them
 * in transforms (trim, lower-case) that an OpenAPI document cannot state exactly.
 */
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
      .optional()
      .openapi({
        description: `Display name of the app registration (default "${DEFAULT_APP_NAME}" for a new app; an app adopted by appId keeps its own unless this is given).`,
      }),
    appId: GuidSchema.optional().openapi({
      description: "Adopt an existing app by its appId instead of by name.",
    }),
    profile: ProfileNameSchema,
    skipRetired: setupRequestFields.shape.skipRetired,
    removeExtra: setupRequestFields.shape.removeExtra,
    secretLifetimeDays: setupRequestFields.shape.secretLifetimeDays,
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
