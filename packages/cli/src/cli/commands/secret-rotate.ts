/** `secret rotate`: its help text, options and examples. */
import { bin } from "../bin-name.js";
import type { CommandSpec } from "../option-spec.js";
import { appKeyOptions, globalGroup, outputOption, secretLifetimeOptions, targetGroup } from "../options.js";

export const secretRotateCommand: CommandSpec = {
  name: "secret rotate",
  summary: "Add a new client secret, prove it, remove the old ones boxafe-connect made",
  description:
    "Never leaves the app without a working credential: the old secrets are removed only after the\n" +
    "new one has produced a token. The new secret is shown once.",
  groups: [
    {
      title: "Rotate options",
      options: [
        ...appKeyOptions,
        ...secretLifetimeOptions,
        { name: "keep-old", kind: "boolean", description: "Keep the old secrets." },
        outputOption,
      ],
    },
    targetGroup,
    globalGroup,
  ],
  examples: [`${bin} secret rotate --app-id 1111... --secret-days 365`, `${bin} secret rotate --json`],
};
