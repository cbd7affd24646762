/** `secret list`: its help text, options and examples. */
import { bin } from "../bin-name.js";
import type { CommandSpec } from "../option-spec.js";
import { appKeyOptions, globalGroup, targetGroup } from "../options.js";

export const secretListCommand: CommandSpec = {
  name: "secret list",
  summary: "List the app's client secrets and certificates with their expiry",
  description: "Shows descriptions, key IDs, hints and end dates; never secret values.",
  groups: [{ title: "List options", options: appKeyOptions }, targetGroup, globalGroup],
  examples: [`${bin} secret list --app-id 1111...`, `${bin} secret list --json`],
};
