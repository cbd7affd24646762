/** `preflight`: its help text, options and examples. */
import { bin } from "../bin-name.js";
import type { CommandSpec } from "../option-spec.js";
import {
  appKeyOptions,
  globalGroup,
  profileOptions,
  secretLifetimeOptions,
  targetGroup,
} from "../options.js";

export const preflightCommand: CommandSpec = {
  name: "preflight",
  summary:
    "Read the tenant's rules before any write: roles, app registration, credential policies, device code",
  description:
    "Read-only. Checks the signed-in admin's roles, whether users may register apps, the app management\n" +
    "policies (blocked secrets, lifetime caps, trusted CAs), Conditional Access on device code, missing\n" +
    "resource service principals and the EWS state; each check is pass, warn, fail or unknown with the\n" +
    "evidence and the fix. Asks for Policy.Read.All once (a refusal makes those checks unknown).\n" +
    "Exit code 0 when nothing fails, 7 when a check fails (5 when only the role does). setup runs it too.",
  groups: [
    {
      title: "Preflight options",
      options: [
        ...appKeyOptions,
        ...secretLifetimeOptions,
        {
          name: "certificate",
          kind: "boolean",
          description: "Plan a certificate as setup --certificate would.",
        },
        ...profileOptions,
      ],
    },
    targetGroup,
    globalGroup,
  ],
  examples: [
    `${bin} preflight --tenant contoso.onmicrosoft.com`,
    `${bin} preflight --tenant contoso.com --auth browser --json | jq '.checks[] | select(.status != "pass")'`,
  ],
};
