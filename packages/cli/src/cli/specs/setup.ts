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
          name: "certificate",
          kind: "boolean",
          description: "Also create a certificate (for SharePoint).",
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
    `${bin} setup --resume`,
  ],
};
