/** `sandbox`: its help text, options and examples. */
import { bin } from "../bin-name.js";
import type { CommandSpec } from "../option-spec.js";
import { globalGroup } from "../options.js";

export const sandboxCommand: CommandSpec = {
  name: "sandbox",
  summary: "Run the local sandbox tenant (Entra ID + Graph over HTTPS) until Ctrl-C",
  description:
    "Prints the URL, tenant, admin account and CA file; other commands reach it with --sandbox URL.",
  groups: [
    {
      title: "Sandbox options",
      options: [
        {
          name: "port",
          kind: "string",
          value: "PORT",
          description: "HTTPS port (8443; 0 = any free port).",
        },
        {
          name: "auto-approve",
          kind: "boolean",
          description: "Approve device codes as the Global Administrator.",
        },
        {
          name: "faults",
          kind: "string",
          value: "SPEC",
          description: "e.g. latency=100,throttle=0.1,lag=2000",
        },
        { name: "seed", kind: "string", value: "N", description: "Seed for deterministic faults." },
        {
          name: "tenants",
          kind: "string",
          value: "N",
          description: "A fleet: a partner tenant and N customer tenants with GDAP relationships.",
        },
        {
          name: "without-relationship",
          kind: "string",
          value: "LIST",
          description: "Fleet only: customer numbers with no GDAP relationship, e.g. 3,7.",
        },
        { name: "ews-enabled", kind: "boolean", description: "Fleet only: EWS enabled in every customer." },
        {
          name: "state-file",
          kind: "string",
          value: "FILE",
          description: "Persist the tenant across restarts.",
        },
      ],
    },
    globalGroup,
  ],
  examples: [
    `${bin} sandbox --auto-approve`,
    `${bin} sandbox --port 0 --json`,
    `${bin} sandbox --faults throttle=0.2`,
  ],
};
