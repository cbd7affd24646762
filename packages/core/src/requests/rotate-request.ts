/**
 * `rotate` (phase one: add + prove + hand over a new secret, keep the old ones) and `retire`
 * (phase two, only when asked: prove the newest credential, then remove older ones of ours).
 */
import { z } from "zod";
import {
  appIdField,
  appNameField,
  secretEndDateField,
  secretLifetimeDaysField,
  secretNameField,
} from "./fields.js";
import { credentialField } from "./verify-request.js";

export const rotateRequestSchema = z
  .strictObject({
    appId: appIdField.optional(),
    displayName: appNameField.optional(),
    secretName: secretNameField,
    secretLifetimeDays: secretLifetimeDaysField.optional(),
    secretEndDate: secretEndDateField.optional(),
  })
  .superRefine((request, ctx) => {
    if (request.secretLifetimeDays !== undefined && request.secretEndDate !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["secretLifetimeDays"],
        message: "Give a secret lifetime or an end date, not both.",
      });
    }
  });

export type RotateRequest = z.output<typeof rotateRequestSchema>;

/** `--keep N`: how many of our credentials stay, newest first, the proven one included. */
export const keepField = z
  .number({ error: "--keep must be a whole number from 1 to 10." })
  .int({ error: "--keep must be a whole number from 1 to 10." })
  .min(1, { error: "--keep must be at least 1 (the proven credential always stays)." })
  .max(10, { error: "--keep must be a whole number from 1 to 10." })
  .default(1);

/** `--older-than DAYS`: only credentials created at least this many days ago go. */
export const olderThanDaysField = z
  .number({ error: "--older-than must be a whole number of days." })
  .int({ error: "--older-than must be a whole number of days." })
  .min(0, { error: "--older-than must be a whole number of days." })
  .max(3650, { error: "--older-than must be at most 3650 days." });

export const retireRequestSchema = z
  .strictObject({
    appId: appIdField.optional(),
    displayName: appNameField.optional(),
    /** The newest credential, as Boxafe now holds it: proven with a fresh token before anything goes. */
    proof: credentialField,
    /** SHA-1 thumbprint (hex) of the proof's certificate; the adapter reads it from the PEM. */
    proofThumbprint: z
      .string()
      .regex(/^[0-9A-Fa-f]{40}$/, { error: "must be a SHA-1 thumbprint (40 hex digits)" })
      .optional(),
    /** How many of our credentials of that type stay, newest first, the proven one included. */
    keep: keepField,
    /** Only credentials created at least this many days ago go. */
    olderThanDays: olderThanDaysField.optional(),
  })
  .superRefine((request, ctx) => {
    if (request.proof.kind === "certificate" && request.proofThumbprint === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["proofThumbprint"],
        message: "is needed for a certificate proof",
      });
    }
  });

export type RetireRequest = z.output<typeof retireRequestSchema>;
