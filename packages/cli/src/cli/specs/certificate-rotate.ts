/** `certificate rotate`: its help text, options and examples. */
import { bin } from "../bin-name.js";
import type { CommandSpec } from "../option-spec.js";
import { appIdOption, globalGroup, targetGroup } from "../options.js";

/** An app cannot read its own registration, so both phases are told its Object ID. */
const objectIdOption = {
  name: "object-id",
  kind: "string",
  value: "GUID",
  description: "The application's Object ID.",
} as const;

export const certificateRotateCommand: CommandSpec = {
  name: "certificate rotate",
  summary: "The app rolls its own certificate (Graph addKey with a proof): no admin sign-in",
  description:
    "Signs in as the app with --certificate-file (the current certificate and its key), makes a new\n" +
    "key pair, writes it to the --out-dir files first (0600), then adds it with Graph addKey and a\n" +
    "proof-of-possession JWT signed by the current certificate, and proves it with a fresh token.\n" +
    "The current certificate keeps working. --object-id is the application's Object ID (setup's\n" +
    "applicationObjectId): an app cannot read its own registration.",
  groups: [
    {
      title: "Rotate options",
      options: [
        appIdOption,
        objectIdOption,
        {
          name: "certificate-file",
          kind: "string",
          value: "PEM",
          description: "The current certificate and its private key.",
        },
        { name: "cert-days", kind: "string", value: "DAYS", description: "New certificate lifetime (365)." },
        { name: "out-dir", kind: "string", value: "DIR", description: "Where to write the new files (.)." },
      ],
    },
    targetGroup,
    globalGroup,
  ],
  examples: [
    `${bin} certificate rotate --tenant contoso.com --app-id 1111... --object-id 2222... --certificate-file current.pem`,
  ],
};

export const certificateRetireCommand: CommandSpec = {
  name: "certificate retire",
  summary: "Phase 2 of a self-rotation: prove the newest certificate, then removeKey older ones (no admin)",
  description:
    "Signs in as the app with --certificate-file (the newest certificate, the one Boxafe now holds):\n" +
    "a fresh token proves it first; only then are older certificates boxafe-connect made removed with\n" +
    "Graph removeKey and a proof-of-possession JWT signed by the newest. The candidates are the\n" +
    "certificate record 'certificate rotate' keeps (boxafe-<app>-certificates.json, in --record-dir,\n" +
    "default the folder of --certificate-file): an app cannot read its own registration, so a\n" +
    "certificate it has no record of is never touched.",
  groups: [
    {
      title: "Retire options",
      options: [
        appIdOption,
        objectIdOption,
        {
          name: "certificate-file",
          kind: "string",
          value: "PEM",
          description: "The newest certificate and its private key.",
        },
        { name: "keep", kind: "string", value: "N", description: "Keep the N newest of ours (1)." },
        {
          name: "older-than",
          kind: "string",
          value: "DAYS",
          description: "Only remove certificates valid since at least DAYS ago.",
        },
        {
          name: "record-dir",
          kind: "string",
          value: "DIR",
          description: "Where the certificate record is (the folder of --certificate-file).",
        },
      ],
    },
    targetGroup,
    globalGroup,
  ],
  examples: [
    `${bin} certificate retire --tenant contoso.com --app-id 1111... --object-id 2222... --certificate-file newest.pem`,
  ],
};
