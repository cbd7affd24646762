/** `ews status` and `ews allow`: their help text, options and examples. */
import { bin } from "../bin-name.js";
import type { CommandSpec, OptionGroup } from "../option-spec.js";
import { appKeyOptions, globalGroup, targetGroup } from "../options.js";

const ewsOptions: OptionGroup = {
  title: "EWS options",
  options: [
    ...appKeyOptions,
    {
      name: "certificate-file",
      kind: "string",
      value: "FILE",
      description:
        "The app's certificate + key (PEM), to prove EWS with a real call (or BOXAFE_CLIENT_SECRET).",
    },
    {
      name: "mailbox",
      kind: "string",
      value: "UPN",
      description: "Mailbox whose inbox the EWS proof opens (default: the first user).",
    },
  ],
};

const description =
  "Exchange Online blocks EWS unless the organization allows it: since 2026-10-01 tenants that left\n" +
  "EwsEnabled unset are blocked, and with EwsEnabled $true only apps in EwsAllowedAppIDs may use it.\n" +
  "Signs in a second time for Exchange Online (Exchange Administrator or Global Administrator) with the\n" +
  "Exchange Online PowerShell module's client, and uses the REST transport that module uses.";

export const ewsStatusCommand: CommandSpec = {
  name: "ews status",
  summary: "EWS policy of the organization, and whether this app can use EWS (works | pending | blocked)",
  description: `${description}\nExit code 0 when EWS works for the app, 4 when pending or blocked.`,
  groups: [ewsOptions, targetGroup, globalGroup],
  examples: [
    `${bin} ews status --tenant contoso.onmicrosoft.com`,
    `BOXAFE_CLIENT_SECRET=... ${bin} ews status --tenant contoso.onmicrosoft.com --json`,
  ],
};

export const ewsAllowCommand: CommandSpec = {
  name: "ews allow",
  summary: "Put this app on the EWS allow list (read, merge, write the whole list; EwsEnabled $true)",
  description:
    `${description}\nReads EwsAllowedAppIDs, adds this app's ID, writes the whole list back with EwsEnabled $true,\n` +
    "says what changes for other apps and prints the same as PowerShell. If the change would block every\n" +
    "other EWS app (an empty list becoming this app alone), it needs --confirm-ews-change; --yes is not\n" +
    "enough. Exchange Online applies it within 24 hours: until a real EWS call succeeds it is pending.",
  groups: [
    {
      ...ewsOptions,
      options: [
        ...ewsOptions.options,
        {
          name: "confirm-ews-change",
          kind: "boolean",
          description: "Yes, block the other EWS apps of the tenant (only this app on the list).",
        },
      ],
    },
    targetGroup,
    globalGroup,
  ],
  examples: [
    `${bin} ews allow --tenant contoso.onmicrosoft.com`,
    `${bin} ews allow --tenant contoso.onmicrosoft.com --confirm-ews-change --json`,
  ],
};
