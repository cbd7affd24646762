/** `check`: its help text, options and examples. */
import { bin } from "../bin-name.js";
import type { CommandSpec } from "../option-spec.js";
import { appKeyOptions, globalGroup, profileOptions, targetGroup } from "../options.js";

export const checkCommand: CommandSpec = {
  name: "check",
  summary: "Drift report: permissions declared / consented / missing / extra, credential expiry",
  description:
    "Compares the app with the profile. Exit code 0 when all is in place, 3 when drift was found\n" +
    "(run setup to repair it).",
  groups: [
    {
      title: "Check options",
      options: [
        ...appKeyOptions,
        ...profileOptions,
        {
          name: "with-ews",
          kind: "boolean",
          description:
            "Also report EWS: the allow list (a second sign-in to Exchange Online) and, with BOXAFE_CLIENT_SECRET or --certificate-file, a real EWS call (works | pending | blocked).",
        },
        {
          name: "certificate-file",
          kind: "string",
          value: "FILE",
          description: "The app's certificate + key (PEM), for the EWS call.",
        },
        {
          name: "mailbox",
          kind: "string",
          value: "UPN",
          description: "Mailbox whose inbox the EWS call opens.",
        },
      ],
    },
    targetGroup,
    globalGroup,
  ],
  examples: [
    `${bin} check --tenant contoso.onmicrosoft.com`,
    `${bin} check --app-id 1111... --json || echo drift`,
  ],
};
