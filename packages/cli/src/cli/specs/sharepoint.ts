/** `sharepoint`: its help text, options and examples. */
import { bin } from "../bin-name.js";
import type { CommandSpec } from "../option-spec.js";
import { appKeyOptions, globalGroup, targetGroup } from "../options.js";

export const sharepointCommand: CommandSpec = {
  name: "sharepoint",
  summary: "SharePoint access: a certificate (modern), or the legacy appinv.aspx values",
  description:
    "SharePoint app-only access needs a certificate. --certificate creates one, adds its public part\n" +
    "to the app and writes the PEM and a password-protected PFX (password from BOXAFE_PFX_PASSWORD\n" +
    "or generated and shown once). A certificate you already hold (--certificate-file, or the .pem an\n" +
    "earlier run wrote for this app in --out-dir) is reused: added once when the app lacks it, and a\n" +
    "run with nothing to do writes nothing. --legacy-appinv prints the retired appinv.aspx values.",
  groups: [
    {
      title: "SharePoint options",
      options: [
        ...appKeyOptions,
        { name: "certificate", kind: "boolean", description: "Create and add a certificate (default)." },
        { name: "legacy-appinv", kind: "boolean", description: "Print the appinv.aspx values instead." },
        {
          name: "certificate-file",
          kind: "string",
          value: "PEM",
          description:
            "Your certificate and key (PEM, or PFX with BOXAFE_PFX_PASSWORD): added when the app lacks it.",
        },
        { name: "cert-days", kind: "string", value: "DAYS", description: "Certificate lifetime (365)." },
        { name: "out-dir", kind: "string", value: "DIR", description: "Where to write the files (.)." },
      ],
    },
    targetGroup,
    globalGroup,
  ],
  examples: [
    `${bin} sharepoint --app-id 1111... --out-dir ./boxafe-cert`,
    `${bin} sharepoint --legacy-appinv`,
  ],
};
