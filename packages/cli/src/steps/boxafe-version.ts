/** The wizard's first question: which Boxafe takes the values (core decides what each one gets). */
import type { BoxafeVersion } from "@boxafe-connect/core";
import {
  boxafeCredentials,
  DEFAULT_BOXAFE_VERSION,
  DEFAULT_BOXAFE_VERSION_REASON,
} from "@boxafe-connect/core";
import { unwrap } from "../wizard/prompts.js";
import type { Ui } from "./ui.js";

export async function askBoxafeVersion(ui: Ui): Promise<BoxafeVersion> {
  const version = await unwrap(
    await ui.select<BoxafeVersion>({
      message: "Which Boxafe will take these values?",
      initialValue: DEFAULT_BOXAFE_VERSION,
      options: [
        { value: "1.5", label: "Boxafe 1.5 or later", hint: "tenant ID, client ID and a certificate" },
        { value: "1.4", label: "Boxafe 1.4", hint: "client ID, tenant ID and a client secret" },
      ],
    }),
  );
  ui.log.info(`${boxafeCredentials(version).summary}\n${DEFAULT_BOXAFE_VERSION_REASON}`);
  return version;
}

/** Boxafe 1.5's certificate as the hand-over shows it: thumbprint, files, the PFX password once. */
export function boxafeCertificateLines(
  made: {
    readonly thumbprint: string;
    readonly notAfter: string;
    readonly pfxPassword: string;
    readonly generatedPassword: boolean;
    /** Set when it is the admin's own certificate, reused (no file was written). */
    readonly file?: string;
  },
  files: { readonly pem: string; readonly cer: string; readonly pfx: string } | undefined,
): string[] {
  if (made.file !== undefined) {
    return [
      `Thumbprint: ${made.thumbprint} (valid until ${made.notAfter.slice(0, 10)})`,
      `Your certificate ${made.file}, reused: no new key, no file written (upload its PFX as before)`,
    ];
  }
  return [
    `Thumbprint: ${made.thumbprint} (valid until ${made.notAfter.slice(0, 10)})`,
    ...(files
      ? [
          `Upload ${files.pfx} (0600) in Boxafe's "Add new Domain" window`,
          `${files.pem} (key, 0600)  ${files.cer}`,
        ]
      : []),
    made.generatedPassword
      ? `PFX password (shown only now): ${made.pfxPassword}`
      : "PFX password: from BOXAFE_PFX_PASSWORD",
  ];
}
