/** `permissions`: its help text, options and examples. */
import { bin } from "../bin-name.js";
import type { CommandSpec } from "../option-spec.js";
import { globalGroup, profileOptions } from "../options.js";

export const permissionsCommand: CommandSpec = {
  name: "permissions",
  summary: "The permissions Boxafe needs (Table 1), grouped by API, with advisories",
  description: "Prints the catalog of the profile; no sign-in needed.",
  groups: [{ title: "Permissions options", options: profileOptions.slice(0, 2) }, globalGroup],
  examples: [
    `${bin} permissions`,
    `${bin} permissions --json`,
    `${bin} permissions --profile my-profile.json`,
  ],
};
