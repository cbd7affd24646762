/**
 * `secret rotate`: add a new secret, prove it with a token, then remove the old ones
 * boxafe-connect made (unless --keep-old). The new secret is shown once.
 */
import { parseSecretLifetime, rotateSecret } from "@boxafe-connect/core";
import { createMsalAppTokenPort } from "@boxafe-connect/runtime";
import type { CommandContext } from "../command-context.js";
import { flag, stringOption } from "../command-context.js";
import { handOverLines, shownOnlyNowWarning, writeHandOverFile } from "../files/hand-over.js";
import { openAdminSession } from "../session/admin-session.js";
import { appKeyOf } from "../session/app-options.js";

export async function runSecretRotate(context: CommandContext): Promise<number> {
  const { out } = context;
  const days = stringOption(context, "secret-days");
  const end = stringOption(context, "secret-end");
  const session = await openAdminSession(context, { requireAdmin: true });
  try {
    const lifetime = parseSecretLifetime(
      end ?? days,
      session.deps.clock.now(),
      end ? "secret-end" : "secret-days",
    );
    const step = out.step("Adding a new secret and proving it");
    const result = await rotateSecret(
      {
        ...session.deps,
        appToken: createMsalAppTokenPort({ authorityHost: session.target.endpoints.authorityHost }),
      },
      {
        tenantId: session.tenantId,
        appKey: appKeyOf(context),
        endDateTime: lifetime.endDateTime,
        displayName: stringOption(context, "secret-name") ?? "Boxafe",
        keepOld: flag(context, "keep-old"),
        cloud: session.target.endpoints,
      },
    ).catch((error: unknown) => {
      step.fail("Rotation stopped; the old secrets still work");
      throw error;
    });
    out.redactor.protect(result.secret.secretText);
    step.done(`New secret proven; removed ${result.removedKeyIds.length} old one(s)`);
    const values = {
      tenantId: session.tenantId,
      clientId: result.appId,
      clientSecret: result.secret.secretText,
      secretExpiresAt: result.secret.endDateTime,
    };
    const file = stringOption(context, "output");
    if (file) {
      await writeHandOverFile(file, values);
      out.info(`Wrote the values to ${file} (mode 0600).`);
    }
    out.result({
      command: "secret rotate",
      ok: true,
      ...values,
      secretKeyId: result.secret.keyId,
      removedKeyIds: result.removedKeyIds,
      handOverFile: file ?? null,
    });
    out.print(
      ["New values for Boxafe:", ...handOverLines(values, out.style).map((l) => `  ${l}`)].join("\n"),
    );
    out.warn(shownOnlyNowWarning);
    return 0;
  } finally {
    await session.close();
  }
}
