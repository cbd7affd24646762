/** `verify`: the three values Boxafe holds, proven with fresh app-only tokens (no admin sign-in). */
import { z } from "zod";
import { DEFAULT_VERIFY_DEADLINE_SECONDS } from "../defaults.js";
import { appIdField, profileField, sharePointTenantField, tenantIdField } from "./fields.js";

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;
const PEM_KEY = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/;

export const credentialField = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("secret"),
    secret: z.string().min(1, { error: "The client secret is empty." }),
  }),
  z.strictObject({
    kind: z.literal("certificate"),
    certificatePem: z.string().regex(PEM_CERTIFICATE, { error: "must hold a PEM certificate" }),
    privateKeyPem: z
      .string()
      .regex(PEM_KEY, { error: 'must hold a PKCS#8 private key ("BEGIN PRIVATE KEY")' }),
  }),
]);

export const verifyRequestSchema = z.strictObject({
  tenantId: tenantIdField,
  clientId: appIdField,
  credential: credentialField,
  profile: profileField.optional(),
  skipRetired: z.boolean().default(false),
  /** Read from the tenant with the app's own token when not given. */
  sharePointTenant: sharePointTenantField.optional(),
  deadlineSeconds: z
    .number({ error: "The deadline must be a number of seconds." })
    .min(0, { error: "The deadline must be a number of seconds." })
    .max(3600, { error: "The deadline can be at most 3600 seconds." })
    .default(DEFAULT_VERIFY_DEADLINE_SECONDS),
});

export type VerifyRequest = z.output<typeof verifyRequestSchema>;
