/** `web-app register`: the SPA registration the web UI signs in with on a real tenant. */
import {
  CoreError,
  isCoreError,
  parseRequest,
  registerWebUi,
  webAppRequestSchema,
} from "@boxafe-connect/core";
import type { CommandContext } from "../command-context.js";
import { listOption, stringOption } from "../command-context.js";
import { sessionRequestOf } from "../requests/session-request.js";
import { openAdminSession } from "../session/admin-session.js";

export async function runWebAppRegister(context: CommandContext): Promise<number> {
  const { out } = context;
  const name = stringOption(context, "name");
  const given = listOption(context, "redirect-uri");
  const request = (() => {
    try {
      return parseRequest(webAppRequestSchema, {
        ...(name === undefined ? {} : { displayName: name }),
        ...(given.length > 0 ? { redirectUris: given } : {}),
      });
    } catch (error) {
      // This command names the app with --name, not --app-name.
      if (isCoreError(error) && error.field === "displayName") {
        throw new CoreError("invalid_input", error.message, { field: "name" });
      }
      throw error;
    }
  })();
  const { displayName } = request;
  const session = await openAdminSession(context, sessionRequestOf(context.values), { requireAdmin: true });
  try {
    const step = out.step(`Registering "${displayName}"`);
    const result = await registerWebUi(session.ports, request);
    step.done(`Registered ${result.appId}`);
    out.result({
      command: "web-app register",
      ok: true,
      tenantId: session.tenantId,
      clientId: result.appId,
      ...result,
    });
    out.print(
      [
        `Web UI client ID: ${result.appId}`,
        `Tenant ID:        ${session.tenantId}`,
        `Redirect URIs:    ${result.redirectUris.join(", ")}`,
        `Graph scopes:     ${result.scopes.join(", ")} (delegated; consent is asked at the first sign-in)`,
        "Give the web UI this client ID and tenant ID (see packages/web's README).",
      ].join("\n"),
    );
    return 0;
  } finally {
    await session.close();
  }
}
