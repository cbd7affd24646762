/** `setup`: its help text, options and examples. */
import { bin } from "../bin-name.js";
import type { CommandSpec } from "../option-spec.js";
import {
  appKeyOptions,
  globalGroup,
  outputOption,
  profileOptions,
  secretLifetimeOptions,
  targetGroup,
} from "../options.js";

export const setupCommand: CommandSpec = {
  name: "setup",
  summary: "Register (or repair) the Boxafe app, grant consent, prove it, hand over the values",
  description:
    "The guided wizard: sign in, check your role, review the plan, apply it, verify with real tokens,\n" +
    'then copy the three values into Boxafe\'s "Add new Domain" window. With --yes it runs without\n' +
    "questions. Running it again repairs drift and changes nothing when all is in place.",
  groups: [
    {
      title: "Setup options",
      options: [
        { name: "yes", short: "y", kind: "boolean", description: "No questions: apply the plan as shown." },
        ...appKeyOptions,
        ...secretLifetimeOptions,
        {
          name: "boxafe",
          kind: "string",
          value: "1.4|1.5",
          description:
            "Which Boxafe takes the values: 1.5 (default; also later releases) gets a certificate (PFX + password, PEM, CER) and no secret, 1.4 a client secret. The wizard asks.",
        },
        {
          name: "certificate",
          kind: "boolean",
          description: "Also create a certificate (for SharePoint); Boxafe 1.5 always gets one.",
        },
        {
          name: "new-certificate",
          kind: "boolean",
          description:
            "Make a new certificate even when the app holds a valid one from an earlier run (kept otherwise).",
        },
        {
          name: "certificate-file",
          kind: "string",
          value: "PEM",
          description:
            "Use your certificate and key (PEM, or PFX with BOXAFE_PFX_PASSWORD) instead of making one: added when the app lacks it. An earlier run's boxafe-<app>-sharepoint.pem in this folder is reused the same way.",
        },
        {
          name: "ews",
          kind: "string",
          value: "allow|print|skip",
          description:
            "EWS allow list: allow (a second sign-in to Exchange Online writes it), print (default: show the PowerShell), skip. The wizard asks.",
        },
        {
          name: "confirm-ews-change",
          kind: "boolean",
          description:
            "Yes, take EWS away from the tenant's other apps when the list would hold only Boxafe (--yes is not enough).",
        },
        {
          name: "mailbox",
          kind: "string",
          value: "UPN",
          description: "Mailbox whose inbox the EWS proof opens (default: the first user).",
        },
        ...profileOptions,
        { name: "resume", kind: "boolean", description: "Continue the last interrupted run." },
        { name: "state-file", kind: "string", value: "FILE", description: "Where --resume state is kept." },
        outputOption,
      ],
    },
    targetGroup,
    globalGroup,
  ],
  examples: [
    `${bin} setup                                   # guided, against the built-in sandbox`,
    `${bin} setup --tenant contoso.onmicrosoft.com  # guided, device-code sign-in`,
    `${bin} setup --tenant contoso.com --auth browser`,
    `${bin} setup --yes --json --tenant 8a1f...  > boxafe.json`,
    `${bin} setup --yes --app-id 11111111-2222-3333-4444-555555555555 --secret-days 365`,
    `${bin} setup --yes --boxafe 1.5 --ews allow --json --tenant contoso.onmicrosoft.com`,
    `${bin} setup --yes --boxafe 1.4 --ews print`,
    `${bin} setup --resume`,
  ],
};
