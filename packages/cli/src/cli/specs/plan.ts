/** `plan`: its help text, options and examples. */
import { bin } from "../bin-name.js";
import type { CommandSpec } from "../option-spec.js";
import {
  appKeyOptions,
  globalGroup,
  profileOptions,
  secretLifetimeOptions,
  targetGroup,
} from "../options.js";

export const planCommand: CommandSpec = {
  name: "plan",
  summary: "Show what setup would change; writes nothing",
  description: "Reads the tenant and prints the actions setup would take, and what it found.",
  groups: [
    { title: "Plan options", options: [...appKeyOptions, ...profileOptions, ...secretLifetimeOptions] },
    targetGroup,
    globalGroup,
  ],
  examples: [`${bin} plan --tenant contoso.onmicrosoft.com`, `${bin} plan --app-id 1111... --json`],
};
