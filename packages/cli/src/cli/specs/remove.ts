/** `remove`: its help text, options and examples. */
import { bin } from "../bin-name.js";
import type { CommandSpec } from "../option-spec.js";
import { appKeyOptions, globalGroup, targetGroup } from "../options.js";

export const removeCommand: CommandSpec = {
  name: "remove",
  summary: "Take the credentials off, then delete the app registration and its enterprise app",
  description:
    "Removes every secret and certificate first (Entra keeps a deleted app 30 days, restorable with its\n" +
    "credentials), then the application and its service principal. --purge deletes both from deleted\n" +
    "items for good; without it, a later setup restores the same app (same Application ID).",
  groups: [
    {
      title: "Remove options",
      options: [
        ...appKeyOptions,
        { name: "purge", kind: "boolean", description: "Also delete it from deleted items for good." },
        { name: "yes", short: "y", kind: "boolean", description: "Do not ask." },
      ],
    },
    targetGroup,
    globalGroup,
  ],
  examples: [`${bin} remove --app-id 1111... --yes`, `${bin} remove --app-id 1111... --yes --purge`],
};
