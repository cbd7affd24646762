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
import { keepField, olderThanDaysField } from "./rotate-request.js";

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

/** A certificate of the app that boxafe-connect made and recorded (the app cannot read itself). */
const recordedKeyField = z.strictObject({
  keyId: z.string().refine(isGuid, { error: "must be a keyId (GUID)" }),
  thumbprint: z.string().regex(/^[0-9A-Fa-f]{40}$/, { error: "must be a SHA-1 thumbprint (40 hex digits)" }),
  startDateTime: z.iso.datetime({ offset: true }),
  endDateTime: z.iso.datetime({ offset: true }),
});

/**
 * `certificate retire` (phase two of a self-rotation, no admin): the newest certificate proves
 * itself with a fresh token, then older certificates boxafe-connect made go through removeKey with
 * a proof signed by the newest. `keys` is what boxafe-connect recorded of the app's certificates
 * (setup's keyIds follow from the thumbprint, addKey's are kept by `certificate rotate`).
 */
export const certificateRetireRequestSchema = z.strictObject({
  tenantId: tenantIdField,
  appId: appIdField,
  applicationObjectId: objectIdField,
  /** SHA-1 thumbprint of the newest certificate (the one Boxafe holds): it always stays. */
  newestThumbprint: z
    .string()
    .regex(/^[0-9A-Fa-f]{40}$/, { error: "must be a SHA-1 thumbprint (40 hex digits)" }),
  /** When the newest certificate became valid (its notBefore). */
  newestStart: z.iso.datetime({ offset: true }),
  keep: keepField,
  olderThanDays: olderThanDaysField.optional(),
  keys: z.array(recordedKeyField).max(50),
});

export type CertificateRetireRequest = z.output<typeof certificateRetireRequestSchema>;
