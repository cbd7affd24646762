/** `api`: its help text, options and examples. */
import { bin } from "../bin-name.js";
import type { CommandSpec } from "../option-spec.js";
import { globalGroup } from "../options.js";

export const apiCommand: CommandSpec = {
  name: "api",
  summary: "Run the HTTP API for Boxafe and partners on Node until Ctrl-C",
  description:
    "Serves /v1/permissions, /v1/verify, /v1/plan, /v1/setup, /openapi.json and /docs. Prints its URL\n" +
    '(one JSON line {"url"} with --json). With --sandbox URL it talks to that sandbox tenant.',
  groups: [
    {
      title: "API options",
      options: [
        {
          name: "port",
          kind: "string",
          value: "PORT",
          description: "Listen port (8787; 0 = any free port).",
        },
        { name: "host", kind: "string", value: "HOST", description: "Listen address (127.0.0.1)." },
        {
          name: "cloud",
          kind: "string",
          value: "global|usgov|china",
          description: "National cloud (global).",
        },
        { name: "sandbox", kind: "string", value: "URL", description: "A running sandbox tenant to use." },
        { name: "cors", kind: "string", value: "ORIGINS", description: "Comma-separated browser origins." },
      ],
    },
    globalGroup,
  ],
  examples: [`${bin} api --port 0 --json`, `${bin} api --sandbox https://localhost:8443`],
};
