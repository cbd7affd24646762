/** `secret rotate` and `secret retire`: the two phases of a rotation; help text, options and examples. */
import { bin } from "../bin-name.js";
import type { CommandSpec } from "../option-spec.js";
import {
  appKeyOptions,
  credentialOptions,
  globalGroup,
  outputOption,
  secretLifetimeOptions,
  targetGroup,
} from "../options.js";

export const secretRotateCommand: CommandSpec = {
  name: "secret rotate",
  summary: "Phase 1: add a new client secret, prove it, hand it over; the old ones keep working",
  description:
    "Adds a new secret, proves it with a fresh token and shows it (stdout / JSON) before any file is\n" +
    "written. Every old secret stays, so Boxafe keeps backing up until you paste the new one; then run\n" +
    "'secret retire' to remove the old ones. Exit 6: the secret was made and shown, the -o file not written.",
  groups: [
    {
      title: "Rotate options",
      options: [...appKeyOptions, ...secretLifetimeOptions, outputOption],
    },
    targetGroup,
    globalGroup,
  ],
  examples: [
    `${bin} secret rotate --app-id 1111... --secret-days 365`,
    `${bin} secret rotate --json -o new-values.txt`,
  ],
};

export const secretRetireCommand: CommandSpec = {
  name: "secret retire",
  summary: "Phase 2: prove the newest secret, then remove older ones boxafe-connect made",
  description:
    "Give the newest secret (the one Boxafe now holds) through BOXAFE_CLIENT_SECRET or\n" +
    "--client-secret-stdin. It is proven with a fresh token first; only then are older secrets made by\n" +
    "boxafe-connect removed. Secrets made by anyone else are never touched.",
  groups: [
    {
      title: "Retire options",
      options: [
        ...appKeyOptions,
        ...credentialOptions.filter((o) => o.name === "client-secret-stdin"),
        { name: "keep", kind: "string", value: "N", description: "Keep the N newest of ours (1)." },
        {
          name: "older-than",
          kind: "string",
          value: "DAYS",
          description: "Only remove secrets created at least DAYS ago.",
        },
      ],
    },
    targetGroup,
    globalGroup,
  ],
  examples: [
    `BOXAFE_CLIENT_SECRET=... ${bin} secret retire --app-id 1111...`,
    `cat new-secret.txt | ${bin} secret retire --client-secret-stdin --keep 2 --json`,
  ],
};
