/**
 * The request of prepare, plan, check and setup: which app, which permissions, which credential.
 * The single contract of every front end: the CLI maps its flags to it, the API body derives from
 * `setupRequestFields`, the web form produces it. Defaults come from defaults.ts.
 */
import { z } from "zod";
import {
  appIdField,
  appNameField,
  boxafeVersionField,
  certificateDaysField,
  profileField,
  secretEndDateField,
  secretLifetimeDaysField,
  secretNameField,
} from "./fields.js";

/** The plain object (no cross-field rule), for adapters that pick, omit or extend fields. */
export const setupRequestFields = z.strictObject({
  /** Adopt an existing app by its Application (client) ID instead of finding ours by name. */
  appId: appIdField.optional(),
  /** Name of a new app; when adopting, the app keeps its own name unless this is given. */
  displayName: appNameField.optional(),
  profile: profileField.optional(),
  skipRetired: z.boolean().default(false).meta({ description: "Leave out permissions of retired APIs." }),
  removeExtra: z
    .boolean()
    .default(false)
    .meta({ description: "Remove permissions the profile does not ask for." }),
  secretName: secretNameField,
  secretLifetimeDays: secretLifetimeDaysField.optional(),
  secretEndDate: secretEndDateField.optional(),
  /** Also add a certificate (SharePoint app-only access, Boxafe 1.5); made by the certificate port. */
  certificate: z.boolean().default(false).meta({ description: "Also add a certificate for SharePoint." }),
  certificateDays: certificateDaysField,
  /**
   * Make a new certificate even when the app holds a valid one of ours (chooseCertificate "kept"):
   * without it a re-run from a folder without the files keeps the app's certificate.
   */
  newCertificate: z
    .boolean()
    .default(false)
    .meta({ description: "Make a new certificate even when the app holds a valid one of ours." }),
  /**
   * Which Boxafe takes the values (boxafe/version.ts): "1.5" makes a certificate and no secret,
   * "1.4" a secret. Absent: the request's own secret/certificate choice (a secret, and a certificate
   * when asked). Front ends that ask the admin default to DEFAULT_BOXAFE_VERSION ("1.5").
   */
  boxafe: boxafeVersionField.optional(),
});

export const setupRequestSchema = setupRequestFields.superRefine((request, ctx) => {
  if (request.secretLifetimeDays !== undefined && request.secretEndDate !== undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["secretLifetimeDays"],
      message: "Give a secret lifetime or an end date, not both.",
    });
  }
});

export type SetupRequest = z.output<typeof setupRequestSchema>;
/** What a front end may send: every defaulted field optional. */
export type SetupRequestInput = z.input<typeof setupRequestSchema>;
