/**
 * `certificate retire` (phase two of a self-rotation, no admin): the newest certificate from
 * --certificate-file signs in as the app (the proof), then core removes older certificates
 * boxafe-connect made with removeKey, each proven by a JWT signed by the newest. The candidates come
 * from the certificate record `certificate rotate` keeps (the app cannot read its own keyIds).
 */
import { dirname } from "node:path";
import { certificateRetireRequestSchema, parseRequest, retireCertificatesSelf } from "@boxafe-connect/core";
import { createProofSigner, nodePorts } from "@boxafe-connect/runtime";
import { UsageError } from "../cli/usage-error.js";
import type { CommandContext } from "../command-context.js";
import { readHeldCertificate } from "../files/held-certificate.js";
import { keyRecordPath, readKeyRecord, writeKeyRecord } from "../files/key-record.js";
import { withProgress } from "../render/task-progress.js";
import { ExitCode } from "../render-error.js";
import { numberOrText, text } from "../requests/flag-values.js";
import { requireSelfRotationIds } from "../requests/self-rotation-flags.js";
import { targetOptionsOf } from "../requests/session-request.js";
import { proofPorts } from "../session/admin-session.js";
import { appGraphPort } from "../session/app-graph.js";
import { resolveTarget } from "../target/resolve-target.js";

const COMMAND = "certificate retire";

export async function runCertificateRetire(context: CommandContext): Promise<number> {
  const { out, values } = context;
  const file = text(values, "certificate-file");
  if (file === undefined)
    throw new UsageError("--certificate-file is needed: the newest certificate and its key.", COMMAND);
  requireSelfRotationIds(values, COMMAND);
  const newest = await readHeldCertificate(context, file, "certificate-file", Date.now());
  const appId = (text(values, "app-id") ?? "").trim().toLowerCase();
  const recordDir = text(values, "record-dir") ?? dirname(file);
  const keep = numberOrText(text(values, "keep"));
  const olderThan = numberOrText(text(values, "older-than"));
  const input = {
    appId,
    applicationObjectId: text(values, "object-id") ?? "",
    newestThumbprint: newest.thumbprint,
    newestStart: newest.notBefore,
    ...(keep === undefined ? {} : { keep }),
    ...(olderThan === undefined ? {} : { olderThanDays: olderThan }),
  };
  // Every flag is checked before the record is read and before any token request.
  const keys = await readKeyRecord(recordDir, appId, "record-dir", COMMAND);
  const target = await resolveTarget(context, targetOptionsOf(values));
  try {
    const request = parseRequest(certificateRetireRequestSchema, { ...input, tenantId: target.tenant, keys });
    const proof = await proofPorts(context, target);
    const credential = {
      kind: "certificate" as const,
      certificatePem: newest.certificatePem,
      privateKeyPem: newest.privateKeyPem,
    };
    const result = await withProgress(out, (emit) =>
      retireCertificatesSelf(
        {
          ...nodePorts(),
          ...proof,
          graph: appGraphPort(target, proof, request, credential),
          newest: credential,
          newestSigner: createProofSigner(credential),
        },
        request,
        emit,
      ),
    );
    // The record forgets what is gone, so a re-run has nothing to send.
    const gone = new Set(result.removedKeyIds);
    if (gone.size > 0) {
      await writeKeyRecord(
        recordDir,
        request,
        keys.filter((k) => !gone.has(k.keyId)),
        [],
      ).catch((error: unknown) => {
        out.warn(
          `Could not update the certificate record in ${recordDir} (${error instanceof Error ? error.message : String(error)}); a re-run sends removeKey again, which finds the keys gone.`,
        );
      });
    }
    out.result({
      command: COMMAND,
      ok: true,
      tenantId: request.tenantId,
      clientId: result.appId,
      provenThumbprint: result.provenThumbprint,
      keptKeyIds: result.keptKeyIds,
      removedKeyIds: result.removedKeyIds,
      keyRecord: keys.length > 0 ? keyRecordPath(recordDir, appId) : null,
    });
    out.print(
      result.removedKeyIds.length === 0
        ? `Nothing to retire: ${newest.thumbprint} works and no older certificate of ours is recorded${keys.length === 0 ? ` (no record in ${recordDir})` : ""}.`
        : `Proven ${newest.thumbprint}, then removed ${result.removedKeyIds.length} older certificate(s): ${result.removedKeyIds.join(", ")}; kept ${result.keptKeyIds.length}.`,
    );
    return ExitCode.Ok;
  } finally {
    await target.close();
  }
}
