/** `certificate`: add a self-signed certificate to the app for SharePoint app-only access (Boxafe 1.5). */
import { z } from "zod";
import { appIdField, appNameField, certificateDaysField, profileField } from "./fields.js";

export const certificateUseCaseRequestSchema = z.strictObject({
  appId: appIdField.optional(),
  displayName: appNameField.optional(),
  profile: profileField.optional(),
  certificateDays: certificateDaysField,
});

export type CertificateUseCaseRequest = z.output<typeof certificateUseCaseRequestSchema>;
