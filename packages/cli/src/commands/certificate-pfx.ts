/**
 * `certificate pfx`: a new PFX from a PEM the admin holds, for the PFX whose password was never
 * shown (a run stopped between writing the PEM and showing the password). Offline: the certificate
 * is the one on the app, only its PKCS#12 wrapping and password are new. Order: the PFX is written
 * 0600 under a temporary name, the password is shown (stdout / JSON), and only then does the file get
 * its name, so a PFX named for Boxafe never exists without its password in the admin's hands.
 */
import { randomBytes } from "node:crypto";
import { link, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import { pfxFromPem } from "@boxafe-connect/certs";
import { printable } from "@boxafe-connect/core";
import { UsageError } from "../cli/usage-error.js";
import type { CommandContext } from "../command-context.js";
import { readHeldCertificate } from "../files/held-certificate.js";
import { checkNewFile } from "../files/output-path.js";
import { ExitCode } from "../render-error.js";
import { text } from "../requests/flag-values.js";

const COMMAND = "certificate pfx";

/** `<name>.pfx` beside the PEM, else `<name>-2.pfx`, ...: never a file that exists. */
async function freePfxPath(pem: string): Promise<string> {
  const base = join(dirname(pem), basename(pem, extname(pem)));
  for (let n = 1; n < 1000; n++) {
    const path = n === 1 ? `${base}.pfx` : `${base}-${n}.pfx`;
    try {
      await checkNewFile(path, "out", COMMAND);
      return path;
    } catch {}
  }
  throw new UsageError(`--out: no free PFX name beside ${pem}; give one with --out FILE.`, COMMAND);
}

export async function runCertificatePfx(context: CommandContext): Promise<number> {
  const { out, values } = context;
  const file = text(values, "certificate-file");
  if (file === undefined || file.trim() === "")
    throw new UsageError(
      "--certificate-file is required: the PEM with the certificate and its key.",
      COMMAND,
    );
  // Read and checked before anything is made: a broken or expired file is exit 2 naming the option.
  const held = await readHeldCertificate(context, file, "certificate-file", Date.now());
  const given = text(values, "out");
  if (given !== undefined && given.trim() === "")
    throw new UsageError("--out is empty: give a new file name for the PFX, or leave it out.", COMMAND);
  if (given !== undefined) await checkNewFile(given, "out", COMMAND);
  const target = given ?? (await freePfxPath(file));
  const password = randomBytes(18).toString("base64url");
  out.redactor.protect(password);
  out.redactor.handOver(password);
  const pfx = await pfxFromPem(globalThis.crypto, held, password);
  const staged = `${target}.partial-${process.pid}`;
  await writeFile(staged, pfx, { flag: "wx", mode: 0o600 });
  try {
    out.result({
      command: COMMAND,
      ok: true,
      certificateFile: file,
      thumbprint: held.thumbprint,
      notAfter: held.notAfter,
      pfxFile: target,
      pfxPassword: password,
    });
    out.print(
      [
        `New PFX for ${held.thumbprint} (until ${held.notAfter.slice(0, 10)}): ${printable(target)} (0600)`,
        `  PFX password (shown only now): ${password}`,
        "  Give Boxafe this PFX with this password; the certificate on the app is unchanged.",
      ].join("\n"),
    );
    // link refuses an existing name (never overwrites a file made meanwhile); the staged copy then goes.
    await link(staged, target);
  } finally {
    await unlink(staged).catch(() => {});
  }
  return ExitCode.Ok;
}
