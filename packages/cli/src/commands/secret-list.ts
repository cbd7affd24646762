/** `secret list`: the app's secrets and certificates with expiry; never secret values. */
import { CoreError, isOurSecret } from "@boxafe-connect/core";
import type { CommandContext } from "../command-context.js";
import { openAdminSession } from "../session/admin-session.js";
import { observeApp } from "../session/compute-plan.js";

const dayMs = 86_400_000;

export async function runSecretList(context: CommandContext): Promise<number> {
  const session = await openAdminSession(context, { requireAdmin: false });
  try {
    const now = session.deps.clock.now();
    const observed = await observeApp(context, session);
    const app = observed.application;
    if (!app) throw new CoreError("not_found", "No such app in this tenant. Check --app-id or --app-name.");
    const daysLeft = (end: string) => Math.floor((Date.parse(end) - now) / dayMs);
    const secrets = app.passwordCredentials.map((p) => ({
      keyId: p.keyId,
      displayName: p.displayName,
      hint: p.hint ?? null,
      startDateTime: p.startDateTime,
      endDateTime: p.endDateTime,
      expired: Date.parse(p.endDateTime) <= now,
      daysLeft: daysLeft(p.endDateTime),
      madeByBoxafeConnect: isOurSecret(p),
    }));
    const certificates = app.keyCredentials.map((k) => ({
      keyId: k.keyId,
      displayName: k.displayName,
      thumbprint: k.customKeyIdentifier ?? null,
      endDateTime: k.endDateTime,
      expired: Date.parse(k.endDateTime) <= now,
      daysLeft: daysLeft(k.endDateTime),
    }));
    context.out.result({
      command: "secret list",
      ok: true,
      tenantId: session.tenantId,
      clientId: app.appId,
      secrets,
      certificates,
    });
    const { style } = context.out;
    const state = (expired: boolean, days: number) =>
      expired ? style.red("expired") : days < 30 ? style.yellow(`${days} days left`) : `${days} days left`;
    context.out.print(
      [
        style.bold(`Client secrets of "${app.displayName}" (${app.appId}):`),
        ...(secrets.length === 0 ? ["  none"] : []),
        ...secrets.map(
          (s) =>
            `  ${s.displayName ?? "(no description)"}  ${s.hint ? `${s.hint}…  ` : ""}key ${s.keyId}  until ${s.endDateTime.slice(0, 10)}  ${state(s.expired, s.daysLeft)}`,
        ),
        style.bold("Certificates:"),
        ...(certificates.length === 0 ? ["  none"] : []),
        ...certificates.map(
          (c) =>
            `  ${c.displayName ?? "(no description)"}  key ${c.keyId}  until ${c.endDateTime.slice(0, 10)}  ${state(c.expired, c.daysLeft)}`,
        ),
      ].join("\n"),
    );
    return 0;
  } finally {
    await session.close();
  }
}
