/**
 * The wizard's state, events and effects, defined once as zod schemas so a saved state can be
 * checked on resume. Strict objects: a state with an unknown key (say, a secret) does not parse.
 */
import { z } from "zod";
import { ErrorCode } from "../errors.js";
import { ACTION_TYPES } from "../tenant/describe.js";
import { proofNotRunReasonSchema } from "../verify/not-run.js";
import { APPLY_STEPS, STEP_IDS } from "./steps.js";

const errorCodes = Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]];

export const PHASES = [
  "start",
  "signing-in",
  "checking-role",
  "choose-app",
  "observing",
  "review",
  "applying",
  "verifying",
  "verify-incomplete",
  "hand-over",
  "preparing-sharepoint",
  "sharepoint",
  "done",
  "cancelled",
  "error",
] as const;
export type Phase = (typeof PHASES)[number];

export const errorInfoSchema = z.strictObject({
  code: z.enum(errorCodes),
  message: z.string(),
  field: z.string().optional(),
});
export type ErrorInfo = z.infer<typeof errorInfoSchema>;

export const sharePointModeSchema = z.enum(["certificate", "appinv"]);
export type SharePointMode = z.infer<typeof sharePointModeSchema>;

const appKeySchema = z.union([
  z.strictObject({ uniqueName: z.string() }),
  z.strictObject({ appId: z.string() }),
]);

export const effectSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("sign-in") }),
  z.strictObject({ type: z.literal("check-role") }),
  z.strictObject({ type: z.literal("observe"), appKey: appKeySchema, displayName: z.string().optional() }),
  z.strictObject({ type: z.literal("apply") }),
  z.strictObject({ type: z.literal("verify") }),
  /** certificate: add one for SharePoint app-only access (Boxafe 1.5); appinv: the legacy values only. */
  z.strictObject({ type: z.literal("sharepoint"), mode: sharePointModeSchema.optional() }),
]);
export type Effect = z.infer<typeof effectSchema>;

const findingSchema = z.strictObject({
  kind: z.enum([
    "extra-permission",
    "unconsented",
    "secret-expiring",
    "secret-expired",
    "credential-unheld",
    "advisory",
    "missing-resource",
    "id-mismatch",
    "permission-not-offered",
  ]),
  message: z.string(),
  resource: z
    .enum(["microsoft-graph", "exchange-online", "sharepoint", "onenote", "azure-ad-graph"])
    .optional(),
  value: z.string().optional(),
});

export const planSummarySchema = z.strictObject({
  total: z.number().int().min(0),
  counts: z.record(z.enum(ACTION_TYPES), z.number().int().min(0)),
  actions: z.array(z.string()),
  findings: z.array(findingSchema),
});

export const secretStatusSchema = z.enum(["new", "existing", "none"]);

export const verificationSchema = z.strictObject({
  complete: z.boolean(),
  granted: z.number().int().min(0),
  pending: z.number().int().min(0),
  missing: z.number().int().min(0),
  unverifiable: z.number().int().min(0),
  total: z.number().int().min(0),
  attempts: z.number().int().min(0),
  notRun: proofNotRunReasonSchema.optional(),
});

export const wizardStateSchema = z.strictObject({
  version: z.literal(1),
  phase: z.enum(PHASES),
  options: z.strictObject({ sharepoint: z.boolean(), defaultDisplayName: z.string() }),
  account: z.strictObject({ username: z.string(), tenantId: z.string() }).optional(),
  roles: z.array(z.string()).optional(),
  app: z
    .discriminatedUnion("mode", [
      z.strictObject({ mode: z.literal("new"), displayName: z.string(), uniqueName: z.string() }),
      z.strictObject({ mode: z.literal("adopt"), appId: z.string() }),
    ])
    .optional(),
  existingAppId: z.string().optional(),
  plan: planSummarySchema.optional(),
  applied: z.array(z.enum(APPLY_STEPS)),
  verification: verificationSchema.optional(),
  handOver: z
    .strictObject({
      clientId: z.string(),
      tenantId: z.string(),
      secret: secretStatusSchema,
      secretExpiresOn: z.string().optional(),
      secretShown: z.boolean(),
      /** The session ended before a new secret was shown: it is gone; rotate to get another. */
      secretLost: z.boolean().optional(),
    })
    .optional(),
  sharepoint: z
    .strictObject({
      url: z.string(),
      confirmed: z.boolean(),
      mode: sharePointModeSchema.optional(),
      /** The certificate added (public facts only; the private key stays with the adapter). */
      certificate: z.strictObject({ thumbprint: z.string(), notAfter: z.string() }).optional(),
    })
    .optional(),
  /** The SharePoint path chosen at hand-over, kept so a resume runs the same effect. */
  sharepointMode: sharePointModeSchema.optional(),
  error: z.strictObject({ ...errorInfoSchema.shape, step: z.enum(STEP_IDS), retry: effectSchema }).optional(),
  inputError: z.strictObject({ field: z.string(), message: z.string() }).optional(),
  resumeTo: z.enum(["choose-app", "observe", "verify", "hand-over", "sharepoint"]).optional(),
  /** Where "Stop here" (the cancel event) left the wizard: a resume continues from that step. */
  stoppedIn: z.enum(PHASES).optional(),
  rejected: z.strictObject({ event: z.string(), reason: z.string() }).optional(),
});
export type WizardState = z.infer<typeof wizardStateSchema>;
export type PlanSummaryState = z.infer<typeof planSummarySchema>;
