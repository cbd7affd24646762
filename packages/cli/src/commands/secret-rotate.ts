/**
 * `secret rotate` (phase one): add a new secret, prove it with a token, show it (stdout and the
 * JSON document), and only then write the optional -o file. The old secrets keep working until
 * `secret retire`. The -o path is checked before sign-in; a failed write is exit 6, never a loss.
 */
import type { NewSecret } from "@boxafe-connect/core";
import { appKeyOf, parseRequest, rotate, rotateRequestSchema } from "@boxafe-connect/core";
import type { CommandContext } from "../command-context.js";
import { stringOption } from "../command-context.js";
import { handOverLines, shownOnlyNowWarning } from "../files/hand-over.js";
import {
  type HandOverFileResult,
  reportHandOverFile,
  writeHandOverFileNow,
} from "../files/hand-over-file.js";
import { checkOutputFile } from "../files/output-path.js";
import { ExitCode } from "../render-error.js";
import { appRequestOf } from "../requests/app-request.js";
import { sessionRequestOf } from "../requests/session-request.js";
import { openAdminSession } from "../session/admin-session.js";

function rotateRequestOf(context: CommandContext) {
  const days = stringOption(context, "secret-days");
  const end = stringOption(context, "secret-end");
  const appKey = appKeyOf(appRequestOf(context.values));
  return parseRequest(rotateRequestSchema, {
    ...("appId" in appKey ? { appId: appKey.appId } : {}),
    ...(stringOption(context, "app-name") === undefined
      ? {}
      : { displayName: stringOption(context, "app-name") }),
    ...(stringOption(context, "secret-name") === undefined
      ? {}
      : { secretName: stringOption(context, "secret-name") }),
    ...(days === undefined ? {} : { secretLifetimeDays: Number(days) }),
    ...(end === undefined ? {} : { secretEndDate: end }),
  });
}

export async function runSecretRotate(context: CommandContext): Promise<number> {
  const { out } = context;
  const file = stringOption(context, "output");
  // Everything the command will need is checked before anyone signs in or anything changes.
  const request = rotateRequestOf(context);
  await checkOutputFile(file, "secret rotate");
  const session = await openAdminSession(context, sessionRequestOf(context.values), { requireAdmin: true });
  try {
    const step = out.step("Adding a new secret and proving it");
    let shown: { secret: NewSecret; clientId: string; written: HandOverFileResult } | undefined;
    const values = (secret: NewSecret, clientId: string) => ({
      tenantId: session.tenantId,
      clientId,
      clientSecret: secret.secretText,
      secretExpiresAt: secret.endDateTime,
    });
    await rotate(
      {
        ...session.ports,
        ...session.proof,
        tenantId: session.tenantId,
      },
      request,
      (event) => {
        if (event.type !== "credential" || event.secret === undefined) return;
        // The hand-over, before anything else can fail: the JSON document and stdout, synchronously.
        const secret = event.secret;
        out.redactor.handOver(secret.secretText);
        step.done("New secret proven; the old secrets keep working until 'secret retire'");
        // The file first (synchronous, never throwing), so the document says whether it was written.
        const written = writeHandOverFileNow(file, values(secret, event.clientId));
        shown = { secret, clientId: event.clientId, written };
        out.result({
          command: "secret rotate",
          ok: true,
          ...values(secret, event.clientId),
          secretKeyId: secret.keyId,
          removedKeyIds: [],
          ...written,
        });
        out.print(
          [
            "New values for Boxafe:",
            ...handOverLines(values(secret, event.clientId), out.style).map((l) => `  ${l}`),
          ].join("\n"),
        );
        out.warn(shownOnlyNowWarning);
        out.info("When Boxafe has the new secret, remove the old ones: boxafe-connect secret retire");
      },
    ).catch((error: unknown) => {
      if (shown === undefined) step.fail("Rotation stopped; the old secrets still work");
      throw error;
    });
    return shown === undefined ? ExitCode.Ok : reportHandOverFile(out, shown.written);
  } finally {
    await session.close();
  }
}
