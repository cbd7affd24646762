/** Whether an app already holds a client secret of ours that still works. */
import type { PasswordCredential } from "./model.js";
import { isExpired, isOurSecret } from "./secrets.js";

/** True when one of the secrets boxafe-connect made has not expired at `now`. */
export function hasLiveSecretOfOurs(credentials: readonly PasswordCredential[], now: number): boolean {
  return credentials.some((c) => isOurSecret(c) && !isExpired(c, now));
}
