/** Named profiles this API serves (GET only takes names; custom JSON profiles are a CLI feature). */
import type { Profile } from "@boxafe-connect/core";
import { boxafeProfile } from "@boxafe-connect/core";

export const profiles: Readonly<Record<"boxafe", Profile>> = { boxafe: boxafeProfile };

export type ProfileName = keyof typeof profiles;
