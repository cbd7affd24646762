/** `certificate pfx`: its help text, options and examples. */
import { bin } from "../bin-name.js";
import type { CommandSpec } from "../option-spec.js";
import { globalGroup } from "../options.js";

export const certificatePfxCommand: CommandSpec = {
  name: "certificate pfx",
  summary: "A new PFX (with a new password, shown first) from a certificate PEM you hold; no sign-in",
  description:
    "Reads --certificate-file (the PEM with the certificate and its private key that setup, sharepoint\n" +
    "or certificate rotate wrote) and makes a new PFX for Boxafe with a newly generated password: for\n" +
    "a PFX whose password you never saw (a run stopped after writing the PEM). The password is shown\n" +
    "before the PFX gets its name; the PFX is 0600 and never overwrites a file: by default it goes\n" +
    "beside the PEM (<name>.pfx, else <name>-2.pfx, ...). Nothing in the tenant changes: the\n" +
    "certificate is the same, only its PFX wrapping is new.",
  groups: [
    {
      title: "PFX options",
      options: [
        {
          name: "certificate-file",
          kind: "string",
          value: "PEM",
          description: "The certificate and its private key (PEM).",
        },
        {
          name: "out",
          kind: "string",
          value: "FILE",
          description: "The new PFX (a new file; default beside the PEM).",
        },
      ],
    },
    globalGroup,
  ],
  examples: [`${bin} certificate pfx --certificate-file boxafe-1a2b3c4d-sharepoint.pem`],
};
