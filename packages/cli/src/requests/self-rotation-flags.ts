/**
 * The two ids `certificate rotate` and `certificate retire` cannot do without. The app cannot read
 * its own registration, so the admin copies them from setup's JSON; a missing one is named as the
 * flag to give (core's GUID check would only say `"" is not a GUID`).
 */
import { UsageError } from "../cli/usage-error.js";
import type { FlagValues } from "./flag-values.js";
import { text } from "./flag-values.js";

export function requireSelfRotationIds(values: FlagValues, command: string): void {
  if (text(values, "app-id") === undefined)
    throw new UsageError(
      "--app-id is needed: the app's Application (client) ID (setup's clientId).",
      command,
    );
  if (text(values, "object-id") === undefined)
    throw new UsageError(
      "--object-id is needed: the application's Object ID (setup's applicationObjectId; an app cannot read its own registration).",
      command,
    );
}
