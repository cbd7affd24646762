/**
 * The admin's choices on the choose-app step that core's wizard state does not carry (the Boxafe
 * version, the secret's lifetime), kept beside it in sessionStorage so a reload re-reviews with the
 * same credential kind. No secret, no token: two plain values, checked when read back.
 */
import type { BoxafeVersion } from "@boxafe-connect/core";
import { boxafeVersions } from "@boxafe-connect/core";
import { CHOICES_KEY } from "./keys.js";

export interface PageChoices {
  readonly boxafe?: BoxafeVersion;
  readonly secretDays?: number;
}

function isVersion(value: unknown): value is BoxafeVersion {
  return typeof value === "string" && (boxafeVersions as readonly string[]).includes(value);
}

/** What this tab saved; anything of the wrong shape is dropped, never trusted. */
export function loadChoices(storage: Pick<Storage, "getItem"> = sessionStorage): PageChoices {
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage.getItem(CHOICES_KEY) ?? "{}");
  } catch {
    return {};
  }
  if (typeof parsed !== "object" || parsed === null) return {};
  const { boxafe, secretDays } = parsed as Record<string, unknown>;
  return {
    ...(isVersion(boxafe) ? { boxafe } : {}),
    ...(typeof secretDays === "number" && Number.isInteger(secretDays) && secretDays > 0
      ? { secretDays }
      : {}),
  };
}

export function saveChoices(
  change: PageChoices,
  storage: Pick<Storage, "getItem" | "setItem"> = sessionStorage,
): void {
  storage.setItem(CHOICES_KEY, JSON.stringify({ ...loadChoices(storage), ...change }));
}
