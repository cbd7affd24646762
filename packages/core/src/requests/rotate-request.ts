/** `rotate` (add + prove + hand over a new secret) and `retire` (remove the old ones) requests. */
import { z } from "zod";
import {
  appIdField,
  appNameField,
  secretEndDateField,
  secretLifetimeDaysField,
  secretNameField,
} from "./fields.js";

export const rotateRequestSchema = z
  .strictObject({
    appId: appIdField.optional(),
    displayName: appNameField.optional(),
    secretName: secretNameField,
    secretLifetimeDays: secretLifetimeDaysField.optional(),
    secretEndDate: secretEndDateField.optional(),
    /** Keep the old secrets (retire them later with `retire`). */
    keepOld: z.boolean().default(false),
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

export const retireRequestSchema = z.strictObject({
  appId: appIdField.optional(),
  displayName: appNameField.optional(),
  /** Secrets of ours that stay (the one just handed over). Secrets not made by us are never touched. */
  keepKeyIds: z.array(z.string()).default([]),
});

export type RetireRequest = z.output<typeof retireRequestSchema>;
