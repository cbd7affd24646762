/** `certificate`: add a self-signed certificate to the app for SharePoint app-only access (Boxafe 1.5). */
import { z } from "zod";
import { isGuid } from "../validate.js";
import {
  appIdField,
  appNameField,
  certificateDaysField,
  inputText,
  profileField,
  tenantIdField,
} from "./fields.js";

export const certificateUseCaseRequestSchema = z.strictObject({
  appId: appIdField.optional(),
  displayName: appNameField.optional(),
  profile: profileField.optional(),
  certificateDays: certificateDaysField,
});

export type CertificateUseCaseRequest = z.output<typeof certificateUseCaseRequestSchema>;

const objectIdField = z
  .string()
  .transform((value) => value.trim().toLowerCase())
  .refine(isGuid, {
    error: (issue) =>
      `"${inputText(issue.input).slice(0, 60)}" is not a GUID; it is the application's Object ID (Overview page, or applicationObjectId in setup's JSON).`,
  });

/**
 * `certificate rotate`: the app rolls its own certificate with addKey, proving possession of the
 * current one. No admin: the caller acts with the app's own token. The proof's issuer is the
 * application's object id, which an app cannot read about itself, so it is part of the request.
 */
export const certificateRotateRequestSchema = z.strictObject({
  tenantId: tenantIdField,
  appId: appIdField,
  applicationObjectId: objectIdField,
  /** Subject (CN) of the new certificate: the app's display name. */
  subject: appNameField.optional(),
  certificateDays: certificateDaysField,
});

export type CertificateRotateRequest = z.output<typeof certificateRotateRequestSchema>;
