/** The JSON shape of a partner's profile file, before catalog checks (see parse-profile.ts). */
import { z } from "zod";

export const PROFILE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const MAX_PROFILE_PERMISSIONS = 200;

const permissionEntrySchema = z.strictObject({
  resource: z
    .string({ error: 'must be a string: a resource key, portal name or appId, e.g. "microsoft-graph"' })
    .trim()
    .min(1, { error: "must not be empty: a resource key, portal name or appId" }),
  value: z
    .string({ error: 'must be a string: the permission\'s value, e.g. "Mail.ReadWrite"' })
    .trim()
    .min(1, { error: 'must not be empty: the permission\'s value, e.g. "Mail.ReadWrite"' }),
  kind: z.string({ error: 'must be "application" or "delegated"' }),
});

export const profileFileSchema = z.strictObject({
  name: z
    .string({ error: 'must be a string naming the profile, e.g. "acme-backup"' })
    .regex(PROFILE_NAME_PATTERN, {
      error: "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit",
    }),
  description: z
    .string({ error: "must be a string" })
    .max(500, { error: "must be at most 500 characters" })
    .optional(),
  permissions: z
    .array(permissionEntrySchema, { error: "must be an array of {resource, value, kind} entries" })
    .min(1, { error: "must list at least one permission" })
    .max(MAX_PROFILE_PERMISSIONS, { error: `must list at most ${MAX_PROFILE_PERMISSIONS} permissions` }),
});
