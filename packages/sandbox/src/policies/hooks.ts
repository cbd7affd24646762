/**
 * Test hooks that seed the tenant's policies (never reachable through Graph, which is read-only here):
 * - POST /_sandbox/policy `{passwordMaxLifetime: "P90D" | null, passwordAdditionBlocked?, keyMaxLifetime?,
 *   trustedCertificateAuthority?}`: the tenant default app management policy, enabled when any restriction is set.
 * - POST /_sandbox/policies `{appManagementPolicies?, allowedToCreateApps?, deviceCodeBlock?, conditionalAccessPolicies?,
 *   declinedScopes?}`: each given part replaces the current one.
 */
import { z } from "zod";
import { durationMs } from "../graph/credentials.js";
import type { Directory } from "../store/directory.js";
import { MANAGED_DEVICE_CODE_POLICY_ID, managedDeviceCodePolicy, policiesOf, restriction } from "./store.js";
import type { ConditionalAccessPolicy, CredentialRestriction, TenantPolicies } from "./types.js";

const duration = z.string().refine((v) => {
  try {
    durationMs(v);
    return true;
  } catch {
    return false;
  }
}, "not an ISO-8601 duration");

const restrictionsSchema = z.object({
  passwordAdditionBlocked: z.boolean().optional(),
  passwordMaxLifetime: duration.nullable().optional(),
  keyMaxLifetime: duration.nullable().optional(),
  trustedCertificateAuthority: z.boolean().optional(),
  /** Restrictions apply to apps created after this instant. */
  since: z.string().datetime().optional(),
});
type RestrictionsInput = z.infer<typeof restrictionsSchema>;

const caState = z.enum(["enabled", "disabled", "enabledForReportingButNotEnforced"]);

const policiesSchema = z.object({
  appManagementPolicies: z
    .array(
      restrictionsSchema.extend({
        id: z.string().uuid(),
        displayName: z.string().min(1),
        isEnabled: z.boolean().default(true),
        appliesTo: z.array(z.string()),
      }),
    )
    .optional(),
  allowedToCreateApps: z.boolean().optional(),
  /** The Microsoft-managed "Block device code flow" policy's state; null removes it. */
  deviceCodeBlock: caState.nullable().optional(),
  conditionalAccessPolicies: z
    .array(z.custom<ConditionalAccessPolicy>((v) => typeof v === "object" && v !== null))
    .optional(),
  declinedScopes: z.array(z.string()).optional(),
});

function toRestrictions(
  input: RestrictionsInput,
  current: { passwordCredentials: CredentialRestriction[]; keyCredentials: CredentialRestriction[] },
) {
  const replace = (
    list: CredentialRestriction[],
    type: CredentialRestriction["restrictionType"],
    next: CredentialRestriction | null | undefined,
  ) =>
    next === undefined ? list : [...list.filter((r) => r.restrictionType !== type), ...(next ? [next] : [])];
  let passwords = current.passwordCredentials;
  let keys = current.keyCredentials;
  if (input.passwordAdditionBlocked !== undefined)
    passwords = replace(
      passwords,
      "passwordAddition",
      input.passwordAdditionBlocked ? restriction("passwordAddition", null, input.since) : null,
    );
  if (input.passwordMaxLifetime !== undefined)
    passwords = replace(
      passwords,
      "passwordLifetime",
      input.passwordMaxLifetime
        ? restriction("passwordLifetime", input.passwordMaxLifetime, input.since)
        : null,
    );
  if (input.keyMaxLifetime !== undefined)
    keys = replace(
      keys,
      "asymmetricKeyLifetime",
      input.keyMaxLifetime ? restriction("asymmetricKeyLifetime", input.keyMaxLifetime, input.since) : null,
    );
  if (input.trustedCertificateAuthority !== undefined)
    keys = replace(
      keys,
      "trustedCertificateAuthority",
      input.trustedCertificateAuthority
        ? {
            ...restriction("trustedCertificateAuthority", null, input.since),
            certificateBasedApplicationConfigurationIds: ["eec5ba11-2fc0-4113-83a2-ed986ed13744"],
          }
        : null,
    );
  return { passwordCredentials: passwords, keyCredentials: keys };
}

function issues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
}

/** Updates the tenant default policy; returns an error text or the policy. */
export function setTenantPolicy(
  dir: Directory,
  body: unknown,
): { error: string } | { policy: TenantPolicies["defaultAppManagement"] } {
  const parsed = restrictionsSchema.safeParse(body);
  if (!parsed.success) return { error: issues(parsed.error) };
  const tenant = policiesOf(dir).defaultAppManagement;
  tenant.applicationRestrictions = toRestrictions(parsed.data, tenant.applicationRestrictions);
  const r = tenant.applicationRestrictions;
  tenant.isEnabled = r.passwordCredentials.length + r.keyCredentials.length > 0;
  dir.save();
  return { policy: tenant };
}

export function setPolicies(dir: Directory, body: unknown): { error: string } | { policies: TenantPolicies } {
  const parsed = policiesSchema.safeParse(body);
  if (!parsed.success) return { error: issues(parsed.error) };
  const input = parsed.data;
  const p = policiesOf(dir);
  if (input.appManagementPolicies)
    p.appManagement = input.appManagementPolicies.map((m) => ({
      id: m.id,
      displayName: m.displayName,
      description: "",
      isEnabled: m.isEnabled,
      restrictions: toRestrictions(m, { passwordCredentials: [], keyCredentials: [] }),
      appliesTo: m.appliesTo,
    }));
  if (input.allowedToCreateApps !== undefined) p.allowedToCreateApps = input.allowedToCreateApps;
  if (input.conditionalAccessPolicies) p.conditionalAccess = input.conditionalAccessPolicies;
  if (input.deviceCodeBlock !== undefined) {
    const others = p.conditionalAccess.filter((c) => c.id !== MANAGED_DEVICE_CODE_POLICY_ID);
    p.conditionalAccess = input.deviceCodeBlock
      ? [...others, managedDeviceCodePolicy(input.deviceCodeBlock, new Date(dir.now()).toISOString())]
      : others;
  }
  if (input.declinedScopes) p.declinedScopes = input.declinedScopes;
  dir.save();
  return { policies: p };
}
