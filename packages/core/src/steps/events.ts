/**
 * Events fed to `transition`: user choices, and results of effects (made by runEffect). A zod
 * schema too, so the HTTP API can accept events from a browser and check them.
 */
import { z } from "zod";
import { proofNotRunReasonSchema } from "../verify/not-run.js";
import { errorInfoSchema, planSummarySchema, secretStatusSchema, sharePointModeSchema } from "./schema.js";
import { APPLY_STEPS } from "./steps.js";

const count = z.number().int().min(0);

export const wizardEventSchema = z.discriminatedUnion("type", [
  // user
  z.strictObject({ type: z.literal("sign-in.start") }),
  z.strictObject({ type: z.literal("sign-in.again") }),
  z.strictObject({ type: z.literal("app.choose-new"), displayName: z.string() }),
  z.strictObject({ type: z.literal("app.choose-existing"), appId: z.string() }),
  z.strictObject({ type: z.literal("app.change") }),
  z.strictObject({ type: z.literal("plan.confirm") }),
  z.strictObject({ type: z.literal("verify.retry") }),
  z.strictObject({ type: z.literal("verify.continue") }),
  z.strictObject({ type: z.literal("secret.shown") }),
  z.strictObject({ type: z.literal("sharepoint.start"), mode: sharePointModeSchema.optional() }),
  z.strictObject({ type: z.literal("sharepoint.confirm") }),
  z.strictObject({ type: z.literal("finish") }),
  z.strictObject({ type: z.literal("retry") }),
  z.strictObject({ type: z.literal("cancel") }),
  // effect results
  z.strictObject({ type: z.literal("sign-in.done"), username: z.string(), tenantId: z.string() }),
  z.strictObject({ type: z.literal("sign-in.failed"), error: errorInfoSchema }),
  z.strictObject({ type: z.literal("role.done"), roles: z.array(z.string()) }),
  z.strictObject({ type: z.literal("role.failed"), error: errorInfoSchema }),
  z.strictObject({ type: z.literal("observe.done"), plan: planSummarySchema, appId: z.string().optional() }),
  z.strictObject({ type: z.literal("observe.failed"), error: errorInfoSchema }),
  z.strictObject({ type: z.literal("apply.progress"), step: z.enum(APPLY_STEPS) }),
  z.strictObject({
    type: z.literal("apply.done"),
    clientId: z.string(),
    secret: secretStatusSchema,
    secretExpiresOn: z.string().optional(),
  }),
  z.strictObject({ type: z.literal("apply.failed"), error: errorInfoSchema }),
  z.strictObject({ type: z.literal("verify.progress"), granted: count, total: count }),
  z.strictObject({
    type: z.literal("verify.done"),
    complete: z.boolean(),
    granted: count,
    pending: count,
    missing: count,
    unverifiable: count,
    total: count,
    /** Why no proof ran (verifyNotRun): never "works", and no retry can change it. */
    notRun: proofNotRunReasonSchema.optional(),
  }),
  z.strictObject({ type: z.literal("verify.failed"), error: errorInfoSchema }),
  z.strictObject({
    type: z.literal("sharepoint.ready"),
    url: z.string(),
    certificate: z.strictObject({ thumbprint: z.string(), notAfter: z.string() }).optional(),
  }),
  z.strictObject({ type: z.literal("sharepoint.failed"), error: errorInfoSchema }),
]);

export type WizardEvent = z.infer<typeof wizardEventSchema>;
export type WizardEventType = WizardEvent["type"];

/** Events a person chooses (buttons, prompts); the rest come back from effects. */
export const USER_EVENTS = [
  "sign-in.start",
  "sign-in.again",
  "app.choose-new",
  "app.choose-existing",
  "app.change",
  "plan.confirm",
  "verify.retry",
  "verify.continue",
  "secret.shown",
  "sharepoint.start",
  "sharepoint.confirm",
  "finish",
  "retry",
  "cancel",
] as const satisfies readonly WizardEventType[];
