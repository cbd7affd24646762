/**
 * `secret retire` (phase two): the newest secret (the one Boxafe now holds) comes from
 * BOXAFE_CLIENT_SECRET or stdin, is proven with a fresh token, and only then are the older secrets
 * boxafe-connect made removed (`--keep N`, `--older-than DAYS`). Someone else's are never touched.
 */
import { appKeyOf, parseRequest, retire, retireRequestSchema } from "@boxafe-connect/core";
import { readClientSecret } from "../auth/read-secret.js";
import { UsageError } from "../cli/usage-error.js";
import type { CommandContext } from "../command-context.js";
import { flag, stringOption } from "../command-context.js";
import { ExitCode } from "../render-error.js";
import { appRequestOf } from "../requests/app-request.js";
import { sessionRequestOf } from "../requests/session-request.js";
import { openAdminSession } from "../session/admin-session.js";

function wholeNumber(context: CommandContext, option: string): number | undefined {
  const text = stringOption(context, option);
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text.trim()))
    throw new UsageError(`--${option} must be a whole number, not "${text}".`, "secret retire");
  return Number(text);
}

export async function runSecretRetire(context: CommandContext): Promise<number> {
  const { out } = context;
  const secret = await readClientSecret({
    fromStdin: flag(context, "client-secret-stdin"),
    env: context.env,
    stdin: process.stdin,
    command: "secret retire",
  });
  out.redactor.protect(secret);
  const appKey = appKeyOf(appRequestOf(context.values));
  const keep = wholeNumber(context, "keep");
  const olderThan = wholeNumber(context, "older-than");
  const request = parseRequest(retireRequestSchema, {
    ...("appId" in appKey ? { appId: appKey.appId } : {}),
    ...(stringOption(context, "app-name") === undefined
      ? {}
      : { displayName: stringOption(context, "app-name") }),
    proof: { kind: "secret", secret },
    ...(keep === undefined ? {} : { keep }),
    ...(olderThan === undefined ? {} : { olderThanDays: olderThan }),
  });
  const session = await openAdminSession(context, sessionRequestOf(context.values), { requireAdmin: true });
  try {
    const step = out.step("Proving the newest secret, then removing older ones");
    const result = await retire(
      {
        ...session.ports,
        ...session.proof,
        tenantId: session.tenantId,
      },
      request,
    ).catch((error: unknown) => {
      step.fail("Nothing was removed");
      throw error;
    });
    step.done(
      result.removedKeyIds.length === 0
        ? "Nothing to retire: no older secret of ours left"
        : `Removed ${result.removedKeyIds.length} older secret(s); kept ${result.keptKeyIds.length}`,
    );
    out.result({
      command: "secret retire",
      ok: true,
      clientId: result.appId,
      provenKeyId: result.provenKeyId,
      keptKeyIds: result.keptKeyIds,
      removedKeyIds: result.removedKeyIds,
    });
    return ExitCode.Ok;
  } finally {
    await session.close();
  }
}
