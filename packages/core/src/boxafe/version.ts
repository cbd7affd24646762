/**
 * Which Boxafe the admin runs decides what it is handed and which credential the app gets.
 *
 * - Boxafe 1.4 (QNAP tutorial cid=476, the guide we automate, 2021-11-23): "Add new Domain" takes the
 *   client ID, the tenant ID and a client secret.
 * - Boxafe 1.5 or later (QNAP tutorial cid=394, 2025-06-11): the tenant ID, the client ID and a
 *   certificate, which QNAP makes with a Windows-only PowerShell script; we make it on any OS. Which
 *   file Boxafe 1.5 takes is not published (UNCONFIRMED), so we hand over a PFX with its password,
 *   plus the PEM and CER.
 *
 * The default is 1.5: it is QNAP's current release line, and since 2026-04-02 SharePoint refuses
 * app-only tokens got with a secret, so only a certificate lets Boxafe back up SharePoint.
 */
import { CoreError } from "../errors.js";
import { printable } from "../tenant/printable.js";

export type BoxafeVersion = "1.4" | "1.5";

export const boxafeVersions: readonly BoxafeVersion[] = ["1.4", "1.5"];

export const DEFAULT_BOXAFE_VERSION: BoxafeVersion = "1.5";

export const DEFAULT_BOXAFE_VERSION_REASON =
  "1.5 is the default: QNAP's current Boxafe takes a certificate, and SharePoint has accepted only certificate-based app tokens since 2026-04-02.";

export type HandOverField = "tenantId" | "clientId" | "clientSecret" | "certificate";

export interface BoxafeCredentials {
  readonly version: BoxafeVersion;
  /** Make a client secret (Boxafe 1.4 signs in with it). */
  readonly secret: boolean;
  /** Make a certificate (Boxafe 1.5+ signs in with it; SharePoint needs it). */
  readonly certificate: boolean;
  /** What Boxafe's "Add new Domain" window asks for, in its order. */
  readonly handOver: readonly HandOverField[];
  /** A sentence for the admin. */
  readonly summary: string;
}

const PLANS: Readonly<Record<BoxafeVersion, BoxafeCredentials>> = {
  "1.4": {
    version: "1.4",
    secret: true,
    certificate: false,
    handOver: ["clientId", "tenantId", "clientSecret"],
    summary:
      "Boxafe 1.4 takes the client ID, the tenant ID and a client secret. SharePoint refuses secret-based app tokens since 2026-04-02, so SharePoint backup needs Boxafe 1.5 or later.",
  },
  "1.5": {
    version: "1.5",
    secret: false,
    certificate: true,
    handOver: ["tenantId", "clientId", "certificate"],
    summary:
      "Boxafe 1.5 or later takes the tenant ID, the client ID and a certificate (PFX with its password; PEM and CER beside it). No client secret is made.",
  },
};

export function boxafeCredentials(version: BoxafeVersion): BoxafeCredentials {
  return PLANS[version];
}

/**
 * Whether a setup request gets a certificate: asked for (`--certificate`, a held certificate), or the
 * Boxafe it is for signs in with one (1.5+). The one place every front end and setup itself ask.
 */
export function needsCertificate(request: {
  readonly certificate?: boolean | undefined;
  readonly boxafe?: BoxafeVersion | undefined;
}): boolean {
  return request.certificate === true || (request.boxafe !== undefined && PLANS[request.boxafe].certificate);
}

/** "1.4" -> 1.4; "1.5", "1.5+", "1.6", "2.0" -> 1.5 (every release from 1.5 on takes a certificate). */
export function parseBoxafeVersion(value: string | undefined, field = "boxafe"): BoxafeVersion {
  if (value === undefined || value.trim() === "") return DEFAULT_BOXAFE_VERSION;
  const match = /^(\d+)\.(\d+)(?:\.\d+)?\+?$/.exec(value.trim());
  const major = Number(match?.[1]);
  const minor = Number(match?.[2]);
  if (match && major === 1 && minor === 4) return "1.4";
  if (match && (major > 1 || (major === 1 && minor >= 5))) return "1.5";
  throw new CoreError(
    "invalid_input",
    // A fleet file is text from anywhere: quoted short and escaped, never a terminal sequence.
    `Boxafe version "${printable(value, 40)}" is not one we set up: use 1.4 or 1.5 (1.5 covers every later release).`,
    {
      field,
    },
  );
}
