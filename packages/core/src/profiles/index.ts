/**
 * The public names of core/profiles (src/index.ts re-exports them all; add a new export here):
 * permission profiles and their resolution.
 */

export { boxafeProfile } from "./boxafe.js";
export { boxafeGraphMailProfile, builtInProfile, builtInProfiles } from "./boxafe-graph-mail.js";
export type { ParseProfileResult, ProfileIssue } from "./parse-profile.js";
export { formatProfileIssues, parseProfile, parseProfileJson } from "./parse-profile.js";
export type { ResolveOptions } from "./resolve-profile.js";
export { resolveProfile } from "./resolve-profile.js";
