/** Named profiles this API serves (GET only takes names; custom JSON profiles are a CLI feature): core's. */
import { NAMED_PROFILES } from "@boxafe-connect/core";

export const profiles = NAMED_PROFILES;

export type ProfileName = keyof typeof profiles;
