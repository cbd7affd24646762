/** Shared zod schemas (they also generate /openapi.json) and the error responses every route shares. */

import { ErrorCode } from "@boxafe-connect/core";
import { z } from "@hono/zod-openapi";

const codes = Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]];

export const ErrorBodySchema = z
  .object({
    code: z.enum(codes).openapi({ description: "Stable machine-readable code (core's ErrorCode)." }),
    message: z
      .string()
      .openapi({ description: "What went wrong and what to do next. Never contains a secret." }),
    field: z.string().nullable().openapi({ description: "The input field at fault, when there is one." }),
    upstreamCode: z.string().optional().openapi({ description: "Graph or AADSTS code from upstream." }),
    requestId: z
      .string()
      .openapi({ description: "Also in the X-Request-Id header; quote it in support requests." }),
  })
  .openapi("Error");

const GUID_BODY = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
// Core's isDomainName: at least two labels of 1-63 letters, digits or inner dashes, an alphabetic
// top-level label, at most 253 characters in all.
const DOMAIN_BODY = "(?=.{1,253}$)(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]{2,63}";
const GUID = new RegExp(`^${GUID_BODY}$`);
/** One pattern, so the OpenAPI document says exactly what the route accepts (a refine would be invisible there). */
const TENANT = new RegExp(`^(?:${GUID_BODY}|${DOMAIN_BODY})$`);

export const GuidSchema = z.string().regex(GUID, "must be a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)");

export const TenantIdSchema = z
  .string()
  .max(253)
  .regex(TENANT, "must be a tenant GUID or a domain like contoso.onmicrosoft.com")
  .openapi({
    description: "Directory (tenant) ID, or a verified domain of the tenant.",
    example: "contoso.onmicrosoft.com",
  });

export const SharePointTenantSchema = z
  .string()
  .regex(/^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/, "must be the SharePoint name only, e.g. contoso")
  .openapi({ description: "SharePoint tenant name (the part before .sharepoint.com).", example: "contoso" });

export const ProfileNameSchema = z
  .enum(["boxafe"])
  .default("boxafe")
  .openapi({ description: "Named permission set; boxafe = Table 1 of the Boxafe guide." });

function errorResponse(description: string) {
  return { description, content: { "application/json": { schema: ErrorBodySchema } } } as const;
}

/** Responses any route may give besides its own; listed so the OpenAPI document is honest. */
export const commonErrors = {
  400: errorResponse("Invalid input; `field` names the bad field. Nothing was changed."),
  413: errorResponse("Request body larger than the configured limit."),
  429: errorResponse("Rate limit for this client; see the Retry-After header."),
  500: errorResponse("Unexpected failure; generic message and the request id."),
} as const;

export const upstreamErrors = {
  401: errorResponse("Missing, expired or rejected credentials or token."),
  403: errorResponse("The signed-in account or the token lacks a role or scope."),
  404: errorResponse("Tenant or application not found."),
  502: errorResponse("Graph or the token service failed."),
  503: errorResponse("Replication did not settle in time; a re-run completes the job."),
  504: errorResponse("The cloud could not be reached in time."),
} as const;
