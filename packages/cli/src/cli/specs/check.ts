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
    { title: "Check options", options: [...appKeyOptions, ...profileOptions] },
    targetGroup,
    globalGroup,
  ],
  examples: [
    `${bin} check --tenant contoso.onmicrosoft.com`,
    `${bin} check --app-id 1111... --json || echo drift`,
  ],
};
