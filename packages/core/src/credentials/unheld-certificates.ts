/**
 * The certificates on an app whose private key never reached anyone (still marked pending, see
 * hand-over-marker.ts), for a front end that must say so after a reload: a key made in a page
 * lives in that page's memory only. Keys the caller still holds in memory (`inHand`, thumbprints)
 * are not lost, only not yet handed over. Nobody can use a lost one; it is removed from the app
 * once a replacement's hand-over is confirmed (engine/confirm-hand-over.ts).
 */

import { hasThumbprint } from "../tenant/credentials-plan.js";
import type { KeyCredential, ObservedApplication } from "../tenant/model.js";
import { isUnheldKey, pendingIds } from "./hand-over-marker.js";

export interface UnheldCertificate {
  readonly keyId: string;
  /** The thumbprint Graph records as customKeyIdentifier, when it has one. */
  readonly thumbprint: string | null;
  readonly startDateTime: string;
  readonly endDateTime: string;
}

export function unheldCertificates(
  app: Pick<ObservedApplication, "keyCredentials" | "tags"> | undefined,
  inHand: readonly string[] = [],
): UnheldCertificate[] {
  if (app === undefined) return [];
  const pending = pendingIds(app.tags);
  const held = (key: KeyCredential) => inHand.some((thumbprint) => hasThumbprint(key, thumbprint));
  return app.keyCredentials
    .filter((key) => isUnheldKey(key, pending) && !held(key))
    .map((key) => ({
      keyId: key.keyId,
      thumbprint: key.customKeyIdentifier ?? null,
      startDateTime: key.startDateTime,
      endDateTime: key.endDateTime,
    }));
}
