/** `secret list`: the app's secrets and certificates with expiry; never secret values. */
// Names and hints are read from the tenant: printed with control characters escaped.
import { listCredentials, printable } from "@boxafe-connect/core";
import type { CommandContext } from "../command-context.js";
import { withProgress } from "../render/task-progress.js";
import { appRequestOf } from "../requests/app-request.js";
import { sessionRequestOf } from "../requests/session-request.js";
import { openAdminSession } from "../session/admin-session.js";

export async function runSecretList(context: CommandContext): Promise<number> {
  const request = appRequestOf(context.values);
  const session = await openAdminSession(context, sessionRequestOf(context.values), { requireAdmin: false });
  try {
    const list = await withProgress(context.out, (emit) => listCredentials(session.ports, request, emit));
    const { app, secrets, certificates } = list;
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
        style.bold(`Client secrets of "${printable(app.displayName)}" (${app.appId}):`),
        ...(secrets.length === 0 ? ["  none"] : []),
        ...secrets.map(
          (s) =>
            `  ${s.displayName === null ? "(no description)" : printable(s.displayName)}  ${s.hint ? `${printable(s.hint)}…  ` : ""}key ${s.keyId}  until ${s.endDateTime.slice(0, 10)}  ${state(s.expired, s.daysLeft)}`,
        ),
        style.bold("Certificates:"),
        ...(certificates.length === 0 ? ["  none"] : []),
        ...certificates.map(
          (c) =>
            `  ${c.displayName === null ? "(no description)" : printable(c.displayName)}  key ${c.keyId}  until ${c.endDateTime.slice(0, 10)}  ${state(c.expired, c.daysLeft)}`,
        ),
      ].join("\n"),
    );
    return 0;
  } finally {
    await session.close();
  }
}
