/**
 * Which stored certificate a fleet tenant's app is known to accept. fleet rotate saves a new key pair
 * in the store before addKey and lists it `unproven` in the state until a fresh token proves it: a run
 * killed in between leaves a newest stored certificate the app may not know. Rotate, retire and check
 * therefore act with the newest certificate that is not unproven (the one Boxafe holds), and rotate
 * finishes the unproven one on a re-run instead of making another.
 */
import type { MadeCertificate } from "../usecases/ports.js";
import type { CredentialStore } from "./credential-store.js";
import type { FleetTenantRecord } from "./fleet-state.js";

export interface HeldCertificates<C extends MadeCertificate> {
  /** The newest stored certificate that is not unproven, else the newest stored (an older state file). */
  readonly current: C | undefined;
  /** Stored certificates rotate added (or may have) without proving them, newest first. */
  readonly unproven: readonly C[];
}

export async function heldCertificates<C extends MadeCertificate>(
  store: CredentialStore<C>,
  key: string,
  record: FleetTenantRecord | undefined,
): Promise<HeldCertificates<C>> {
  const all = await store.all(key);
  const marked = new Set(record?.unproven ?? []);
  const unproven = all.filter((c) => marked.has(c.thumbprint));
  const proven = all.filter((c) => !marked.has(c.thumbprint));
  return { current: proven[0] ?? all[0], unproven: proven.length === 0 ? [] : unproven };
}
