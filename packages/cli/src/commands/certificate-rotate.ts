/**
 * `certificate rotate`: how a NAS keeps its credential alive with nobody signing in. The app's
 * own token (client credentials with --certificate-file) is the only credential used; the new key
 * pair is written to disk (0600) before the tenant learns about it, then addKey with a proof signed
 * by the current certificate, then a fresh token proves the new one. The current one stays valid.
 */
import { dirname } from "node:path";
import {
  certificateKeyId,
  certificateRotateRequestSchema,
  parseRequest,
  rotateCertificate,
} from "@boxafe-connect/core";
import { createProofSigner, nodePorts } from "@boxafe-connect/runtime";
import { UsageError } from "../cli/usage-error.js";
import type { CommandContext } from "../command-context.js";
import {
  type CertificateFiles,
  certificateBaseName,
  writeCertificateFiles,
} from "../files/certificate-files.js";
import { type HeldCertificate, readHeldCertificate } from "../files/held-certificate.js";
import { readKeyRecord, writeKeyRecord } from "../files/key-record.js";
import { checkOutputFolder } from "../files/output-path.js";
import { withProgress } from "../render/task-progress.js";
import { ExitCode } from "../render-error.js";
import { text } from "../requests/flag-values.js";
import { requireSelfRotationIds } from "../requests/self-rotation-flags.js";
import { targetOptionsOf } from "../requests/session-request.js";
import { proofPorts } from "../session/admin-session.js";
import { appGraphPort } from "../session/app-graph.js";
import { certificateMaker } from "../session/certificate-maker.js";
import { resolveTarget } from "../target/resolve-target.js";

/**
 * Records both certificates for `certificate retire` (the app cannot read its own keyIds). The new
 * key pair is already in its files and shown, so a record that cannot be written is a warning.
 */
async function recordRotation(
  context: CommandContext,
  dir: string,
  currentFile: string,
  app: { readonly appId: string; readonly applicationObjectId: string },
  current: HeldCertificate,
  made: { readonly thumbprint: string; readonly notBefore: string; readonly notAfter: string },
  keyId: string | undefined,
): Promise<string | undefined> {
  const command = "certificate rotate";
  const known = [
    ...(await readKeyRecord(dirname(currentFile), app.appId, "certificate-file", command)),
    ...(await readKeyRecord(dir, app.appId, "out-dir", command)),
  ];
  const currentKeyId =
    known.find((k) => k.thumbprint === current.thumbprint)?.keyId ?? certificateKeyId(current.thumbprint);
  try {
    return await writeKeyRecord(dir, app, known, [
      {
        keyId: currentKeyId,
        thumbprint: current.thumbprint,
        startDateTime: current.notBefore,
        endDateTime: current.notAfter,
      },
      // A lost addKey answer leaves the new key's id unknown: it is the newest, never retired now.
      ...(keyId === undefined
        ? []
        : [
            { keyId, thumbprint: made.thumbprint, startDateTime: made.notBefore, endDateTime: made.notAfter },
          ]),
    ]);
  } catch (error) {
    context.out.warn(
      `Could not write the certificate record in ${dir} (${error instanceof Error ? error.message : String(error)}); the new certificate is safe, but 'certificate retire' will not know its keyId.`,
    );
    return undefined;
  }
}

export async function runCertificateRotate(context: CommandContext): Promise<number> {
  const { out, values } = context;
  const file = text(values, "certificate-file");
  if (file === undefined)
    throw new UsageError(
      "--certificate-file is needed: the current certificate and key.",
      "certificate rotate",
    );
  requireSelfRotationIds(values, "certificate rotate");
  const current = await readHeldCertificate(context, file, "certificate-file", Date.now());
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
          graph: appGraphPort(target, proof, request, credential),
          currentSigner: createProofSigner(credential),
          signerFor: (made) => createProofSigner(made),
          certificates: maker,
          // The given file signs in first: a wrong one stops the run before any file is written.
          current: credential,
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
    const record = await recordRotation(context, dir, file, request, current, made, result.keyId);
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
      keyRecord: record ?? null,
    });
    out.print(
      [
        `New certificate ${made.thumbprint} (until ${made.notAfter.slice(0, 10)}) added and proven; the current one still works.`,
        ...(files ? [`  ${files.pem} (key, 0600)  ${files.cer}  ${files.pfx} (0600)`] : []),
        ...(made.generatedPassword ? [`  PFX password (shown only now): ${made.pfxPassword}`] : []),
        ...(record ? [`  ${record}: the keyIds 'certificate retire' needs later`] : []),
      ].join("\n"),
    );
    return ExitCode.Ok;
  } finally {
    await target.close();
  }
}
