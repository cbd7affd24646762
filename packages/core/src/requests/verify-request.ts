/** `verify`: the three values Boxafe holds, proven with fresh app-only tokens (no admin sign-in). */
import { z } from "zod";
import { CREDENTIAL_GRACE_MS, DEFAULT_VERIFY_DEADLINE_SECONDS } from "../defaults.js";
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
  /**
   * How long a credential the token service does not know yet (AADSTS700016, 7000215: a new app or
   * secret still replicating) is retried; never past the deadline. An HTTP caller may want 0.
   */
  credentialGraceSeconds: z
    .number({ error: "The credential grace must be a number of seconds." })
    .min(0, { error: "The credential grace must be a number of seconds." })
    .max(3600, { error: "The credential grace can be at most 3600 seconds." })
    .default(CREDENTIAL_GRACE_MS / 1000),
  /** Also read the app's grants back through Graph with its own token, when that token may. */
  readGrantsBack: z.boolean().default(false),
});

export type VerifyRequest = z.output<typeof verifyRequestSchema>;
