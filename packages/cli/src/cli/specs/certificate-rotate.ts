/** `certificate rotate`: its help text, options and examples. */
import { bin } from "../bin-name.js";
import type { CommandSpec } from "../option-spec.js";
import { appIdOption, globalGroup, targetGroup } from "../options.js";

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
        { name: "object-id", kind: "string", value: "GUID", description: "The application's Object ID." },
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
