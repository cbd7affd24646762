/**
 * `certificate rotate`: how a NAS keeps its credential alive with nobody signing in. The app's
 * own token (client credentials with --certificate-file) is the only credential used; the new key
 * pair is written to disk (0600) before the tenant learns about it, then addKey with a proof signed
 * by the current certificate, then a fresh token proves the new one. The current one stays valid.
 */
import { readFile } from "node:fs/promises";
import {
  certificateRotateRequestSchema,
  graphAudience,
  parseRequest,
  rotateCertificate,
} from "@boxafe-connect/core";
import { createGraphPort, createProofSigner, nodePorts } from "@boxafe-connect/runtime";
import { parseCertificatePem } from "../auth/read-certificate.js";
import { UsageError } from "../cli/usage-error.js";
import type { CommandContext } from "../command-context.js";
import {
  type CertificateFiles,
  certificateBaseName,
  writeCertificateFiles,
} from "../files/certificate-files.js";
import { checkOutputFolder } from "../files/output-path.js";
import { withProgress } from "../render/task-progress.js";
import { ExitCode } from "../render-error.js";
import { text } from "../requests/flag-values.js";
import { targetOptionsOf } from "../requests/session-request.js";
import { proofPorts } from "../session/admin-session.js";
import { certificateMaker } from "../session/certificate-maker.js";
import { resolveTarget } from "../target/resolve-target.js";

export async function runCertificateRotate(context: CommandContext): Promise<number> {
  const { out, values } = context;
  const file = text(values, "certificate-file");
  if (file === undefined)
    throw new UsageError(
      "--certificate-file is needed: the current certificate and key.",
      "certificate rotate",
    );
  const pem = await readFile(file, "utf8").catch(() => {
    throw new UsageError(`--certificate-file: cannot read ${file}.`, "certificate rotate");
  });
  const current = parseCertificatePem(pem, file, Date.now());
  if (current.kind !== "certificate")
    throw new UsageError("--certificate-file must hold a certificate.", "certificate rotate");
  out.redactor.protect(current.privateKeyPem);
  const dir = text(values, "out-dir") ?? ".";
  const appIdText = text(values, "app-id") ?? "";
  const days = text(values, "cert-days");
  await checkOutputFolder(dir, [], "out-dir", "certificate rotate");
  const target = await resolveTarget(context, targetOptionsOf(values));
  try {
    const request = parseRequest(certificateRotateRequestSchema, {
      tenantId: target.tenant,
      appId: appIdText,
      applicationObjectId: text(values, "object-id") ?? "",
      ...(days === undefined ? {} : { certificateDays: Number(days) }),
    });
    const base = `${certificateBaseName(request.appId)}-${new Date().toISOString().slice(0, 10)}`;
    await checkOutputFolder(
      dir,
      [`${base}.pem`, `${base}.cer`, `${base}.pfx`],
      "out-dir",
      "certificate rotate",
    );
    const proof = await proofPorts(context, target);
    const credential = {
      kind: "certificate" as const,
      certificatePem: current.certificatePem,
      privateKeyPem: current.privateKeyPem,
    };
    let files: CertificateFiles | undefined;
    const maker = certificateMaker(context);
    const result = await withProgress(out, (emit) =>
      rotateCertificate(
        {
          ...nodePorts(),
          ...proof,
          // Graph as the app itself: a fresh token from the current certificate, never an admin's.
          graph: createGraphPort({
            baseUrl: target.endpoints.graphBaseUrl,
            getAccessToken: () =>
              proof.appToken.acquire({
                tenantId: request.tenantId,
                clientId: request.appId,
                credential,
                resource: graphAudience(target.endpoints),
              }),
          }),
          currentSigner: createProofSigner(credential),
          signerFor: (made) => createProofSigner(made),
          certificates: maker,
          keep: async (made) => {
            files = await writeCertificateFiles(dir, base, made);
          },
        },
        request,
        emit,
      ),
    );
    const made = result.certificate;
    if (made.generatedPassword) out.redactor.handOver(made.pfxPassword);
    out.result({
      command: "certificate rotate",
      ok: true,
      tenantId: request.tenantId,
      clientId: request.appId,
      thumbprint: made.thumbprint,
      notAfter: made.notAfter,
      keyId: result.keyId ?? null,
      files: files ?? null,
      pfxPassword: made.generatedPassword ? made.pfxPassword : null,
    });
    out.print(
      [
        `New certificate ${made.thumbprint} (until ${made.notAfter.slice(0, 10)}) added and proven; the current one still works.`,
        ...(files ? [`  ${files.pem} (key, 0600)  ${files.cer}  ${files.pfx} (0600)`] : []),
        ...(made.generatedPassword ? [`  PFX password (shown only now): ${made.pfxPassword}`] : []),
      ].join("\n"),
    );
    return ExitCode.Ok;
  } finally {
    await target.close();
  }
}
