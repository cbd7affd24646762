/**
 * What `ews allow` writes and what it changes for the other apps in the tenant. Microsoft's
 * read-merge-write: read EwsAllowedAppIDs, add this app's id to it, write the whole list back with
 * EwsEnabled $true. The merge never removes an id; what can shrink is the access of apps that are not
 * on a list yet: turning an empty list (every app allowed) into a list of one leaves every other EWS
 * app blocked. That case needs an explicit confirmation beyond --yes.
 */
import { type EwsPolicy, listsApp } from "./ews-policy.js";

export interface EwsWrite {
  /** Set-OrganizationConfig parameters, whole values. */
  readonly EwsEnabled: true;
  readonly EwsAllowedAppIDs: readonly string[];
}

export interface EwsChange {
  /** Undefined when the policy already lets this app in: nothing to write. */
  readonly write: EwsWrite | undefined;
  /** What changes, in words, for this app and for the others. */
  readonly effects: readonly string[];
  /** True when other apps lose EWS access: the adapter must get an explicit confirmation. */
  readonly narrowsOthers: boolean;
}

export function planEwsAllow(policy: EwsPolicy, appId: string): EwsChange {
  const current = [...(policy.allowedAppIds ?? [])];
  if (policy.ewsEnabled === true && listsApp(policy, appId)) {
    return {
      write: undefined,
      effects: ["This app is already on the EWS allow list; nothing to change."],
      narrowsOthers: false,
    };
  }
  const merged = listsApp(policy, appId) ? current : [...current, appId];
  const write: EwsWrite = { EwsEnabled: true, EwsAllowedAppIDs: merged };
  const effects: string[] = [];
  let narrowsOthers = false;
  if (policy.ewsEnabled === true && current.length === 0) {
    // Every app may use EWS today; a list of one changes that for all of them.
    narrowsOthers = true;
    effects.push(
      "EWS is on for every app today (the allow list is empty). Writing a list with only this app BLOCKS EVERY OTHER EWS APP in the tenant (other backup, migration or archiving tools) until they are added too.",
    );
  } else if (policy.ewsEnabled === true) {
    effects.push(
      `EWS stays on; the allow list keeps its ${current.length} app(s) (${current.join(", ")}) and gains this app. No other app loses access.`,
    );
  } else {
    const was = policy.ewsEnabled === false ? "off ($false)" : "unset ($null, blocked since 2026-10-01)";
    effects.push(
      `EWS is ${was} for the organization today, so no app can use it. After the change only the apps on the list may: ${merged.join(", ")}. No app loses access it has now.`,
    );
    if (current.length > 0) {
      effects.push(
        `The ${current.length} app(s) already on the list (${current.join(", ")}) get EWS back as well.`,
      );
    }
  }
  effects.push(
    "Exchange Online takes up to 24 hours to apply the change: the result stays pending until a real EWS call succeeds.",
  );
  return { write, effects, narrowsOthers };
}
