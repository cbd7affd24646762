/**
 * Which credential an existing app hands Boxafe, read from the app itself when the request does not
 * say (check and plan take no Boxafe version). An app holding a certificate of ours and no secret of
 * ours is a Boxafe 1.5 app: setup gives it no secret, so planning one there would report drift that
 * setup never repairs (check exited 3 after every default setup).
 */
import type { ObservedApplication } from "../tenant/model.js";
import { isOurSecret } from "../tenant/secrets.js";
import { isOurCertificate } from "./credential-rows.js";

export function appTakesSecret(app: ObservedApplication | undefined): boolean {
  if (!app) return true;
  if (app.passwordCredentials.some(isOurSecret)) return true;
  return !app.keyCredentials.some((key) => isOurCertificate(key, app));
}
