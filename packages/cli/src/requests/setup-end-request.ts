/** setup's --boxafe, --ews, --confirm-ews-change and --mailbox, checked by core before any sign-in. */
import type { BoxafeVersion, EwsMode } from "@boxafe-connect/core";
import { parseBoxafeVersion, parseEwsMode } from "@boxafe-connect/core";
import type { FlagValues } from "./flag-values.js";
import { on, text } from "./flag-values.js";

export interface SetupEndFlags {
  /** Undefined when not given: the wizard asks, --yes takes core's default. */
  readonly boxafe: BoxafeVersion | undefined;
  /** Undefined when not given: the wizard asks, --yes takes core's default (print). */
  readonly ewsGiven: EwsMode | undefined;
  readonly ews: EwsMode;
  /** --yes alone never confirms a change that takes EWS away from other apps. */
  readonly confirmEwsChange: boolean;
  readonly mailbox: string | undefined;
}

export function setupEndFlagsOf(values: FlagValues): SetupEndFlags {
  const boxafe = text(values, "boxafe");
  const ews = text(values, "ews");
  return {
    boxafe: boxafe === undefined ? undefined : parseBoxafeVersion(boxafe, "boxafe"),
    ewsGiven: ews === undefined ? undefined : parseEwsMode(ews, "ews"),
    ews: parseEwsMode(ews, "ews"),
    confirmEwsChange: on(values, "confirm-ews-change"),
    mailbox: text(values, "mailbox"),
  };
}
