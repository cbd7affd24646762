/**
 * The public names of core/boxafe (src/index.ts re-exports them all; add a new export here): boxafe
 * versions, the values each takes, and the version suggested for an existing app.
 */

export { suggestedBoxafeVersion } from "./suggested-version.js";
export type { BoxafeCredentials, BoxafeVersion, HandOverField } from "./version.js";
export {
  boxafeCredentials,
  boxafeVersions,
  DEFAULT_BOXAFE_VERSION,
  DEFAULT_BOXAFE_VERSION_REASON,
  needsCertificate,
  parseBoxafeVersion,
} from "./version.js";
