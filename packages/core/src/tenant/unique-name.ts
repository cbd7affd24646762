/** The stable uniqueName our app is upserted by: derived from the display name, Graph-safe. */
import { CoreError, ErrorCode } from "../errors.js";

export const UNIQUE_NAME_PREFIX = "boxafe-connect";
const MAX_LENGTH = 120;

/** FNV-1a 32-bit, hex: keeps names made only of non-ASCII letters distinct and stable. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/**
 * "QNAP Boxafe" -> "boxafe-connect-qnap-boxafe". Lower-case ASCII letters, digits and hyphens
 * only (no quotes, so it is safe inside `applications(uniqueName='…')`). Diacritics are folded;
 * when a name has no ASCII letters at all, a hash of it keeps the key unique.
 */
export function uniqueNameFor(displayName: string): string {
  const trimmed = displayName.trim();
  if (trimmed === "") {
    throw new CoreError(ErrorCode.InvalidInput, "The app display name is empty; give the app a name.", {
      field: "displayName",
    });
  }
  const slug = trimmed
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const body = slug === "" ? shortHash(trimmed) : slug;
  return `${UNIQUE_NAME_PREFIX}-${body}`.slice(0, MAX_LENGTH).replace(/-+$/, "");
}
