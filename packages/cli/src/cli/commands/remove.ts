/** `remove`: its help text, options and examples. */
import { bin } from "../bin-name.js";
import type { CommandSpec } from "../option-spec.js";
import { appKeyOptions, globalGroup, targetGroup } from "../options.js";

export const removeCommand: CommandSpec = {
  name: "remove",
  summary: "Delete the app registration and its enterprise app",
  description: "Removes the application and its service principal (and with them grants and secrets).",
  groups: [
    {
      title: "Remove options",
      options: [...appKeyOptions, { name: "yes", short: "y", kind: "boolean", description: "Do not ask." }],
    },
    targetGroup,
    globalGroup,
  ],
  examples: [`${bin} remove --app-id 1111... --yes`],
};
