/**
 * Where a fleet's credentials live: one private file (0600) per tenant in a folder the adapter owns,
 * never in the fleet file, the state file or any output. The store is written before the tenant is:
 * a certificate's private key is saved the moment the key exists, so no certificate reaches an app
 * unless its key is already safe, and a resumed run reuses the stored one instead of making another.
 */

import type { CertificateRequest } from "../credentials/certificate-option.js";
import type { Clock } from "../ports.js";
import type { CertificateMaker, MadeCertificate } from "../usecases/ports.js";

export interface CredentialStore<C extends MadeCertificate = MadeCertificate> {
  /** The tenant's newest stored certificate, if any. */
  current(key: string): Promise<C | undefined>;
  /** Every stored certificate of the tenant, newest first (rotation keeps the old until retired). */
  all(key: string): Promise<readonly C[]>;
  /** Saves a certificate with its private key; must be durable before it resolves. */
  save(key: string, certificate: C): Promise<void>;
  /** Saves a client secret (Boxafe 1.4 tenants); durable before it resolves. */
  saveSecret(
    key: string,
    secret: { readonly keyId: string; readonly secretText: string; readonly endDateTime: string },
  ): Promise<void>;
  /** Drops a certificate from the store once it is off the app (retire). */
  drop(key: string, thumbprint: string): Promise<void>;
}

const DAY_MS = 86_400_000;

/**
 * A maker that hands out the tenant's stored certificate while it has at least `minDaysLeft`, and
 * otherwise makes one and stores it before returning it (so before any write to the tenant).
 */
export function storedCertificates<C extends MadeCertificate>(
  store: CredentialStore<C>,
  key: string,
  maker: CertificateMaker<C>,
  clock: Clock,
  minDaysLeft = 30,
): CertificateMaker<C> & { readonly reused: () => boolean } {
  let reused = false;
  return {
    reused: () => reused,
    async make(request: CertificateRequest): Promise<C> {
      const stored = await store.current(key);
      if (stored && Date.parse(stored.notAfter) - clock.now() >= minDaysLeft * DAY_MS) {
        reused = true;
        return stored;
      }
      const made = await maker.make(request);
      await store.save(key, made);
      return made;
    },
  };
}
