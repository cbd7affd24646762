/** Schemas of GET /v1/permissions: the catalog view shared with `boxafe-connect permissions --json`. */
import { z } from "@hono/zod-openapi";
import { ProfileNameSchema } from "./common.js";

export const PermissionsQuerySchema = z.object({
  profile: ProfileNameSchema,
  skipRetired: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true")
    .openapi({
      description: "Leave out permissions of retired APIs.",
      type: "string",
      enum: ["true", "false"],
    }),
});

const AdvisoryViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  effectiveOn: z.string(),
  action: z.string(),
});

export const PermissionsViewSchema = z
  .object({
    profile: z.string(),
    resources: z.array(
      z.object({
        name: z.string(),
        appId: z.string(),
        permissions: z.array(
          z.object({
            value: z.string(),
            kind: z.enum(["application", "delegated"]),
            id: z.string(),
            description: z.string(),
            adminConsentRequired: z.boolean(),
            advisories: z.array(AdvisoryViewSchema),
          }),
        ),
      }),
    ),
  })
  .openapi("PermissionsView");
