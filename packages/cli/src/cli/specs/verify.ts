/** `verify`: its help text, options and examples. */
import { bin } from "../bin-name.js";
import type { CommandSpec } from "../option-spec.js";
import { appIdOption, credentialOptions, globalGroup, profileOptions, targetGroup } from "../options.js";

export const verifyCommand: CommandSpec = {
  name: "verify",
  summary: "Prove the three values work: fresh app tokens, roles compared (no admin sign-in)",
  description:
    "Takes the tenant ID, the application (client) ID and the secret (stdin or BOXAFE_CLIENT_SECRET)\n" +
    "or a certificate, acquires app-only tokens and compares their roles with the profile.\n" +
    "Exit code 0 when complete, 4 when permissions are still pending or missing.",
  groups: [
    {
      title: "Verify options",
      options: [
        appIdOption,
        ...credentialOptions,
        ...profileOptions.slice(0, 2),
        {
          name: "deadline",
          kind: "string",
          value: "SECONDS",
          description: "Wait this long for consent (60).",
        },
        {
          name: "sharepoint-tenant",
          kind: "string",
          value: "NAME",
          description: "SharePoint name, e.g. contoso (read from the tenant when not given).",
        },
      ],
    },
    {
      title: "Tenant",
      options: targetGroup.options.filter((o) => ["tenant", "cloud", "sandbox"].includes(o.name)),
    },
    globalGroup,
  ],
  examples: [
    `BOXAFE_CLIENT_SECRET=... ${bin} verify --tenant 8a1f... --app-id 1111...`,
    `cat secret.txt | ${bin} verify --tenant contoso.com --app-id 1111... --client-secret-stdin --json`,
    `${bin} verify --tenant contoso.com --app-id 1111... --certificate-file boxafe.pem`,
  ],
};
