/** Requests that only name an app: remove, credential list, the legacy SharePoint values. */
import { z } from "zod";
import { appIdField, appNameField } from "./fields.js";

export const appRequestSchema = z.strictObject({
  appId: appIdField.optional(),
  displayName: appNameField.optional(),
});

export type AppRequest = z.output<typeof appRequestSchema>;

/** `remove`: the app, and whether to delete it from deleted items for good (no 30-day restore). */
export const removeRequestSchema = appRequestSchema.extend({
  purge: z.boolean().default(false),
});

export type RemoveRequest = z.output<typeof removeRequestSchema>;
