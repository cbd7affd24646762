/**
 * What each tenant of a `fleet setup` reached, so a run killed half-way resumes where it stopped and
 * never starts a tenant twice. JSON, no credential (a state file holding one is refused): the
 * private keys live in the credential store, this file only names their thumbprints.
 */
import { z } from "zod";

export const fleetStages = ["started", "done", "failed"] as const;
export type FleetStage = (typeof fleetStages)[number];

const tenantRecord = z.strictObject({
  stage: z.enum(fleetStages),
  /** Directory (tenant) ID, known once signed in. */
  tenantId: z.string().optional(),
  clientId: z.string().optional(),
  /** The application's object id: the app's own token cannot read it, and addKey/removeKey need it. */
  applicationObjectId: z.string().optional(),
  /** The certificate Boxafe holds (its private key is in the credential store). */
  thumbprint: z
    .string()
    .regex(/^[0-9A-F]{40}([0-9A-F]{24})?$/)
    .optional(),
  notAfter: z.string().optional(),
  /**
   * keyId of each certificate fleet rotate added (thumbprint to addKey's keyId; null when addKey's
   * answer was lost): an app cannot read its own keyIds, and fleet retire's removeKey names them.
   * A stored certificate not listed here is setup's, whose keyId follows from its thumbprint.
   */
  keyIds: z.record(z.string(), z.string().nullable()).optional(),
  /**
   * Thumbprints of stored certificates fleet rotate saved (and maybe added with addKey) but has not
   * proven yet: a run killed between addKey's answer and the proof leaves one. Never the holder, never
   * retired; the next fleet rotate proves it (or adds it again when addKey never answered).
   */
  unproven: z.array(z.string().regex(/^[0-9A-F]{40}([0-9A-F]{24})?$/)).optional(),
  /** How this tenant's token was obtained: through GDAP or the tenant's own sign-in. */
  signIn: z.enum(["gdap", "tenant"]).optional(),
  error: z.strictObject({ code: z.string(), message: z.string() }).optional(),
  updatedAt: z.string(),
});

export const fleetStateSchema = z.strictObject({
  version: z.literal(1),
  tenants: z.record(z.string(), tenantRecord),
});

export type FleetTenantRecord = z.output<typeof tenantRecord>;
export type FleetState = z.output<typeof fleetStateSchema>;

export function emptyFleetState(): FleetState {
  return { version: 1, tenants: {} };
}

/** The key a tenant is recorded under: the fleet file's tenant, lower-cased. */
export function fleetKey(tenant: string): string {
  return tenant.trim().toLowerCase();
}

const SECRET_LIKE =
  /-----BEGIN|"(clientSecret|secretText|privateKey|password)"|[A-Za-z0-9_~.-]{3}8Q~[A-Za-z0-9_~.-]{20,}/;

export type FleetStateParse =
  | { readonly ok: true; readonly state: FleetState }
  | { readonly ok: false; readonly reason: string };

/** Parses a saved state file: a corrupt one, one of another shape or one holding a credential is refused. */
export function parseFleetState(text: string): FleetStateParse {
  if (SECRET_LIKE.test(text)) {
    return { ok: false, reason: "it holds something that looks like a credential; fleet state never does" };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: "it is not valid JSON" };
  }
  const parsed = fleetStateSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `${issue?.path.join(".") || "file"}: ${issue?.message ?? "wrong shape"}` };
  }
  return { ok: true, state: parsed.data };
}
