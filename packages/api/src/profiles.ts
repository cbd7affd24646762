/** Named profiles this API serves (GET only takes names; custom JSON profiles are a CLI feature). */
import type { Permission, Profile } from "@boxafe-connect/core";
import { boxafeProfile, resolveProfile } from "@boxafe-connect/core";

export const profiles: Readonly<Record<"boxafe", Profile>> = { boxafe: boxafeProfile };

export type ProfileName = keyof typeof profiles;

/** The profile, narrowed to what verification and setup will ask for. */
export function profileFor(
  name: ProfileName,
  skipRetired: boolean,
): { profile: Profile; permissions: Permission[] } {
  const profile = profiles[name];
  const permissions = resolveProfile(profile, { skipRetired });
  return { profile: { ...profile, permissions }, permissions };
}
