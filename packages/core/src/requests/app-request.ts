/** Requests that only name an app: remove, credential list, the legacy SharePoint values. */
import { z } from "zod";
import { appIdField, appNameField } from "./fields.js";

export const appRequestSchema = z.strictObject({
  appId: appIdField.optional(),
  displayName: appNameField.optional(),
});

export type AppRequest = z.output<typeof appRequestSchema>;
