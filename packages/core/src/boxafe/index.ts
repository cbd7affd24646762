/**
 * The public names of core/boxafe (src/index.ts re-exports them all; add a new export here): boxafe
 * versions and the values each takes.
 */

export type { BoxafeCredentials, BoxafeVersion, HandOverField } from "./version.js";
export {
  boxafeCredentials,
  boxafeVersions,
  DEFAULT_BOXAFE_VERSION,
  DEFAULT_BOXAFE_VERSION_REASON,
  parseBoxafeVersion,
} from "./version.js";
