/**
 * Which Boxafe version a screen that rotates an existing app's credential suggests first, read
 * from what the app holds now (the web page's check and repair; the CLI has one command per kind).
 */
import type { CredentialRow } from "../credentials/credential-rows.js";
import { type BoxafeVersion, DEFAULT_BOXAFE_VERSION } from "./version.js";

/**
 * Only valid certificates of ours -> 1.5, only valid secrets of ours -> 1.4; both, none, or only
 * someone else's -> the default. Someone else's credentials say nothing about the Boxafe using ours.
 */
export function suggestedBoxafeVersion(
  rows: readonly Pick<CredentialRow, "type" | "madeByBoxafeConnect" | "expired">[],
): BoxafeVersion {
  const ours = rows.filter((r) => r.madeByBoxafeConnect && !r.expired);
  const secrets = ours.some((r) => r.type === "secret");
  const certificates = ours.some((r) => r.type === "certificate");
  if (secrets && !certificates) return "1.4";
  if (certificates && !secrets) return "1.5";
  return DEFAULT_BOXAFE_VERSION;
}
